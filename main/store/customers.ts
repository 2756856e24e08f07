import type { CustomerTier, LngLat } from '../../shared/domain';
import type { CustomerMatch } from '../../shared/api/index';
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


/** Customers of a province whose name, id or address contains the text (as typed: % and _ match themselves). */
export function searchCustomers(db: Db, provinceAdcode: string, text: string, limit = 20): CustomerMatch[] {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .prepare(
      `SELECT id, external_id AS externalId, name, tier, address FROM customers
       WHERE province_adcode = @province AND (name LIKE @pattern ESCAPE '\\' OR external_id LIKE @pattern ESCAPE '\\' OR address LIKE @pattern ESCAPE '\\')
       ORDER BY tier = 'key' DESC, name LIMIT @limit`,
    )
    .all({ province: provinceAdcode, pattern, limit }) as CustomerMatch[];
}
