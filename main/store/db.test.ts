import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import { generateDemo } from '../demo/generator';
import { makeFolderReadOnly } from '../testing/readOnlyFolder';
import { makeTempDir } from '../testing/tempDir';
import { APPLICATION_ID, openDatabase, schemaVersion, StoreOpenError } from './db';
import { LATEST_SCHEMA_VERSION } from './migrations/index';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

function expectOpenError(file: string, code: StoreOpenError['code']): void {
  const before = fs.readFileSync(file);
  let thrown: unknown;
  try {
    openDatabase(file).close();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(StoreOpenError);
  expect((thrown as StoreOpenError).code).toBe(code);
  expect((thrown as Error).message).toContain(file);
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  expect(fs.existsSync(`${file}-wal`)).toBe(false);
}

describe('openDatabase', () => {
  it('creates a new database at the latest schema, marked as ours, with WAL and foreign keys on', () => {
    const file = path.join(temp.dir, 'new.db');
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('reopens its own database without changes', () => {
    const file = path.join(temp.dir, 'again.db');
    openDatabase(file).close();
    const db = openDatabase(file, { mustExist: true });
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('refuses a file that is not SQLite and leaves it untouched', () => {
    const file = path.join(temp.dir, 'notes.db');
    fs.writeFileSync(file, 'These are not the tables you are looking for.\n'.repeat(200));
    expectOpenError(file, 'not_sqlite');
  });

  it("refuses another application's SQLite database and leaves it untouched", () => {
    const file = path.join(temp.dir, 'other.db');
    const other = new BetterSqlite3(file);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    other.close();
    expectOpenError(file, 'foreign');
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = path.join(temp.dir, 'future.db');
    openDatabase(file).close();
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    expectOpenError(file, 'too_new');
  });

  it('with mustExist, reports a missing file instead of creating it', () => {
    const file = path.join(temp.dir, 'missing.db');
    expect(() => openDatabase(file, { mustExist: true })).toThrow(/not found/);
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('a database in a read-only folder', () => {
  it('is reported as read-only, not as a file that is not SQLite', (context) => {
    const folder = path.join(temp.dir, 'locked');
    fs.mkdirSync(folder);
    const file = path.join(folder, 'atlas.db');
    openDatabase(file).close();
    const undo = makeFolderReadOnly(folder);
    if (!undo) return context.skip('running as root without the right to mount: no way to make a folder read-only for root');
    try {
      for (const attempt of [() => openDatabase(file, { mustExist: true }), () => openDatabase(path.join(folder, 'new.db'))]) {
        let thrown: unknown;
        try {
          attempt().close();
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(StoreOpenError);
        expect((thrown as StoreOpenError).code).toBe('read_only');
        expect((thrown as Error).message).toMatch(/folder .*read-only|cannot be written/);
        expect((thrown as Error).message).not.toMatch(/not a SQLite/);
      }
    } finally {
      undo();
    }
  });
});

describe('a damaged database', () => {
  it('is named as damaged where a read hits the damage, and is not written to', async () => {
    const file = path.join(temp.dir, 'damaged.db');
    const db = openDatabase(file);
    generateDemo(db, { today: '2026-11-25', closedTickets: 2_000, openTickets: 20 });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(file);
    // Scribble over pages in the middle: the header and schema still read, the tickets' b-tree does not.
    for (let i = Math.floor(bytes.length / 2); i < Math.floor(bytes.length / 2) + 64 * 1024; i++) bytes[i] = (i * 13) & 0xff;
    fs.writeFileSync(file, bytes);

    const damaged = openDatabase(file, { mustExist: true });
    const dispatch = createDispatch(createHandlers({ db: damaged, databaseFile: file }));
    const answer = await dispatch('pnl.report', { from: '2025-12', to: '2026-11' });
    const tickets = await dispatch('tickets.open', {});
    damaged.close();
    const failures = [answer, tickets].filter((r) => !r.ok);
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) expect(!failure.ok && failure.error.message).toMatch(/^The database file is damaged .*restore it from a backup/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});
