// The routing core's own model: locations with travel matrices, jobs with time windows, vehicles with shifts and
// capacities. Solomon instances and (later) dispatch days both translate into it; the solver knows nothing else.

export interface RoutingJob {
  location: number;
  service: number;
  demand: number;
  /** Service may start from `earliest` (arrive before and wait) and must start by `latest`. */
  earliest: number;
  latest: number;
}

export interface RoutingVehicle {
  start: number;
  end: number;
  /** Shift: leave `start` no earlier than `earliest`, be back at `end` by `latest`. */
  earliest: number;
  latest: number;
  capacity: number;
}

export interface RoutingProblem {
  /** Number of locations; the matrices are size × size, row-major. */
  size: number;
  travelTime: Float64Array;
  /** What a route costs to drive (the objective). */
  cost: Float64Array;
  jobs: RoutingJob[];
  vehicles: RoutingVehicle[];
}

export interface RoutingSolution {
  /** Job indices in visit order, one list per vehicle (empty when the vehicle stays home). */
  routes: number[][];
  unassigned: number[];
  cost: number;
}
