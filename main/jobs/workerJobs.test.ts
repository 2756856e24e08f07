import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isJobActive, type JobStatus } from '../../shared/jobs';
import { makeTempDir } from '../testing/tempDir';
import { WorkerJobs } from './workerJobs';

// A worker speaking the job protocol (plain JavaScript: workers cannot load the TypeScript sources). Its task says
// how to behave: finish after `ms`, keep allocating, or ignore the stop flag.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { task, cancelFlag } = workerData;
const flag = new Int32Array(cancelFlag);
const started = Date.now();
if (task.mode === 'allocate') {
  const kept = [];
  for (;;) kept.push(new Array(1e6).fill(kept.length));
} else if (task.mode === 'deaf') {
  while (Date.now() - started < task.ms) {}
  parentPort.postMessage({ type: 'done', result: 'too late' });
} else {
  const tick = setInterval(() => {
    if (Atomics.load(flag, 0) === 1) { clearInterval(tick); parentPort.postMessage({ type: 'cancelled' }); }
    else if (Date.now() - started >= task.ms) { clearInterval(tick); parentPort.postMessage({ type: 'done', result: task.name }); }
  }, 10);
}
`;

type Task = { mode: 'wait' | 'allocate' | 'deaf'; ms?: number; name?: string };

const temp = makeTempDir();
const workerFile = path.join(temp.dir, 'fixtureWorker.cjs');
fs.writeFileSync(workerFile, WORKER_SOURCE);
let jobs: WorkerJobs<Task, string> | null = null;
afterEach(async () => {
  await jobs?.close();
});

async function until(id: string, done: (s: JobStatus<string>) => boolean, timeoutMs = 20_000): Promise<JobStatus<string>> {
  const started = Date.now();
  for (;;) {
    const status = jobs!.status(id)!;
    if (done(status)) return status;
    if (Date.now() - started > timeoutMs) throw new Error(`job still ${status.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
const finished = (s: JobStatus<string>) => !isJobActive(s.state);

describe('WorkerJobs', () => {
  it('run at most maxRunning jobs of a kind and queue the rest, in order', async () => {
    jobs = new WorkerJobs<Task, string>(workerFile, { maxRunning: 2 });
    const started = ['a', 'b', 'c', 'd'].map((name) => jobs!.start({ mode: 'wait', ms: 300, name }));
    expect(started.map((s) => s.state)).toEqual(['running', 'running', 'queued', 'queued']);
    const firstDone = await until(started[0]!.jobId, finished);
    expect(firstDone).toMatchObject({ state: 'done', result: 'a' });
    expect(jobs.status(started[2]!.jobId)!.state).toBe('running');
    const results = await Promise.all(started.map((s) => until(s.jobId, finished)));
    expect(results.map((r) => r.result)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('cancel a queued job at once: it never runs and frees no slot it did not hold', async () => {
    jobs = new WorkerJobs<Task, string>(workerFile, { maxRunning: 1 });
    const first = jobs.start({ mode: 'wait', ms: 300, name: 'first' });
    const second = jobs.start({ mode: 'wait', ms: 10, name: 'second' });
    const third = jobs.start({ mode: 'wait', ms: 10, name: 'third' });
    expect(jobs.cancel(second.jobId)!.state).toBe('cancelled');
    expect(jobs.status(first.jobId)!.state).toBe('running');
    expect(jobs.status(third.jobId)!.state).toBe('queued');
    expect((await until(third.jobId, finished)).result).toBe('third');
    expect(jobs.status(second.jobId)).toMatchObject({ state: 'cancelled', result: null });
    expect(jobs.hasActive()).toBe(false);
  });

  it('end a running job that ignores the stop flag once its grace has passed', async () => {
    jobs = new WorkerJobs<Task, string>(workerFile, { cancelGraceMs: 200 });
    const deaf = jobs.start({ mode: 'deaf', ms: 60_000 });
    await new Promise((r) => setTimeout(r, 100));
    jobs.cancel(deaf.jobId);
    // Generous bound: only says the worker was ended rather than left to spin for its minute.
    const done = await until(deaf.jobId, finished, 10_000);
    expect(done).toMatchObject({ state: 'cancelled', result: null });
  });

  it('fail a job that outgrows its heap limit, saying so, and go on with the queue', async () => {
    jobs = new WorkerJobs<Task, string>(workerFile, { maxRunning: 1, maxHeapMb: 32 });
    const greedy = jobs.start({ mode: 'allocate' });
    const next = jobs.start({ mode: 'wait', ms: 10, name: 'next' });
    const done = await until(greedy.jobId, finished, 30_000);
    expect(done.state).toBe('failed');
    expect(done.error).toMatch(/ran out of memory.*32 MB/);
    expect((await until(next.jobId, finished)).state).toBe('done');
  });
});
