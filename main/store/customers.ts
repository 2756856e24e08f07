import type { CustomerTier, LngLat } from '../../shared/domain';
import type { Db } from './db';

export interface NewCustomer {
  externalId: string;
  name: string;
  tier: CustomerTier;
  provinceAdcode: string;
  cityId: number | null;
  address: string;
  location: LngLat;
}

export function insertCustomer(db: Db, c: NewCustomer): number {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO customers (external_id, name, tier, province_adcode, city_id, address, lng, lat) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(c.externalId, c.name, c.tier, c.provinceAdcode, c.cityId, c.address, c.location[0], c.location[1]);
  return Number(lastInsertRowid);
}
