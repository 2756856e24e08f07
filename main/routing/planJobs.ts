// Planning runs as jobs: started, watched (progress, best objective so far) and cancelled through the API, each in
// its own worker thread. Cancelling returns the best plan found so far, as a finished solver would.
import crypto from 'node:crypto';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PlanJobStatus } from '../../shared/dispatch';

export interface PlanTask {
  databaseFile: string;
  regionAdcode: string;
  date: string;
  timeLimitMs: number;
  seed: number;
  /** One Int32: set to 1 to ask the solver to stop. */
  cancelFlag: SharedArrayBuffer;
}

export type PlanWorkerMessage =
  | { type: 'progress'; fraction: number; bestCost: number }
  | { type: 'done'; plan: NonNullable<PlanJobStatus['plan']> }
  | { type: 'failed'; message: string };

interface Job {
  status: PlanJobStatus;
  cancelFlag: Int32Array;
  worker: Worker;
  cancelRequested: boolean;
  finishedAt: number | null;
}

/** Finished jobs are kept this long for their results to be fetched. */
const KEEP_FINISHED_MS = 10 * 60_000;

export class PlanJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly workerFile = path.join(__dirname, 'planWorker.js')) {}

  start(task: Omit<PlanTask, 'cancelFlag'>): PlanJobStatus {
    this.forgetOldJobs();
    const jobId = crypto.randomUUID();
    const cancelFlag = new SharedArrayBuffer(4);
    const worker = new Worker(this.workerFile, { workerData: { ...task, cancelFlag } satisfies PlanTask });
    const status: PlanJobStatus = { jobId, state: 'running', progress: 0, bestObjective: null, plan: null, error: null };
    const job: Job = { status, cancelFlag: new Int32Array(cancelFlag), worker, cancelRequested: false, finishedAt: null };
    worker.on('message', (message: PlanWorkerMessage) => {
      if (message.type === 'progress') {
        status.progress = message.fraction;
        status.bestObjective = message.bestCost;
      } else if (message.type === 'done') {
        status.state = job.cancelRequested ? 'cancelled' : 'done';
        status.progress = 1;
        status.plan = message.plan;
        job.finishedAt = Date.now();
      } else {
        status.state = 'failed';
        status.error = message.message;
        job.finishedAt = Date.now();
      }
    });
    worker.on('error', (error) => {
      status.state = 'failed';
      status.error = error.message;
    });
    worker.on('exit', () => {
      if (status.state === 'running') {
        status.state = 'failed';
        status.error = 'the planner stopped unexpectedly';
      }
      job.finishedAt ??= Date.now();
    });
    this.jobs.set(jobId, job);
    return { ...status };
  }

  status(jobId: string): PlanJobStatus | null {
    const job = this.jobs.get(jobId);
    return job ? { ...job.status } : null;
  }

  cancel(jobId: string): PlanJobStatus | null {
    const job = this.jobs.get(jobId);
    if (!job) return null;
    if (job.status.state === 'running') {
      job.cancelRequested = true;
      Atomics.store(job.cancelFlag, 0, 1);
    }
    return { ...job.status };
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
