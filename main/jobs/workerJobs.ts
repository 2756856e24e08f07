// Long work runs as jobs: started, watched (progress, best objective so far) and cancelled through the API, each in
// its own worker thread, so that the core stays free to answer the UI. Cancelling returns the best result so far
// where the work has one (a planner), or ends the job as cancelled (an optimiser).
import crypto from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { JobStatus } from '../../shared/jobs';
import { openDatabase, type Db } from '../store/db';
import { asStoreFailure } from '../store/storeErrors';

export type JobWorkerMessage<Result> =
  | { type: 'progress'; fraction: number; best?: number }
  | { type: 'done'; result: Result }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string };

/** What every job's worker receives besides its task: one Int32, set to 1 to ask the work to stop. */
export interface JobWorkerData<Task> {
  task: Task;
  cancelFlag: SharedArrayBuffer;
}

interface Job<Result> {
  status: JobStatus<Result>;
  cancelFlag: Int32Array;
  worker: Worker;
  cancelRequested: boolean;
  finishedAt: number | null;
}

/** Finished jobs are kept this long for their results to be fetched. */
const KEEP_FINISHED_MS = 10 * 60_000;

export class WorkerJobs<Task, Result> {
  private readonly jobs = new Map<string, Job<Result>>();

  constructor(private readonly workerFile: string) {}

  start(task: Task): JobStatus<Result> {
    this.forgetOldJobs();
    const jobId = crypto.randomUUID();
    const cancelFlag = new SharedArrayBuffer(4);
    const worker = new Worker(this.workerFile, { workerData: { task, cancelFlag } satisfies JobWorkerData<Task> });
    const status: JobStatus<Result> = { jobId, state: 'running', progress: 0, bestObjective: null, result: null, error: null };
    const job: Job<Result> = { status, cancelFlag: new Int32Array(cancelFlag), worker, cancelRequested: false, finishedAt: null };
    const finish = (state: JobStatus<Result>['state']) => {
      status.state = state;
      job.finishedAt = Date.now();
    };
    worker.on('message', (message: JobWorkerMessage<Result>) => {
      if (message.type === 'progress') {
        status.progress = message.fraction;
        if (message.best !== undefined) status.bestObjective = message.best;
      } else if (message.type === 'done') {
        status.progress = 1;
        status.result = message.result;
        finish(job.cancelRequested ? 'cancelled' : 'done');
      } else if (message.type === 'cancelled') {
        finish('cancelled');
      } else {
        status.error = message.message;
        finish('failed');
      }
    });
    worker.on('error', (error) => {
      status.error = error.message;
      finish('failed');
    });
    worker.on('exit', () => {
      if (status.state === 'running') {
        status.error = 'the worker stopped unexpectedly';
        finish('failed');
      }
    });
    this.jobs.set(jobId, job);
    return { ...status };
  }

  status(jobId: string): JobStatus<Result> | null {
    const job = this.jobs.get(jobId);
    return job ? { ...job.status } : null;
  }

  cancel(jobId: string): JobStatus<Result> | null {
    const job = this.jobs.get(jobId);
    if (!job) return null;
    if (job.status.state === 'running') {
      job.cancelRequested = true;
      Atomics.store(job.cancelFlag, 0, 1);
    }
    return { ...job.status };
  }

  hasRunning(): boolean {
    return [...this.jobs.values()].some((job) => job.status.state === 'running');
  }

  async close(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.worker.terminate()));
    this.jobs.clear();
  }

  private forgetOldJobs(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) {
      if (job.status.state !== 'running' && job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
    }
  }
}

/**
 * The worker's side: its task, a stop check for the work to poll, a typed way to report, and `run`, which opens the
 * task's store, does the work and reports how it ended (done; cancelled when `isCancellation` says the error was the
 * work giving up on the stop check; failed otherwise), closing the store whatever happens.
 */
export function jobWorkerContext<Task extends { databaseFile: string }, Result>(port: { postMessage(message: unknown): void }, data: unknown) {
  const { task, cancelFlag } = data as JobWorkerData<Task>;
  const flag = new Int32Array(cancelFlag);
  const post = (message: JobWorkerMessage<Result>) => port.postMessage(message);
  return {
    task,
    shouldStop: () => Atomics.load(flag, 0) === 1,
    post,
    run: async (work: (db: Db) => Result | Promise<Result>, isCancellation: (error: unknown) => boolean = () => false): Promise<void> => {
      const db = openDatabase(task.databaseFile, { mustExist: true });
      try {
        post({ type: 'done', result: await work(db) });
      } catch (error) {
        post(isCancellation(error) ? { type: 'cancelled' } : { type: 'failed', message: asStoreFailure(error)?.message ?? (error as Error).message });
      } finally {
        db.close();
      }
    },
  };
}

/**
 * The one result of a helper thread that reports as a job worker does: 'done' resolves; 'cancelled' (as `cancelled()`),
 * 'failed', an error or an exit without a result reject. Progress messages are left to the caller. Settled even when
 * nobody awaits it, so that a caller failing in its own share of the work does not leave the helper's end unhandled.
 */
export function helperResult<Result>(worker: Worker, cancelled: () => Error = () => new Error('cancelled')): Promise<Result> {
  const result = new Promise<Result>((resolve, reject) => {
    worker.on('message', (message: JobWorkerMessage<Result>) => {
      if (message.type === 'done') resolve(message.result);
      else if (message.type === 'cancelled') reject(cancelled());
      else if (message.type === 'failed') reject(new Error(message.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`helper thread exited with code ${code} before reporting`)));
  });
  result.catch(() => undefined);
  return result;
}
