import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, schemaVersion } from './db';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';

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
    const fresh = () => openDatabase(':memory:');

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
