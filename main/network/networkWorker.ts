// Scenarios and trade-off sweeps in their own thread: the core worker stays free to answer the UI. A job of several
// runs hands half of them to a helper thread (this file again), so that a sweep keeps both cores busy.
import { parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import type { NetworkJobResult } from '../../shared/contract';
import type { NetworkResult } from '../../shared/network';
import { jobWorkerContext, type JobWorkerData } from '../jobs/workerJobs';
import { openDatabase } from '../store/db';
import type { NetworkTask } from './networkJobs';
import { NetworkCancelledError } from './plan';
import { comparisonRuns, DEFAULT_TRADEOFF_TARGETS, scenarioNamed, solveRuns, tradeoffPoint, tradeoffRuns, type NetworkRun } from './service';

interface HelperData {
  role: 'helper';
  databaseFile: string;
  today: string;
  runs: NetworkRun[];
  /** The job's own cancel flag: a cancelled job stops both threads. */
  cancelFlag: SharedArrayBuffer;
  /** One Float64 the helper keeps at its share of work done, for the job's progress. */
  progress: SharedArrayBuffer;
}

type HelperMessage = { results: NetworkResult[] } | { cancelled: true } | { failed: string };

if (!parentPort) throw new Error('networkWorker must run in a worker thread');
if ((workerData as Partial<HelperData>).role === 'helper') runHelper(parentPort, workerData as HelperData);
else void runJob();

function runHelper(port: MessagePort, data: HelperData): void {
  const cancelled = new Int32Array(data.cancelFlag);
  const progress = new Float64Array(data.progress);
  const db = openDatabase(data.databaseFile, { mustExist: true });
  const reply = (message: HelperMessage) => port.postMessage(message);
  try {
    reply({
      results: solveRuns(db, data.runs, data.today, { shouldStop: () => Atomics.load(cancelled, 0) === 1, onProgress: (done, total) => (progress[0] = done / total) }),
    });
  } catch (error) {
    reply(error instanceof NetworkCancelledError ? { cancelled: true } : { failed: (error as Error).message });
  } finally {
    db.close();
  }
}

async function runJob(): Promise<void> {
  const { task, shouldStop, post } = jobWorkerContext<NetworkTask, NetworkJobResult>(parentPort!, workerData);
  const db = openDatabase(task.databaseFile, { mustExist: true });
  try {
    const { request } = task;
    const runs =
      request.kind === 'compare'
        ? comparisonRuns(request.scenarios.map((name) => scenarioNamed(db, name)))
        : tradeoffRuns(scenarioNamed(db, request.scenario), request.targets ?? DEFAULT_TRADEOFF_TARGETS);
    const half = Math.ceil(runs.length / 2);
    const helperProgress = new Float64Array(new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT));
    const helper = runs.length > 1 ? startHelper(task, runs.slice(half), helperProgress) : null;
    const report = (ownShare: number) => post({ type: 'progress', fraction: (ownShare * half + helperProgress[0]! * (runs.length - half)) / runs.length });
    let results: NetworkResult[];
    try {
      results = solveRuns(db, runs.slice(0, half), task.today, { shouldStop, onProgress: (done, total) => report(done / total) });
      if (helper) {
        // The helper's half may take a little longer: keep the progress bar moving meanwhile.
        const ticking = setInterval(() => report(1), 100);
        try {
          results = [...results, ...(await helper.results)];
        } finally {
          clearInterval(ticking);
        }
      }
    } catch (error) {
      void helper?.worker.terminate();
      throw error;
    }
    post({ type: 'done', result: request.kind === 'compare' ? { kind: 'compare', results } : { kind: 'tradeoff', scenario: request.scenario, points: results.map(tradeoffPoint) } });
  } catch (error) {
    post(error instanceof NetworkCancelledError ? { type: 'cancelled' } : { type: 'failed', message: (error as Error).message });
  } finally {
    db.close();
  }
}

function startHelper(task: NetworkTask, runs: NetworkRun[], progress: Float64Array): { worker: Worker; results: Promise<NetworkResult[]> } {
  const data: HelperData = {
    role: 'helper',
    databaseFile: task.databaseFile,
    today: task.today,
    runs,
    cancelFlag: (workerData as JobWorkerData<NetworkTask>).cancelFlag,
    progress: progress.buffer as SharedArrayBuffer,
  };
  const worker = new Worker(__filename, { workerData: data });
  const results = new Promise<NetworkResult[]>((resolve, reject) => {
    worker.once('message', (message: HelperMessage) => {
      if ('results' in message) resolve(message.results);
      else reject('cancelled' in message ? new NetworkCancelledError() : new Error(message.failed));
    });
    worker.once('error', reject);
  });
  // Settled here too, so that a job failing in its own half does not leave the helper's outcome unhandled.
  results.catch(() => undefined);
  return { worker, results };
}
