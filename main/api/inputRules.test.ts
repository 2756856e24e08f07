// What every write channel refuses, the same way the import does, and what no error message gives away.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../shared/api';
import { generateDemo } from '../demo/generator';
import { openDatabase, type Db } from '../store/db';
import { makeTempDir } from '../testing/tempDir';
import { createDispatch, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';

const temp = makeTempDir();
const databaseFile = path.join(temp.dir, 'demo.db');
let db: Db;
let dispatch: Dispatch;

beforeAll(() => {
  db = openDatabase(databaseFile);
  generateDemo(db, { today: '2026-11-25', closedTickets: 300, openTickets: 50 });
  dispatch = createDispatch(createHandlers({ db, databaseFile }));
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

const refusedField = (response: ApiResponse<unknown>) => (response.ok ? null : { code: response.error.code, fields: response.error.fields?.map((f) => f.field) });
const scenarioNames = () => db.prepare('SELECT name FROM network_scenarios').pluck().all();

describe('text the import refuses is refused by the write channels', () => {
  const customerId = () => db.prepare("SELECT id FROM customers WHERE province_adcode = '440000' LIMIT 1").pluck().get() as number;
  const ticket = (text: Partial<{ productLine: string; fault: string }>) =>
    dispatch('tickets.create', { customerId: customerId(), productLine: 'commercial_hvac', fault: '主机停机', slaTier: 'urgent', estimatedMinutes: 45, requiredSkills: [], ...text });
  const tickets = () => db.prepare('SELECT count(*) FROM tickets').pluck().get();

  it('tickets.create: formula-leading text, in either text field', async () => {
    const before = tickets();
    for (const opening of ['=', '+', '-', '@']) {
      expect(refusedField(await ticket({ fault: `${opening}HYPERLINK("http://evil.example","点击")` }))).toEqual({ code: 'invalid_argument', fields: ['fault'] });
    }
    expect(refusedField(await ticket({ productLine: ' =1+1' }))).toEqual({ code: 'invalid_argument', fields: ['productLine'] });
    expect(tickets()).toBe(before);
    expect((await ticket({ fault: '压缩机异响\n客户要求上午 -- 到场' })).ok).toBe(true);
  });

  it('tickets.create and network.saveScenario: control characters', async () => {
    expect(refusedField(await ticket({ fault: '主机\u0000停机' }))).toEqual({ code: 'invalid_argument', fields: ['fault'] });
    expect(refusedField(await dispatch('network.saveScenario', { name: 'a\u0000b', overrides: {} }))).toEqual({ code: 'invalid_argument', fields: ['name'] });
    expect(refusedField(await dispatch('network.saveScenario', { name: '@人工 10%', overrides: {} }))).toEqual({ code: 'invalid_argument', fields: ['name'] });
    expect(scenarioNames().filter((n) => /\u0000|^@/.test(String(n)))).toEqual([]);
  });

  it('customers.search: a NUL is refused, not cut short into a wider search', async () => {
    expect(refusedField(await dispatch('customers.search', { provinceAdcode: '440000', text: 'CUS\u0000不存在的客户' }))).toEqual({ code: 'invalid_argument', fields: ['text'] });
  });
});

describe('scenario overrides for provinces', () => {
  it('refuse a forced mode or a budget for a code that is no province, and save nothing', async () => {
    for (const overrides of [{ forcedModes: { '999999': 'direct' } }, { provinceBudgets: { '990000': 1_000_000 } }]) {
      const reply = await dispatch('network.saveScenario', { name: '陌生省份', overrides });
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_argument', fields: [{ field: 'overrides' }] } });
      expect(!reply.ok && reply.error.message).toContain('names no province');
    }
    expect(scenarioNames()).not.toContain('陌生省份');
    expect((await dispatch('network.saveScenario', { name: '甘肃直营', overrides: { forcedModes: { '620000': 'direct' } } })).ok).toBe(true);
  });
});

describe('error messages', () => {
  it('name files, never the folders they are in', async () => {
    const backups = path.join(temp.dir, 'backups');
    fs.mkdirSync(backups, { recursive: true });
    fs.writeFileSync(path.join(backups, 'damaged.sqlite'), 'SQLite format 3\0'.padEnd(8192, 'x'));
    const reply = await dispatch('data.restore', { fileName: 'damaged.sqlite' });
    expect(reply.ok).toBe(false);
    const text = JSON.stringify(reply);
    expect(text).toContain('damaged.sqlite');
    expect(text).not.toContain(temp.dir);
  });
});
