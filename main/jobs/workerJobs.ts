// Long work runs as jobs: started, watched (progress, best objective so far) and cancelled through the API, each in
// its own worker thread, so that the core stays free to answer the UI. Cancelling returns the best result so far
// where the work has one (a planner), or ends the job as cancelled (an optimiser).
//
// The machine has few cores and each worker its own heap: a kind runs at most `maxRunning` jobs at once and queues
// the rest (sixteen plans started together made forty threads that all crawled, and took ten seconds to cancel), and
// every worker has a heap limit, so that one huge job fails saying so instead of taking the machine's memory.
import crypto from 'node:crypto';
import { resourceLimits as ownResourceLimits, Worker, type ResourceLimits } from 'node:worker_threads';
import { isJobActive, type JobState, type JobStatus } from '../../shared/jobs';
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

export interface WorkerJobsOptions {
  /** Jobs of this kind running at once; later ones wait, queued, in the order they were started. */
  maxRunning?: number;
  /** Each worker's heap limit (V8's old generation), in MB. */
  maxHeapMb?: number;
  /** How long a running job may take to notice a cancel before its worker is ended without a result. */
  cancelGraceMs?: number;
}

interface Job<Task, Result> {
  status: JobStatus<Result>;
  task: Task;
  cancelFlag: SharedArrayBuffer;
  worker: Worker | null;
  cancelRequested: boolean;
  finishedAt: number | null;
}

/** Finished jobs are kept this long for their results to be fetched. */
const KEEP_FINISHED_MS = 10 * 60_000;
/** Two cores: a third job of a kind would only slow the first two down. */
export const DEFAULT_MAX_RUNNING = 2;
export const DEFAULT_MAX_HEAP_MB = 768;
const DEFAULT_CANCEL_GRACE_MS = 1_000;

/** The heap limit a helper thread of this worker should get: its parent's (none on the main thread). */
export function inheritedResourceLimits(): ResourceLimits {
  return ownResourceLimits.maxOldGenerationSizeMb ? { maxOldGenerationSizeMb: ownResourceLimits.maxOldGenerationSizeMb } : {};
}

export class WorkerJobs<Task, Result> {
  private readonly jobs = new Map<string, Job<Task, Result>>();
  private readonly queue: Array<Job<Task, Result>> = [];
  private readonly maxRunning: number;
  private readonly maxHeapMb: number;
  private readonly cancelGraceMs: number;

  constructor(
    private readonly workerFile: string,
    options: WorkerJobsOptions = {},
  ) {
    this.maxRunning = options.maxRunning ?? DEFAULT_MAX_RUNNING;
    this.maxHeapMb = options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB;
    this.cancelGraceMs = options.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS;
  }

  start(task: Task): JobStatus<Result> {
    this.forgetOldJobs();
    const jobId = crypto.randomUUID();
    const status: JobStatus<Result> = { jobId, state: 'queued', progress: 0, bestObjective: null, result: null, error: null };
    const job: Job<Task, Result> = { status, task, cancelFlag: new SharedArrayBuffer(4), worker: null, cancelRequested: false, finishedAt: null };
    this.jobs.set(jobId, job);
    this.queue.push(job);
    this.startQueued();
    return { ...status };
  }

  status(jobId: string): JobStatus<Result> | null {
    const job = this.jobs.get(jobId);
    return job ? { ...job.status } : null;
  }

  cancel(jobId: string): JobStatus<Result> | null {
    const job = this.jobs.get(jobId);
    if (!job) return null;
    if (job.status.state === 'queued') {
      this.queue.splice(this.queue.indexOf(job), 1);
      this.finish(job, 'cancelled');
    } else if (job.status.state === 'running' && !job.cancelRequested) {
      job.cancelRequested = true;
      Atomics.store(new Int32Array(job.cancelFlag), 0, 1);
      // Work that does not reach its stop check in time (a long exact solve, a huge write) is ended from outside.
      setTimeout(() => {
        if (job.status.state === 'running') void job.worker?.terminate();
      }, this.cancelGraceMs).unref();
    }
    return { ...job.status };
  }

  /** Whether any job is queued or running. */
  hasActive(): boolean {
    return [...this.jobs.values()].some((job) => isJobActive(job.status.state));
  }

  async close(): Promise<void> {
    this.queue.length = 0;
    await Promise.all([...this.jobs.values()].map((job) => job.worker?.terminate()));
    for (const job of this.jobs.values()) this.forgotten(job.status);
    this.jobs.clear();
  }

  /** Called once a job is dropped (kept long enough, or closing): a kind that leaves files behind removes them here. */
  protected forgotten(_status: JobStatus<Result>): void {}

  private running(): number {
    let n = 0;
    for (const job of this.jobs.values()) if (job.status.state === 'running') n++;
    return n;
  }

  private startQueued(): void {
    while (this.queue.length > 0 && this.running() < this.maxRunning) this.launch(this.queue.shift()!);
  }

  private finish(job: Job<Task, Result>, state: JobState): void {
    if (!isJobActive(job.status.state)) return;
    job.status.state = state;
    job.finishedAt = Date.now();
    this.startQueued();
  }

  private launch(job: Job<Task, Result>): void {
    const { status } = job;
    status.state = 'running';
    const worker = new Worker(this.workerFile, {
      workerData: { task: job.task, cancelFlag: job.cancelFlag } satisfies JobWorkerData<Task>,
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb },
    });
    job.worker = worker;
    const fail = (message: string) => {
      if (status.state !== 'running') return;
      status.error = message;
      this.finish(job, 'failed');
    };
    worker.on('message', (message: JobWorkerMessage<Result>) => {
      if (message.type === 'progress') {
        status.progress = message.fraction;
        if (message.best !== undefined) status.bestObjective = message.best;
      } else if (message.type === 'done') {
        status.progress = 1;
        status.result = message.result;
        this.finish(job, job.cancelRequested ? 'cancelled' : 'done');
      } else if (message.type === 'cancelled') {
        this.finish(job, 'cancelled');
      } else {
        fail(message.message);
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `The job ran out of memory (its limit is ${this.maxHeapMb} MB): ask for less at once.` : error.message);
    });
    worker.on('exit', () => {
      // Whatever the worker reported before it ended stands; an end without a report is a cancel taking effect or a crash.
      if (job.cancelRequested) this.finish(job, 'cancelled');
      else fail('the worker stopped unexpectedly');
    });
  }

  private forgetOldJobs(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) {
      if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) {
        this.jobs.delete(id);
        this.forgotten(job.status);
      }
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
