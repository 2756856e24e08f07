// Recreate: the jobs a ruin removed (and some unserved ones) put back one by one at their cheapest position on a
// route, with a partner where that is cheaper, or left unserved, in an order drawn anew each time.
import { costBetween } from './problem';
import { RECREATE_ORDER_WEIGHTS } from './profiles';
import { refresh, writable, type State } from './routeState';
import { cheapestPartner, type Search } from './search';

/** The first plan of a day places the jobs that cost most to serve late first, earliest deadline first among equals. */
export function byUrgency(search: Search): (a: number, b: number) => number {
  const jobs = search.problem.jobs;
  return (a, b) => {
    const ja = jobs[a]!;
    const jb = jobs[b]!;
    return (jb.latePenalty ?? 0) - (ja.latePenalty ?? 0) || (ja.due ?? Infinity) - (jb.due ?? Infinity);
  };
}

export function recreate(search: Search, state: State, removed: number[], blink: number, initialOrder?: (a: number, b: number) => number): void {
  const { problem: p, profile, rng, tables, insertion } = search;
  const jobs = p.jobs;
  const depot = p.vehicles[0]?.start ?? 0;
  const order = initialOrder ? 'initial' : rng.weighted(profile.recreateOrders, (k) => RECREATE_ORDER_WEIGHTS[k]);
  if (order === 'regret') return recreateByRegret(search, state, removed, blink);
  if (order === 'initial') removed.sort(initialOrder);
  else if (order === 'random') rng.shuffle(removed);
  else if (order === 'demand') removed.sort((a, b) => jobs[b]!.demand - jobs[a]!.demand);
  else if (order === 'fallback') {
    const fallback = new Map(removed.map((j) => [j, cheapestPartner(search, state, j)?.cost ?? tables.unassignedPenalties[j]!]));
    removed.sort((a, b) => fallback.get(b)! - fallback.get(a)!);
  } else {
    const sign = order === 'far' ? -1 : 1;
    removed.sort((a, b) => sign * (costBetween(p, depot, jobs[a]!.location) - costBetween(p, depot, jobs[b]!.location)));
  }
  const routes = state.routes;
  for (const jobIndex of removed) {
    let bestRoute = -1;
    let best: { position: number; delta: number } | null = null;
    let emptyTried = false;
    const partner = cheapestPartner(search, state, jobIndex);
    for (const r of tables.candidateVehicles[jobIndex]!) {
      const route = routes[r]!;
      if (route.jobs.length === 0 && profile.emptyVehiclesAlike) {
        if (emptyTried) continue;
        emptyTried = true;
      }
      const candidate = insertion.bestPosition(route, r, jobIndex, route.jobs.length === 0 ? 0 : blink, best?.delta, partner?.cost);
      if (candidate && (!best || candidate.delta < best.delta)) [best, bestRoute] = [candidate, r];
    }
    if (partner && (!best || partner.cost < best.delta)) {
      state.partnerJobs[partner.partner]!.push(jobIndex);
    } else if (best) {
      const route = writable(state, bestRoute);
      route.jobs.splice(best.position, 0, jobIndex);
      refresh(p, profile, route, bestRoute);
    } else {
      state.unassigned.push(jobIndex);
    }
  }
}

/**
 * Regret insertion: of the jobs still to place, the one that stands to lose most if its best place is taken (the
 * gap between its best and second-best options: a position on an engineer's route, a partner with room, or staying
 * unserved) goes first. On an over-full field day this is what decides how many tickets are served: a ticket no
 * shop has room for must get the engineer's last free hour before a ticket a shop could take does.
 */
function recreateByRegret(search: Search, state: State, pending: number[], blink: number): void {
  const { problem: p, profile, tables, insertion } = search;
  const candidates = tables.candidateVehicles;
  // Per job and candidate vehicle, its best position; null where it cannot beat the job's second-best vehicle so far
  // (it could not change the job's regret, so it is not scheduled).
  const options = pending.map((j) => {
    let first = Infinity;
    let second = Infinity;
    return candidates[j]!.map((r) => {
      const option = insertion.bestPosition(state.routes[r]!, r, j, blink, second);
      if (option && option.delta < first) [second, first] = [first, option.delta];
      else if (option && option.delta < second) second = option.delta;
      return option;
    });
  });
  const open = new Uint8Array(pending.length).fill(1);
  for (let left = pending.length; left > 0; left--) {
    let pick = -1;
    let pickRegret = -Infinity;
    let pickVehicle = -1;
    let pickPartner: { partner: number; cost: number } | null = null;
    for (let i = 0; i < pending.length; i++) {
      if (!open[i]) continue;
      const j = pending[i]!;
      const partner = cheapestPartner(search, state, j);
      let first = partner ? partner.cost : tables.unassignedPenalties[j]!;
      let second = partner ? tables.unassignedPenalties[j]! : Infinity;
      let vehicle = -1;
      const jobOptions = options[i]!;
      for (let ci = 0; ci < jobOptions.length; ci++) {
        const delta = jobOptions[ci]?.delta;
        if (delta === undefined) continue;
        if (delta < first) {
          second = first;
          first = delta;
          vehicle = ci;
        } else if (delta < second) second = delta;
      }
      const regret = second - first;
      if (regret > pickRegret) [pick, pickRegret, pickVehicle, pickPartner] = [i, regret, vehicle, partner];
    }
    open[pick] = 0;
    const j = pending[pick]!;
    if (pickVehicle >= 0) {
      const r = candidates[j]![pickVehicle]!;
      const route = writable(state, r);
      route.jobs.splice(options[pick]![pickVehicle]!.position, 0, j);
      refresh(p, profile, route, r);
      for (let i = 0; i < pending.length; i++) {
        if (!open[i]) continue;
        const ci = candidates[pending[i]!]!.indexOf(r);
        if (ci >= 0) options[i]![ci] = insertion.bestPosition(route, r, pending[i]!, blink);
      }
    } else if (pickPartner) {
      state.partnerJobs[pickPartner.partner]!.push(j);
    } else {
      state.unassigned.push(j);
    }
  }
}
