// Ruin and recreate with string removals (SISR: Christiaens & Vanden Berghe, "Slack induction by string removals
// for vehicle routing problems", Transportation Science 2020), under simulated annealing. Ruin removes a few strings
// of consecutive jobs from routes near a random seed job (ruin.ts); recreate puts the jobs back one by one at their
// cheapest position (insertion.ts), a route or a partner where that is cheaper, skipping positions now and then
// ("blinks", recreate.ts). Field-service days are also repaired now and then (repairs.ts). What differs between plain
// VRPTW and a field day is data: profiles.ts. This file is the annealing loop.
import { Random } from '../../../shared/random';
import { Insertion } from './insertion';
import type { RoutingProblem, RoutingSolution } from './problem';
import { scheduleRoute } from './problem';
import { profileFor, type SearchProfile } from './profiles';
import { byUrgency, recreate } from './recreate';
import { repair } from './repairs';
import { copyState, keepState, routeFrom, stateOf, type State } from './routeState';
import { ruin } from './ruin';
import { neighbourLists, searchTables, totalCost, type Search, type SearchTables } from './search';
import { slaOpenings } from './slaOpenings';

/** A plan as search threads share it (parallel/sharedBest.ts). */
export type SharedPlan = Pick<RoutingSolution, 'routes' | 'partnerJobs' | 'unassigned'>;

export interface SolutionExchange {
  /** Publishes the plan if it is better than the one shared. */
  offer(cost: number, plan: SharedPlan): void;
  /** The shared plan if it costs less than `cost`, else null. */
  takeIfBetter(cost: number): { cost: number; plan: SharedPlan } | null;
}

export interface SolveOptions {
  seed?: number;
  /** Wall-clock limit in milliseconds. */
  timeLimitMs?: number;
  /** Iteration limit: with it the same seed always gives the same solution (unless a time limit cuts it short). */
  maxIterations?: number;
  /** Called about every 100 ms with the share of the budget used and the best cost so far. */
  onProgress?(progress: { fraction: number; bestCost: number; iterations: number }): void;
  /** Checked between iterations: when it says so, the best solution so far is returned. */
  shouldStop?(): boolean;
  /** Start from this solution (routes must hold the locked jobs in order) instead of building one. */
  initial?: Pick<RoutingSolution, 'routes' | 'partnerJobs'>;
  /** Average number of jobs a ruin removes (c̄ in the paper; by default the profile's: 10 for plain VRPTW, 6 for field service). */
  averageRemoved?: number;
  /** Longest string a ruin removes from one route (L_max). */
  maxStringLength?: number;
  blinkRate?: number;
  /** Other threads solving the same problem: the best plan is offered to them and taken from them now and then. */
  exchange?: SolutionExchange;
}

export interface SolveResult extends RoutingSolution {
  /** What the search minimised: the cost plus the penalty of every job left unserved. */
  objective: number;
  iterations: number;
  elapsedMs: number;
  stoppedBy: 'time' | 'iterations' | 'cancelled';
}

/** Unserved jobs not near the ruin that get another try each iteration, at random (see ruin.ts for those near it). */
const RETRY_AT_RANDOM = 4;

/**
 * How often (in iterations) the current plan's partner hand-offs are re-solved exactly (partnerAssignment): recreate
 * places jobs one at a time and drifts from the best assignment of shops. On the realistic day every 200 iterations
 * ended 1.3 % lower than never at 20,000 iterations (three seeds), for about 10 % of the time.
 */
const REASSIGN_PARTNERS_EVERY = 200;

/**
 * How often (in iterations, a multiple of the above) unserved jobs are tried against one ejection each. A sweep takes
 * 12–25 ms on the realistic day: every 1,000 iterations ended 10 s runs about 1.5 % lower (four seeds), every 200
 * cost too many iterations.
 */
const EJECT_EVERY = 1000;

/** How often (ms) a search thread offers its best plan to the others, or takes over theirs when it is better. */
const EXCHANGE_EVERY_MS = 250;

export function solveVrptw(problem: RoutingProblem, options: SolveOptions = {}): SolveResult {
  return new Sisr(problem, options).run();
}

class Sisr implements Search {
  readonly rng: Random;
  readonly profile: SearchProfile;
  readonly insertion: Insertion;
  readonly averageRemoved: number;
  readonly maxStringLength: number;
  private readonly n: number;
  private tablesCache: SearchTables | null = null;
  private neighboursCache: Int32Array[] | null = null;

  constructor(
    readonly problem: RoutingProblem,
    private readonly options: SolveOptions,
  ) {
    this.rng = new Random(options.seed ?? 1);
    this.n = problem.jobs.length;
    this.profile = profileFor(problem);
    this.insertion = new Insertion(problem, this.profile, this.rng);
    this.averageRemoved = options.averageRemoved ?? this.profile.averageRemoved;
    this.maxStringLength = options.maxStringLength ?? 10;
  }

  get tables(): SearchTables {
    return (this.tablesCache ??= searchTables(this.problem, this.profile));
  }

  get neighbours(): Int32Array[] {
    return (this.neighboursCache ??= neighbourLists(this.problem));
  }

  private initialState(): State {
    const initial = this.options.initial;
    if (initial) this.checkInitial(initial);
    // Only where the given plan puts jobs: the jobs it leaves out (a plan's `unassigned`, if it has them) are placed
    // below, once, with every other job it leaves out.
    const state = stateOf(this.problem, this.profile, initial ? { routes: initial.routes, partnerJobs: initial.partnerJobs } : { routes: [], partnerJobs: [] });
    const routes = state.routes;
    const placed = new Uint8Array(this.n);
    if (initial) {
      for (const j of [...initial.routes.flat(), ...initial.partnerJobs.flat()]) placed[j] = 1;
    } else {
      for (const lock of this.problem.locked ?? []) {
        routes[lock.vehicle] = routeFrom(this.problem, this.profile, lock.jobs, lock.vehicle);
        lock.jobs.forEach((j) => (placed[j] = 1));
      }
      if (this.profile.firstPlan === 'slaFirst') {
        const fallback = (j: number) => Math.min(this.tables.unassignedPenalties[j]!, ...(this.problem.jobs[j]!.partnerOptions ?? []).map((o) => o.cost));
        slaOpenings(this.problem, fallback).forEach((jobs, v) => {
          if (jobs.length === 0) return;
          routes[v] = routeFrom(this.problem, this.profile, jobs, v);
          jobs.forEach((j) => (placed[j] = 1));
        });
      }
    }
    const rest = this.problem.jobs.map((_, i) => i).filter((i) => !placed[i]);
    recreate(this, state, rest, 0, this.profile.firstPlan === 'slaFirst' ? byUrgency(this) : undefined);
    if (this.profile.repairs) repair(this, state, true);
    return state;
  }

  /** A plan to start from places each job at most once, on vehicles and partners the problem has, and keeps the locks. */
  private checkInitial(initial: NonNullable<SolveOptions['initial']>): void {
    const seen = new Uint8Array(this.n);
    const place = (where: string, jobs: readonly number[]) =>
      jobs.forEach((j, k) => {
        if (!Number.isInteger(j) || j < 0 || j >= this.n) throw new RangeError(`initial plan: ${where}[${k}] is job ${j}, not one of the problem's ${this.n} jobs`);
        if (seen[j]) throw new RangeError(`initial plan: job ${j} is placed twice (again at ${where}[${k}])`);
        seen[j] = 1;
      });
    initial.routes.forEach((jobs, v) => {
      if (v >= this.problem.vehicles.length && jobs.length > 0) throw new RangeError(`initial plan: routes[${v}], but the problem has ${this.problem.vehicles.length} vehicles`);
      place(`routes[${v}]`, jobs);
    });
    initial.partnerJobs.forEach((jobs, k) => {
      if (k >= (this.problem.partners?.length ?? 0) && jobs.length > 0) throw new RangeError(`initial plan: partnerJobs[${k}], but the problem has ${this.problem.partners?.length ?? 0} partners`);
      place(`partnerJobs[${k}]`, jobs);
    });
    for (const lock of this.problem.locked ?? []) {
      const route = initial.routes[lock.vehicle] ?? [];
      const kept = route.filter((j) => lock.jobs.includes(j));
      if (kept.length !== lock.jobs.length || kept.some((j, k) => j !== lock.jobs[k])) throw new RangeError(`initial plan: routes[${lock.vehicle}] does not hold its locked jobs ${lock.jobs.join(', ')} in that order`);
    }
  }

  run(): SolveResult {
    const started = performance.now();
    const { timeLimitMs, maxIterations } = this.options;
    // With an iteration budget the search cools by iterations (the same seed gives the same plan); a time limit given
    // as well only caps it, for slow machines.
    const byIterations = maxIterations !== undefined;
    const budget = timeLimitMs ?? (byIterations ? Infinity : 1000);
    const blink = this.options.blinkRate ?? 0.01;

    if (this.profile.scheduled) this.insertion.transposeMatrices();
    let current = this.initialState();
    let currentCost = totalCost(this, current);
    let best = keepState(current);
    let bestCost = currentCost;

    // Temperatures follow what driving costs per job, not the penalties: a breach is never "just noise" to accept.
    const routed = Math.max(1, current.routes.reduce((n, r) => n + r.jobs.length, 0));
    const driving = current.routes.reduce((sum, r, v) => sum + (r.jobs.length > 0 ? scheduleRoute(this.problem, v, r.jobs, false).travelCost : 0), 0);
    const perJob = Math.max(1e-9, driving / routed);
    const t0 = this.profile.temperature.start * perJob;
    const tf = this.profile.temperature.end * t0;
    let iterations = 0;
    let fraction = 0;
    let stoppedBy: SolveResult['stoppedBy'] = byIterations ? 'iterations' : 'time';
    let lastReport = started;
    let lastExchange = started;
    const routeOf = new Int32Array(this.n);
    const partnerOf = new Int32Array(this.n);

    while (this.n > 0) {
      if (maxIterations !== undefined && iterations >= maxIterations) {
        stoppedBy = 'iterations';
        break;
      }
      if ((iterations & 31) === 0) {
        const now = performance.now();
        if (now - started >= budget) {
          stoppedBy = 'time';
          break;
        }
        if (this.options.shouldStop?.()) {
          stoppedBy = 'cancelled';
          break;
        }
        fraction = byIterations ? iterations / maxIterations! : (now - started) / budget;
        const exchange = this.options.exchange;
        if (exchange && now - lastExchange >= EXCHANGE_EVERY_MS) {
          lastExchange = now;
          const shared = exchange.takeIfBetter(bestCost - 1e-9);
          if (shared) {
            current = stateOf(this.problem, this.profile, shared.plan);
            currentCost = totalCost(this, current);
            best = keepState(current);
            bestCost = currentCost;
          } else exchange.offer(bestCost, { routes: best.routes.map((r) => r.jobs), partnerJobs: best.partnerJobs, unassigned: best.unassigned });
        }
        if (this.options.onProgress && now - lastReport >= 100) {
          lastReport = now;
          this.options.onProgress({ fraction, bestCost, iterations });
        }
      }
      const temperature = t0 * Math.pow(tf / t0, fraction);
      const candidate = copyState(current);
      routeOf.fill(-1);
      partnerOf.fill(-1);
      candidate.routes.forEach((r, i) => r.jobs.forEach((j) => (routeOf[j] = i)));
      candidate.partnerJobs.forEach((jobs, i) => jobs.forEach((j) => (partnerOf[j] = i)));
      const ruined = ruin(this, candidate, routeOf, partnerOf);
      const taken = new Set(ruined);
      const waiting = candidate.unassigned.filter((j) => !taken.has(j));
      const retry = waiting.length <= RETRY_AT_RANDOM ? waiting : this.rng.shuffle(waiting).slice(0, RETRY_AT_RANDOM);
      const retried = new Set(retry);
      candidate.unassigned = waiting.filter((j) => !retried.has(j));
      const removed = [...ruined, ...retry];
      recreate(this, candidate, removed, blink);
      const cost = totalCost(this, candidate);
      if (cost < currentCost - temperature * Math.log(this.rng.next() || Number.MIN_VALUE)) {
        current = candidate;
        currentCost = cost;
      }
      iterations++;
      if (this.profile.repairs && iterations % REASSIGN_PARTNERS_EVERY === 0) {
        repair(this, current, iterations % EJECT_EVERY === 0);
        currentCost = totalCost(this, current);
      }
      if (currentCost < bestCost - 1e-9) {
        bestCost = currentCost;
        best = keepState(current);
      }
    }
    if (this.profile.repairs) {
      repair(this, best, true);
      bestCost = totalCost(this, best);
    }
    const unassignedCost = best.unassigned.reduce((s, j) => s + this.tables.unassignedPenalties[j]!, 0);
    return {
      routes: best.routes.map((r) => r.jobs),
      partnerJobs: best.partnerJobs,
      unassigned: best.unassigned,
      cost: bestCost - unassignedCost,
      objective: bestCost,
      iterations,
      elapsedMs: performance.now() - started,
      stoppedBy,
    };
  }
}
