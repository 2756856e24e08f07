import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, MAX_OPEN_TICKETS_PAGE, type ApiResponse, type OpenTicketPage, type ProvinceDetail, type ProvinceOverview } from '../../shared/api/index';
import { generateDemo } from '../demo/generator';
import { openDatabase, type Db } from '../store/db';
import { makeTempDir } from '../testing/tempDir';
import { ImportJobs } from '../import/importJobs';
import { createDispatch, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { BUILT_EXPORT_WORKER, BUILT_IMPORT_WORKER, BUILT_NETWORK_WORKER, BUILT_PLAN_WORKER } from '../testing/builtWorkers';
import { ExportJobs } from '../export/exportJobs';
import { isJobActive, type JobState } from '../../shared/jobs';
import { NetworkJobs } from '../network/networkJobs';
import { PlanJobs } from '../routing/dispatch/planJobs';

let dispatch: Dispatch;
const internalErrors: unknown[] = [];

const temp = makeTempDir();
const databaseFile = path.join(temp.dir, 'demo.db');
let db: Db;

beforeAll(() => {
  db = openDatabase(databaseFile);
  generateDemo(db, { today: '2026-11-25', closedTickets: 3_000, openTickets: 300 });
  const jobs = { planJobs: new PlanJobs(BUILT_PLAN_WORKER), networkJobs: new NetworkJobs(BUILT_NETWORK_WORKER), importJobs: new ImportJobs(BUILT_IMPORT_WORKER), exportJobs: new ExportJobs(BUILT_EXPORT_WORKER) };
  dispatch = createDispatch(createHandlers({ db, databaseFile, ...jobs }), (e) => internalErrors.push(e));
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

const value = <T>(response: ApiResponse<unknown>): T => {
  if (!response.ok) throw new Error(`expected ok, got ${JSON.stringify(response.error)}`);
  return response.value as T;
};

describe('API contract', () => {
  it('has a handler for every channel, and answers each with a value', async () => {
    let jobId = '';
    const args: Partial<Record<(typeof CHANNELS)[number], () => unknown>> = {
      'provinces.detail': () => ({ adcode: '440000' }),
      'pnl.drilldown': () => ({ adcode: '440000' }),
      'pnl.export': () => ({ format: 'xlsx', locale: 'zh-CN' }),
      'plan.start': () => ({ regionAdcode: '440000', timeLimitSeconds: 0.2 }),
      'plan.status': () => ({ jobId }),
      'plan.cancel': () => ({ jobId }),
      'network.saveScenario': () => ({ name: 'west', overrides: { partnerFeeMultiplier: 0.9 } }),
      'network.deleteScenario': () => ({ name: 'west' }),
      'network.start': () => ({ kind: 'compare', scenarios: ['base'] }),
      'network.status': () => ({ jobId: networkJobId }),
      'network.cancel': () => ({ jobId: networkJobId }),
      'regions.cities': () => ({ provinceAdcode: '440000' }),
      'customers.search': () => ({ provinceAdcode: '440000', text: 'CUS' }),
      'tickets.create': () => ({ customerId: guangdongCustomer, productLine: 'commercial_hvac', fault: '主机不制冷', slaTier: 'urgent', estimatedMinutes: 60, requiredSkills: ['hvac'] }),
      'dispatch.evaluate': () => ({ regionAdcode: '440000', assignment: emptyPlan }),
      'dispatch.insertions': () => ({ regionAdcode: '440000', assignment: emptyPlan, ticketId: guangdongTicket }),
      'dispatch.publish': () => ({ regionAdcode: '440000', assignment: emptyPlan }),
      'import.start': () => ({ kind: 'customers', fileName: 'c.csv', base64: Buffer.from('customer_id\n').toString('base64'), commit: false }),
      'import.status': () => ({ jobId: importJobId }),
      'import.cancel': () => ({ jobId: importJobId }),
      'import.template': () => ({ kind: 'tickets', format: 'csv', language: 'zh-CN' }),
      'export.start': () => ({ table: 'provinces', format: 'csv' }),
      'export.status': () => ({ jobId: exportJobId }),
      'export.cancel': () => ({ jobId: exportJobId }),
      'export.chunk': () => ({ jobId: exportJobId, offset: 0 }),
      'data.restore': () => ({ fileName: backupName }),
    };
    const emptyPlan = { routes: [], partners: [], locked: [] };
    const guangdongCustomer = db.prepare("SELECT id FROM customers WHERE province_adcode = '440000' LIMIT 1").pluck().get() as number;
    const guangdongTicket = db.prepare("SELECT id FROM tickets WHERE province_adcode = '440000' AND status = 'new' LIMIT 1").pluck().get() as number;
    let importJobId = '';
    let exportJobId = '';
    let backupName = '';
    const untilIdle = async () => {
      for (const [channel, id] of [['plan.status', jobId], ['network.status', networkJobId], ['import.status', importJobId]] as const) {
        await until(dispatch, channel, id);
      }
    };
    let networkJobId = '';
    for (const channel of CHANNELS) {
      const arg = args[channel]?.() ?? {};
      const response = await dispatch(channel, arg);
      expect(response.ok, channel).toBe(true);
      if (channel === 'plan.start' && response.ok) jobId = (response.value as { jobId: string }).jobId;
      if (channel === 'network.start' && response.ok) networkJobId = (response.value as { jobId: string }).jobId;
      if (channel === 'import.start' && response.ok) importJobId = (response.value as { jobId: string }).jobId;
      // The file is fetched once the export is done (cancelling a finished job leaves it done).
      if (channel === 'export.start' && response.ok) exportJobId = (response.value as { jobId: string }).jobId;
      if (channel === 'export.start') await until(dispatch, 'export.status', exportJobId);
      if (channel === 'data.backup' && response.ok) backupName = (response.value as { fileName: string }).fileName;
      // Restoring waits for running jobs: let the optimisation and the import started above finish first.
      if (channel === 'import.cancel') await untilIdle();
    }
    expect(internalErrors).toEqual([]);
  });

  it('rejects an unknown channel', async () => {
    const response = await dispatch('db.dropEverything', {});
    expect(response).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('names the field of an invalid argument', async () => {
    const response = await dispatch('provinces.detail', { adcode: '62000' });
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('invalid_argument');
    expect(response.error.fields).toEqual([{ field: 'adcode', message: expect.stringContaining('six-digit') }]);
  });

  it('rejects fields the channel does not know (no silent typos)', async () => {
    const response = await dispatch('engineers.list', { provinceAdcod: '440000' });
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('answers not_found for a well-formed code that is no province', async () => {
    expect(await dispatch('provinces.detail', { adcode: '999999' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('lists 34 provinces with figures that agree with the detail view', async () => {
    const provinces = value<ProvinceOverview[]>(await dispatch('provinces.list', {}));
    expect(provinces).toHaveLength(34);
    const guangdong = provinces.find((p) => p.adcode === '440000');
    const detail = value<ProvinceDetail>(await dispatch('provinces.detail', { adcode: '440000' }));
    expect(detail.province).toEqual(guangdong);
    expect(detail.engineers).toHaveLength(guangdong?.engineers ?? -1);
    const openByTier = Object.values(detail.openTicketsByTier).reduce((a, b) => a + b, 0);
    expect(openByTier).toBe(guangdong?.openTickets);
  });

  it('filters lists by province', async () => {
    const all = value<OpenTicketPage>(await dispatch('tickets.open', {}));
    const gd = value<OpenTicketPage>(await dispatch('tickets.open', { provinceAdcode: '440000' }));
    expect(gd.tickets.length).toBeGreaterThan(0);
    expect(gd.tickets.length).toBeLessThan(all.tickets.length);
    expect(gd.tickets.every((t) => t.provinceAdcode === '440000')).toBe(true);
  });

  it('page open tickets, most urgent first, with the count of all of them, and refuse a page too big', async () => {
    const open = value<{ counts: { openTickets: number } }>(await dispatch('app.info', {})).counts.openTickets;
    const pages: OpenTicketPage[] = [];
    for (let offset = 0; offset < open; offset += 70) pages.push(value<OpenTicketPage>(await dispatch('tickets.open', { limit: 70, offset })));
    expect(pages.every((p) => p.total === open && p.tickets.length <= 70)).toBe(true);
    const tickets = pages.flatMap((p) => p.tickets);
    expect(new Set(tickets.map((t) => t.id)).size).toBe(open);
    expect(tickets.map((t) => t.slaDueAt)).toEqual(tickets.map((t) => t.slaDueAt).sort());
    expect(await dispatch('tickets.open', { limit: MAX_OPEN_TICKETS_PAGE + 1 })).toMatchObject({ ok: false, error: { code: 'invalid_argument', fields: [{ field: 'limit' }] } });
  });

  it('defaults the P&L to the 12 months up to the demo day, and rejects a reversed period naming the field', async () => {
    const report = value<{ from: string; to: string; provinces: unknown[] }>(await dispatch('pnl.report', {}));
    expect([report.from, report.to]).toEqual(['2025-12', '2026-11']);
    expect(report.provinces).toHaveLength(34);
    const reversed = await dispatch('pnl.report', { from: '2026-05', to: '2026-01' });
    expect(reversed).toMatchObject({ ok: false, error: { code: 'invalid_argument', fields: [{ field: 'from' }] } });
    const badMonth = await dispatch('pnl.report', { from: '2026-13' });
    expect(badMonth).toMatchObject({ ok: false, error: { code: 'invalid_argument', fields: [{ field: 'from' }] } });
  });

  it('reports the database by file name only, never its full path', async () => {
    const info = value<{ databaseFile: string }>(await dispatch('app.info', {}));
    expect(info.databaseFile).toBe('demo.db');
  });
});

/** Polls a job until it has finished, and returns its last status. */
async function until(call: Dispatch, channel: 'plan.status' | 'network.status' | 'import.status' | 'export.status', jobId: string) {
  for (;;) {
    const status = value<{ state: JobState; result: unknown; error: string | null }>(await call(channel, { jobId }));
    if (!isJobActive(status.state)) return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('import and data channels', () => {
  const customersCsv = 'customer_id,name,tier,province,lng,lat\nAPI-1,接口客户,key,广东,113.3,23.1\n';
  const start = (commit: boolean, text = customersCsv) =>
    dispatch('import.start', { kind: 'customers', fileName: 'c.csv', base64: Buffer.from(text).toString('base64'), commit });

  it('preview an import in a worker without writing, then commit it', async () => {
    const preview = await until(dispatch, 'import.status', value<{ jobId: string }>(await start(false)).jobId);
    expect(preview).toMatchObject({ state: 'done', result: { report: { committed: false, inserted: 1, problemCount: 0, mapping: { city: null, externalId: 'customer_id' } } } });
    expect(db.prepare("SELECT count(*) FROM customers WHERE external_id = 'API-1'").pluck().get()).toBe(0);
    const done = await until(dispatch, 'import.status', value<{ jobId: string }>(await start(true)).jobId);
    expect(done).toMatchObject({ state: 'done', result: { report: { committed: true, inserted: 1 } } });
    expect(db.prepare("SELECT name FROM customers WHERE external_id = 'API-1'").pluck().get()).toBe('接口客户');
  });

  it('return the problems and a rejects file for a bad import', async () => {
    const bad = await until(dispatch, 'import.status', value<{ jobId: string }>(await start(true, customersCsv.replace('key', 'vip'))).jobId);
    const result = bad.result as { report: { committed: boolean; problems: Array<{ row: number; column: string; code: string }> }; rejectsCsv: string };
    expect(result.report.committed).toBe(false);
    expect(result.report.problems).toEqual([expect.objectContaining({ row: 2, column: 'tier', code: 'not_one_of' })]);
    expect(result.rejectsCsv).toContain('vip');
  });

  it('export a table as a job, fetched in chunks, and refuse a name that is not one of its tables', async () => {
    const started = value<{ jobId: string }>(await dispatch('export.start', { table: 'customers', format: 'xlsx' }));
    const done = await until(dispatch, 'export.status', started.jobId);
    const result = done.result as { fileName: string; bytes: number; rows: number };
    expect(done.state).toBe('done');
    expect(result).toMatchObject({ fileName: 'service-atlas-customers.xlsx', rows: db.prepare('SELECT count(*) FROM customers').pluck().get() });
    const first = value<{ base64: string; totalBytes: number }>(await dispatch('export.chunk', { jobId: started.jobId, offset: 0 }));
    expect(first.totalBytes).toBe(result.bytes);
    expect(Buffer.from(first.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    const past = await dispatch('export.chunk', { jobId: started.jobId, offset: result.bytes + 1 });
    expect(past).toMatchObject({ ok: false, error: { code: 'invalid_argument', fields: [{ field: 'offset' }] } });
    expect(await dispatch('export.start', { table: 'nosuchtable', format: 'csv' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await dispatch('export.start', { table: 'customers; DROP TABLE customers', format: 'csv' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('restore only from the backups folder, and never from a damaged file', async () => {
    expect(await dispatch('data.restore', { fileName: '../demo.sqlite' })).toMatchObject({ ok: false, error: { code: 'invalid_argument', fields: [{ field: 'fileName' }] } });
    const { fileName } = value<{ fileName: string }>(await dispatch('data.backup', {}));
    const backups = value<Array<{ fileName: string }>>(await dispatch('data.backups', {}));
    expect(backups.map((b) => b.fileName)).toContain(fileName);
    const damaged = path.join(temp.dir, 'backups', 'damaged.sqlite');
    fs.writeFileSync(damaged, 'SQLite format 3\0'.padEnd(8192, 'x'));
    const customers = db.prepare('SELECT count(*) FROM customers').pluck().get();
    expect(await dispatch('data.restore', { fileName: 'damaged.sqlite' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(customers);
  });
});

describe('dispatch channels', () => {
  it('plan one city of a province: its customers’ tickets, its engineers, its shops', async () => {
    const cities = value<Array<{ id: number; nameZh: string }>>(await dispatch('regions.cities', { provinceAdcode: '440000' }));
    const guangzhou = cities.find((c) => c.nameZh === '广州')!;
    const plan = value<{ unassigned: Array<{ ticketId: number }> }>(await dispatch('dispatch.evaluate', { regionAdcode: '440000', cityId: guangzhou.id, assignment: { routes: [], partners: [], locked: [] } }));
    const ids = plan.unassigned.map((u) => u.ticketId);
    const inCity = db
      .prepare(`SELECT t.id FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE c.city_id = ? AND t.status IN ('new', 'assigned', 'scheduled', 'in_progress', 'reopened') ORDER BY t.id`)
      .pluck()
      .all(guangzhou.id);
    expect(ids.length).toBeGreaterThan(0);
    expect([...ids].sort((a, b) => a - b)).toEqual(inCity);
    const engineers = value<Array<{ homeCity: string }>>(await dispatch('engineers.list', { provinceAdcode: '440000', cityId: guangzhou.id }));
    expect(engineers.length).toBeGreaterThan(0);
    expect(engineers.every((e) => e.homeCity === '广州')).toBe(true);
    const shenzhenEngineer = db.prepare("SELECT e.id FROM engineers e JOIN cities c ON c.id = e.home_city_id WHERE c.name_zh = '深圳' LIMIT 1").pluck().get() as number;
    const outside = await dispatch('dispatch.evaluate', { regionAdcode: '440000', cityId: guangzhou.id, assignment: { routes: [{ engineerId: shenzhenEngineer, ticketIds: [] }], partners: [], locked: [] } });
    expect(outside).toMatchObject({ ok: false, error: { code: 'invalid_argument', fields: [{ field: 'assignment' }] } });
    const beijing = value<Array<{ id: number }>>(await dispatch('regions.cities', { provinceAdcode: '110000' }))[0]!;
    expect(await dispatch('dispatch.evaluate', { regionAdcode: '440000', cityId: beijing.id, assignment: { routes: [], partners: [], locked: [] } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', fields: [{ field: 'cityId' }] },
    });
  });

  it('take a call-in urgent ticket with its SLA from the rules, and place it into a plan', async () => {
    const customer = value<Array<{ id: number; name: string; tier: string }>>(await dispatch('customers.search', { provinceAdcode: '440000', text: 'CUS-0' }))[0]!;
    expect(await dispatch('customers.search', { provinceAdcode: '440000', text: '%' })).toMatchObject({ ok: true, value: [] });
    const created = value<{ id: number; externalId: string; createdAt: string; slaDueAt: string; status: string }>(
      await dispatch('tickets.create', { customerId: customer.id, productLine: 'commercial_hvac', fault: '主机停机', slaTier: 'urgent', estimatedMinutes: 45, requiredSkills: ['hvac'] }),
    );
    expect(created.externalId).toMatch(/^M\d{8}-\d{4}$/);
    expect(created.status).toBe('new');
    const hours = (Date.parse(`${created.slaDueAt.replace(' ', 'T')}Z`) - Date.parse(`${created.createdAt.replace(' ', 'T')}Z`)) / 3_600_000;
    expect(hours).toBe(2); // urgent: respond within 2 h for every customer tier in the demo rules
    const plan = value<{ unassigned: Array<{ ticketId: number }> }>(await dispatch('dispatch.evaluate', { regionAdcode: '440000', assignment: { routes: [], partners: [], locked: [] } }));
    expect(plan.unassigned.map((u) => u.ticketId)).toContain(created.id);
    const choices = value<{ engineers: unknown[]; partner: { shopId: number } | null }>(
      await dispatch('dispatch.insertions', { regionAdcode: '440000', assignment: { routes: [], partners: [], locked: [] }, ticketId: created.id }),
    );
    expect(choices.engineers.length + (choices.partner ? 1 : 0)).toBeGreaterThan(0);
    expect(await dispatch('tickets.create', { customerId: customer.id, productLine: 'x', fault: 'y', slaTier: 'urgent', estimatedMinutes: 30, requiredSkills: ['welding'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', fields: [{ field: 'requiredSkills' }] },
    });
  });

  it('refuse a plan naming tickets or engineers outside the region, and refuse to publish a route that breaks a rule', async () => {
    const stranger = await dispatch('dispatch.evaluate', { regionAdcode: '440000', assignment: { routes: [{ engineerId: 1, ticketIds: [999_999] }], partners: [], locked: [] } });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'invalid_argument', fields: [{ field: 'assignment' }] } });
    const engineer = db.prepare("SELECT id FROM engineers WHERE province_adcode = '440000' LIMIT 1").pluck().get() as number;
    const all = db.prepare("SELECT id FROM tickets WHERE province_adcode = '440000' AND status = 'new' LIMIT 40").pluck().all() as number[];
    const overloaded = { routes: [{ engineerId: engineer, ticketIds: all }], partners: [], locked: [] };
    const evaluated = value<{ feasible: boolean; routes: Array<{ violations: string[] }> }>(await dispatch('dispatch.evaluate', { regionAdcode: '440000', assignment: overloaded }));
    expect(evaluated.feasible).toBe(false);
    expect(evaluated.routes[0]!.violations).toContain('max_jobs');
    const statuses = () => db.prepare(`SELECT status FROM tickets WHERE id IN (${all.join(',')})`).pluck().all();
    const before = statuses();
    expect(await dispatch('dispatch.publish', { regionAdcode: '440000', assignment: overloaded })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(statuses()).toEqual(before);
  });
});

describe('network channels', () => {
  it('refuse a bad scenario naming the field, and an unknown scenario', async () => {
    const bad = await dispatch('network.saveScenario', { name: 'x', overrides: { demandMultiplier: -2 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid_argument');
      expect(bad.error.fields?.[0]?.field).toBe('overrides.demandMultiplier');
    }
    const base = await dispatch('network.saveScenario', { name: 'base', overrides: {} });
    expect(!base.ok && base.error.code).toBe('invalid_argument');
    const unknown = await dispatch('network.start', { kind: 'compare', scenarios: ['nope'] });
    expect(!unknown.ok && unknown.error.code).toBe('not_found');
  });
});
