import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import { generateDemo } from '../demo/generator';
import { makeTempDir } from '../testing/tempDir';
import { backupDatabase, checkBackupFile, defaultBackupFile, restoreDatabase } from './backup';
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

  it("refuses to restore over another application's SQLite file or a file that is not SQLite, and leaves it untouched", async () => {
    const backup = path.join(temp.dir, 'good.sqlite');
    const source = openDatabase(demoFile('source.db'), { mustExist: true });
    await backupDatabase(source, backup);
    source.close();
    const foreign = path.join(temp.dir, 'invoices.db');
    const other = new BetterSqlite3(foreign);
    other.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (12.5)");
    other.close();
    const notes = path.join(temp.dir, 'notes.txt');
    fs.writeFileSync(notes, 'my notes\n'.repeat(500));
    for (const [target, code] of [[foreign, 'foreign'], [notes, 'not_sqlite']] as const) {
      const before = fs.readFileSync(target);
      const attempt = restoreDatabase(target, backup);
      await expect(attempt, target).rejects.toBeInstanceOf(StoreOpenError);
      await attempt.catch((error: StoreOpenError) => expect(error.code, target).toBe(code));
      expect(fs.readFileSync(target).equals(before)).toBe(true);
    }
  });

  it('restores over a damaged database of its own, which is what a backup is for', async () => {
    const file = demoFile('mend.db');
    const db = openDatabase(file, { mustExist: true });
    const customers = count(db, 'customers');
    const backup = path.join(temp.dir, 'before-damage.sqlite');
    await backupDatabase(db, backup);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(file);
    for (let i = Math.floor(bytes.length / 2); i < Math.floor(bytes.length / 2) + 40_000; i++) bytes[i] = (i * 7) & 0xff;
    fs.writeFileSync(file, bytes);
    await restoreDatabase(file, backup);
    const mended = openDatabase(file, { mustExist: true });
    expect(mended.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(count(mended, 'customers')).toBe(customers);
    mended.close();
  });
});

describe('backups from the app', () => {
  const now = new Date('2026-11-25T02:00:00Z');
  const setUp = () => {
    const file = demoFile('atlas.db');
    const db = openDatabase(file, { mustExist: true });
    const dispatch = createDispatch(createHandlers({ db, databaseFile: file, now: () => now }));
    return { file, db, dispatch, backups: path.join(temp.dir, 'backups') };
  };

  it('takes several at once (a double click), each complete, under its own name, without stray -wal or -shm files', async () => {
    const { db, dispatch, backups } = setUp();
    const answers = await Promise.all(Array.from({ length: 5 }, () => dispatch('data.backup', {})));
    db.close();
    for (const answer of answers) expect(answer).toMatchObject({ ok: true });
    const names = answers.map((a) => (a.ok ? (a.value as { fileName: string }).fileName : ''));
    expect(new Set(names).size).toBe(5);
    expect(fs.readdirSync(backups).sort()).toEqual([...names].sort());
    for (const name of names) expect(checkBackupFile(path.join(backups, name)).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(fs.readdirSync(backups).sort()).toEqual([...names].sort());
  });

  it('does not follow a link or trip over a file planted where it used to write its temporary copy', async () => {
    const { file, db, dispatch, backups } = setUp();
    fs.mkdirSync(backups);
    const outside = path.join(temp.dir, 'outside.txt');
    fs.writeFileSync(outside, 'not yours');
    const target = defaultBackupFile(file, now);
    fs.symlinkSync(outside, `${target}.partial`);
    const first = await dispatch('data.backup', {});
    fs.rmSync(`${target}.partial`);
    fs.writeFileSync(`${target}.partial`, 'left over by someone else\n'.repeat(300));
    const second = await dispatch('data.backup', {});
    db.close();
    expect(fs.readFileSync(outside, 'utf8')).toBe('not yours');
    for (const answer of [first, second]) {
      expect(answer).toMatchObject({ ok: true });
      const written = path.join(backups, answer.ok ? (answer.value as { fileName: string }).fileName : '');
      expect(fs.lstatSync(written).isFile()).toBe(true);
      expect(checkBackupFile(written).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    }
  });

  it('names a destination it cannot write to as such, not as a damaged database, and without the machine\'s folders', async () => {
    const { db, dispatch, backups } = setUp();
    fs.writeFileSync(backups, 'a file where the backups folder should be');
    const answer = await dispatch('data.backup', {});
    db.close();
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('storage');
    expect(answer.error.message).toMatch(/^The backup could not be written/);
    expect(answer.error.message).not.toMatch(/damaged/);
    expect(answer.error.message).not.toContain(temp.dir);
  });
});
