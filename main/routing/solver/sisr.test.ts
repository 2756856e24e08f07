import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Random } from '../../../shared/random';
import { solomonInstanceFile } from '../../testing/solomonInstances';
import { buildDispatchProblem, dispatchPoints } from '../dispatch/dispatchDay';
import { scheduleRoute, type RouteSchedule, type RoutingProblem } from './problem';
import { bestPositions } from './insertion';
import { solveVrptw } from './sisr';
import { syntheticDay } from '../testing/syntheticDay';
import { GreatCircleTravel } from '../dispatch/travel';
import { InstanceFormatError, parseSolomon, type SolomonInstance } from '../solomon/solomon';
import { checkSolomonSolution } from '../solomon/solomonChecker';
import { solomonToProblem, toCustomerNumbers } from '../solomon/solomonProblem';

/** A random Solomon-style instance: clustered or scattered customers, tight or loose windows. */
function randomInstance(seed: number): SolomonInstance {
  const rng = new Random(seed);
  const horizon = rng.int(300, 1200);
  const customers = rng.int(8, 40);
  const nodes = [{ id: 0, x: 50, y: 50, demand: 0, ready: 0, due: horizon, service: 0 }];
  for (let id = 1; id <= customers; id++) {
    const x = rng.between(0, 100);
    const y = rng.between(0, 100);
    const direct = Math.hypot(x - 50, y - 50);
    const service = rng.int(0, 30);
    const width = rng.chance(0.5) ? rng.int(10, 60) : rng.int(100, horizon);
    // Every customer reachable on its own from the depot, so the instance is feasible with enough vehicles.
    const ready = Math.round(rng.between(direct, Math.max(direct, horizon - direct - service - width)));
    const due = Math.min(Math.floor(horizon - direct - service), ready + width);
    nodes.push({ id, x, y, demand: rng.int(1, 30), ready: Math.min(ready, due), due, service });
  }
  return { name: `random-${seed}`, vehicles: customers, capacity: rng.int(60, 200), nodes };
}

describe('Solomon instances', () => {
  const c101 = solomonInstanceFile('C101');

  it('parse, and reject text that is not one with the line named', () => {
    const instance = parseSolomon(fs.readFileSync(c101, 'utf8'));
    expect(instance).toMatchObject({ name: 'C101', vehicles: 25, capacity: 200 });
    expect(instance.nodes).toHaveLength(101);
    expect(() => parseSolomon('hello')).toThrow(InstanceFormatError);
    const broken = fs.readFileSync(c101, 'utf8').replace(/^( +5 +42 +65) .*$/m, '$1 oops');
    expect(() => parseSolomon(broken)).toThrow(/Line \d+: expected 7 numbers/);
  });

  it('the checker catches a late arrival, an overload, a customer served twice or not at all', () => {
    const instance = parseSolomon(fs.readFileSync(c101, 'utf8'));
    const all = Array.from({ length: 100 }, (_, i) => i + 1);
    const oneRoute = checkSolomonSolution(instance, [all]);
    expect(oneRoute.feasible).toBe(false);
    expect(oneRoute.violations.join('\n')).toMatch(/after its due date/);
    expect(oneRoute.violations.join('\n')).toMatch(/over the capacity/);
    const twice = checkSolomonSolution(instance, [[1, 1]]);
    expect(twice.violations).toContain('customer 1 is served 2 times');
    expect(twice.violations).toContain('customer 2 is served 0 times');
  });

  it('solves C101 to within 1 % of its best-known distance', () => {
    const instance = parseSolomon(fs.readFileSync(c101, 'utf8'));
    const result = solveVrptw(solomonToProblem(instance), { maxIterations: 5_000, seed: 1 });
    const check = checkSolomonSolution(instance, toCustomerNumbers(result.routes));
    expect(check.feasible).toBe(true);
    expect(check.distance).toBeLessThan(828.94 * 1.01);
  });
});

describe('SISR solver (property test over random instances)', () => {
  it('always returns plans that keep every window, capacity and the fleet size, with its own cost right', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const instance = randomInstance(seed);
      const result = solveVrptw(solomonToProblem(instance), { maxIterations: 300, seed });
      expect(result.unassigned, instance.name).toEqual([]);
      const check = checkSolomonSolution(instance, toCustomerNumbers(result.routes));
      expect(check.violations, instance.name).toEqual([]);
      expect(result.cost).toBeCloseTo(check.distance, 6);
    }
  });

  it('gives the same plan for the same seed, and may differ for another', () => {
    const problem = solomonToProblem(randomInstance(99));
    const a = solveVrptw(problem, { maxIterations: 500, seed: 7 });
    const b = solveVrptw(problem, { maxIterations: 500, seed: 7 });
    expect(b.routes).toEqual(a.routes);
    expect(a.stoppedBy).toBe('iterations');
  });

  it('reports progress and stops when cancelled, returning the best plan so far', () => {
    const instance = parseSolomon(fs.readFileSync(solomonInstanceFile('R101'), 'utf8'));
    const progress: number[] = [];
    let calls = 0;
    const result = solveVrptw(solomonToProblem(instance), {
      timeLimitMs: 10_000,
      onProgress: (p) => progress.push(p.fraction),
      shouldStop: () => ++calls > 200,
    });
    expect(result.stoppedBy).toBe('cancelled');
    expect(result.elapsedMs).toBeLessThan(9_000);
    expect(checkSolomonSolution(instance, toCustomerNumbers(result.routes)).feasible).toBe(true);
    expect(progress.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= (progress[i - 1] as number)))).toBe(true);
  });
});

describe('insertion into field-service routes', () => {
  // The solver skips positions by bounds before scheduling them; the bounds must never skip the best feasible one.
  it('finds, on every route, the cheapest feasible position that scheduling every position finds', () => {
    for (const seed of [1, 2, 3]) {
      const day = syntheticDay({ engineers: 6, tickets: 60, shops: 0, seed });
      const { problem } = buildDispatchProblem(day, new GreatCircleTravel(40).matrixSync(dispatchPoints(day)));
      const plan = solveVrptw(problem, { maxIterations: 300, seed });
      const left = [...plan.unassigned, ...plan.routes.flatMap((r) => r.slice(0, 1))];
      const routes = plan.routes.map((r) => r.filter((j) => !left.includes(j)));
      let compared = 0;
      for (const job of left) {
        const found = new Map(bestPositions(problem, routes, job, problem.vehicles.length).map((o) => [o.vehicle, o.delta]));
        routes.forEach((jobs, vehicle) => {
          const allowed = problem.jobs[job]!.allowedVehicles;
          if (allowed && !allowed.includes(vehicle)) return;
          const current = scheduleRoute(problem, vehicle, jobs, false);
          // Taking a job off can leave a route without a feasible lunch; such a route has nothing to compare.
          if (!current.feasible) return;
          const balance = (n: number) => (problem.vehicles[vehicle]!.balanceWeight ?? 0) * n * n;
          const routeCost = (s: RouteSchedule, n: number) => (n === 0 ? 0 : s.travelCost + s.lateness + balance(n));
          let best = Infinity;
          for (let pos = 0; pos <= jobs.length; pos++) {
            const trial = [...jobs.slice(0, pos), job, ...jobs.slice(pos)];
            const schedule = scheduleRoute(problem, vehicle, trial, false);
            if (schedule.feasible) best = Math.min(best, routeCost(schedule, trial.length) - routeCost(current, jobs.length));
          }
          if (best === Infinity) expect(found.has(vehicle), `seed ${seed} job ${job} vehicle ${vehicle}`).toBe(false);
          else expect(found.get(vehicle), `seed ${seed} job ${job} vehicle ${vehicle}`).toBeCloseTo(best, 6);
          compared++;
        });
      }
      expect(compared).toBeGreaterThan(20);
    }
  });
});

describe('field-service repairs of the first plan', () => {
  // One engineer (home at 0) with room for one job; jobs at 1 and 2, ten minutes out; one shop at most.
  const size = 3;
  const matrix = Float64Array.from({ length: size * size }, (_, k) => (Math.floor(k / size) === k % size ? 0 : 10));
  const job = { service: 30, demand: 0, earliest: 0, latest: 1000, unassignedPenalty: 5000 };
  const engineer = { start: 0, end: 0, earliest: 0, latest: 1000, capacity: 10, maxJobs: 1 };
  const dayWith = (jobs: RoutingProblem['jobs'], shopCapacities: number[]): RoutingProblem => ({
    size,
    travelTime: matrix,
    cost: matrix,
    jobs,
    vehicles: [engineer],
    partners: shopCapacities.map((capacity) => ({ capacity })),
  });

  it('eject a job a shop can take to make room for one nobody else can', () => {
    // The urgent-looking job goes first and fills the day; only ejecting it to the shop serves both.
    const problem = dayWith(
      [
        { ...job, location: 1, due: 500, latePenalty: 1000, partnerOptions: [{ partner: 0, cost: 200 }] },
        { ...job, location: 2 },
      ],
      [1],
    );
    const plan = solveVrptw(problem, { maxIterations: 0 });
    expect(plan).toMatchObject({ routes: [[1]], partnerJobs: [[0]], unassigned: [] });
  });

  it('move a hand-off to its second shop to free the only shop another job has', () => {
    // No engineer has the skills; the first job placed takes its cheapest shop, the one the second job needs.
    const problem = dayWith(
      [
        { ...job, location: 1, due: 500, latePenalty: 1000, allowedVehicles: [], partnerOptions: [{ partner: 0, cost: 100 }, { partner: 1, cost: 150 }] },
        { ...job, location: 2, allowedVehicles: [], partnerOptions: [{ partner: 0, cost: 100 }] },
      ],
      [1, 1],
    );
    const plan = solveVrptw(problem, { maxIterations: 0 });
    expect(plan).toMatchObject({ partnerJobs: [[1], [0]], unassigned: [] });
  });
});

describe('field-service search bookkeeping', () => {
  it('returns a best plan whose objective is what its routes, hand-offs and unserved jobs cost, each job once', () => {
    // Over-full small days, searched long enough for the periodic repairs (ejections every 1,000 iterations) to run.
    for (let seed = 1; seed <= 4; seed++) {
      const day = syntheticDay({ engineers: 4, tickets: 70, shops: 3, seed });
      const { problem } = buildDispatchProblem(day, new GreatCircleTravel(40).matrixSync(dispatchPoints(day)));
      const plan = solveVrptw(problem, { maxIterations: 2500, seed });
      const placed = [...plan.routes.flat(), ...plan.partnerJobs.flat(), ...plan.unassigned].sort((a, b) => a - b);
      expect(placed, `seed ${seed}`).toEqual(problem.jobs.map((_, j) => j));
      let objective = 0;
      plan.routes.forEach((jobs, v) => {
        if (jobs.length === 0) return;
        const schedule = scheduleRoute(problem, v, jobs, false);
        expect(schedule.feasible, `seed ${seed} vehicle ${v}`).toBe(true);
        objective += schedule.travelCost + schedule.lateness + (problem.vehicles[v]!.balanceWeight ?? 0) * jobs.length ** 2;
      });
      plan.partnerJobs.forEach((jobs, k) => jobs.forEach((j) => (objective += problem.jobs[j]!.partnerOptions!.find((o) => o.partner === k)!.cost)));
      for (const j of plan.unassigned) objective += problem.jobs[j]!.unassignedPenalty!;
      expect(plan.objective, `seed ${seed}`).toBeCloseTo(objective, 6);
    }
  });
});
