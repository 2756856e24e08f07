import { describe, expect, it } from 'vitest';
import { BUILT_SOLVE_WORKER } from '../../testing/builtWorkers';
import { buildDispatchProblem, dispatchPoints, toDispatchPlan } from '../dispatch/dispatchDay';
import { checkDispatchPlan } from '../testing/dispatchChecker';
import { solveOnCores } from './parallelSolve';
import { SharedBest } from './sharedBest';
import { solveVrptw } from '../solver/sisr';
import { syntheticDay } from '../testing/syntheticDay';
import { GreatCircleTravel } from '../dispatch/travel';

describe('the best plan shared between search threads', () => {
  const size = { jobs: 5, vehicles: 2, partners: 1 };
  const plan = { routes: [[3, 0], [4]], partnerJobs: [[2]], unassigned: [1] };

  it('hands back exactly the plan offered, only to a thread whose own best costs more', () => {
    const shared = new SharedBest(size);
    expect(shared.takeIfBetter(Infinity)).toBeNull();
    shared.offer(100, plan);
    expect(shared.takeIfBetter(100)).toBeNull();
    expect(shared.takeIfBetter(101)).toEqual({ cost: 100, plan });
  });

  it('keeps the cheaper of two offers, seen alike from another thread\'s view of the same memory', () => {
    const shared = new SharedBest(size);
    shared.offer(100, plan);
    shared.offer(120, { routes: [[0, 1, 2, 3, 4], []], partnerJobs: [[]], unassigned: [] });
    const elsewhere = new SharedBest(size, shared.buffers);
    expect(elsewhere.takeIfBetter(Infinity)).toEqual({ cost: 100, plan });
    elsewhere.stop();
    expect(shared.stopped).toBe(true);
  });
});

describe('solving on two cores', () => {
  const day = syntheticDay({ engineers: 8, tickets: 90, shops: 8, seed: 5 });
  const travel = new GreatCircleTravel(40).matrixSync(dispatchPoints(day));
  const model = buildDispatchProblem(day, travel);

  it('returns a plan that keeps every hard constraint', async () => {
    const result = await solveOnCores(model.problem, { timeLimitMs: 1000, seed: 2 }, { threads: 2, workerFile: BUILT_SOLVE_WORKER });
    expect(checkDispatchPlan(day, toDispatchPlan(model, result), travel)).toEqual([]);
    expect(result.stoppedBy).toBe('time');
  });

  it('carry on from a better plan another thread shares', () => {
    const good = solveVrptw(model.problem, { maxIterations: 3000, seed: 1 });
    const exchange = {
      offer: () => undefined,
      takeIfBetter: (cost: number) => (good.objective < cost ? { cost: good.objective, plan: good } : null),
    };
    // A search that skips every position on a non-empty route (blink rate 1) cannot improve much on its own; given
    // the shared plan within its first quarter second, it carries on from it.
    const crippled = { timeLimitMs: 600, seed: 9, blinkRate: 1 };
    expect(solveVrptw(model.problem, crippled).objective).toBeGreaterThan(good.objective);
    const shared = solveVrptw(model.problem, { ...crippled, exchange });
    expect(shared.objective).toBeLessThanOrEqual(good.objective + 1e-6);
  });

  it('stops both threads when cancelled, with the best plan so far', async () => {
    const started = performance.now();
    let checks = 0;
    const result = await solveOnCores(model.problem, { timeLimitMs: 30_000, seed: 3, shouldStop: () => ++checks > 20 }, { threads: 2, workerFile: BUILT_SOLVE_WORKER });
    expect(result.stoppedBy).toBe('cancelled');
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(checkDispatchPlan(day, toDispatchPlan(model, result), travel)).toEqual([]);
  });

  it('stays on one thread, the same plan for the same seed, under an iteration budget', async () => {
    const a = await solveOnCores(model.problem, { maxIterations: 300, seed: 4 }, { threads: 2, workerFile: BUILT_SOLVE_WORKER });
    const b = solveVrptw(model.problem, { maxIterations: 300, seed: 4 });
    expect(a).toMatchObject({ routes: b.routes, partnerJobs: b.partnerJobs, unassigned: b.unassigned, iterations: 300 });
  });
});
