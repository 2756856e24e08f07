// Ruin and recreate with string removals (SISR: Christiaens & Vanden Berghe, "Slack induction by string removals
// for vehicle routing problems", Transportation Science 2020), under simulated annealing. Ruin removes a few strings
// of consecutive jobs from routes near a random seed job; recreate puts the jobs back one by one at their cheapest
// position (a route, or a partner where that is cheaper), skipping positions now and then ("blinks").
// Plain VRPTW (no breaks, deadlines, job limits) checks a position in O(1) from each route's earliest and latest
// service starts; otherwise a position that passes the same bounds (and cannot be beaten on cost) is checked by
// scheduling the route with the job in it (scheduleRoute), which field-service routes, a handful of jobs long, afford.
import { Random } from '../../../shared/random';
import { assignPartners } from './partnerAssignment';
import { slaOpenings } from './slaOpenings';
import { scheduleRoute, type RouteSchedule, type RoutingProblem, type RoutingSolution } from './problem';
import type { SharedPlan, SolutionExchange } from '../parallel/sharedBest';

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
  /** Average number of jobs a ruin removes (c̄ in the paper; default 10 for plain VRPTW, 6 for field service). */
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

interface Route {
  jobs: number[];
  /** Service start of each job: the earliest possible (plain VRPTW), or as scheduled (field service). */
  start: number[];
  /** Latest service start of each job that keeps the rest of the route feasible, without a break. */
  latest: number[];
  /** The same with a break still to take after the job starts (field service: a bound, see `refresh`). */
  latestWithBreak: number[];
  /** The break is taken before this job (the route's length: before driving home); -1 when it takes none. */
  breakBefore: number;
  /** Cost of each leg, from the start through the jobs to the end (field service: what an insertion replaces). */
  legCost: number[];
  load: number;
  cost: number;
}

interface State {
  /** Routes are shared between states (the current, the best, each candidate) until one is changed: see `writable`. */
  routes: Route[];
  /** Routes this state has its own copy of, free to change. */
  owned: Set<number>;
  /** Jobs per partner. */
  partnerJobs: number[][];
  unassigned: number[];
}

/**
 * How many of the nearest capable vehicles a field-service job is tried on. On the realistic day 8 did as well per
 * iteration as 15 and ran ~1.6× as many iterations in the same time (docs/benchmarks.md).
 */
const NEAREST_VEHICLES = 8;

/**
 * Unserved jobs get another try each iteration: those near the ruin (where room was just made) and a few at random.
 * On an over-full day trying them all would swamp the search.
 */
const RETRY_NEAR_RUIN = 10;
const RETRY_AT_RANDOM = 4;

/**
 * The orders recreate puts removed jobs back in, drawn with these weights. Plain VRPTW keeps the paper's. A field day's
 * jobs have no demand to sort by; instead the jobs whose fallback (a shop with room, else staying unserved) costs most
 * go first, or regret decides. At 10 s on the realistic day this mix ended 1.7 % lower than the paper's orders
 * (four seeds), and lower than regret every time (1.2 %) or a third of the time (1 %).
 */
const RECREATE_ORDER_WEIGHTS = { random: 4, demand: 4, far: 2, close: 1, fallback: 12, regret: 19 };
const VRPTW_ORDERS = ['random', 'demand', 'far', 'close'] as const;
const FIELD_SERVICE_ORDERS = ['regret', 'fallback', 'random', 'far', 'close'] as const;

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

/** Cheapest feasible insertion of one job into a given plan, leaving everything else where it is. */
export function bestInsertion(
  problem: RoutingProblem,
  routes: readonly (readonly number[])[],
  jobIndex: number,
): { vehicle: number; position: number; delta: number } | null {
  return bestPositions(problem, routes, jobIndex, 1)[0] ?? null;
}

/** Each vehicle's cheapest feasible position for the job, the `limit` cheapest of those (a dispatcher's choices). */
export function bestPositions(
  problem: RoutingProblem,
  routes: readonly (readonly number[])[],
  jobIndex: number,
  limit: number,
): Array<{ vehicle: number; position: number; delta: number }> {
  const solver = new Sisr(problem, { seed: 1 });
  const options = routes.flatMap((jobs, vehicle) => {
    if (!solver.allowed(jobIndex, vehicle)) return [];
    const candidate = solver.bestPosition(solver.routeFrom(jobs, vehicle), vehicle, jobIndex, 0);
    return candidate ? [{ vehicle, ...candidate }] : [];
  });
  return options.sort((a, b) => a.delta - b.delta).slice(0, limit);
}

class Sisr {
  private readonly rng: Random;
  private readonly n: number;
  private neighboursCache: Int32Array[] | null = null;
  private readonly fast: boolean;
  /**
   * Costs and times *to* a location. A job's insertion reads them from every route's stops; once a search starts on a
   * field-service problem they are the matrices transposed, so that those reads come from the job's own row (in cache)
   * instead of striding across megabytes. A single insertion reads the matrices as they are.
   */
  private costTo: Float64Array;
  private timeTo: Float64Array;
  private transposed = false;
  private readonly allowedSets: Array<Set<number> | null>;
  private searchCache: SearchTables | null = null;

  constructor(
    private readonly p: RoutingProblem,
    private readonly options: SolveOptions,
  ) {
    this.rng = new Random(options.seed ?? 1);
    this.n = p.jobs.length;
    this.fast = p.vehicles.every((v) => !v.break && v.maxJobs === undefined && !v.balanceWeight) && p.jobs.every((j) => j.due === undefined);
    this.costTo = p.cost;
    this.timeTo = p.travelTime;
    this.allowedSets = p.jobs.map((j) => (j.allowedVehicles ? new Set(j.allowedVehicles) : null));
  }

  /** What only a search needs; built on first use, so that placing one job into a plan stays quick. */
  private get search(): SearchTables {
    return (this.searchCache ??= searchTables(this.p, this.fast));
  }

  /** Other jobs by distance from each job; built on first use (a single insertion never needs them). */
  private get neighbours(): Int32Array[] {
    this.neighboursCache ??= this.p.jobs.map((job, i) => {
      const distance = Float64Array.from(this.p.jobs, (other) => this.c(job.location, other.location));
      const others = Int32Array.from(this.p.jobs.keys()).filter((j) => j !== i);
      return others.sort((a, b) => distance[a]! - distance[b]!);
    });
    return this.neighboursCache;
  }

  private c(from: number, to: number): number {
    return this.p.cost[from * this.p.size + to]!;
  }

  private t(from: number, to: number): number {
    return this.p.travelTime[from * this.p.size + to]!;
  }

  allowed(jobIndex: number, vehicleIndex: number): boolean {
    const set = this.allowedSets[jobIndex];
    return !set || set.has(vehicleIndex);
  }

  routeFrom(jobs: readonly number[], vehicleIndex: number): Route {
    const route: Route = { jobs: jobs.slice(), start: [], latest: [], latestWithBreak: [], breakBefore: -1, legCost: [], load: 0, cost: 0 };
    this.refresh(route, vehicleIndex);
    return route;
  }

  private costOf(vehicleIndex: number, jobs: readonly number[], schedule: RouteSchedule): number | null {
    if (!schedule.feasible) return null;
    const balance = this.p.vehicles[vehicleIndex]!.balanceWeight ?? 0;
    return jobs.length === 0 ? 0 : schedule.travelCost + schedule.lateness + balance * jobs.length * jobs.length;
  }

  /** Recomputes a route's times, load and cost. */
  private refresh(route: Route, vehicleIndex: number): void {
    const v = this.p.vehicles[vehicleIndex]!;
    const jobs = this.p.jobs;
    const m = route.jobs.length;
    if (this.fast) {
      route.start.length = m;
      let time = v.earliest;
      let location = v.start;
      let load = 0;
      let cost = 0;
      for (let k = 0; k < m; k++) {
        const job = jobs[route.jobs[k]!]!;
        time = Math.max(job.earliest, time + this.t(location, job.location));
        route.start[k] = time;
        cost += this.c(location, job.location);
        time += job.service;
        location = job.location;
        load += job.demand;
      }
      route.load = load;
      route.cost = m > 0 ? cost + this.c(location, v.end) : 0;
    } else {
      const schedule = scheduleRoute(this.p, vehicleIndex, route.jobs, true);
      route.cost = this.costOf(vehicleIndex, route.jobs, schedule) ?? Infinity;
      route.start = schedule.stops.map((stop) => stop.start);
      route.load = route.jobs.reduce((load, j) => load + jobs[j]!.demand, 0);
      route.legCost.length = m + 1;
      for (let k = 0; k <= m; k++) route.legCost[k] = this.c(k === 0 ? v.start : jobs[route.jobs[k - 1]!]!.location, k === m ? v.end : jobs[route.jobs[k]!]!.location);
      const breakStart = schedule.breakStart;
      route.breakBefore = breakStart === null ? -1 : schedule.stops.findIndex((stop) => stop.arrival > breakStart);
      if (breakStart !== null && route.breakBefore < 0) route.breakBefore = m;
    }
    // Latest starts that keep the rest of the route within its windows and the shift, with no break or with one still
    // to take somewhere after the job (anywhere, of its duration: looser than the schedule's rule). A break only delays
    // what follows, so for field-service routes these are bounds: a later start is certainly infeasible.
    const pause = this.fast ? 0 : (v.break?.duration ?? 0);
    route.latest.length = m;
    route.latestWithBreak.length = m;
    const home = m > 0 ? this.t(jobs[route.jobs[m - 1]!]!.location, v.end) : 0;
    let leaveBy = v.latest - home;
    let leaveByWithBreak = v.latest - home - pause;
    for (let k = m - 1; k >= 0; k--) {
      const job = jobs[route.jobs[k]!]!;
      const latest = Math.min(job.latest, leaveBy - job.service);
      const latestWithBreak = Math.min(job.latest, leaveByWithBreak - job.service);
      route.latest[k] = latest;
      route.latestWithBreak[k] = latestWithBreak;
      if (k > 0) {
        const travel = this.t(jobs[route.jobs[k - 1]!]!.location, job.location);
        leaveBy = latest - travel;
        // The break in the gap before this job, or later.
        leaveByWithBreak = Math.max(latest - travel - pause, latestWithBreak - travel);
      }
    }
  }

  /**
   * Cheapest feasible position for `jobIndex` in `route`, or null. Field-service positions that cannot beat
   * `toBeat` (the best delta on another route: ties go to the first found) or `partnerCost` (what handing the job
   * to a partner costs) are not scheduled at all.
   */
  bestPosition(route: Route, vehicleIndex: number, jobIndex: number, blink: number, toBeat = Infinity, partnerCost = Infinity): { position: number; delta: number } | null {
    const v = this.p.vehicles[vehicleIndex]!;
    const job = this.p.jobs[jobIndex]!;
    if (route.load + job.demand > v.capacity) return null;
    if (route.jobs.length + 1 > (v.maxJobs ?? Infinity)) return null;
    return this.fast ? this.bestPositionFast(route, v, job, blink) : this.bestPositionScheduled(route, vehicleIndex, jobIndex, blink, toBeat, partnerCost);
  }

  // Scheduling the route with the job in it is exact but costs a pass over the route, and it is most of the solver's
  // time on a dispatch day, where nearly all positions tried turn out infeasible. Cheap bounds skip most of them: the
  // prefix's departures do not change, so once the job cannot start in its window from one position it cannot from any
  // later one; the job's successor cannot start after its latest start; and inserting a job only delays what follows
  // (lateness never falls), so a position's delta is at least its detour plus the balance term's growth.
  private bestPositionScheduled(route: Route, vehicleIndex: number, jobIndex: number, blink: number, toBeat: number, partnerCost: number): { position: number; delta: number } | null {
    const v = this.p.vehicles[vehicleIndex]!;
    const jobs = this.p.jobs;
    const job = jobs[jobIndex]!;
    const m = route.jobs.length;
    const growth = (v.balanceWeight ?? 0) * (2 * m + 1);
    const size = this.p.size;
    const row = job.location * size;
    const costFrom = this.p.cost;
    const timeFrom = this.p.travelTime;
    const { costTo, timeTo } = this;
    const toJob = this.transposed ? row : job.location;
    const stride = this.transposed ? 1 : size;
    let best: { position: number; delta: number } | null = null;
    for (let pos = 0; pos <= m; pos++) {
      const previous = pos === 0 ? null : jobs[route.jobs[pos - 1]!]!;
      const prevLocation = previous ? previous.location : v.start;
      const next = pos === m ? null : jobs[route.jobs[pos]!]!;
      const nextLocation = next ? next.location : v.end;
      const atLeast = costTo[toJob + prevLocation * stride]! + costFrom[row + nextLocation]! - (m === 0 ? 0 : route.legCost[pos]!) + growth;
      if (atLeast >= Math.min(best?.delta ?? Infinity, toBeat) || atLeast > partnerCost) continue;
      const departure = previous ? route.start[pos - 1]! + previous.service : v.earliest;
      const drive = timeTo[toJob + prevLocation * stride]!;
      const arrival = Math.max(job.earliest, departure + drive);
      if (arrival > job.latest) break;
      // Can the rest still be done once the job is left? Home by the shift's end, or the next job by its latest start.
      const onward = timeFrom[row + nextLocation]!;
      const nextEarliest = next ? next.earliest : -Infinity;
      const limit = next ? route.latest[pos]! : v.latest;
      const leave = arrival + job.service;
      let fits = Math.max(nextEarliest, leave + onward) <= limit;
      if (v.break && route.breakBefore >= pos) {
        // The break is not in the unchanged prefix: it comes before the job, right after it, or later.
        const pause = v.break.duration;
        const afterBreak = Math.max(job.earliest, departure + pause + drive);
        fits =
          (afterBreak <= job.latest && Math.max(nextEarliest, afterBreak + job.service + onward) <= limit) ||
          Math.max(nextEarliest, leave + pause + onward) <= limit ||
          (next !== null && Math.max(nextEarliest, leave + onward) <= route.latestWithBreak[pos]!);
      }
      if (!fits) continue;
      if (blink > 0 && this.rng.next() < blink) continue;
      const trial = route.jobs.slice();
      trial.splice(pos, 0, jobIndex);
      const cost = this.costOf(vehicleIndex, trial, scheduleRoute(this.p, vehicleIndex, trial, false));
      if (cost === null) continue;
      const delta = cost - route.cost;
      if (!best || delta < best.delta) best = { position: pos, delta };
    }
    return best;
  }

  private bestPositionFast(route: Route, v: RoutingProblem['vehicles'][number], job: RoutingProblem['jobs'][number], blink: number): { position: number; delta: number } | null {
    const jobs = this.p.jobs;
    const m = route.jobs.length;
    let best: { position: number; delta: number } | null = null;
    for (let pos = 0; pos <= m; pos++) {
      const prevLocation = pos === 0 ? v.start : jobs[route.jobs[pos - 1]!]!.location;
      const departure = pos === 0 ? v.earliest : route.start[pos - 1]! + jobs[route.jobs[pos - 1]!]!.service;
      const arrival = Math.max(job.earliest, departure + this.t(prevLocation, job.location));
      // Service starts only get later along a route: once too late here, too late everywhere after.
      if (arrival > job.latest) break;
      if (blink > 0 && this.rng.next() < blink) continue;
      const leave = arrival + job.service;
      let delta: number;
      if (pos === m) {
        if (leave + this.t(job.location, v.end) > v.latest) continue;
        delta = this.c(prevLocation, job.location) + this.c(job.location, v.end) - this.c(prevLocation, v.end);
      } else {
        const next = jobs[route.jobs[pos]!]!;
        const nextStart = Math.max(next.earliest, leave + this.t(job.location, next.location));
        if (nextStart > route.latest[pos]!) continue;
        delta = this.c(prevLocation, job.location) + this.c(job.location, next.location) - this.c(prevLocation, next.location);
      }
      if (!best || delta < best.delta) best = { position: pos, delta };
    }
    return best;
  }

  private partnerCost(state: State): number {
    let cost = 0;
    const partners = state.partnerJobs.length;
    state.partnerJobs.forEach((jobs, partner) => {
      for (const j of jobs) cost += this.search.partnerCosts[j * partners + partner]!;
    });
    return cost;
  }

  private totalCost(state: State): number {
    let cost = this.partnerCost(state);
    for (const j of state.unassigned) cost += this.search.unassignedPenalties[j]!;
    for (const r of state.routes) cost += r.cost;
    return cost;
  }

  private cheapestPartner(state: State, jobIndex: number): { partner: number; cost: number } | null {
    let best: { partner: number; cost: number } | null = null;
    for (const option of this.p.jobs[jobIndex]!.partnerOptions ?? []) {
      const capacity = this.p.partners?.[option.partner]?.capacity ?? 0;
      if (state.partnerJobs[option.partner]!.length >= capacity) continue;
      if (!best || option.cost < best.cost) best = option;
    }
    return best;
  }

  /** The first plan of a day places the jobs that cost most to serve late first, earliest deadline first among equals. */
  private readonly byUrgency = (a: number, b: number) => {
    const ja = this.p.jobs[a]!;
    const jb = this.p.jobs[b]!;
    return (jb.latePenalty ?? 0) - (ja.latePenalty ?? 0) || (ja.due ?? Infinity) - (jb.due ?? Infinity);
  };

  private recreate(state: State, removed: number[], blink: number, initialOrder?: (a: number, b: number) => number): void {
    const jobs = this.p.jobs;
    const depot = this.p.vehicles[0]?.start ?? 0;
    const order = initialOrder ? 'initial' : this.rng.weighted(this.fast ? VRPTW_ORDERS : FIELD_SERVICE_ORDERS, (k) => RECREATE_ORDER_WEIGHTS[k]);
    if (order === 'regret') return this.recreateByRegret(state, removed, blink);
    if (order === 'initial') removed.sort(initialOrder);
    else if (order === 'random') this.rng.shuffle(removed);
    else if (order === 'demand') removed.sort((a, b) => jobs[b]!.demand - jobs[a]!.demand);
    else if (order === 'fallback') {
      const fallback = new Map(removed.map((j) => [j, this.cheapestPartner(state, j)?.cost ?? this.search.unassignedPenalties[j]!]));
      removed.sort((a, b) => fallback.get(b)! - fallback.get(a)!);
    } else {
      const sign = order === 'far' ? -1 : 1;
      removed.sort((a, b) => sign * (this.c(depot, jobs[a]!.location) - this.c(depot, jobs[b]!.location)));
    }
    const routes = state.routes;
    for (const jobIndex of removed) {
      let bestRoute = -1;
      let best: { position: number; delta: number } | null = null;
      let emptyTried = false;
      const partner = this.cheapestPartner(state, jobIndex);
      for (const r of this.search.candidateVehicles[jobIndex]!) {
        const route = routes[r]!;
        // Identical empty vehicles are alike: trying one of them is enough.
        if (route.jobs.length === 0 && this.fast) {
          if (emptyTried) continue;
          emptyTried = true;
        }
        const candidate = this.bestPosition(route, r, jobIndex, route.jobs.length === 0 ? 0 : blink, best?.delta, partner?.cost);
        if (candidate && (!best || candidate.delta < best.delta)) [best, bestRoute] = [candidate, r];
      }
      if (partner && (!best || partner.cost < best.delta)) {
        state.partnerJobs[partner.partner]!.push(jobIndex);
      } else if (best) {
        const route = this.writable(state, bestRoute);
        route.jobs.splice(best.position, 0, jobIndex);
        this.refresh(route, bestRoute);
      } else {
        state.unassigned.push(jobIndex);
      }
    }
  }

  /**
   * Regret insertion: of the jobs still to place, the one that stands to lose most if its best place is taken (the
   * gap between its best and second-best options: a position on an engineer's route, a partner with room, or staying
   * unserved) goes first. On an over-full field day this is what decides how many tickets are served: a ticket no
   * shop has room for must get the engineer's last free hour before a ticket a shop could take does.
   */
  private recreateByRegret(state: State, pending: number[], blink: number): void {
    const candidates = this.search.candidateVehicles;
    // Per job and candidate vehicle, its best position; null where it cannot beat the job's second-best vehicle so far
    // (it could not change the job's regret, so it is not scheduled).
    const options = pending.map((j) => {
      let first = Infinity;
      let second = Infinity;
      return candidates[j]!.map((r) => {
        const option = this.bestPosition(state.routes[r]!, r, j, blink, second);
        if (option && option.delta < first) [second, first] = [first, option.delta];
        else if (option && option.delta < second) second = option.delta;
        return option;
      });
    });
    const open = new Uint8Array(pending.length).fill(1);
    for (let left = pending.length; left > 0; left--) {
      let pick = -1;
      let pickRegret = -Infinity;
      let pickVehicle = -1;
      let pickPartner: { partner: number; cost: number } | null = null;
      for (let i = 0; i < pending.length; i++) {
        if (!open[i]) continue;
        const j = pending[i]!;
        const partner = this.cheapestPartner(state, j);
        let first = partner ? partner.cost : this.search.unassignedPenalties[j]!;
        let second = partner ? this.search.unassignedPenalties[j]! : Infinity;
        let vehicle = -1;
        const jobOptions = options[i]!;
        for (let ci = 0; ci < jobOptions.length; ci++) {
          const delta = jobOptions[ci]?.delta;
          if (delta === undefined) continue;
          if (delta < first) {
            second = first;
            first = delta;
            vehicle = ci;
          } else if (delta < second) second = delta;
        }
        const regret = second - first;
        if (regret > pickRegret) [pick, pickRegret, pickVehicle, pickPartner] = [i, regret, vehicle, partner];
      }
      open[pick] = 0;
      const j = pending[pick]!;
      if (pickVehicle >= 0) {
        const r = candidates[j]![pickVehicle]!;
        const route = this.writable(state, r);
        route.jobs.splice(options[pick]![pickVehicle]!.position, 0, j);
        this.refresh(route, r);
        for (let i = 0; i < pending.length; i++) {
          if (!open[i]) continue;
          const ci = candidates[pending[i]!]!.indexOf(r);
          if (ci >= 0) options[i]![ci] = this.bestPosition(route, r, pending[i]!, blink);
        }
      } else if (pickPartner) {
        state.partnerJobs[pickPartner.partner]!.push(j);
      } else {
        state.unassigned.push(j);
      }
    }
  }

  private ruin(state: State, routeOf: Int32Array, partnerOf: Int32Array): number[] {
    const routes = state.routes;
    // The paper's 10 suits VRPTW routes of tens of customers; a field engineer's day is five or six jobs, and on the
    // realistic day 6 gave better plans at every time budget (10 s: about 4 % lower objective; docs/benchmarks.md).
    const averageRemoved = this.options.averageRemoved ?? (this.fast ? 10 : 6);
    const maxString = this.options.maxStringLength ?? 10;
    const used = routes.filter((r) => r.jobs.length > 0);
    const averageLength = used.length > 0 ? used.reduce((s, r) => s + r.jobs.length, 0) / used.length : 1;
    const lsMax = Math.min(maxString, averageLength);
    const ksMax = (4 * averageRemoved) / (1 + lsMax) - 1;
    const strings = Math.floor(this.rng.between(1, ksMax + 1));
    const seed = this.rng.int(0, this.n - 1);
    const removed: number[] = [];
    const ruined = new Set<number>();
    let partnerTaken = 0;
    let unservedTaken = 0;
    const near = this.neighbours[seed]!;
    for (let k = -1; k < near.length && ruined.size < strings; k++) {
      const jobIndex = k < 0 ? seed : near[k]!;
      // Jobs handed to partners near the seed get a chance to come back to the team.
      const partner = partnerOf[jobIndex]!;
      if (partner < 0 && routeOf[jobIndex]! < 0) {
        if (unservedTaken < RETRY_NEAR_RUIN && !removed.includes(jobIndex)) {
          removed.push(jobIndex);
          unservedTaken++;
        }
        continue;
      }
      if (partner >= 0 && partnerTaken < averageRemoved / 2) {
        const list = state.partnerJobs[partner]!;
        list.splice(list.indexOf(jobIndex), 1);
        partnerOf[jobIndex] = -1;
        removed.push(jobIndex);
        partnerTaken++;
        continue;
      }
      const r = routeOf[jobIndex]!;
      if (r < 0 || ruined.has(r) || this.search.lockedJobs[jobIndex]) continue;
      const route = this.writable(state, r);
      const m = route.jobs.length;
      const length = Math.floor(this.rng.between(1, Math.min(m, lsMax) + 1));
      const at = route.jobs.indexOf(jobIndex);
      let first: number;
      let span: number;
      let keepFrom = -1;
      let keep = 0;
      if (length < m && this.rng.chance(0.5)) {
        // Split string: a longer string around the job, of which `keep` jobs in the middle stay.
        keep = 1;
        while (length + keep < m && this.rng.chance(0.5)) keep++;
        span = length + keep;
        first = Math.max(0, Math.min(at - this.rng.int(0, span - 1), m - span));
        keepFrom = first + this.rng.int(0, length);
      } else {
        span = length;
        first = Math.max(0, Math.min(at - this.rng.int(0, length - 1), m - length));
      }
      const kept: number[] = [];
      for (let i = first; i < first + span; i++) {
        const j = route.jobs[i]!;
        if (this.search.lockedJobs[j] || (i >= keepFrom && i < keepFrom + keep)) kept.push(j);
        else removed.push(j);
      }
      route.jobs.splice(first, span, ...kept);
      this.refresh(route, r);
      ruined.add(r);
    }
    return removed;
  }

  /** A state holding the plan as given (jobs it leaves out are nowhere until placed). */
  private stateOf(plan: Pick<SharedPlan, 'routes' | 'partnerJobs'> & Partial<Pick<SharedPlan, 'unassigned'>>): State {
    const routes = this.p.vehicles.map((_, v) => this.routeFrom(plan.routes[v] ?? [], v));
    const partnerJobs = (this.p.partners ?? []).map((_, k) => (plan.partnerJobs[k] ?? []).slice());
    return { routes, owned: new Set(routes.keys()), partnerJobs, unassigned: (plan.unassigned ?? []).slice() };
  }

  private initialState(): State {
    const initial = this.options.initial;
    const state = this.stateOf(initial ?? { routes: [], partnerJobs: [] });
    const routes = state.routes;
    const placed = new Uint8Array(this.n);
    if (initial) {
      for (const j of [...initial.routes.flat(), ...initial.partnerJobs.flat()]) placed[j] = 1;
    } else {
      for (const lock of this.p.locked ?? []) {
        routes[lock.vehicle] = this.routeFrom(lock.jobs, lock.vehicle);
        lock.jobs.forEach((j) => (placed[j] = 1));
      }
      if (!this.fast) {
        const fallback = (j: number) => Math.min(this.search.unassignedPenalties[j]!, ...(this.p.jobs[j]!.partnerOptions ?? []).map((o) => o.cost));
        slaOpenings(this.p, fallback).forEach((jobs, v) => {
          if (jobs.length === 0) return;
          routes[v] = this.routeFrom(jobs, v);
          jobs.forEach((j) => (placed[j] = 1));
        });
      }
    }
    const rest = this.p.jobs.map((_, i) => i).filter((i) => !placed[i]);
    this.recreate(state, rest, 0, this.fast ? undefined : this.byUrgency);
    if (!this.fast) this.repair(state, true);
    return state;
  }

  /** What ruin and recreate is slow to find, found directly: ejections for unserved jobs, the best partner hand-offs. */
  private repair(state: State, eject: boolean): void {
    if (eject) this.ejectForUnserved(state);
    this.reassignPartners(state);
  }

  /**
   * For each unserved job (most costly first), the best single ejection, made if it pays: one job leaves a nearby
   * route to make room, and goes to a shop with room, onto another route, or is left unserved in its place. On an
   * over-full day a route's last free hour is won this way; ruin and recreate finds such swaps only when it happens
   * to remove both jobs at once.
   */
  private ejectForUnserved(state: State): void {
    const penalties = this.search.unassignedPenalties;
    const waiting = [...state.unassigned].sort((a, b) => penalties[b]! - penalties[a]!);
    for (const y of waiting) {
      let best: { gain: number; r: number; jobs: number[]; x: number; partner: number; xRoute: number; xPos: number } | null = null;
      for (const r of this.search.candidateVehicles[y]!) {
        const route = state.routes[r]!;
        for (let k = 0; k < route.jobs.length; k++) {
          const x = route.jobs[k]!;
          if (this.search.lockedJobs[x]) continue;
          const without = this.routeFrom(route.jobs.filter((_, i) => i !== k), r);
          if (!Number.isFinite(without.cost)) continue;
          const place = this.bestPosition(without, r, y, 0);
          if (!place) continue;
          const routeChange = without.cost + place.delta - route.cost;
          const partner = this.cheapestPartner(state, x);
          let xCost = partner ? partner.cost : penalties[x]!;
          let xRoute = -1;
          let xPos = -1;
          for (const other of this.search.candidateVehicles[x]!) {
            if (other === r) continue;
            const option = this.bestPosition(state.routes[other]!, other, x, 0, xCost);
            if (option && option.delta < xCost) [xCost, xRoute, xPos] = [option.delta, other, option.position];
          }
          const gain = penalties[y]! - routeChange - xCost;
          if (gain > 1e-6 && (!best || gain > best.gain)) {
            const jobs = without.jobs.slice();
            jobs.splice(place.position, 0, y);
            best = { gain, r, jobs, x, partner: xRoute < 0 && partner ? partner.partner : -1, xRoute, xPos };
          }
        }
      }
      if (!best) continue;
      const route = this.writable(state, best.r);
      route.jobs = best.jobs;
      this.refresh(route, best.r);
      state.unassigned.splice(state.unassigned.indexOf(y), 1);
      if (best.xRoute >= 0) {
        const other = this.writable(state, best.xRoute);
        other.jobs.splice(best.xPos, 0, best.x);
        this.refresh(other, best.xRoute);
      } else if (best.partner >= 0) state.partnerJobs[best.partner]!.push(best.x);
      else state.unassigned.push(best.x);
    }
  }

  /** Hands the jobs no engineer serves to shops the cheapest way there is (see partnerAssignment). */
  private reassignPartners(state: State): void {
    const offRoute = [...state.partnerJobs.flat(), ...state.unassigned].sort((a, b) => a - b);
    const choices = offRoute.map((j) => ({ options: this.p.jobs[j]!.partnerOptions ?? [], unservedCost: this.search.unassignedPenalties[j]! }));
    const shopOf = assignPartners(choices, (this.p.partners ?? []).map((p) => p.capacity));
    state.partnerJobs = state.partnerJobs.map(() => []);
    state.unassigned = [];
    offRoute.forEach((j, i) => (shopOf[i]! >= 0 ? state.partnerJobs[shopOf[i]!]!.push(j) : state.unassigned.push(j)));
  }

  // A candidate changes a few routes of sixty: copying only those (on first change) keeps an iteration's cost in the
  // search, not in copying.
  private copy(state: State): State {
    return { routes: state.routes.slice(), owned: new Set(), partnerJobs: state.partnerJobs.map((p) => p.slice()), unassigned: state.unassigned.slice() };
  }

  /** A copy to keep (the best plan so far): from now on neither state changes the routes they share in place. */
  private keep(state: State): State {
    state.owned.clear();
    return this.copy(state);
  }

  private writable(state: State, r: number): Route {
    if (!state.owned.has(r)) {
      const shared = state.routes[r]!;
      // Same property order as in routeFrom: one object shape keeps the insertion loop's property reads monomorphic.
      state.routes[r] = {
        jobs: shared.jobs.slice(),
        start: shared.start.slice(),
        latest: shared.latest.slice(),
        latestWithBreak: shared.latestWithBreak.slice(),
        breakBefore: shared.breakBefore,
        legCost: shared.legCost.slice(),
        load: shared.load,
        cost: shared.cost,
      };
      state.owned.add(r);
    }
    return state.routes[r]!;
  }

  run(): SolveResult {
    const started = performance.now();
    const { timeLimitMs, maxIterations } = this.options;
    // With an iteration budget the search cools by iterations (the same seed gives the same plan); a time limit given
    // as well only caps it, for slow machines.
    const byIterations = maxIterations !== undefined;
    const budget = timeLimitMs ?? (byIterations ? Infinity : 1000);
    const blink = this.options.blinkRate ?? 0.01;

    if (!this.fast) {
      this.costTo = transpose(this.p.cost, this.p.size);
      this.timeTo = transpose(this.p.travelTime, this.p.size);
      this.transposed = true;
    }
    let current = this.initialState();
    let currentCost = this.totalCost(current);
    let best = this.keep(current);
    let bestCost = currentCost;

    // Temperatures follow what driving costs per job, not the penalties: a breach is never "just noise" to accept.
    const routed = Math.max(1, current.routes.reduce((n, r) => n + r.jobs.length, 0));
    const driving = current.routes.reduce((sum, r, v) => sum + (r.jobs.length > 0 ? scheduleRoute(this.p, v, r.jobs, false).travelCost : 0), 0);
    const perJob = Math.max(1e-9, driving / routed);
    // A field-service day starts cooler and ends warmer: at a fixed iteration budget on the realistic day, 1× the driving
    // cost per job ended 2–3 % lower than 10× (three seeds each); cooling to 0.2× of that instead of 0.01× ended 10 s
    // runs about 0.8 % lower (eight seeds): the last seconds keep exchanging jobs between routes rather than freezing.
    // Solomon instances keep the 10× → 0.01× they were tuned with.
    const t0 = (this.fast ? 10 : 1) * perJob;
    const tf = (this.fast ? 0.01 : 0.2) * t0;
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
            current = this.stateOf(shared.plan);
            currentCost = this.totalCost(current);
            best = this.keep(current);
            bestCost = currentCost;
          } else exchange.offer(bestCost, { routes: best.routes.map((r) => r.jobs), partnerJobs: best.partnerJobs, unassigned: best.unassigned });
        }
        if (this.options.onProgress && now - lastReport >= 100) {
          lastReport = now;
          this.options.onProgress({ fraction, bestCost, iterations });
        }
      }
      const temperature = t0 * Math.pow(tf / t0, fraction);
      const candidate = this.copy(current);
      routeOf.fill(-1);
      partnerOf.fill(-1);
      candidate.routes.forEach((r, i) => r.jobs.forEach((j) => (routeOf[j] = i)));
      candidate.partnerJobs.forEach((jobs, i) => jobs.forEach((j) => (partnerOf[j] = i)));
      const ruined = this.ruin(candidate, routeOf, partnerOf);
      const taken = new Set(ruined);
      const waiting = candidate.unassigned.filter((j) => !taken.has(j));
      const retry = waiting.length <= RETRY_AT_RANDOM ? waiting : this.rng.shuffle(waiting).slice(0, RETRY_AT_RANDOM);
      const retried = new Set(retry);
      candidate.unassigned = waiting.filter((j) => !retried.has(j));
      const removed = [...ruined, ...retry];
      this.recreate(candidate, removed, blink);
      const cost = this.totalCost(candidate);
      if (cost < currentCost - temperature * Math.log(this.rng.next() || Number.MIN_VALUE)) {
        current = candidate;
        currentCost = cost;
      }
      iterations++;
      if (!this.fast && iterations % REASSIGN_PARTNERS_EVERY === 0) {
        this.repair(current, iterations % EJECT_EVERY === 0);
        currentCost = this.totalCost(current);
      }
      if (currentCost < bestCost - 1e-9) {
        bestCost = currentCost;
        best = this.keep(current);
      }
    }
    if (!this.fast) {
      this.repair(best, true);
      bestCost = this.totalCost(best);
    }
    const unassignedCost = best.unassigned.reduce((s, j) => s + this.search.unassignedPenalties[j]!, 0);
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

function transpose(matrix: Float64Array, size: number): Float64Array {
  const transposed = new Float64Array(matrix.length);
  for (let from = 0; from < size; from++) for (let to = 0; to < size; to++) transposed[to * size + from] = matrix[from * size + to]!;
  return transposed;
}

interface SearchTables {
  /** The vehicles recreate tries for each job: all of them for plain VRPTW, the nearest capable ones otherwise. */
  candidateVehicles: number[][];
  lockedJobs: Uint8Array;
  unassignedPenalties: Float64Array;
  /** What handing job j to partner k costs, at j × partners + k (every total cost sums them). */
  partnerCosts: Float64Array;
}

function searchTables(p: RoutingProblem, fast: boolean): SearchTables {
  const n = p.jobs.length;
  const everyVehicle = p.vehicles.map((_, v) => v);
  const candidateVehicles = p.jobs.map((job) => {
    const capable = job.allowedVehicles ? [...job.allowedVehicles] : everyVehicle;
    if (fast || capable.length <= NEAREST_VEHICLES) return capable;
    // A field engineer based across the province will not be the best choice for this job: skip the far ones.
    return capable
      .map((v) => ({ v, minutes: p.travelTime[p.vehicles[v]!.start * p.size + job.location]! }))
      .sort((a, b) => a.minutes - b.minutes)
      .slice(0, NEAREST_VEHICLES)
      .map((c) => c.v);
  });
  const lockedJobs = new Uint8Array(n);
  for (const lock of p.locked ?? []) for (const j of lock.jobs) lockedJobs[j] = 1;
  let maxCost = 0;
  for (const c of p.cost) maxCost = Math.max(maxCost, c);
  let maxLate = 0;
  for (const j of p.jobs) maxLate = Math.max(maxLate, (j.latePenalty ?? 0) + (j.lateCostPerMinute ?? 0) * 24 * 60, ...(j.partnerOptions ?? []).map((o) => o.cost));
  // Default: leaving a job unserved costs more than serving every job any way at all.
  const defaultPenalty = 10 * (maxCost + maxLate + 1) * (n + 1);
  const unassignedPenalties = Float64Array.from(p.jobs.map((j) => j.unassignedPenalty ?? defaultPenalty));
  const partners = p.partners?.length ?? 0;
  const partnerCosts = new Float64Array(n * partners).fill(NaN);
  p.jobs.forEach((job, j) => job.partnerOptions?.forEach((o) => (partnerCosts[j * partners + o.partner] = o.cost)));
  return { candidateVehicles, lockedJobs, unassignedPenalties, partnerCosts };
}
