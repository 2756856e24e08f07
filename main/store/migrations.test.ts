import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, schemaVersion } from './db';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations/index';
import { listScenarios } from './scenarios';
import { BASE_SCENARIO } from '../../shared/network';

describe('migrations', () => {
  it('are numbered 1, 2, 3… without gaps, so user_version tells exactly which have run', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.length);
  });

  it('stop at the requested version, and go on from there', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, 0);
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM sqlite_master').pluck().get()).toBe(0);
    migrate(db);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  describe('1: national service organisation', () => {
    const fresh = () => {
      const db = new BetterSqlite3(':memory:');
      db.pragma('foreign_keys = ON');
      migrate(db, 1);
      return db;
    };

    it('creates every domain table as STRICT', () => {
      const db = fresh();
      const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string; sql: string }>;
      expect(tables.map((t) => t.name)).toEqual([
        'app_meta',
        'audit_log',
        'cities',
        'cost_lines',
        'customers',
        'engineers',
        'partner_shops',
        'provinces',
        'revenue_lines',
        'service_regions',
        'skills',
        'sla_rules',
        'tickets',
        'visits',
      ]);
      for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*STRICT$/);
      db.close();
    });

    it('enforces tiers, statuses, coordinates and foreign keys', () => {
      const db = fresh();
      db.prepare(
        `INSERT INTO provinces VALUES ('620000', '甘肃省', 'Gansu', '兰州', 103.8, 36.1, 103.8, 36.1, 25000000, 0.86, 425800)`,
      ).run();
      const customer = db.prepare(`INSERT INTO customers (external_id, name, tier, province_adcode, lng, lat) VALUES (?, 'X', ?, '620000', 103.8, 36.1)`);
      customer.run('C1', 'key');
      expect(() => customer.run('C2', 'vip')).toThrow(/CHECK/);
      expect(() => db.prepare(`INSERT INTO customers (external_id, name, tier, province_adcode, lng, lat) VALUES ('C3', 'X', 'key', '999999', 1, 1)`).run()).toThrow(
        /FOREIGN KEY/,
      );
      expect(() => db.prepare(`INSERT INTO customers (external_id, name, tier, province_adcode, lng, lat) VALUES ('C4', 'X', 'key', '620000', 200, 1)`).run()).toThrow(
        /CHECK/,
      );
      const ticket = db.prepare(
        `INSERT INTO tickets (external_id, customer_id, province_adcode, product_line, fault, sla_tier, created_at, sla_due_at, estimated_minutes, status)
         VALUES (?, 1, '620000', 'hvac', 'noise', ?, ?, '2026-01-01 10:00', 60, ?)`,
      );
      ticket.run('T1', 'urgent', '2026-01-01 08:00', 'new');
      expect(() => ticket.run('T2', 'whenever', '2026-01-01 08:00', 'new')).toThrow(/CHECK/);
      expect(() => ticket.run('T3', 'urgent', '2026-01-01 08:00', 'lost')).toThrow(/CHECK/);
      expect(() => ticket.run('T4', 'urgent', '1 Jan 2026', 'new')).toThrow(/CHECK/);
      expect(() => db.prepare(`INSERT INTO revenue_lines (ticket_id, kind, amount_fen) VALUES (1, 'parts', -5)`).run()).toThrow(/CHECK/);
      db.close();
    });

    it('rolls back completely when a migration fails, leaving the previous version', () => {
      const db = openDatabase(':memory:');
      const before = schemaVersion(db);
      const broken = { version: before + 1, name: 'broken', up: (d: typeof db) => d.exec('CREATE TABLE half (id INTEGER) STRICT; SELECT no_such_function();') };
      (migrations as unknown as Array<typeof broken>).push(broken);
      try {
        expect(() => migrate(db, before + 1)).toThrow();
        expect(schemaVersion(db)).toBe(before);
        expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
      } finally {
        (migrations as unknown as Array<typeof broken>).pop();
        db.close();
      }
    });
  });
});

/** A version-1 database with one province, customer and engineer, two closed tickets (March, April) and an open one. */
function seedVersion1(): BetterSqlite3.Database {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 1);
  db.exec(`
    INSERT INTO provinces VALUES ('620000', '甘肃省', 'Gansu', '兰州', 103.8, 36.1, 103.8, 36.1, 25000000, 0.86, 425800);
    INSERT INTO customers (id, external_id, name, tier, province_adcode, lng, lat) VALUES (1, 'C1', 'X', 'key', '620000', 103.8, 36.1);
    INSERT INTO engineers (id, external_id, name, province_adcode, home_lng, home_lat, shift_start_min, shift_end_min, lunch_window_start_min, lunch_window_end_min)
      VALUES (1, 'E1', '王伟', '620000', 103.8, 36.1, 480, 1050, 690, 810);
  `);
  const ticket = db.prepare(
    `INSERT INTO tickets (id, external_id, customer_id, province_adcode, product_line, fault, sla_tier, created_at, sla_due_at, estimated_minutes, status, engineer_id, closed_at, first_time_fix, sla_met)
     VALUES (?, ?, 1, '620000', 'hvac', 'noise', 'urgent', '2026-03-01 08:00', '2026-03-01 10:00', 60, ?, 1, ?, ?, 1)`,
  );
  ticket.run(1, 'T1', 'closed', '2026-03-02 09:00', 1);
  ticket.run(2, 'T2', 'closed', '2026-04-01 09:00', 0);
  ticket.run(3, 'T3', 'new', null, null);
  db.exec(`
    INSERT INTO revenue_lines (ticket_id, kind, amount_fen) VALUES (1, 'parts', 150000), (1, 'paid_repair', 80000), (2, 'value_added', 30000), (3, 'parts', 99900);
    INSERT INTO cost_lines (ticket_id, kind, amount_fen) VALUES (1, 'parts', 90000), (2, 'repeat_visit', 12345);
    INSERT INTO visits (ticket_id, visit_no, engineer_id, started_at, ended_at, travel_km, outcome) VALUES (1, 1, 1, '2026-03-02 08:00', '2026-03-02 09:30', 12.5, 'fixed');
  `);
  return db;
}

describe('2: province-month P&L roll-up', () => {
  const rollup = (db: BetterSqlite3.Database) =>
    db.prepare('SELECT * FROM pnl_rollup WHERE tickets <> 0 OR revenue_parts_fen <> 0 ORDER BY province_adcode, month').all() as Array<Record<string, number | string>>;

  it('backfills closed tickets by the month they were closed, and leaves open ones out', () => {
    const db = seedVersion1();
    migrate(db, 2);
    const rows = rollup(db);
    expect(rows.map((r) => r.month)).toEqual(['2026-03', '2026-04']);
    expect(rows[0]).toMatchObject({
      tickets: 1,
      direct_tickets: 1,
      first_time_fixes: 1,
      urgent_tickets: 1,
      urgent_sla_met: 1,
      revenue_parts_fen: 150000,
      revenue_paid_repair_fen: 80000,
      direct_revenue_fen: 230000,
      cost_parts_fen: 90000,
      engineer_service_minutes: 90,
      engineer_travel_m: 12500,
    });
    expect(rows[1]).toMatchObject({ tickets: 1, first_time_fixes: 0, revenue_value_added_fen: 30000, cost_repeat_visit_fen: 12345 });
    db.close();
  });

  it('stays equal to a full rebuild after edits, moves, closes, reopens and deletes', () => {
    const db = seedVersion1();
    migrate(db, 2);
    db.exec(`
      UPDATE tickets SET status = 'closed', closed_at = '2026-04-15 10:00', first_time_fix = 1, sla_met = 0 WHERE id = 3;
      UPDATE tickets SET status = 'reopened' WHERE id = 2;
      INSERT INTO revenue_lines (ticket_id, kind, amount_fen) VALUES (1, 'extended_warranty', 500000);
      UPDATE revenue_lines SET amount_fen = amount_fen + 1 WHERE ticket_id = 1 AND kind = 'parts';
      UPDATE cost_lines SET ticket_id = 3 WHERE ticket_id = 1;
      UPDATE tickets SET closed_at = '2026-05-01 08:00' WHERE id = 1;
      DELETE FROM visits WHERE ticket_id = 1;
    `);
    const incremental = rollup(db);
    db.exec('DELETE FROM pnl_rollup');
    db.exec(`INSERT INTO pnl_rollup SELECT province_adcode, month, ${(db.prepare("SELECT name FROM pragma_table_info('pnl_rollup')").pluck().all() as string[])
      .slice(2)
      .map((c) => `sum(${c})`)
      .join(', ')} FROM pnl_ticket_contribution GROUP BY 1, 2`);
    expect(incremental).toEqual(rollup(db));
    expect(incremental.map((r) => r.month)).toEqual(['2026-04', '2026-05']);
    db.exec('DELETE FROM tickets WHERE id = 1');
    const afterDelete = rollup(db);
    expect(afterDelete.map((r) => r.month)).toEqual(['2026-04']);
    expect(afterDelete[0]).toMatchObject({ tickets: 1, revenue_parts_fen: 99900, cost_parts_fen: 90000 });
    db.close();
  });
});

describe('3: network scenarios', () => {
  const contents = (db: BetterSqlite3.Database) => {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'network_scenarios' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM ${table}`).all().map((row) => JSON.stringify(row)).sort()]));
  };

  it('adds the scenario table with the base scenario, and leaves every stored row as it was', () => {
    const db = seedVersion1();
    migrate(db, 2);
    const before = contents(db);
    expect(before.pnl_rollup).not.toEqual([]);
    expect(before.tickets).toHaveLength(3);
    migrate(db, 3);
    expect(schemaVersion(db)).toBe(3);
    expect(contents(db)).toEqual(before);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'network_scenarios'").pluck().get()).toMatch(/\)\s*STRICT$/);
    const [base, ...others] = listScenarios(db);
    expect(others).toEqual([]);
    expect(base).toMatchObject({ name: BASE_SCENARIO, overrides: {} });
    expect(base!.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    db.close();
  });

  it('refuses a blank or repeated name and overrides that are not a JSON object', () => {
    const db = seedVersion1();
    migrate(db, 3);
    const insert = db.prepare("INSERT INTO network_scenarios (name, overrides, updated_at) VALUES (?, ?, '2026-03-01 08:00')");
    insert.run('业务量 +20%', '{"demandMultiplier":1.2}');
    expect(() => insert.run('业务量 +20%', '{}')).toThrow(/UNIQUE/);
    expect(() => insert.run('   ', '{}')).toThrow(/CHECK/);
    expect(() => insert.run('x'.repeat(61), '{}')).toThrow(/CHECK/);
    expect(() => insert.run('list', '[1, 2]')).toThrow(/CHECK/);
    expect(() => insert.run('broken', '{"demandMultiplier":')).toThrow(/CHECK|malformed JSON/);
    expect(listScenarios(db).map((s) => s.name)).toEqual([BASE_SCENARIO, '业务量 +20%']);
    db.close();
  });
});
