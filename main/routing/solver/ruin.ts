// Ruin: a few strings of consecutive jobs removed from routes near a random seed job (the paper's string removal,
// with its split strings), and jobs near the seed that went to partners or are unserved taken along for another try.
import { refresh, writable, type State } from './routeState';
import type { Search } from './search';

/**
 * Unserved jobs near the ruin (where room was just made) get another try; so do a few at random (see the loop).
 * On an over-full day trying them all would swamp the search.
 */
const RETRY_NEAR_RUIN = 10;

/** Removes jobs from the state (routes and hand-offs) and returns them; `routeOf` and `partnerOf` say where each job is. */
export function ruin(search: Search, state: State, routeOf: Int32Array, partnerOf: Int32Array): number[] {
  const { problem: p, profile, rng, tables, averageRemoved } = search;
  const n = p.jobs.length;
  const routes = state.routes;
  const used = routes.filter((r) => r.jobs.length > 0);
  const averageLength = used.length > 0 ? used.reduce((s, r) => s + r.jobs.length, 0) / used.length : 1;
  const lsMax = Math.min(search.maxStringLength, averageLength);
  const ksMax = (4 * averageRemoved) / (1 + lsMax) - 1;
  const strings = Math.floor(rng.between(1, ksMax + 1));
  const seed = rng.int(0, n - 1);
  const removed: number[] = [];
  const ruined = new Set<number>();
  let partnerTaken = 0;
  let unservedTaken = 0;
  const near = search.neighbours[seed]!;
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
    if (r < 0 || ruined.has(r) || tables.lockedJobs[jobIndex]) continue;
    const route = writable(state, r);
    const m = route.jobs.length;
    const length = Math.floor(rng.between(1, Math.min(m, lsMax) + 1));
    const at = route.jobs.indexOf(jobIndex);
    let first: number;
    let span: number;
    let keepFrom = -1;
    let keep = 0;
    if (length < m && rng.chance(0.5)) {
      // Split string: a longer string around the job, of which `keep` jobs in the middle stay.
      keep = 1;
      while (length + keep < m && rng.chance(0.5)) keep++;
      span = length + keep;
      first = Math.max(0, Math.min(at - rng.int(0, span - 1), m - span));
      keepFrom = first + rng.int(0, length);
    } else {
      span = length;
      first = Math.max(0, Math.min(at - rng.int(0, length - 1), m - length));
    }
    const kept: number[] = [];
    for (let i = first; i < first + span; i++) {
      const j = route.jobs[i]!;
      if (tables.lockedJobs[j] || (i >= keepFrom && i < keepFrom + keep)) kept.push(j);
      else removed.push(j);
    }
    route.jobs.splice(first, span, ...kept);
    refresh(p, profile, route, r);
    ruined.add(r);
  }
  return removed;
}
