// What every part of one search reads: the problem, its profile, the random stream, and the tables built once for
// it (which vehicles to try for a job, what leaving it unserved or handing it to a partner costs, its neighbours).
import type { Random } from '../../../shared/random';
import type { Insertion } from './insertion';
import { costBetween, type RoutingProblem } from './problem';
import type { SearchProfile } from './profiles';
import type { State } from './routeState';

export interface Search {
  readonly problem: RoutingProblem;
  readonly profile: SearchProfile;
  readonly rng: Random;
  readonly tables: SearchTables;
  /** Other jobs by distance from each job. */
  readonly neighbours: Int32Array[];
  readonly insertion: Insertion;
  /** Average number of jobs a ruin removes, and the longest string it removes from one route (L_max). */
  readonly averageRemoved: number;
  readonly maxStringLength: number;
}

export interface SearchTables {
  /** The vehicles recreate tries for each job: all of them for plain VRPTW, the nearest capable ones otherwise. */
  candidateVehicles: number[][];
  lockedJobs: Uint8Array;
  unassignedPenalties: Float64Array;
  /** What handing job j to partner k costs, at j × partners + k (every total cost sums them). */
  partnerCosts: Float64Array;
}

export function searchTables(p: RoutingProblem, profile: SearchProfile): SearchTables {
  const n = p.jobs.length;
  const everyVehicle = p.vehicles.map((_, v) => v);
  const candidateVehicles = p.jobs.map((job) => {
    const capable = job.allowedVehicles ? [...job.allowedVehicles] : everyVehicle;
    if (capable.length <= profile.nearestVehicles) return capable;
    return capable
      .map((v) => ({ v, minutes: p.travelTime[p.vehicles[v]!.start * p.size + job.location]! }))
      .sort((a, b) => a.minutes - b.minutes)
      .slice(0, profile.nearestVehicles)
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

export function neighbourLists(p: RoutingProblem): Int32Array[] {
  return p.jobs.map((job, i) => {
    const distance = Float64Array.from(p.jobs, (other) => costBetween(p, job.location, other.location));
    const others = Int32Array.from(p.jobs.keys()).filter((j) => j !== i);
    return others.sort((a, b) => distance[a]! - distance[b]!);
  });
}

/** What the search minimises: routes, hand-offs, and the penalty of every job left unserved. */
export function totalCost(search: Search, state: State): number {
  const { partnerCosts, unassignedPenalties } = search.tables;
  let cost = 0;
  const partners = state.partnerJobs.length;
  state.partnerJobs.forEach((jobs, partner) => {
    for (const j of jobs) cost += partnerCosts[j * partners + partner]!;
  });
  for (const j of state.unassigned) cost += unassignedPenalties[j]!;
  for (const r of state.routes) cost += r.cost;
  return cost;
}

/** The cheapest partner with room left for the job, if any. */
export function cheapestPartner(search: Search, state: State, jobIndex: number): { partner: number; cost: number } | null {
  const p = search.problem;
  let best: { partner: number; cost: number } | null = null;
  for (const option of p.jobs[jobIndex]!.partnerOptions ?? []) {
    const capacity = p.partners?.[option.partner]?.capacity ?? 0;
    if (state.partnerJobs[option.partner]!.length >= capacity) continue;
    if (!best || option.cost < best.cost) best = option;
  }
  return best;
}
