// Ruin and recreate with string removals (SISR: Christiaens & Vanden Berghe, "Slack induction by string removals
// for vehicle routing problems", Transportation Science 2020), under simulated annealing. Ruin removes a few strings
// of consecutive jobs from routes near a random seed job; recreate puts the jobs back one by one at their cheapest
// feasible position, skipping positions now and then ("blinks") for diversity. Time windows are checked in O(1)
// per position from each route's earliest service starts and latest feasible starts.
import { Random } from '../../shared/random';
import type { RoutingProblem, RoutingSolution } from './problem';

export interface SolveOptions {
  seed?: number;
  /** Wall-clock limit in milliseconds. */
  timeLimitMs?: number;
  /** Iteration limit: with it (and no time limit) the same seed always gives the same solution. */
  maxIterations?: number;
  /** Called about every 100 ms with the share of the budget used and the best cost so far. */
  onProgress?(progress: { fraction: number; bestCost: number; iterations: number }): void;
  /** Checked between iterations: when it says so, the best solution so far is returned. */
  shouldStop?(): boolean;
  /** Average number of jobs a ruin removes (c̄ in the paper). */
  averageRemoved?: number;
  /** Longest string a ruin removes from one route (L_max). */
  maxStringLength?: number;
  blinkRate?: number;
}

export interface SolveResult extends RoutingSolution {
  iterations: number;
  elapsedMs: number;
  stoppedBy: 'time' | 'iterations' | 'cancelled';
}

interface Route {
  jobs: number[];
  /** Earliest service start of each job. */
  start: number[];
  /** Latest service start of each job that keeps the rest of the route feasible. */
  latest: number[];
  load: number;
  cost: number;
}

export function solveVrptw(problem: RoutingProblem, options: SolveOptions = {}): SolveResult {
  return new Sisr(problem, options).run();
}

class Sisr {
  private readonly rng: Random;
  private readonly n: number;
  private readonly neighbours: Int32Array[];
  /** Penalty per unserved job: larger than any route could cost, so serving everyone always comes first. */
  private readonly unassignedPenalty: number;

  constructor(
    private readonly p: RoutingProblem,
    private readonly options: SolveOptions,
  ) {
    this.rng = new Random(options.seed ?? 1);
    this.n = p.jobs.length;
    let maxCost = 0;
    for (const c of p.cost) maxCost = Math.max(maxCost, c);
    this.unassignedPenalty = 10 * (maxCost + 1) * (p.jobs.length + 1);
    this.neighbours = p.jobs.map((job, i) => {
      const others = p.jobs.map((_, j) => j).filter((j) => j !== i);
      others.sort((a, b) => this.c(job.location, p.jobs[a]!.location) - this.c(job.location, p.jobs[b]!.location));
      return Int32Array.from(others);
    });
  }

  private c(from: number, to: number): number {
    return this.p.cost[from * this.p.size + to]!;
  }

  private t(from: number, to: number): number {
    return this.p.travelTime[from * this.p.size + to]!;
  }

  /** Recomputes a route's times, load and cost; returns false if it is infeasible. */
  private refresh(route: Route, vehicleIndex: number): boolean {
    const v = this.p.vehicles[vehicleIndex]!;
    const jobs = this.p.jobs;
    const m = route.jobs.length;
    route.start.length = m;
    route.latest.length = m;
    let time = v.earliest;
    let location = v.start;
    let load = 0;
    let cost = 0;
    let ok = true;
    for (let k = 0; k < m; k++) {
      const job = jobs[route.jobs[k]!]!;
      time = Math.max(job.earliest, time + this.t(location, job.location));
      if (time > job.latest) ok = false;
      route.start[k] = time;
      cost += this.c(location, job.location);
      time += job.service;
      location = job.location;
      load += job.demand;
    }
    cost += this.c(location, v.end);
    if (m > 0 && time + this.t(location, v.end) > v.latest) ok = false;
    let latest = v.latest - (m > 0 ? this.t(location, v.end) : 0);
    for (let k = m - 1; k >= 0; k--) {
      const job = jobs[route.jobs[k]!]!;
      latest = Math.min(job.latest, latest - job.service);
      route.latest[k] = latest;
      if (k > 0) latest -= this.t(jobs[route.jobs[k - 1]!]!.location, job.location);
    }
    route.load = load;
    route.cost = m > 0 ? cost : 0;
    return ok && load <= v.capacity;
  }

  /** Cheapest feasible position for `jobIndex` in `route`, or null. */
  private bestPosition(route: Route, vehicleIndex: number, jobIndex: number, blink: number): { position: number; delta: number } | null {
    const v = this.p.vehicles[vehicleIndex]!;
    const job = this.p.jobs[jobIndex]!;
    if (route.load + job.demand > v.capacity) return null;
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

  private totalCost(routes: Route[], unassigned: number): number {
    let cost = unassigned * this.unassignedPenalty;
    for (const r of routes) cost += r.cost;
    return cost;
  }

  private recreate(routes: Route[], removed: number[], blink: number): number[] {
    const jobs = this.p.jobs;
    const depot = this.p.vehicles[0]!.start;
    const order = this.rng.weighted(['random', 'demand', 'far', 'close'] as const, (k) => ({ random: 4, demand: 4, far: 2, close: 1 })[k]);
    if (order === 'random') this.rng.shuffle(removed);
    else if (order === 'demand') removed.sort((a, b) => jobs[b]!.demand - jobs[a]!.demand);
    else {
      const sign = order === 'far' ? -1 : 1;
      removed.sort((a, b) => sign * (this.c(depot, jobs[a]!.location) - this.c(depot, jobs[b]!.location)));
    }
    const unassigned: number[] = [];
    for (const jobIndex of removed) {
      let bestRoute = -1;
      let best: { position: number; delta: number } | null = null;
      let emptyTried = false;
      for (let r = 0; r < routes.length; r++) {
        const route = routes[r]!;
        // Empty vehicles are alike when the fleet is: trying one of them is enough.
        if (route.jobs.length === 0) {
          if (emptyTried) continue;
          emptyTried = true;
        }
        const candidate = this.bestPosition(route, r, jobIndex, route.jobs.length === 0 ? 0 : blink);
        if (candidate && (!best || candidate.delta < best.delta)) [best, bestRoute] = [candidate, r];
      }
      if (!best) {
        unassigned.push(jobIndex);
        continue;
      }
      const route = routes[bestRoute]!;
      route.jobs.splice(best.position, 0, jobIndex);
      this.refresh(route, bestRoute);
    }
    return unassigned;
  }

  private ruin(routes: Route[], routeOf: Int32Array): number[] {
    const averageRemoved = this.options.averageRemoved ?? 10;
    const maxString = this.options.maxStringLength ?? 10;
    const used = routes.filter((r) => r.jobs.length > 0);
    if (used.length === 0) return [];
    const averageLength = used.reduce((s, r) => s + r.jobs.length, 0) / used.length;
    const lsMax = Math.min(maxString, averageLength);
    const ksMax = (4 * averageRemoved) / (1 + lsMax) - 1;
    const strings = Math.floor(this.rng.between(1, ksMax + 1));
    const seed = this.rng.int(0, this.n - 1);
    const removed: number[] = [];
    const ruined = new Set<number>();
    const candidates = [seed, ...this.neighbours[seed]!];
    for (const jobIndex of candidates) {
      if (ruined.size >= strings) break;
      const r = routeOf[jobIndex]!;
      if (r < 0 || ruined.has(r)) continue;
      const route = routes[r]!;
      const m = route.jobs.length;
      const length = Math.floor(this.rng.between(1, Math.min(m, lsMax) + 1));
      const at = route.jobs.indexOf(jobIndex);
      if (length < m && this.rng.chance(0.5)) {
        // Split string: remove `length` jobs from a longer string around the job, keeping `keep` in the middle.
        let keep = 1;
        while (length + keep < m && this.rng.chance(0.5)) keep++;
        const span = length + keep;
        const first = Math.max(0, Math.min(at - this.rng.int(0, span - 1), m - span));
        const keepFrom = first + this.rng.int(0, length);
        const taken = route.jobs.slice(first, first + span).filter((_, i) => i < keepFrom - first || i >= keepFrom - first + keep);
        removed.push(...taken);
        route.jobs.splice(first, span, ...route.jobs.slice(keepFrom, keepFrom + keep));
      } else {
        const first = Math.max(0, Math.min(at - this.rng.int(0, length - 1), m - length));
        removed.push(...route.jobs.splice(first, length));
      }
      this.refresh(route, r);
      ruined.add(r);
    }
    for (const j of removed) routeOf[j] = -1;
    return removed;
  }

  run(): SolveResult {
    const started = performance.now();
    const { timeLimitMs, maxIterations } = this.options;
    const budget = timeLimitMs ?? (maxIterations === undefined ? 1000 : Infinity);
    const blink = this.options.blinkRate ?? 0.01;
    const empty = (): Route => ({ jobs: [], start: [], latest: [], load: 0, cost: 0 });

    let current = this.p.vehicles.map(empty);
    let currentUnassigned = this.recreate(current, this.p.jobs.map((_, i) => i), 0);
    let currentCost = this.totalCost(current, currentUnassigned.length);
    let best = current.map((r) => r.jobs.slice());
    let bestUnassigned = currentUnassigned.slice();
    let bestCost = currentCost;

    const perJob = currentCost / Math.max(1, this.n);
    const t0 = Math.min(10 * perJob, this.unassignedPenalty / 10);
    const tf = 0.01 * t0;
    let iterations = 0;
    let fraction = 0;
    let stoppedBy: SolveResult['stoppedBy'] = maxIterations !== undefined && timeLimitMs === undefined ? 'iterations' : 'time';
    let lastReport = started;
    const routeOf = new Int32Array(this.n);

    for (;;) {
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
        fraction = maxIterations !== undefined && timeLimitMs === undefined ? iterations / maxIterations : (now - started) / budget;
        if (this.options.onProgress && now - lastReport >= 100) {
          lastReport = now;
          this.options.onProgress({ fraction, bestCost, iterations });
        }
      }
      const temperature = t0 * Math.pow(tf / t0, fraction);
      const candidate = current.map((r) => ({ jobs: r.jobs.slice(), start: r.start.slice(), latest: r.latest.slice(), load: r.load, cost: r.cost }));
      routeOf.fill(-1);
      candidate.forEach((r, i) => r.jobs.forEach((j) => (routeOf[j] = i)));
      const removed = [...this.ruin(candidate, routeOf), ...currentUnassigned];
      const unassigned = this.recreate(candidate, removed, blink);
      const cost = this.totalCost(candidate, unassigned.length);
      if (cost < currentCost - temperature * Math.log(this.rng.next() || Number.MIN_VALUE)) {
        current = candidate;
        currentUnassigned = unassigned;
        currentCost = cost;
        if (cost < bestCost - 1e-9) {
          bestCost = cost;
          best = current.map((r) => r.jobs.slice());
          bestUnassigned = unassigned.slice();
        }
      }
      iterations++;
    }
    const routes = best;
    return {
      routes,
      unassigned: bestUnassigned,
      cost: bestCost - bestUnassigned.length * this.unassignedPenalty,
      iterations,
      elapsedMs: performance.now() - started,
      stoppedBy,
    };
  }
}
