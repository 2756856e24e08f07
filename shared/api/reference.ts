// The organisation as the map shows it: provinces with their boundaries and standings, cities, engineers, shops.
import { z } from 'zod';
import type { Engineer, PartnerShop, Province, SlaTier } from '../domain';
import { channel } from './channel';
import { adcode, none, provinceFilter } from './common';

export interface ProvinceFeatureCollection {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    properties: { adcode: string; name: string };
    geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  }>;
}

export interface ProvinceOverview extends Omit<Province, 'wageIndex'> {
  engineers: number;
  certifiedShops: number;
  openTickets: number;
  /** CNY a year: salaries, vehicles and travel allowances of the direct team. */
  annualEngineerCost: number;
  /** Tickets closed in the 12 months up to the reporting day (as in the P&L). */
  ticketsLast12Months: number;
  /** CNY: revenue of those tickets (as in the P&L). */
  revenueLast12Months: number;
}

export interface ProvinceDetail {
  province: ProvinceOverview;
  engineers: Engineer[];
  partnerShops: PartnerShop[];
  openTicketsByTier: Record<SlaTier, number>;
}

export const referenceChannels = {
  'geo.provinces': channel(none).returns<ProvinceFeatureCollection>(),
  'provinces.list': channel(none).returns<ProvinceOverview[]>(),
  'provinces.detail': channel(z.object({ adcode }).strict()).returns<ProvinceDetail>(),
  'regions.cities': channel(z.object({ provinceAdcode: adcode }).strict()).returns<Array<{ id: number; nameZh: string; nameEn: string }>>(),
  'engineers.list': channel(provinceFilter).returns<Engineer[]>(),
  'partners.list': channel(provinceFilter).returns<PartnerShop[]>(),
};
