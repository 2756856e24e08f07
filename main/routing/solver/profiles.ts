// The two kinds of problem the search is tuned for, as data: plain VRPTW (Solomon instances: windows and capacity
// only) and a field-service day (lunch breaks, SLA deadlines, job limits, partner shops, workload balance).
import type { RoutingProblem } from './problem';

export type RecreateOrder = 'random' | 'demand' | 'far' | 'close' | 'fallback' | 'regret';

export interface SearchProfile {
  /**
   * How a position is checked: false, in O(1) from each route's earliest and latest service starts (plain VRPTW);
   * true, a position that passes the same bounds (and cannot be beaten on cost) by scheduling the route with the job
   * in it (scheduleRoute), which field-service routes, a handful of jobs long, afford.
   */
  scheduled: boolean;
  /**
   * The first plan: every job at its cheapest position ('cheapest'); or the SLA-critical jobs given to engineers by
   * an exact assignment over the whole team (slaOpenings), then the rest placed most urgent first ('slaFirst').
   */
  firstPlan: 'cheapest' | 'slaFirst';
  /** Unserved jobs tried against ejections and partner hand-offs solved exactly: after the first plan, now and then, at the end. */
  repairs: boolean;
  /** The orders recreate puts removed jobs back in, drawn with RECREATE_ORDER_WEIGHTS. */
  recreateOrders: readonly RecreateOrder[];
  /** Average number of jobs a ruin removes (c̄ in the paper), unless the caller sets it. */
  averageRemoved: number;
  /** Start temperature as a multiple of the first plan's driving cost per job; end temperature as a multiple of the start. */
  temperature: { start: number; end: number };
  /** How many of the nearest capable vehicles a job is tried on. */
  nearestVehicles: number;
  /** Empty vehicles are alike (one depot, one fleet): trying one of them is enough. */
  emptyVehiclesAlike: boolean;
}

/**
 * The orders drawn with these weights. Plain VRPTW keeps the paper's. A field day's jobs have no demand to sort by;
 * instead the jobs whose fallback (a shop with room, else staying unserved) costs most go first, or regret decides.
 * At 10 s on the realistic day this mix ended 1.7 % lower than the paper's orders (four seeds), and lower than regret
 * every time (1.2 %) or a third of the time (1 %).
 */
export const RECREATE_ORDER_WEIGHTS: Record<RecreateOrder, number> = { random: 4, demand: 4, far: 2, close: 1, fallback: 12, regret: 19 };

/** Solomon instances: the paper's settings, annealed from 10× to 0.01× of that 10×, as they were tuned with. */
export const VRPTW_PROFILE: SearchProfile = {
  scheduled: false,
  firstPlan: 'cheapest',
  repairs: false,
  recreateOrders: ['random', 'demand', 'far', 'close'],
  averageRemoved: 10,
  temperature: { start: 10, end: 0.01 },
  nearestVehicles: Infinity,
  emptyVehiclesAlike: true,
};

export const FIELD_SERVICE_PROFILE: SearchProfile = {
  scheduled: true,
  firstPlan: 'slaFirst',
  repairs: true,
  recreateOrders: ['regret', 'fallback', 'random', 'far', 'close'],
  // The paper's 10 suits VRPTW routes of tens of customers; a field engineer's day is five or six jobs, and on the
  // realistic day 6 gave better plans at every time budget (10 s: about 4 % lower objective; docs/benchmarks.md).
  averageRemoved: 6,
  // A field-service day starts cooler and ends warmer: at a fixed iteration budget on the realistic day, 1× the driving
  // cost per job ended 2–3 % lower than 10× (three seeds each); cooling to 0.2× of that instead of 0.01× ended 10 s
  // runs about 0.8 % lower (eight seeds): the last seconds keep exchanging jobs between routes rather than freezing.
  temperature: { start: 1, end: 0.2 },
  // On the realistic day 8 did as well per iteration as 15 and ran ~1.6× as many iterations in the same time
  // (docs/benchmarks.md): an engineer based across the province will not be the best choice for a job.
  nearestVehicles: 8,
  emptyVehiclesAlike: false,
};

/** Plain VRPTW where nothing but windows and capacity constrains a route; a field-service day otherwise. */
export function profileFor(problem: RoutingProblem): SearchProfile {
  const plain = problem.vehicles.every((v) => !v.break && v.maxJobs === undefined && !v.balanceWeight) && problem.jobs.every((j) => j.due === undefined);
  return plain ? VRPTW_PROFILE : FIELD_SERVICE_PROFILE;
}
