import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../shared/api/index';
import { generateDemo } from '../demo/generator';
import { openDatabase, type Db } from '../store/db';
import { holdWriteLock } from '../testing/writeLockHolder';
import { makeTempDir } from '../testing/tempDir';
import { createDispatch, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';

// How the API answers when the storage under it misbehaves: another process holding the write lock, a full disk, the
// database file deleted or replaced while the app runs. Each is a clear answer that names no folder of the machine.
let temp: ReturnType<typeof makeTempDir>;
let file: string;
let db: Db;
let dispatch: Dispatch;
const internalErrors: unknown[] = [];

beforeEach(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'atlas.db');
  const seeded = openDatabase(file);
  generateDemo(seeded, { today: '2026-11-25', closedTickets: 200, openTickets: 20 });
  seeded.close();
  db = openDatabase(file, { mustExist: true });
  internalErrors.length = 0;
  dispatch = createDispatch(createHandlers({ db, databaseFile: file, now: () => new Date('2026-11-25T02:00:00Z') }), (e) => internalErrors.push(e));
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

const newTicket = () => ({
  customerId: db.prepare("SELECT id FROM customers WHERE province_adcode = '440000' LIMIT 1").pluck().get() as number,
  productLine: 'commercial_hvac',
  fault: '主机不制冷',
  slaTier: 'urgent' as const,
  estimatedMinutes: 60,
  requiredSkills: ['hvac'],
});
const ticketCount = (connection: Db = db) => connection.prepare('SELECT count(*) FROM tickets').pluck().get() as number;

function expectStoreError(response: ApiResponse<unknown>, code: string, message: RegExp): void {
  expect(response.ok).toBe(false);
  if (response.ok) return;
  expect(response.error.code).toBe(code);
  expect(response.error.message).toMatch(message);
  expect(response.error.message).not.toContain(temp.dir);
}

describe('another process holding the write lock', () => {
  it('makes a write wait for the lock instead of failing at once', async () => {
    const before = ticketCount();
    const { released } = await holdWriteLock(file, 600);
    const created = await dispatch('tickets.create', newTicket());
    await released;
    expect(created).toMatchObject({ ok: true });
    expect(ticketCount()).toBe(before + 1);
  });

  it('answers busy, a retryable error, when the lock is not free in time, and writes nothing', async () => {
    db.pragma('busy_timeout = 200');
    const before = ticketCount();
    const { released } = await holdWriteLock(file, 1_500);
    const answer = await dispatch('tickets.create', newTicket());
    await released;
    expectStoreError(answer, 'busy', /busy.*try again/is);
    expect(ticketCount()).toBe(before);
    expect(internalErrors).toEqual([]);
    // Once the lock is free, the same call goes through.
    expect(await dispatch('tickets.create', newTicket())).toMatchObject({ ok: true });
  });
});

describe('a full disk', () => {
  it('is named as such, and the write is not half done', async () => {
    const before = ticketCount();
    // SQLite reports a file that may not grow with the same error as a disk without room (SQLITE_FULL).
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    let failed: ApiResponse<unknown> | undefined;
    let created = 0;
    while (!failed && created < 2_000) {
      const answer = await dispatch('tickets.create', newTicket());
      if (answer.ok) created++;
      else failed = answer;
    }
    expect(failed).toBeDefined();
    expectStoreError(failed!, 'storage', /disk .*full/i);
    expect(ticketCount()).toBe(before + created);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(internalErrors).toEqual([]);
  });
});

describe('the database file deleted or replaced under the running app', () => {
  it('refuses writes once the file is deleted, and says why', async () => {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    const answer = await dispatch('tickets.create', newTicket());
    expectStoreError(answer, 'storage', /atlas\.db was deleted or replaced.*not saved.*Restart/s);
  });

  it('refuses writes once another database is renamed over its path (as demo --force does), and the new file keeps its own data', async () => {
    const other = path.join(temp.dir, 'other.db');
    const fresh = openDatabase(other);
    generateDemo(fresh, { today: '2026-11-25', closedTickets: 50, openTickets: 5, seed: 3 });
    const freshTickets = ticketCount(fresh);
    fresh.pragma('wal_checkpoint(TRUNCATE)');
    fresh.close();
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    fs.renameSync(other, file);
    const answer = await dispatch('tickets.create', newTicket());
    expectStoreError(answer, 'storage', /deleted or replaced/);
    const after = openDatabase(file, { mustExist: true });
    expect(ticketCount(after)).toBe(freshTickets);
    after.close();
  });
});
