// One day's planning in its own thread: the core worker stays free to answer the UI (progress, cancel, other calls).
import { parentPort, workerData } from 'node:worker_threads';
import type { PlanResult } from '../../../shared/dispatch';
import { jobWorkerContext } from '../../jobs/workerJobs';
import { planDay } from './planDay';
import type { PlanTask } from './planJobs';

if (!parentPort) throw new Error('planWorker must run in a worker thread');
const { task, shouldStop, post, run } = jobWorkerContext<PlanTask, PlanResult>(parentPort, workerData);

void run((db) =>
  planDay(db, {
    regionAdcode: task.regionAdcode,
    cityId: task.cityId,
    date: task.date,
    ...(task.initial ? { initial: task.initial } : {}),
    solve: {
      timeLimitMs: task.timeLimitMs,
      ...(task.maxIterations ? { maxIterations: task.maxIterations } : {}),
      seed: task.seed,
      onProgress: (p) => post({ type: 'progress', fraction: p.fraction, best: p.bestCost }),
      shouldStop,
    },
  }),
);
