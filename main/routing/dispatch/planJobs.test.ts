import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanJobStatus } from '../../../shared/dispatch';
import { createDemoDatabase } from '../../demo/createDemoDatabase';
import { BUILT_PLAN_WORKER } from '../../testing/builtWorkers';
import { makeTempDir } from '../../testing/tempDir';
import { PlanJobs } from './planJobs';

const temp = makeTempDir();
const databaseFile = path.join(temp.dir, 'demo.db');
const jobs = new PlanJobs(BUILT_PLAN_WORKER);

beforeAll(() => {
  createDemoDatabase(databaseFile, { today: '2026-11-25' });
});
afterAll(async () => {
  await jobs.close();
  temp.cleanup();
});

async function until(jobId: string, done: (s: PlanJobStatus) => boolean, timeoutMs = 30_000): Promise<PlanJobStatus> {
  const started = Date.now();
  for (;;) {
    const status = jobs.status(jobId)!;
    if (done(status)) return status;
    if (Date.now() - started > timeoutMs) throw new Error(`job still ${status.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('planning jobs in worker threads', () => {
  it('plan a region off the calling thread, reporting progress, and hand back the plan', async () => {
    const started = jobs.start({ databaseFile, regionAdcode: '310000', date: '2026-11-25', timeLimitMs: 1_500, seed: 1 });
    expect(started.state).toBe('running');
    const midway = await until(started.jobId, (s) => s.progress > 0 || s.state !== 'running');
    expect(midway.progress).toBeGreaterThan(0);
    const done = await until(started.jobId, (s) => s.state !== 'running');
    expect(done.state).toBe('done');
    const tickets = done.result!.routes.reduce((n, r) => n + r.stops.length, 0) + done.result!.partners.reduce((n, p) => n + p.ticketIds.length, 0) + done.result!.unassigned.length;
    expect(tickets).toBe(50);
  });

  it('stop early when cancelled, with the best plan so far', async () => {
    const started = jobs.start({ databaseFile, regionAdcode: '440000', date: '2026-11-25', timeLimitMs: 60_000, seed: 1 });
    await until(started.jobId, (s) => s.progress > 0);
    const t0 = Date.now();
    jobs.cancel(started.jobId);
    const done = await until(started.jobId, (s) => s.state !== 'running');
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(done.state).toBe('cancelled');
    expect(done.result!.routes.length).toBeGreaterThan(0);
  });

  it('report a failure instead of hanging', async () => {
    const started = jobs.start({ databaseFile: path.join(temp.dir, 'missing.db'), regionAdcode: '440000', date: '2026-11-25', timeLimitMs: 1_000, seed: 1 });
    const done = await until(started.jobId, (s) => s.state !== 'running');
    expect(done.state).toBe('failed');
    expect(done.error).toMatch(/not found/);
  });
});
