// An independent check of a dispatch plan against the day it plans: from the plan's own times and the travel
// matrix, never from the solver's bookkeeping. Used by the property tests.
import type { DispatchDay, DispatchPlan } from '../dispatch/dispatchDay';
import type { TravelMatrix } from '../dispatch/travel';
import { parseLocal } from '../../../shared/time';

/** Plans give times to the minute: allow that rounding, and nothing more. */
const EPS = 1;

export function checkDispatchPlan(day: DispatchDay, plan: DispatchPlan, travel: TravelMatrix): string[] {
  const problems: string[] = [];
  const engineerAt = new Map(day.engineers.map((e, i) => [e.id, { engineer: e, location: i }]));
  const ticketAt = new Map(day.tickets.map((t, i) => [t.id, { ticket: t, location: day.engineers.length + day.shops.length + i }]));
  const dayStart = parseLocal(`${day.date} 00:00`);
  const minute = (local: string) => parseLocal(local) - dayStart;
  const now = minute(day.now);
  const seen = new Map<number, number>();
  const count = (id: number) => seen.set(id, (seen.get(id) ?? 0) + 1);

  for (const route of plan.routes) {
    const entry = engineerAt.get(route.engineerId);
    if (!entry) {
      problems.push(`route for unknown engineer ${route.engineerId}`);
      continue;
    }
    const { engineer } = entry;
    if (route.stops.length > engineer.maxJobsPerDay) problems.push(`${engineer.name}: ${route.stops.length} stops, more than ${engineer.maxJobsPerDay}`);
    let time = Math.max(engineer.shiftStart, now);
    let location = entry.location;
    const lunch = route.lunch === null ? null : minute(route.lunch);
    let lunchTaken = false;
    for (const stop of route.stops) {
      count(stop.ticketId);
      const t = ticketAt.get(stop.ticketId);
      if (!t) {
        problems.push(`${engineer.name}: unknown ticket ${stop.ticketId}`);
        continue;
      }
      const { ticket } = t;
      if (!ticket.requiredSkills.every((s) => engineer.skills.includes(s))) problems.push(`${engineer.name} lacks a skill for ${ticket.externalId}`);
      if (lunch !== null && !lunchTaken && lunch < minute(stop.start)) {
        if (lunch < time - EPS) problems.push(`${engineer.name}: lunch at ${route.lunch} overlaps work`);
        time = lunch + engineer.lunchMinutes;
        lunchTaken = true;
      }
      const earliestArrival = time + travel.minutes[location * travel.size + t.location]!;
      if (minute(stop.eta) + EPS < earliestArrival) problems.push(`${ticket.externalId}: ETA ${stop.eta} earlier than the drive allows`);
      const start = minute(stop.start);
      if (start + EPS < minute(stop.eta)) problems.push(`${ticket.externalId}: starts before arriving`);
      if (ticket.windowStart && start + EPS < minute(ticket.windowStart)) problems.push(`${ticket.externalId}: starts before its window`);
      if (ticket.windowEnd && start > minute(ticket.windowEnd) + EPS) problems.push(`${ticket.externalId}: starts after its window`);
      if (start + EPS < now) problems.push(`${ticket.externalId}: starts before planning began`);
      if (Math.abs(minute(stop.etd) - (start + ticket.estimatedMinutes)) > 1) problems.push(`${ticket.externalId}: ETD is not start + duration`);
      time = start + ticket.estimatedMinutes;
      location = t.location;
    }
    if (route.stops.length > 0) {
      const home = time + travel.minutes[location * travel.size + entry.location]!;
      const back = lunch !== null && !lunchTaken ? Math.max(home, lunch + engineer.lunchMinutes) : home;
      if (back > engineer.shiftEnd + 1) problems.push(`${engineer.name}: back at ${back}, after the shift ends at ${engineer.shiftEnd}`);
    }
    if (lunch !== null && (lunch < engineer.lunchWindowStart - EPS || lunch > engineer.lunchWindowEnd - engineer.lunchMinutes + EPS)) {
      problems.push(`${engineer.name}: lunch at ${route.lunch} outside the lunch window`);
    }
    const spansLunch = route.stops.length > 0 && minute(route.back) > engineer.lunchWindowStart && minute(route.stops[0]!.start) < engineer.lunchWindowEnd;
    if (spansLunch && lunch === null) problems.push(`${engineer.name}: works through the lunch window without a break`);
  }
  for (const partner of plan.partners) {
    const shop = day.shops.find((s) => s.id === partner.shopId);
    if (!shop) {
      problems.push(`unknown shop ${partner.shopId}`);
      continue;
    }
    if (partner.ticketIds.length > shop.dailyCapacity) problems.push(`${shop.name}: ${partner.ticketIds.length} tickets, capacity ${shop.dailyCapacity}`);
    for (const id of partner.ticketIds) {
      count(id);
      const ticket = ticketAt.get(id)?.ticket;
      if (ticket && !ticket.requiredSkills.every((s) => shop.skills.includes(s))) problems.push(`${shop.name} lacks a skill for ${ticket.externalId}`);
    }
  }
  for (const u of plan.unassigned) count(u.ticketId);
  for (const ticket of day.tickets) {
    const n = seen.get(ticket.id) ?? 0;
    if (n !== 1) problems.push(`${ticket.externalId} appears ${n} times in the plan`);
  }
  for (const lock of day.locks ?? []) {
    const route = plan.routes.find((r) => r.engineerId === lock.engineerId);
    const order = (route?.stops ?? []).map((s) => s.ticketId).filter((id) => lock.ticketIds.includes(id));
    if (order.join(',') !== lock.ticketIds.join(',')) problems.push(`locked tickets ${lock.ticketIds.join(',')} of engineer ${lock.engineerId} moved (now ${order.join(',')})`);
  }
  return problems;
}
