import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDemo } from '../demo/generator';
import { makeTempDir } from '../testing/tempDir';
import { backupDatabase, checkBackupFile, restoreDatabase } from './backup';
import { openDatabase, schemaVersion, StoreOpenError } from './db';
import { migrate } from './db';
import { LATEST_SCHEMA_VERSION } from './migrations/index';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

function demoFile(name: string): string {
  const file = path.join(temp.dir, name);
  const db = openDatabase(file);
  generateDemo(db, { today: '2026-11-25', closedTickets: 300, openTickets: 30 });
  db.close();
  return file;
}

const count = (db: BetterSqlite3.Database, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('backup and restore', () => {
  it('backs up while the app keeps writing, and restores into the running app', async () => {
    const file = demoFile('live.db');
    const db = openDatabase(file, { mustExist: true });
    const customers = count(db, 'customers');
    const backup = path.join(temp.dir, 'backups', 'copy.sqlite');
    const copying = backupDatabase(db, backup);
    // A write during the backup is neither lost from the live database nor a reason for the backup to fail.
    db.prepare("UPDATE customers SET name = 'changed during backup' WHERE id = 1").run();
    const info = await copying;
    expect(info).toMatchObject({ file: backup, schemaVersion: LATEST_SCHEMA_VERSION });
    expect(fs.existsSync(`${backup}.partial`)).toBe(false);

    db.prepare('DELETE FROM audit_log').run();
    db.prepare("INSERT INTO customers (external_id, name, tier, province_adcode, lng, lat) VALUES ('LATE', 'late', 'general', '440000', 113.3, 23.1)").run();
    await restoreDatabase(file, backup);
    // The app's own open connection sees the restored data at once.
    expect(count(db, 'customers')).toBe(customers);
    expect(db.prepare("SELECT count(*) FROM customers WHERE external_id = 'LATE'").pluck().get()).toBe(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('refuses a damaged, foreign or newer backup and leaves the database as it was', async () => {
    const file = demoFile('keep.db');
    const before = fs.readFileSync(file);
    const damaged = path.join(temp.dir, 'damaged.sqlite');
    const bytes = Buffer.from(fs.readFileSync(file));
    // Scribble over pages in the middle: the header still says SQLite, the b-trees no longer add up.
    for (let i = bytes.length / 2; i < bytes.length / 2 + 40_000; i++) bytes[Math.floor(i)] = (i * 7) & 0xff;
    fs.writeFileSync(damaged, bytes);
    const foreign = path.join(temp.dir, 'foreign.sqlite');
    new BetterSqlite3(foreign).exec('CREATE TABLE t (x)');
    const newer = path.join(temp.dir, 'newer.sqlite');
    fs.copyFileSync(file, newer);
    const raw = new BetterSqlite3(newer);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const text = path.join(temp.dir, 'text.sqlite');
    fs.writeFileSync(text, 'not a database at all\n'.repeat(100));

    for (const [backup, code] of [[damaged, 'corrupt'], [foreign, 'foreign'], [newer, 'too_new'], [text, 'not_sqlite']] as const) {
      const attempt = restoreDatabase(file, backup);
      await expect(attempt, backup).rejects.toBeInstanceOf(StoreOpenError);
      await attempt.catch((error: StoreOpenError) => expect(error.code, backup).toBe(code));
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    }
    expect(checkBackupFile(file).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  });

  it('keeps a copy of the database before a migration upgrades it', () => {
    const file = path.join(temp.dir, 'old.db');
    const old = new BetterSqlite3(file);
    old.pragma('journal_mode = WAL');
    migrate(old, 1);
    old.prepare("INSERT INTO skills (code, name_zh, name_en) VALUES ('hvac', '暖通空调', 'HVAC')").run();
    old.close();

    const db = openDatabase(file, { mustExist: true });
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
    const copies = fs.readdirSync(temp.dir).filter((name) => name.startsWith('old.db.schema1-') && name.endsWith('.bak'));
    expect(copies).toHaveLength(1);
    const copy = new BetterSqlite3(path.join(temp.dir, copies[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT name_zh FROM skills').pluck().all()).toEqual(['暖通空调']);
    copy.close();
    // Opening again at the latest schema takes no further copies.
    openDatabase(file, { mustExist: true }).close();
    expect(fs.readdirSync(temp.dir).filter((name) => name.endsWith('.bak'))).toHaveLength(1);
  });
});
