// A second search thread for one problem (see solveOnCores): it searches with its own seed, shares its best plan
// through shared memory, and stops when the first thread finishes.
import { parentPort, workerData } from 'node:worker_threads';
import type { JobWorkerMessage } from '../../jobs/workerJobs';
import type { RoutingProblem } from '../solver/problem';
import { SharedBest, type SharedBestBuffers } from './sharedBest';
import { solveVrptw, type SolveOptions, type SolveResult } from '../solver/sisr';

export interface SolveWorkerData {
  problem: RoutingProblem;
  options: Omit<SolveOptions, 'onProgress' | 'shouldStop' | 'exchange'>;
  shared: SharedBestBuffers;
}

if (!parentPort) throw new Error('solveWorker must run in a worker thread');
const port = parentPort;
const { problem, options, shared: buffers } = workerData as SolveWorkerData;
const shared = new SharedBest({ jobs: problem.jobs.length, vehicles: problem.vehicles.length, partners: problem.partners?.length ?? 0 }, buffers);
try {
  const result = solveVrptw(problem, { ...options, exchange: shared, shouldStop: () => shared.stopped });
  port.postMessage({ type: 'done', result } satisfies JobWorkerMessage<SolveResult>);
} catch (error) {
  port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies JobWorkerMessage<SolveResult>);
}
