import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../store/db';
import { listAudit } from '../store/audit';
import { listScenarios } from '../store/scenarios';
import { generateDemo, type DemoSummary } from './generator';

const DAY = '2026-11-25';

function demo(today = DAY, seed?: number): { db: Db; summary: DemoSummary } {
  const db = openDatabase(':memory:');
  return { db, summary: generateDemo(db, { today, seed }) };
}

function fingerprint(db: Db): string {
  const hash = crypto.createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  for (const table of tables) {
    hash.update(table);
    const rows = (db.prepare(`SELECT * FROM ${table}`).raw().all() as unknown[][]).map((row) => JSON.stringify(row)).sort();
    for (const row of rows) hash.update(row);
  }
  return hash.digest('hex');
}

const one = <T>(db: Db, sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;

describe('demo organisation', () => {
  let db: Db;
  let summary: DemoSummary;
  beforeAll(() => {
    ({ db, summary } = demo());
  });

  it('covers all 34 provincial-level divisions with cities, engineers, shops, customers and tickets', () => {
    expect(summary.provinces).toBe(34);
    expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM provinces').n).toBe(34);
    expect(summary.engineers).toBeGreaterThanOrEqual(110);
    expect(summary.engineers).toBeLessThanOrEqual(130);
    expect(one<{ n: number }>(db, "SELECT count(*) AS n FROM partner_shops WHERE status = 'certified'").n).toBeGreaterThanOrEqual(370);
    expect(summary.partnerShops).toBeLessThanOrEqual(450);
    expect(one<{ n: number }>(db, "SELECT count(*) AS n FROM tickets WHERE status = 'closed'").n).toBe(20_000);
    expect(summary.openTickets).toBeGreaterThanOrEqual(550);
    expect(summary.openTickets).toBeLessThanOrEqual(650);
    // Every province has at least one city with a shop, and demand somewhere.
    expect(one<{ n: number }>(db, 'SELECT count(DISTINCT province_adcode) AS n FROM partner_shops').n).toBe(34);
    expect(one<{ n: number }>(db, 'SELECT count(DISTINCT province_adcode) AS n FROM tickets').n).toBe(34);
  });

  it('concentrates the direct team in the east and core cities', () => {
    const east = one<{ n: number }>(
      db,
      "SELECT count(*) AS n FROM engineers WHERE province_adcode IN ('110000','120000','310000','320000','330000','350000','370000','440000')",
    ).n;
    expect(east / summary.engineers).toBeGreaterThan(0.55);
    expect(one<{ n: number }>(db, "SELECT count(*) AS n FROM engineers WHERE province_adcode IN ('540000','650000','630000')").n).toBe(0);
  });

  it("has today's open tickets in several regions, 广东 among them, with SLA due times from the rules", () => {
    const regions = one<{ n: number }>(db, "SELECT count(DISTINCT province_adcode) AS n FROM tickets WHERE status <> 'closed'").n;
    expect(regions).toBeGreaterThanOrEqual(5);
    expect(one<{ n: number }>(db, "SELECT count(*) AS n FROM tickets WHERE status <> 'closed' AND province_adcode = '440000'").n).toBeGreaterThanOrEqual(100);
    const urgent = db
      .prepare("SELECT created_at, sla_due_at FROM tickets WHERE status <> 'closed' AND sla_tier = 'urgent' LIMIT 20")
      .all() as Array<{ created_at: string; sla_due_at: string }>;
    for (const t of urgent) expect((Date.parse(`${t.sla_due_at}Z`) - Date.parse(`${t.created_at}Z`)) / 3_600_000).toBe(2);
  });

  it('spreads demand roughly in proportion to population (weighted by how much equipment is installed)', () => {
    const rows = db
      .prepare("SELECT p.population, count(t.id) AS tickets FROM provinces p JOIN tickets t ON t.province_adcode = p.adcode AND t.status = 'closed' GROUP BY p.adcode")
      .all() as Array<{ population: number; tickets: number }>;
    const n = rows.length;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / n;
    const xs = rows.map((r) => r.population);
    const ys = rows.map((r) => r.tickets);
    const mx = mean(xs);
    const my = mean(ys);
    const cov = mean(xs.map((x, i) => (x - mx) * ((ys[i] as number) - my)));
    const sd = (vs: number[], m: number) => Math.sqrt(mean(vs.map((v) => (v - m) ** 2)));
    expect(cov / (sd(xs, mx) * sd(ys, my))).toBeGreaterThan(0.7);
  });

  it('contains the classic case: 甘肃 has three engineers costing about ¥1.5 M against about ¥0.8 M revenue, FCR under 60 %', () => {
    const team = one<{ n: number; cost: number }>(
      db,
      "SELECT count(*) AS n, sum(salary_fen + vehicle_fen + travel_allowance_fen) / 100.0 AS cost FROM engineers WHERE province_adcode = '620000'",
    );
    expect(team.n).toBe(3);
    expect(team.cost).toBeGreaterThan(1_350_000);
    expect(team.cost).toBeLessThan(1_650_000);
    const revenue = one<{ total: number }>(
      db,
      "SELECT sum(r.amount_fen) / 100.0 AS total FROM revenue_lines r JOIN tickets t ON t.id = r.ticket_id WHERE t.province_adcode = '620000'",
    ).total;
    expect(revenue).toBeGreaterThan(650_000);
    expect(revenue).toBeLessThan(950_000);
    const fcr = one<{ fcr: number }>(db, "SELECT avg(first_time_fix) AS fcr FROM tickets WHERE province_adcode = '620000' AND status = 'closed'").fcr;
    expect(fcr).toBeLessThan(0.6);
    expect(one<{ n: number }>(db, "SELECT count(*) AS n FROM partner_shops WHERE province_adcode = '620000'").n).toBeGreaterThan(0);
  });

  it('keeps money consistent: partner tickets pay the shop, engineer tickets do not', () => {
    const partnerWithoutFee = one<{ n: number }>(
      db,
      "SELECT count(*) AS n FROM tickets t WHERE t.partner_shop_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM cost_lines c WHERE c.ticket_id = t.id AND c.kind = 'partner_fee')",
    ).n;
    const engineerWithFee = one<{ n: number }>(
      db,
      "SELECT count(*) AS n FROM tickets t WHERE t.engineer_id IS NOT NULL AND EXISTS (SELECT 1 FROM cost_lines c WHERE c.ticket_id = t.id AND c.kind = 'partner_fee')",
    ).n;
    expect(partnerWithoutFee).toBe(0);
    expect(engineerWithFee).toBe(0);
  });

  it('records the generation in the audit log', () => {
    const [entry] = listAudit(db, 1);
    expect(entry).toMatchObject({ actor: 'demo', action: 'generate', entity: 'database' });
    expect(entry?.detail).toMatchObject({ closedTickets: 20_000 });
  });

  it('refuses to write into a database that already holds data', () => {
    expect(() => generateDemo(db, { today: DAY })).toThrow(/already holds data/);
  });

  it('is deterministic: the same seed on the same day writes the same database, another day shifts the dates', () => {
    const again = demo();
    expect(fingerprint(again.db)).toBe(fingerprint(db));
    const otherSeed = demo(DAY, 7);
    expect(fingerprint(otherSeed.db)).not.toBe(fingerprint(db));
    const nextDay = demo('2026-11-26');
    const latest = (d: Db) => one<{ t: string }>(d, "SELECT max(created_at) AS t FROM tickets WHERE status = 'closed'").t;
    expect(latest(nextDay.db) > latest(db)).toBe(true);
    for (const d of [again.db, otherSeed.db, nextDay.db]) d.close();
  });

  it('dates every scenario to the demo day, the base one too (its migration stamps the wall clock)', () => {
    expect(listScenarios(db).map((s) => s.updatedAt)).toEqual(listScenarios(db).map(() => `${DAY} 08:00`));
  });
});
