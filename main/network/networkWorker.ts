// Scenarios and trade-off sweeps in their own thread: the core worker stays free to answer the UI. A job of several
// runs hands half of them to a helper thread (this file again, with the job's cancel flag), so that a sweep keeps both
// cores busy. The helper reports as a job worker does; its progress goes through shared memory, because the job's
// thread is busy with its own half and reads messages only when that is done.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { NetworkJobResult } from '../../shared/api/index';
import type { NetworkResult } from '../../shared/network';
import { helperResult, inheritedResourceLimits, jobWorkerContext, type JobWorkerData } from '../jobs/workerJobs';
import type { NetworkTask } from './networkJobs';
import { NetworkCancelledError } from './plan';
import { comparisonRuns, DEFAULT_TRADEOFF_TARGETS, scenarioNamed, solveRuns, tradeoffPoint, tradeoffRuns, type NetworkRun } from './service';

interface HelperTask {
  databaseFile: string;
  today: string;
  runs: NetworkRun[];
}

type HelperData = JobWorkerData<HelperTask> & {
  role: 'helper';
  /** One Float64 the helper keeps at its share of work done. */
  progress: SharedArrayBuffer;
};

const isCancellation = (error: unknown) => error instanceof NetworkCancelledError;

if (!parentPort) throw new Error('networkWorker must run in a worker thread');
if ((workerData as Partial<HelperData>).role === 'helper') {
  const { task, shouldStop, run } = jobWorkerContext<HelperTask, NetworkResult[]>(parentPort, workerData);
  const progress = new Float64Array((workerData as HelperData).progress);
  void run((db) => solveRuns(db, task.runs, task.today, { shouldStop, onProgress: (done, total) => (progress[0] = done / total) }), isCancellation);
} else {
  const { task, shouldStop, post, run } = jobWorkerContext<NetworkTask, NetworkJobResult>(parentPort, workerData);
  void run(async (db) => {
    const { request } = task;
    const runs =
      request.kind === 'compare'
        ? comparisonRuns(request.scenarios.map((name) => scenarioNamed(db, name)))
        : tradeoffRuns(scenarioNamed(db, request.scenario), request.targets ?? DEFAULT_TRADEOFF_TARGETS);
    const half = Math.ceil(runs.length / 2);
    const helperProgress = new Float64Array(new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT));
    const helper = runs.length > 1 ? startHelper({ databaseFile: task.databaseFile, today: task.today, runs: runs.slice(half) }, helperProgress) : null;
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
    return request.kind === 'compare' ? { kind: 'compare', results } : { kind: 'tradeoff', scenario: request.scenario, points: results.map(tradeoffPoint) };
  }, isCancellation);
}

function startHelper(task: HelperTask, progress: Float64Array): { worker: Worker; results: Promise<NetworkResult[]> } {
  const data: HelperData = { role: 'helper', task, cancelFlag: (workerData as JobWorkerData<NetworkTask>).cancelFlag, progress: progress.buffer as SharedArrayBuffer };
  const worker = new Worker(__filename, { workerData: data, resourceLimits: inheritedResourceLimits() });
  const results = helperResult<NetworkResult[]>(worker, () => new NetworkCancelledError());
  return { worker, results };
}
