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
 * window to open, take the break at the first moment between jobs (or on arrival home) once its window has opened,
 * where the vehicle stands. Infeasible when a window, the break window or the shift end is missed.
 */
export function scheduleRoute(problem: RoutingProblem, vehicleIndex: number, jobs: readonly number[]): RouteSchedule {
  const v = problem.vehicles[vehicleIndex]!;
  const size = problem.size;
  let time = v.earliest;
  let location = v.start;
  let feasible = true;
  let breakStart: number | null = null;
  let travelTime = 0;
  let travelCost = 0;
  let lateness = 0;
  const stops: StopTimes[] = [];
  const takeBreakIfDue = (nextStartIfNoBreak: number) => {
    if (!v.break || breakStart !== null || jobs.length === 0) return;
    if (nextStartIfNoBreak <= v.break.earliest) return;
    breakStart = Math.max(time, v.break.earliest);
    if (breakStart > v.break.latest) feasible = false;
    time = breakStart + v.break.duration;
  };
  for (const jobIndex of jobs) {
    const job = problem.jobs[jobIndex]!;
    const travel = problem.travelTime[location * size + job.location]!;
    takeBreakIfDue(Math.max(job.earliest, time + travel));
    const arrival = time + travel;
    const start = Math.max(job.earliest, arrival);
    if (start > job.latest) feasible = false;
    if (job.due !== undefined && start > job.due) lateness += (job.latePenalty ?? 0) + (job.lateCostPerMinute ?? 0) * (start - job.due);
    travelTime += travel;
    travelCost += problem.cost[location * size + job.location]!;
    time = start + job.service;
    stops.push({ arrival, start, departure: time });
    location = job.location;
  }
  const home = problem.travelTime[location * size + v.end]!;
  if (jobs.length > 0) {
    takeBreakIfDue(time + home);
    travelTime += home;
    travelCost += problem.cost[location * size + v.end]!;
  }
  const backAt = jobs.length > 0 ? time + home : v.earliest;
  if (backAt > v.latest) feasible = false;
  if (jobs.length > (v.maxJobs ?? Infinity)) feasible = false;
  if (jobs.reduce((load, j) => load + problem.jobs[j]!.demand, 0) > v.capacity) feasible = false;
  return { feasible, stops, breakStart, backAt, travelTime, travelCost, lateness };
}
