// Scenarios and trade-off sweeps in their own thread: the core worker stays free to answer the UI.
import { parentPort, workerData } from 'node:worker_threads';
import type { NetworkJobResult } from '../../shared/contract';
import { jobWorkerContext } from '../jobs/workerJobs';
import { openDatabase } from '../store/db';
import type { NetworkTask } from './networkJobs';
import { NetworkCancelledError } from './plan';
import { compareScenarios, DEFAULT_TRADEOFF_TARGETS, scenarioNamed, tradeoffCurve } from './service';

if (!parentPort) throw new Error('networkWorker must run in a worker thread');
const { task, shouldStop, post } = jobWorkerContext<NetworkTask, NetworkJobResult>(parentPort, workerData);

const db = openDatabase(task.databaseFile, { mustExist: true });
try {
  const { request } = task;
  if (request.kind === 'compare') {
    const scenarios = request.scenarios.map((name) => scenarioNamed(db, name));
    const results = compareScenarios(db, scenarios, task.today, { shouldStop, onProgress: (done, total) => post({ type: 'progress', fraction: done / total }) });
    post({ type: 'done', result: { kind: 'compare', results } });
  } else {
    const points = tradeoffCurve(db, scenarioNamed(db, request.scenario), request.targets ?? DEFAULT_TRADEOFF_TARGETS, task.today, {
      shouldStop,
      onProgress: (done, total) => post({ type: 'progress', fraction: done / total }),
    });
    post({ type: 'done', result: { kind: 'tradeoff', scenario: request.scenario, points } });
  }
} catch (error) {
  post(error instanceof NetworkCancelledError ? { type: 'cancelled' } : { type: 'failed', message: (error as Error).message });
} finally {
  db.close();
}
