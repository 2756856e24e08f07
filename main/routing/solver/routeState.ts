// The search's plans: each route with the times and bounds an insertion reads, and whole plans (routes, hand-offs,
// unserved jobs) that share routes until one of them changes a route.
import { costBetween, scheduleRoute, timeBetween, type RouteSchedule, type RoutingProblem, type RoutingSolution } from './problem';
import type { SearchProfile } from './profiles';

export interface Route {
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

export interface State {
  /** Routes are shared between states (the current, the best, each candidate) until one is changed: see `writable`. */
  routes: Route[];
  /** Routes this state has its own copy of, free to change. */
  owned: Set<number>;
  /** Jobs per partner. */
  partnerJobs: number[][];
  unassigned: number[];
}

export function routeFrom(p: RoutingProblem, profile: SearchProfile, jobs: readonly number[], vehicleIndex: number): Route {
  const route: Route = { jobs: jobs.slice(), start: [], latest: [], latestWithBreak: [], breakBefore: -1, legCost: [], load: 0, cost: 0 };
  refresh(p, profile, route, vehicleIndex);
  return route;
}

/** What a scheduled route costs: driving, lateness and the balance term; null when it breaks a hard rule. */
export function routeCost(p: RoutingProblem, vehicleIndex: number, jobs: readonly number[], schedule: RouteSchedule): number | null {
  if (!schedule.feasible) return null;
  const balance = p.vehicles[vehicleIndex]!.balanceWeight ?? 0;
  return jobs.length === 0 ? 0 : schedule.travelCost + schedule.lateness + balance * jobs.length * jobs.length;
}

/** Recomputes a route's times, load and cost. */
export function refresh(p: RoutingProblem, profile: SearchProfile, route: Route, vehicleIndex: number): void {
  const v = p.vehicles[vehicleIndex]!;
  const jobs = p.jobs;
  const m = route.jobs.length;
  if (!profile.scheduled) {
    route.start.length = m;
    let time = v.earliest;
    let location = v.start;
    let load = 0;
    let cost = 0;
    for (let k = 0; k < m; k++) {
      const job = jobs[route.jobs[k]!]!;
      time = Math.max(job.earliest, time + timeBetween(p, location, job.location));
      route.start[k] = time;
      cost += costBetween(p, location, job.location);
      time += job.service;
      location = job.location;
      load += job.demand;
    }
    route.load = load;
    route.cost = m > 0 ? cost + costBetween(p, location, v.end) : 0;
  } else {
    const schedule = scheduleRoute(p, vehicleIndex, route.jobs, true);
    route.cost = routeCost(p, vehicleIndex, route.jobs, schedule) ?? Infinity;
    route.start = schedule.stops.map((stop) => stop.start);
    route.load = route.jobs.reduce((load, j) => load + jobs[j]!.demand, 0);
    route.legCost.length = m + 1;
    for (let k = 0; k <= m; k++) route.legCost[k] = costBetween(p, k === 0 ? v.start : jobs[route.jobs[k - 1]!]!.location, k === m ? v.end : jobs[route.jobs[k]!]!.location);
    const breakStart = schedule.breakStart;
    route.breakBefore = breakStart === null ? -1 : schedule.stops.findIndex((stop) => stop.arrival > breakStart);
    if (breakStart !== null && route.breakBefore < 0) route.breakBefore = m;
  }
  // Latest starts that keep the rest of the route within its windows and the shift, with no break or with one still
  // to take somewhere after the job (anywhere, of its duration: looser than the schedule's rule). A break only delays
  // what follows, so for field-service routes these are bounds: a later start is certainly infeasible.
  const pause = v.break?.duration ?? 0;
  route.latest.length = m;
  route.latestWithBreak.length = m;
  const home = m > 0 ? timeBetween(p, jobs[route.jobs[m - 1]!]!.location, v.end) : 0;
  let leaveBy = v.latest - home;
  let leaveByWithBreak = v.latest - home - pause;
  for (let k = m - 1; k >= 0; k--) {
    const job = jobs[route.jobs[k]!]!;
    const latest = Math.min(job.latest, leaveBy - job.service);
    const latestWithBreak = Math.min(job.latest, leaveByWithBreak - job.service);
    route.latest[k] = latest;
    route.latestWithBreak[k] = latestWithBreak;
    if (k > 0) {
      const travel = timeBetween(p, jobs[route.jobs[k - 1]!]!.location, job.location);
      leaveBy = latest - travel;
      // The break in the gap before this job, or later.
      leaveByWithBreak = Math.max(latest - travel - pause, latestWithBreak - travel);
    }
  }
}

/** A state holding the plan as given (jobs it leaves out are nowhere until placed). */
export function stateOf(p: RoutingProblem, profile: SearchProfile, plan: Pick<RoutingSolution, 'routes' | 'partnerJobs'> & Partial<Pick<RoutingSolution, 'unassigned'>>): State {
  const routes = p.vehicles.map((_, v) => routeFrom(p, profile, plan.routes[v] ?? [], v));
  const partnerJobs = (p.partners ?? []).map((_, k) => (plan.partnerJobs[k] ?? []).slice());
  return { routes, owned: new Set(routes.keys()), partnerJobs, unassigned: (plan.unassigned ?? []).slice() };
}

// A candidate changes a few routes of sixty: copying only those (on first change) keeps an iteration's cost in the
// search, not in copying.
export function copyState(state: State): State {
  return { routes: state.routes.slice(), owned: new Set(), partnerJobs: state.partnerJobs.map((p) => p.slice()), unassigned: state.unassigned.slice() };
}

/** A copy to keep (the best plan so far): from now on neither state changes the routes they share in place. */
export function keepState(state: State): State {
  state.owned.clear();
  return copyState(state);
}

/** The state's route `r`, copied first if another state shares it. */
export function writable(state: State, r: number): Route {
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
