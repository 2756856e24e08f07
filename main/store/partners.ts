import type { PartnerShop } from '../../shared/domain';
import type { Db } from './db';
import type { RegionFilter } from './reference';
import { fromFen, toFen } from './money';

export type NewPartnerShop = Omit<PartnerShop, 'id' | 'city'> & { cityId: number | null; certificationCost: number };

export function insertPartnerShop(db: Db, s: NewPartnerShop): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO partner_shops (external_id, name, province_adcode, city_id, lng, lat, status, certification_level, skills,
         daily_capacity, fee_urgent_fen, fee_regular_fen, fee_complex_fen, certification_cost_fen, first_time_fix_rate)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      s.externalId,
      s.name,
      s.provinceAdcode,
      s.cityId,
      s.location[0],
      s.location[1],
      s.status,
      s.certificationLevel,
      JSON.stringify(s.skills),
      s.dailyCapacity,
      toFen(s.fees.urgent),
      toFen(s.fees.regular),
      toFen(s.fees.complex),
      toFen(s.certificationCost),
      s.firstTimeFixRate,
    );
  return Number(lastInsertRowid);
}

interface ShopDbRow {
  id: number;
  external_id: string;
  name: string;
  province_adcode: string;
  city: string | null;
  lng: number;
  lat: number;
  status: PartnerShop['status'];
  certification_level: PartnerShop['certificationLevel'];
  skills: string;
  daily_capacity: number;
  fee_urgent_fen: number;
  fee_regular_fen: number;
  fee_complex_fen: number;
  first_time_fix_rate: number;
}

export function listPartnerShops(db: Db, filter: RegionFilter = {}): PartnerShop[] {
  const rows = db
    .prepare(
      `SELECT s.*, c.name_zh AS city FROM partner_shops s LEFT JOIN cities c ON c.id = s.city_id
       WHERE (@province IS NULL OR s.province_adcode = @province) AND (@city IS NULL OR s.city_id = @city) ORDER BY s.province_adcode, s.id`,
    )
    .all({ province: filter.provinceAdcode ?? null, city: filter.cityId ?? null }) as ShopDbRow[];
  return rows.map((r) => ({
    id: r.id,
    externalId: r.external_id,
    name: r.name,
    provinceAdcode: r.province_adcode,
    city: r.city ?? '',
    location: [r.lng, r.lat],
    status: r.status,
    certificationLevel: r.certification_level,
    skills: JSON.parse(r.skills) as string[],
    dailyCapacity: r.daily_capacity,
    fees: { urgent: fromFen(r.fee_urgent_fen), regular: fromFen(r.fee_regular_fen), complex: fromFen(r.fee_complex_fen) },
    firstTimeFixRate: r.first_time_fix_rate,
  }));
}
