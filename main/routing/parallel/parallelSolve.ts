// The solver on two cores: the calling thread and a helper thread search the same problem with different seeds and
// share their best plan every quarter second (sharedBest.ts), so that each carries on from the better of the two.
// With an iteration budget (a plan that must come out the same for the same seed) the search stays on one thread.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { helperResult, inheritedResourceLimits } from '../../jobs/workerJobs';
import type { RoutingProblem } from '../solver/problem';
import { SharedBest } from './sharedBest';
import { solveVrptw, type SolveOptions, type SolveResult } from '../solver/sisr';
import type { SolveWorkerData } from './solveWorker';

const BUILT_SOLVE_WORKER = path.join(__dirname, 'solveWorker.js');
/** The helper searches with a seed of its own: the same seed would only repeat the first thread's search. */
const HELPER_SEED_OFFSET = 7919;

export interface CoreOptions {
  /** Search threads; by default two where the machine has two cores. */
  threads?: number;
  /** The compiled helper (tests, which run the TypeScript sources, pass the build's). */
  workerFile?: string;
}

export async function solveOnCores(problem: RoutingProblem, options: SolveOptions = {}, cores: CoreOptions = {}): Promise<SolveResult> {
  const threads = cores.threads ?? Math.min(2, os.availableParallelism());
  const workerFile = cores.workerFile ?? BUILT_SOLVE_WORKER;
  // Run from the TypeScript sources (no compiled helper beside this file), the search stays on this thread.
  if (threads < 2 || options.maxIterations !== undefined || !fs.existsSync(workerFile)) return solveVrptw(problem, options);

  const shared = new SharedBest({ jobs: problem.jobs.length, vehicles: problem.vehicles.length, partners: problem.partners?.length ?? 0 });
  // The helper gets the same settings (the dispatcher's plan to start from among them), all but the callbacks.
  const { onProgress: _progress, shouldStop: _stop, exchange: _exchange, ...settings } = options;
  const data: SolveWorkerData = { problem, options: { ...settings, seed: (options.seed ?? 1) + HELPER_SEED_OFFSET }, shared: shared.buffers };
  const worker = new Worker(workerFile, { workerData: data, resourceLimits: inheritedResourceLimits() });
  const helper = helperResult<SolveResult>(worker);
  let main: SolveResult;
  try {
    main = solveVrptw(problem, { ...options, exchange: shared });
  } finally {
    shared.stop();
  }
  const other = await helper.finally(() => void worker.terminate());
  const better = other.objective < main.objective - 1e-9 ? other : main;
  return { ...better, iterations: main.iterations + other.iterations, elapsedMs: main.elapsedMs, stoppedBy: main.stoppedBy };
}
