import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkJobStatus } from '../../shared/api/index';
import { createDemoDatabase } from '../demo/createDemoDatabase';
import { openDatabase } from '../store/db';
import { saveScenario } from '../store/scenarios';
import { BUILT_NETWORK_WORKER } from '../testing/builtWorkers';
import { makeTempDir } from '../testing/tempDir';
import { NetworkJobs } from './networkJobs';
import { compareScenarios, scenarioNamed, tradeoffCurve } from './service';

const TODAY = '2026-11-25';
const temp = makeTempDir();
const databaseFile = path.join(temp.dir, 'demo.db');
const jobs = new NetworkJobs(BUILT_NETWORK_WORKER);
const SWEEP = ['base', 'volume+20', 'fees-10', 'urgent-90'];

beforeAll(() => {
  createDemoDatabase(databaseFile, { today: TODAY });
  const db = openDatabase(databaseFile, { mustExist: true });
  saveScenario(db, 'volume+20', { demandMultiplier: 1.2 }, `${TODAY} 08:00`);
  saveScenario(db, 'fees-10', { partnerFeeMultiplier: 0.9 }, `${TODAY} 08:00`);
  saveScenario(db, 'urgent-90', { urgentCoverageTarget: 0.9 }, `${TODAY} 08:00`);
  db.close();
});
afterAll(async () => {
  await jobs.close();
  temp.cleanup();
});

async function until(jobId: string, done: (s: NetworkJobStatus) => boolean): Promise<NetworkJobStatus> {
  for (;;) {
    const status = jobs.status(jobId)!;
    if (done(status)) return status;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('network jobs (two threads share a sweep)', () => {
  it('return every scenario in order, as solving them one by one in process does, with progress on the way', async () => {
    const { jobId } = jobs.start({ databaseFile, today: TODAY, request: { kind: 'compare', scenarios: SWEEP } });
    const seen = new Set<number>();
    const done = await until(jobId, (s) => (seen.add(s.progress), s.state !== 'running'));
    expect(done.state).toBe('done');
    expect(seen.size).toBeGreaterThan(2);
    const db = openDatabase(databaseFile, { mustExist: true });
    const expected = compareScenarios(db, SWEEP.map((name) => scenarioNamed(db, name)), TODAY);
    const curve = tradeoffCurve(db, scenarioNamed(db, 'base'), [0.6, 0.8, 1], TODAY);
    db.close();
    const result = done.result!;
    expect(result.kind === 'compare' && result.results.map((r) => [r.scenario, Math.round(r.objective)])).toEqual(expected.map((r) => [r.scenario, Math.round(r.objective)]));

    const tradeoff = jobs.start({ databaseFile, today: TODAY, request: { kind: 'tradeoff', scenario: 'base', targets: [0.6, 0.8, 1] } });
    const points = (await until(tradeoff.jobId, (s) => s.state !== 'running')).result!;
    expect(points.kind === 'tradeoff' && points.points.map((p) => [p.target, Math.round(p.profit)])).toEqual(curve.map((p) => [p.target, Math.round(p.profit)]));
  });

  it('stop both threads when cancelled', async () => {
    const { jobId } = jobs.start({ databaseFile, today: TODAY, request: { kind: 'compare', scenarios: [...SWEEP, ...SWEEP] } });
    await until(jobId, (s) => s.progress > 0);
    jobs.cancel(jobId);
    const ended = await until(jobId, (s) => s.state !== 'running');
    expect(ended.state).toBe('cancelled');
    expect(ended.result).toBeNull();
  });
});
