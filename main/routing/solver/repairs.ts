// What ruin and recreate is slow to find, found directly: ejections for unserved jobs, the best partner hand-offs.
import { assignPartners } from './partnerAssignment';
import { refresh, routeFrom, writable, type State } from './routeState';
import { cheapestPartner, type Search } from './search';

export function repair(search: Search, state: State, eject: boolean): void {
  if (eject) ejectForUnserved(search, state);
  reassignPartners(search, state);
}

/**
 * For each unserved job (most costly first), the best single ejection, made if it pays: one job leaves a nearby
 * route to make room, and goes to a shop with room, onto another route, or is left unserved in its place. On an
 * over-full day a route's last free hour is won this way; ruin and recreate finds such swaps only when it happens
 * to remove both jobs at once.
 */
function ejectForUnserved(search: Search, state: State): void {
  const { problem: p, profile, tables, insertion } = search;
  const penalties = tables.unassignedPenalties;
  const waiting = [...state.unassigned].sort((a, b) => penalties[b]! - penalties[a]!);
  for (const y of waiting) {
    let best: { gain: number; r: number; jobs: number[]; x: number; partner: number; xRoute: number; xPos: number } | null = null;
    for (const r of tables.candidateVehicles[y]!) {
      const route = state.routes[r]!;
      for (let k = 0; k < route.jobs.length; k++) {
        const x = route.jobs[k]!;
        if (tables.lockedJobs[x]) continue;
        const without = routeFrom(p, profile, route.jobs.filter((_, i) => i !== k), r);
        if (!Number.isFinite(without.cost)) continue;
        const place = insertion.bestPosition(without, r, y, 0);
        if (!place) continue;
        const routeChange = without.cost + place.delta - route.cost;
        const partner = cheapestPartner(search, state, x);
        let xCost = partner ? partner.cost : penalties[x]!;
        let xRoute = -1;
        let xPos = -1;
        for (const other of tables.candidateVehicles[x]!) {
          if (other === r) continue;
          const option = insertion.bestPosition(state.routes[other]!, other, x, 0, xCost);
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
    const route = writable(state, best.r);
    route.jobs = best.jobs;
    refresh(p, profile, route, best.r);
    state.unassigned.splice(state.unassigned.indexOf(y), 1);
    if (best.xRoute >= 0) {
      const other = writable(state, best.xRoute);
      other.jobs.splice(best.xPos, 0, best.x);
      refresh(p, profile, other, best.xRoute);
    } else if (best.partner >= 0) state.partnerJobs[best.partner]!.push(best.x);
    else state.unassigned.push(best.x);
  }
}

/** Hands the jobs no engineer serves to shops the cheapest way there is (see partnerAssignment). */
function reassignPartners(search: Search, state: State): void {
  const p = search.problem;
  const offRoute = [...state.partnerJobs.flat(), ...state.unassigned].sort((a, b) => a - b);
  const choices = offRoute.map((j) => ({ options: p.jobs[j]!.partnerOptions ?? [], unservedCost: search.tables.unassignedPenalties[j]! }));
  const shopOf = assignPartners(choices, (p.partners ?? []).map((partner) => partner.capacity));
  state.partnerJobs = state.partnerJobs.map(() => []);
  state.unassigned = [];
  offRoute.forEach((j, i) => (shopOf[i]! >= 0 ? state.partnerJobs[shopOf[i]!]!.push(j) : state.unassigned.push(j)));
}
