// One day's planning in its own thread: the core worker stays free to answer the UI (progress, cancel, other calls).
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../store/db';
import { planDay } from './planDay';
import type { PlanTask, PlanWorkerMessage } from './planJobs';

const port = parentPort;
if (!port) throw new Error('planWorker must run in a worker thread');
const task = workerData as PlanTask;
const cancelled = new Int32Array(task.cancelFlag);
const post = (message: PlanWorkerMessage) => port.postMessage(message);

void (async () => {
  const db = openDatabase(task.databaseFile, { mustExist: true });
  try {
    const plan = await planDay(db, {
      regionAdcode: task.regionAdcode,
      date: task.date,
      solve: {
        timeLimitMs: task.timeLimitMs,
        seed: task.seed,
        onProgress: (p) => post({ type: 'progress', fraction: p.fraction, bestCost: p.bestCost }),
        shouldStop: () => Atomics.load(cancelled, 0) === 1,
      },
    });
    post({ type: 'done', plan });
  } catch (error) {
    post({ type: 'failed', message: (error as Error).message });
  } finally {
    db.close();
  }
})();
