// Reference data: provinces, cities, service regions, skills and SLA rules.
import type { CustomerTier, LngLat, Province, SlaRule, SlaTier } from '../../shared/domain';
import type { Db } from './db';

export interface ProvinceRow extends Province {
  areaKm2: number;
}

export function insertProvince(db: Db, p: ProvinceRow): void {
  db.prepare(
    `INSERT INTO provinces (adcode, name_zh, name_en, capital_zh, capital_lng, capital_lat, centroid_lng, centroid_lat, population, wage_index, area_km2)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(p.adcode, p.nameZh, p.nameEn, p.capitalZh, p.capital[0], p.capital[1], p.centroid[0], p.centroid[1], p.population, p.wageIndex, p.areaKm2);
  db.prepare(`INSERT INTO service_regions (id, kind, province_adcode, name_zh, name_en) VALUES (?, 'province', ?, ?, ?)`).run(
    p.adcode,
    p.adcode,
    p.nameZh,
    p.nameEn,
  );
}

interface ProvinceDbRow {
  adcode: string;
  name_zh: string;
  name_en: string;
  capital_zh: string;
  capital_lng: number;
  capital_lat: number;
  centroid_lng: number;
  centroid_lat: number;
  population: number;
  wage_index: number;
  area_km2: number;
}

export function listProvinces(db: Db): ProvinceRow[] {
  const rows = db.prepare('SELECT * FROM provinces ORDER BY adcode').all() as ProvinceDbRow[];
  return rows.map((r) => ({
    adcode: r.adcode,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    capitalZh: r.capital_zh,
    capital: [r.capital_lng, r.capital_lat],
    centroid: [r.centroid_lng, r.centroid_lat],
    population: r.population,
    wageIndex: r.wage_index,
    areaKm2: r.area_km2,
  }));
}

export interface City {
  id: number;
  provinceAdcode: string;
  nameZh: string;
  nameEn: string;
  location: LngLat;
  population: number;
  isCapital: boolean;
}

export function insertCity(db: Db, c: Omit<City, 'id'>): number {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO cities (province_adcode, name_zh, name_en, lng, lat, population, is_capital) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(c.provinceAdcode, c.nameZh, c.nameEn, c.location[0], c.location[1], c.population, c.isCapital ? 1 : 0);
  const id = Number(lastInsertRowid);
  db.prepare(`INSERT INTO service_regions (id, kind, province_adcode, city_id, name_zh, name_en) VALUES (?, 'city', ?, ?, ?, ?)`).run(
    `${c.provinceAdcode}-${id}`,
    c.provinceAdcode,
    id,
    c.nameZh,
    c.nameEn,
  );
  return id;
}

/** A dispatcher's region: a province, or one city of it (engineers by home city, shops and customers by city). */
export interface RegionFilter {
  provinceAdcode?: string | undefined;
  cityId?: number | undefined;
}

export function listCities(db: Db, provinceAdcode: string): Array<{ id: number; nameZh: string; nameEn: string }> {
  return db.prepare('SELECT id, name_zh AS nameZh, name_en AS nameEn FROM cities WHERE province_adcode = ? ORDER BY is_capital DESC, population DESC').all(provinceAdcode) as Array<{ id: number; nameZh: string; nameEn: string }>;
}

export function insertSkill(db: Db, code: string, nameZh: string, nameEn: string): void {
  db.prepare('INSERT INTO skills (code, name_zh, name_en) VALUES (?, ?, ?)').run(code, nameZh, nameEn);
}

export function listSkillCodes(db: Db): string[] {
  return db.prepare('SELECT code FROM skills ORDER BY code').pluck().all() as string[];
}

export function upsertSlaRule(db: Db, rule: SlaRule): void {
  db.prepare(
    `INSERT INTO sla_rules (sla_tier, customer_tier, measure, hours) VALUES (?, ?, ?, ?)
     ON CONFLICT (sla_tier, customer_tier) DO UPDATE SET measure = excluded.measure, hours = excluded.hours`,
  ).run(rule.slaTier, rule.customerTier, rule.measure, rule.hours);
}

export function listSlaRules(db: Db): SlaRule[] {
  return db
    .prepare('SELECT sla_tier AS slaTier, customer_tier AS customerTier, measure, hours FROM sla_rules ORDER BY sla_tier, customer_tier')
    .all() as SlaRule[];
}

export function slaRuleFor(rules: readonly SlaRule[], slaTier: SlaTier, customerTier: CustomerTier): SlaRule {
  const rule = rules.find((r) => r.slaTier === slaTier && r.customerTier === customerTier);
  if (!rule) throw new Error(`No SLA rule for tier ${slaTier} and customer tier ${customerTier}`);
  return rule;
}
