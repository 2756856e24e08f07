import { describe, expect, it } from 'vitest';
import type { ProvinceOverview } from '../../../../shared/api/index';
import type { PartnerShop } from '../../../../shared/domain';
import { buildMapStyle, COLORS, LAYER, provinceFillColor, shopPoints, TOGGLEABLE_LAYERS, urgencyOf } from './dispatchMapLayers';

const overview = (adcode: string, engineers: number): ProvinceOverview => ({
  adcode,
  nameZh: adcode,
  nameEn: adcode,
  capitalZh: '',
  capital: [0, 0],
  centroid: [0, 0],
  population: 0,
  engineers,
  certifiedShops: 0,
  openTickets: 0,
  annualEngineerCost: 0,
  ticketsLast12Months: 0,
  revenueLast12Months: 0,
});

const shop = (id: number, status: PartnerShop['status']): PartnerShop => ({
  id,
  externalId: `S${id}`,
  name: `shop ${id}`,
  provinceAdcode: '620000',
  city: '兰州',
  location: [103.8, 36.1],
  status,
  certificationLevel: 'gold',
  skills: [],
  dailyCapacity: 5,
  fees: { urgent: 1, regular: 1, complex: 1 },
  firstTimeFixRate: 0.8,
});

describe('map layers', () => {
  it('colour provinces with a direct team apart from partner-only ones', () => {
    expect(provinceFillColor([overview('440000', 16), overview('540000', 0)])).toEqual([
      'match',
      ['get', 'adcode'],
      ['440000'],
      COLORS.directProvince,
      COLORS.partnerProvince,
    ]);
    expect(provinceFillColor([overview('540000', 0)])).toBe(COLORS.partnerProvince);
  });

  it('draw certified shops only, as GeoJSON points carrying their id', () => {
    const collection = shopPoints([shop(1, 'certified'), shop(2, 'candidate'), shop(3, 'suspended')]);
    expect(collection.features.map((f) => f.id)).toEqual([1]);
    expect(collection.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [103.8, 36.1] });
    expect(collection.features[0]?.properties).toMatchObject({ kind: 'shop', id: 1 });
  });

  it('build a self-contained style: no remote sources, no glyphs, every toggleable layer present', () => {
    const style = buildMapStyle({ type: 'FeatureCollection', features: [] }, []);
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
    expect(style.glyphs).toBeUndefined();
    const ids = style.layers.map((l) => l.id);
    for (const layer of [...TOGGLEABLE_LAYERS, LAYER.provinceFill]) expect(ids).toContain(layer);
  });
});

describe('tickets on the map', () => {
  it('carry how close they are to breaching: past due, within two hours, or not yet', () => {
    const due = (slaDueAt: string) => ({ slaDueAt });
    expect(urgencyOf(due('2026-11-25 10:00'), '2026-11-25 10:00')).toBe('breached');
    expect(urgencyOf(due('2026-11-25 12:00'), '2026-11-25 10:01')).toBe('soon');
    expect(urgencyOf(due('2026-11-25 12:01'), '2026-11-25 10:00')).toBe('ok');
    expect(urgencyOf(due('2026-11-26 09:00'), '2026-11-25 23:00')).toBe('ok');
  });
});
