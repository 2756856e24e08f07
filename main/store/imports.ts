// What an import needs from the store: the reference data rows are checked against, and one transaction that adds or
// updates records by external id (re-importing a file updates instead of duplicating).
import type { CustomerTier, SlaRule, TicketStatus } from '../../shared/domain';
import type { ImportKind } from '../../shared/imports';
import { appendAudit } from './audit';
import { writeTransaction, type Db } from './db';
import type { NewCustomer } from './customers';
import type { NewEngineer } from './engineers';
import type { NewPartnerShop } from './partners';
import { toFen } from './money';
import { listSlaRules } from './reference';
import type { NewTicket } from './tickets';

export interface ImportReference {
  provinces: Array<{ adcode: string; nameZh: string; nameEn: string }>;
  /** City id by `${adcode}|${name}` (Chinese or English name). */
  cities: Map<string, number>;
  /** Skill code by code or Chinese name. */
  skills: Map<string, string>;
  customers: Map<string, { id: number; provinceAdcode: string; tier: CustomerTier }>;
  engineers: Map<string, number>;
  slaRules: SlaRule[];
  /** External ids already stored for the kind being imported, with a ticket's status. */
  existing: Map<string, TicketStatus | null>;
}

const TABLE: Record<ImportKind, string> = { engineers: 'engineers', partners: 'partner_shops', customers: 'customers', tickets: 'tickets' };

export function importReference(db: Db, kind: ImportKind): ImportReference {
  const provinces = db.prepare('SELECT adcode, name_zh AS nameZh, name_en AS nameEn FROM provinces ORDER BY adcode').all() as ImportReference['provinces'];
  const cities = new Map<string, number>();
  for (const c of db.prepare('SELECT id, province_adcode AS adcode, name_zh AS zh, name_en AS en FROM cities').all() as Array<{ id: number; adcode: string; zh: string; en: string }>) {
    cities.set(`${c.adcode}|${c.zh}`, c.id);
    cities.set(`${c.adcode}|${c.en.toLowerCase()}`, c.id);
  }
  const skills = new Map<string, string>();
  for (const s of db.prepare('SELECT code, name_zh AS zh FROM skills').all() as Array<{ code: string; zh: string }>) {
    skills.set(s.code, s.code);
    skills.set(s.zh, s.code);
  }
  const needsPeople = kind === 'tickets';
  const customers = new Map<string, { id: number; provinceAdcode: string; tier: CustomerTier }>();
  const engineers = new Map<string, number>();
  if (needsPeople) {
    for (const c of db.prepare('SELECT id, external_id AS ext, province_adcode AS provinceAdcode, tier FROM customers').iterate() as Iterable<{ id: number; ext: string; provinceAdcode: string; tier: CustomerTier }>) {
      customers.set(c.ext, { id: c.id, provinceAdcode: c.provinceAdcode, tier: c.tier });
    }
    for (const e of db.prepare('SELECT id, external_id AS ext FROM engineers').iterate() as Iterable<{ id: number; ext: string }>) engineers.set(e.ext, e.id);
  }
  const statusColumn = kind === 'tickets' ? 'status' : 'NULL';
  const existing = new Map<string, TicketStatus | null>();
  for (const row of db.prepare(`SELECT external_id AS ext, ${statusColumn} AS status FROM ${TABLE[kind]}`).iterate() as Iterable<{ ext: string; status: TicketStatus | null }>) {
    existing.set(row.ext, row.status);
  }
  return { provinces, cities, skills, customers, engineers, slaRules: listSlaRules(db), existing };
}

/** What a ticket row carries: an open ticket as the dispatcher first sees it, without visits or money lines. */
export type ImportedTicket = Pick<
  NewTicket,
  'externalId' | 'customerId' | 'provinceAdcode' | 'productLine' | 'fault' | 'slaTier' | 'createdAt' | 'slaDueAt' | 'requiredSkills' | 'estimatedMinutes' | 'windowStart' | 'windowEnd' | 'status' | 'engineerId'
>;

export type ImportRecords =
  | { kind: 'engineers'; records: NewEngineer[] }
  | { kind: 'partners'; records: NewPartnerShop[] }
  | { kind: 'customers'; records: NewCustomer[] }
  | { kind: 'tickets'; records: ImportedTicket[] };

const upsert = (table: string, columns: string[]) =>
  `INSERT INTO ${table} (external_id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})
   ON CONFLICT (external_id) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`;

/** Everything or nothing: a constraint the checks missed rolls the whole import back. */
export function writeImport(db: Db, batch: ImportRecords, source: { fileName: string; actor: string }, onProgress?: (done: number) => void): void {
  const report = (i: number) => {
    if (onProgress && i % 5000 === 0) onProgress(i);
  };
  writeTransaction(db, () => {
    switch (batch.kind) {
      case 'engineers': {
        const statement = db.prepare(
          upsert('engineers', [
            'name', 'province_adcode', 'home_city_id', 'home_lng', 'home_lat', 'skills', 'shift_start_min', 'shift_end_min',
            'lunch_window_start_min', 'lunch_window_end_min', 'lunch_minutes', 'salary_fen', 'vehicle_fen', 'travel_allowance_fen', 'max_jobs_per_day',
          ]),
        );
        batch.records.forEach((e, i) => {
          statement.run(e.externalId, e.name, e.provinceAdcode, e.homeCityId, e.home[0], e.home[1], JSON.stringify(e.skills), e.shiftStart, e.shiftEnd,
            e.lunchWindowStart, e.lunchWindowEnd, e.lunchMinutes, toFen(e.salary), toFen(e.vehicleCost), toFen(e.travelAllowance), e.maxJobsPerDay);
          report(i);
        });
        break;
      }
      case 'partners': {
        const statement = db.prepare(
          upsert('partner_shops', [
            'name', 'province_adcode', 'city_id', 'lng', 'lat', 'status', 'certification_level', 'skills', 'daily_capacity',
            'fee_urgent_fen', 'fee_regular_fen', 'fee_complex_fen', 'certification_cost_fen', 'first_time_fix_rate',
          ]),
        );
        batch.records.forEach((s, i) => {
          statement.run(s.externalId, s.name, s.provinceAdcode, s.cityId, s.location[0], s.location[1], s.status, s.certificationLevel, JSON.stringify(s.skills),
            s.dailyCapacity, toFen(s.fees.urgent), toFen(s.fees.regular), toFen(s.fees.complex), toFen(s.certificationCost), s.firstTimeFixRate);
          report(i);
        });
        break;
      }
      case 'customers': {
        const statement = db.prepare(upsert('customers', ['name', 'tier', 'province_adcode', 'city_id', 'address', 'lng', 'lat']));
        batch.records.forEach((c, i) => {
          statement.run(c.externalId, c.name, c.tier, c.provinceAdcode, c.cityId, c.address, c.location[0], c.location[1]);
          report(i);
        });
        break;
      }
      case 'tickets': {
        const statement = db.prepare(
          upsert('tickets', [
            'customer_id', 'province_adcode', 'product_line', 'fault', 'sla_tier', 'created_at', 'sla_due_at', 'required_skills',
            'estimated_minutes', 'window_start', 'window_end', 'status', 'engineer_id',
          ]),
        );
        batch.records.forEach((t, i) => {
          statement.run(t.externalId, t.customerId, t.provinceAdcode, t.productLine, t.fault, t.slaTier, t.createdAt, t.slaDueAt,
            JSON.stringify(t.requiredSkills), t.estimatedMinutes, t.windowStart, t.windowEnd, t.status, t.engineerId);
          report(i);
        });
        break;
      }
    }
    appendAudit(db, { actor: source.actor, action: 'import', entity: batch.kind, detail: { file: source.fileName, rows: batch.records.length } });
  });
}
