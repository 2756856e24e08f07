// The routing core's own model: locations with travel matrices, jobs with time windows, vehicles with shifts and
// capacities. Solomon instances and dispatch days both translate into it; the solver knows nothing else.

export interface RoutingJob {
  location: number;
  service: number;
  demand: number;
  /** Hard window for the start of service: arrive earlier and wait; never start after `latest`. */
  earliest: number;
  latest: number;
  /** Soft deadline for the start of service (an SLA): starting after it costs `latePenalty` plus `lateCostPerMinute` a minute. */
  due?: number;
  latePenalty?: number;
  lateCostPerMinute?: number;
  /** Vehicles that may serve the job (skills); all when absent. */
  allowedVehicles?: readonly number[];
  /** Handing the job to an outside partner instead, each with its own all-in cost (fee plus expected lateness). */
  partnerOptions?: ReadonlyArray<{ partner: number; cost: number }>;
  /** What leaving the job unserved costs; by default more than any plan could. */
  unassignedPenalty?: number;
}

export interface RoutingBreak {
  /** The break starts within [earliest, latest] and lasts `duration`, wherever the vehicle is at that time. */
  earliest: number;
  latest: number;
  duration: number;
}

export interface RoutingVehicle {
  start: number;
  end: number;
  /** Shift: leave `start` no earlier than `earliest`, be back at `end` by `latest`. */
  earliest: number;
  latest: number;
  capacity: number;
  maxJobs?: number;
  break?: RoutingBreak;
  /** Cost of each extra job on this vehicle, squared: a gentle push towards balanced workloads. */
  balanceWeight?: number;
}

export interface RoutingProblem {
  /** Number of locations; the matrices are size × size, row-major. */
  size: number;
  travelTime: Float64Array;
  /** What a route costs to drive (the objective). */
  cost: Float64Array;
  jobs: RoutingJob[];
  vehicles: RoutingVehicle[];
  /** Outside partners and how many jobs each can take. */
  partners?: ReadonlyArray<{ capacity: number }>;
  /** Jobs the dispatcher fixed: they stay on their vehicle in this order; other jobs may go before, between or after. */
  locked?: ReadonlyArray<{ vehicle: number; jobs: readonly number[] }>;
}

export interface RoutingSolution {
  /** Job indices in visit order, one list per vehicle (empty when the vehicle stays home). */
  routes: number[][];
  /** Jobs handed to partners, by partner index. */
  partnerJobs: number[][];
  unassigned: number[];
  /** Travel plus lateness plus partner costs (without the unassigned penalty). */
  cost: number;
}

/** What driving from one location to another costs, and how long it takes. */
export const costBetween = (problem: RoutingProblem, from: number, to: number): number => problem.cost[from * problem.size + to]!;
export const timeBetween = (problem: RoutingProblem, from: number, to: number): number => problem.travelTime[from * problem.size + to]!;

export interface StopTimes {
  arrival: number;
  start: number;
  departure: number;
}

export interface RouteSchedule {
  feasible: boolean;
  stops: StopTimes[];
  /** When the break starts (null when the route needs none). */
  breakStart: number | null;
  backAt: number;
  travelTime: number;
  travelCost: number;
  lateness: number;
}

/**
 * The schedule of one vehicle's route, by the rules every part of the app shares: leave at shift start, wait for a
 * window to open, take the break at the first moment between jobs (or on arrival home) once its window has opened —
 * or before a job that would otherwise run past the break's latest start — where the vehicle stands. Infeasible
 * when a window, the break window or the shift end is missed.
 */
export function scheduleRoute(problem: RoutingProblem, vehicleIndex: number, jobs: readonly number[], recordStops = true): RouteSchedule {
  // Hot path of the solver (once per candidate position): plain loops, no closures or allocations unless asked.
  const v = problem.vehicles[vehicleIndex]!;
  const size = problem.size;
  const lunch = jobs.length > 0 ? v.break : undefined;
  let time = v.earliest;
  let location = v.start;
  let feasible = true;
  let breakStart: number | null = null;
  let travelTime = 0;
  let travelCost = 0;
  let lateness = 0;
  let load = 0;
  const stops: StopTimes[] = [];
  for (let k = 0; k < jobs.length; k++) {
    const jobIndex = jobs[k]!;
    const job = problem.jobs[jobIndex]!;
    const travel = problem.travelTime[location * size + job.location]!;
    // The break is due once the next job would start after its window opens, or would run past the latest start of
    // the break (a long job): taken here, before driving on, waiting for the window to open if need be.
    if (lunch && breakStart === null && (Math.max(job.earliest, time + travel) > lunch.earliest || Math.max(job.earliest, time + travel) + job.service > lunch.latest)) {
      breakStart = time > lunch.earliest ? time : lunch.earliest;
      if (breakStart > lunch.latest) feasible = false;
      time = breakStart + lunch.duration;
    }
    const arrival = time + travel;
    const start = arrival > job.earliest ? arrival : job.earliest;
    if (start > job.latest) feasible = false;
    if (job.due !== undefined && start > job.due) lateness += (job.latePenalty ?? 0) + (job.lateCostPerMinute ?? 0) * (start - job.due);
    travelTime += travel;
    travelCost += problem.cost[location * size + job.location]!;
    time = start + job.service;
    load += job.demand;
    if (recordStops) stops.push({ arrival, start, departure: time });
    location = job.location;
  }
  let backAt = v.earliest;
  if (jobs.length > 0) {
    const home = problem.travelTime[location * size + v.end]!;
    if (lunch && breakStart === null && time + home > lunch.earliest) {
      breakStart = time > lunch.earliest ? time : lunch.earliest;
      if (breakStart > lunch.latest) feasible = false;
      time = breakStart + lunch.duration;
    }
    travelTime += home;
    travelCost += problem.cost[location * size + v.end]!;
    backAt = time + home;
  }
  if (backAt > v.latest) feasible = false;
  if (jobs.length > (v.maxJobs ?? Infinity)) feasible = false;
  if (load > v.capacity) feasible = false;
  return { feasible, stops, breakStart, backAt, travelTime, travelCost, lateness };
}
