import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type ApiResponse, type ProvinceDetail, type ProvinceOverview } from '../../shared/contract';
import { generateDemo } from '../demo/generator';
import { openDatabase } from '../store/db';
import { createDispatch, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { BUILT_NETWORK_WORKER, BUILT_PLAN_WORKER } from '../testing/builtWorkers';
import { NetworkJobs } from '../network/networkJobs';
import { PlanJobs } from '../routing/planJobs';

let dispatch: Dispatch;
const internalErrors: unknown[] = [];

beforeAll(() => {
  const db = openDatabase(':memory:');
  generateDemo(db, { today: '2026-11-25', closedTickets: 3_000, openTickets: 300 });
  dispatch = createDispatch(createHandlers({ db, databaseFile: '/data/demo.db', planJobs: new PlanJobs(BUILT_PLAN_WORKER), networkJobs: new NetworkJobs(BUILT_NETWORK_WORKER) }), (e) => internalErrors.push(e));
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
    };
    let networkJobId = '';
    for (const channel of CHANNELS) {
      const arg = args[channel]?.() ?? {};
      const response = await dispatch(channel, arg);
      expect(response.ok, channel).toBe(true);
      if (channel === 'plan.start' && response.ok) jobId = (response.value as { jobId: string }).jobId;
      if (channel === 'network.start' && response.ok) networkJobId = (response.value as { jobId: string }).jobId;
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
    const all = value<Array<{ provinceAdcode: string }>>(await dispatch('tickets.open', {}));
    const gd = value<Array<{ provinceAdcode: string }>>(await dispatch('tickets.open', { provinceAdcode: '440000' }));
    expect(gd.length).toBeGreaterThan(0);
    expect(gd.length).toBeLessThan(all.length);
    expect(gd.every((t) => t.provinceAdcode === '440000')).toBe(true);
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
