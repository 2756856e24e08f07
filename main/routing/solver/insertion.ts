// The cheapest feasible position for a job in a route: what recreate, the repairs and a dispatcher's "where could this
// ticket go" all ask. Plain VRPTW checks a position in O(1) from the route's earliest and latest service starts;
// field service checks a position that passes the same bounds (and cannot be beaten on cost) by scheduling the route
// with the job in it.
import { Random } from '../../../shared/random';
import { costBetween, scheduleRoute, timeBetween, type RoutingJob, type RoutingProblem, type RoutingVehicle } from './problem';
import { profileFor, type SearchProfile } from './profiles';
import { routeCost, routeFrom, type Route } from './routeState';

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
  const profile = profileFor(problem);
  const insertion = new Insertion(problem, profile, new Random(1));
  const allowed = problem.jobs[jobIndex]!.allowedVehicles;
  const allowedSet = allowed ? new Set(allowed) : null;
  const options = routes.flatMap((jobs, vehicle) => {
    if (allowedSet && !allowedSet.has(vehicle)) return [];
    const candidate = insertion.bestPosition(routeFrom(problem, profile, jobs, vehicle), vehicle, jobIndex, 0);
    return candidate ? [{ vehicle, ...candidate }] : [];
  });
  return options.sort((a, b) => a.delta - b.delta).slice(0, limit);
}

export class Insertion {
  /**
   * Costs and times *to* a location. A job's insertion reads them from every route's stops; once a search starts on a
   * field-service problem they are the matrices transposed (`transposeMatrices`), so that those reads come from the
   * job's own row (in cache) instead of striding across megabytes. A single insertion reads the matrices as they are.
   */
  private costTo: Float64Array;
  private timeTo: Float64Array;
  private transposed = false;

  constructor(
    private readonly p: RoutingProblem,
    private readonly profile: SearchProfile,
    private readonly rng: Random,
  ) {
    this.costTo = p.cost;
    this.timeTo = p.travelTime;
  }

  transposeMatrices(): void {
    this.costTo = transpose(this.p.cost, this.p.size);
    this.timeTo = transpose(this.p.travelTime, this.p.size);
    this.transposed = true;
  }

  /**
   * Cheapest feasible position for `jobIndex` in `route`, or null; positions are skipped now and then (`blink`).
   * Field-service positions that cannot beat `toBeat` (the best delta on another route: ties go to the first found)
   * or `partnerCost` (what handing the job to a partner costs) are not scheduled at all.
   */
  bestPosition(route: Route, vehicleIndex: number, jobIndex: number, blink: number, toBeat = Infinity, partnerCost = Infinity): { position: number; delta: number } | null {
    const v = this.p.vehicles[vehicleIndex]!;
    const job = this.p.jobs[jobIndex]!;
    if (route.load + job.demand > v.capacity) return null;
    if (route.jobs.length + 1 > (v.maxJobs ?? Infinity)) return null;
    return this.profile.scheduled ? this.bestPositionScheduled(route, vehicleIndex, jobIndex, blink, toBeat, partnerCost) : this.bestPositionByWindows(route, v, job, blink);
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
      const cost = routeCost(this.p, vehicleIndex, trial, scheduleRoute(this.p, vehicleIndex, trial, false));
      if (cost === null) continue;
      const delta = cost - route.cost;
      if (!best || delta < best.delta) best = { position: pos, delta };
    }
    return best;
  }

  private bestPositionByWindows(route: Route, v: RoutingVehicle, job: RoutingJob, blink: number): { position: number; delta: number } | null {
    const p = this.p;
    const jobs = p.jobs;
    const m = route.jobs.length;
    let best: { position: number; delta: number } | null = null;
    for (let pos = 0; pos <= m; pos++) {
      const prevLocation = pos === 0 ? v.start : jobs[route.jobs[pos - 1]!]!.location;
      const departure = pos === 0 ? v.earliest : route.start[pos - 1]! + jobs[route.jobs[pos - 1]!]!.service;
      const arrival = Math.max(job.earliest, departure + timeBetween(p, prevLocation, job.location));
      // Service starts only get later along a route: once too late here, too late everywhere after.
      if (arrival > job.latest) break;
      if (blink > 0 && this.rng.next() < blink) continue;
      const leave = arrival + job.service;
      let delta: number;
      if (pos === m) {
        if (leave + timeBetween(p, job.location, v.end) > v.latest) continue;
        delta = costBetween(p, prevLocation, job.location) + costBetween(p, job.location, v.end) - costBetween(p, prevLocation, v.end);
      } else {
        const next = jobs[route.jobs[pos]!]!;
        const nextStart = Math.max(next.earliest, leave + timeBetween(p, job.location, next.location));
        if (nextStart > route.latest[pos]!) continue;
        delta = costBetween(p, prevLocation, job.location) + costBetween(p, job.location, next.location) - costBetween(p, prevLocation, next.location);
      }
      if (!best || delta < best.delta) best = { position: pos, delta };
    }
    return best;
  }
}

function transpose(matrix: Float64Array, size: number): Float64Array {
  const transposed = new Float64Array(matrix.length);
  for (let from = 0; from < size; from++) for (let to = 0; to < size; to++) transposed[to * size + from] = matrix[from * size + to]!;
  return transposed;
}
