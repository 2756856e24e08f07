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

  it('re-optimises from a plan that leaves jobs out, each job placed once, on one thread and on two', async () => {
    const first = solveVrptw(model.problem, { maxIterations: 200, seed: 6 });
    const taken = first.routes.find((r) => r.length > 0)![0]!;
    // As the dispatcher's plan reaches the solver (draftPlan.toSolution): the jobs it leaves out listed as unassigned.
    const initial = { routes: first.routes.map((r) => r.filter((j) => j !== taken)), partnerJobs: first.partnerJobs, unassigned: [...first.unassigned, taken] };
    // No iterations: the plan as the search starts from it (later iterations can hide a job placed twice).
    const oneThread = solveVrptw(model.problem, { maxIterations: 0, seed: 6, initial });
    const twoThreads = await solveOnCores(model.problem, { timeLimitMs: 1200, seed: 6, initial }, { threads: 2, workerFile: BUILT_SOLVE_WORKER });
    for (const result of [oneThread, twoThreads]) {
      const everywhere = [...result.routes.flat(), ...result.partnerJobs.flat(), ...result.unassigned].sort((a, b) => a - b);
      expect(everywhere).toEqual(model.problem.jobs.map((_, j) => j));
      expect(checkDispatchPlan(day, toDispatchPlan(model, result), travel)).toEqual([]);
    }
  });

  it('refuses a plan to start from that places a job twice or names a job the problem lacks', () => {
    const twice = { routes: [[0], [0]], partnerJobs: [] };
    expect(() => solveVrptw(model.problem, { maxIterations: 1, initial: twice })).toThrow('job 0 is placed twice (again at routes[1][0])');
    const unknown = { routes: [[model.problem.jobs.length]], partnerJobs: [] };
    expect(() => solveVrptw(model.problem, { maxIterations: 1, initial: unknown })).toThrow(`routes[0][0] is job ${model.problem.jobs.length}`);
  });
});
