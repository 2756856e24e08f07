import { describe, expect, it } from 'vitest';
import type { NetworkProvinceResult, NetworkResult } from '../../../../shared/network';
import { comparisonRows, planPoints, POINT_COLOURS } from './networkTable';

const province = (adcode: string, over: Partial<NetworkProvinceResult> = {}) =>
  ({ adcode, status: 'optimal', mode: 'partner', engineers: 0, shops: 1, profit: 100, bases: [], certifiedShops: [], ...over }) as NetworkProvinceResult;
const result = (scenario: string, provinces: NetworkProvinceResult[]) => ({ scenario, provinces }) as NetworkResult;

describe('network screen helpers', () => {
  it('compare scenarios with the base, and keep only provinces that differ when asked', () => {
    const base = result('base', [province('620000'), province('440000')]);
    const other = result('fees-10', [province('620000', { profit: 180 }), province('440000')]);
    const all = comparisonRows([base, other], false);
    expect(all.map((r) => r.others[0]!.profitDelta)).toEqual([80, 0]);
    expect(comparisonRows([base, other], true).map((r) => r.adcode)).toEqual(['620000']);
  });

  it('draw each feasible plan’s shops and bases, bases sized by head count', () => {
    const plan = result('base', [
      province('620000', {
        mode: 'hybrid',
        bases: [{ cityId: 1, cityName: '兰州', location: [103.8, 36.1], engineers: 4, jobs: 10 }],
        certifiedShops: [{ id: 7, name: '天水网点', cityId: 2, location: [105.7, 34.6], certifiedNow: true, jobs: 5 }],
      }),
      province('440000', { status: 'infeasible', certifiedShops: [{ id: 8, name: 'x', cityId: 3, location: [113, 23], certifiedNow: true, jobs: 0 }] }),
    ]);
    const points = planPoints(plan, { base: (b) => `${b.cityName} ${b.engineers}`, shop: (s) => s.name });
    expect(points.features.map((f) => [f.properties.title, f.properties.color, f.properties.radius, f.geometry.coordinates])).toEqual([
      ['天水网点', POINT_COLOURS.shop, 3, [105.7, 34.6]],
      ['兰州 4', POINT_COLOURS.base, 8, [103.8, 36.1]],
    ]);
  });
});
