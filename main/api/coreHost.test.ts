import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse, ExportJobStatus } from '../../shared/api/index';
import { isJobActive } from '../../shared/jobs';
import { createDemoDatabase } from '../demo/createDemoDatabase';
import { BUILT_CORE_WORKER } from '../testing/builtWorkers';
import { makeTempDir } from '../testing/tempDir';
import { startCoreHost, type CoreHost } from './coreHost';

// The core as the app runs it: its own thread (the build's), with jobs in further threads.
const temp = makeTempDir();
let core: CoreHost;

beforeAll(async () => {
  const databaseFile = path.join(temp.dir, 'demo.db');
  createDemoDatabase(databaseFile, { today: '2026-11-25' });
  core = await startCoreHost({ databaseFile }, BUILT_CORE_WORKER);
}, 120_000);
afterAll(async () => {
  await core.close();
  temp.cleanup();
});

it('answers an argument that cannot reach the core with an error, keeps nothing pending, and goes on answering', async () => {
  const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
  const reply = await core.dispatch('customers.search', { provinceAdcode: '440000', text: deep });
  expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  expect(core.pendingCalls()).toBe(0);
  expect(await core.dispatch('app.info', {})).toMatchObject({ ok: true });
  expect(core.pendingCalls()).toBe(0);
});

const value = <T>(response: ApiResponse<unknown>): T => {
  if (!response.ok) throw new Error(`expected ok, got ${JSON.stringify(response.error)}`);
  return response.value as T;
};

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

/** A bound far above any cheap call's time: passing says the core was free, not that it was fast. */
const NOT_BLOCKED_MS = 1_000;

describe('the core while heavy work runs', () => {
  it('answer app.info at once while the whole tickets table is exported as XLSX', async () => {
    const started = value<ExportJobStatus>(await core.dispatch('export.start', { table: 'tickets', format: 'xlsx' }));
    const answers: number[] = [];
    let status = started;
    while (isJobActive(status.state)) {
      const info = await timed(() => core.dispatch('app.info', {}));
      expect(info.result.ok).toBe(true);
      answers.push(info.ms);
      status = value<ExportJobStatus>(await core.dispatch('export.status', { jobId: started.jobId }));
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status.state).toBe('done');
    // The export ran long enough to be asked about several times, and no answer waited for it.
    expect(answers.length).toBeGreaterThan(3);
    expect(Math.max(...answers)).toBeLessThan(NOT_BLOCKED_MS);
    let fetched = 0;
    while (fetched < status.result!.bytes) {
      const chunk = value<{ base64: string; totalBytes: number }>(await core.dispatch('export.chunk', { jobId: started.jobId, offset: fetched }));
      fetched += Buffer.from(chunk.base64, 'base64').length;
    }
    expect(fetched).toBe(status.result!.bytes);
    expect(status.result!.rows).toBe(value<{ counts: { tickets: number } }>(await core.dispatch('app.info', {})).counts.tickets);
  });
});
