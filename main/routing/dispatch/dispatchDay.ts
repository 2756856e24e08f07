// A dispatcher's day as a routing problem, and the solver's answer as a plan a dispatcher reads: per engineer the
// ordered stops with ETAs, per partner shop the handed-off tickets, and every ticket left over with the reason.
import type { CustomerTier, Engineer, LngLat, OpenTicket, PartnerShop, SlaTier } from '../../../shared/domain';
import { formatLocal, parseLocal, parseLocalDate } from '../../../shared/time';
import { scheduleRoute, type RoutingJob, type RoutingProblem, type RoutingSolution } from '../solver/problem';
import type { TravelMatrix } from './travel';
import type { DispatchPlan, UnassignedReason } from '../../../shared/dispatch';

export type { DispatchPlan, PlannedStop, UnassignedReason } from '../../../shared/dispatch';

/**
 * The objective's weights, in CNY-equivalents so they add up with fees and driving costs. In order of importance:
 * an urgent ticket served within its SLA; then fewer and shorter SLA breaches (key customers weigh more); then
 * partner fees plus driving cost; then balanced workloads.
 */
export interface DispatchSettings {
  urgentBreachPenalty: number;
  breachPenalty: number;
  customerWeight: Record<CustomerTier, number>;
  latenessPerMinute: number;
  travelCostPerKm: number;
  /** × (jobs on an engineer)²: small, so it only decides between plans of the same cost. */
  balanceWeight: number;
  /** A partner shop's usual lead time before it sets off, in minutes. */
  partnerLeadMinutes: number;
  /** How many of the cheapest capable shops each ticket may go to. */
  partnerChoices: number;
}

export const DEFAULT_DISPATCH_SETTINGS: DispatchSettings = {
  urgentBreachPenalty: 100_000,
  breachPenalty: 5_000,
  customerWeight: { key: 3, mid: 1.5, general: 1 },
  latenessPerMinute: 10,
  travelCostPerKm: 1.5,
  balanceWeight: 2,
  partnerLeadMinutes: 90,
  partnerChoices: 8,
};

export interface DispatchDay {
  /** 'YYYY-MM-DD': times below are local on this day. */
  date: string;
  /** When planning starts (local 'YYYY-MM-DD HH:MM'): nothing is served before it. */
  now: string;
  engineers: Engineer[];
  tickets: OpenTicket[];
  shops: PartnerShop[];
  /** Jobs the dispatcher fixed to an engineer, in this order. */
  locks?: Array<{ engineerId: number; ticketIds: number[] }>;
  settings?: Partial<DispatchSettings>;
}


export interface DispatchModel {
  problem: RoutingProblem;
  /** Location index of each point in the travel matrix: engineers' homes, then shops, then tickets. */
  points: LngLat[];
  day: DispatchDay;
  dayStart: number;
  settings: DispatchSettings;
}

const END_OF_DAY = 24 * 60 - 1;

/**
 * Every point the day needs a travel time between, in the order buildDispatchProblem expects the matrix. Tickets
 * come last, so that a new ticket extends the matrix by one row and column.
 */
export function dispatchPoints(day: DispatchDay): LngLat[] {
  return [...day.engineers.map((e) => e.home), ...day.shops.map((s) => s.location), ...day.tickets.map((t) => t.location)];
}

export function breachPenalty(settings: DispatchSettings, slaTier: SlaTier, customerTier: CustomerTier): number {
  return slaTier === 'urgent' ? settings.urgentBreachPenalty * settings.customerWeight[customerTier] : settings.breachPenalty * settings.customerWeight[customerTier];
}

/** Minutes after the day's midnight for a local time. */
const minuteOfDay = (dayStart: number, local: string) => parseLocal(local) - dayStart;

/** One ticket as a routing job: its window, SLA deadline and penalties, who may serve it, which shops could. */
function ticketJob(day: DispatchDay, settings: DispatchSettings, dayStart: number, travel: TravelMatrix, t: OpenTicket, location: number): RoutingJob {
  const now = minuteOfDay(dayStart, day.now);
  const E = day.engineers.length;
  const penalty = breachPenalty(settings, t.slaTier, t.customerTier);
  // Urgent and regular clocks run to the engineer's arrival; complex ones to the end of the work.
  const due = minuteOfDay(dayStart, t.slaDueAt) - (t.slaTier === 'complex' ? t.estimatedMinutes : 0);
  const earliest = Math.max(now, t.windowStart ? minuteOfDay(dayStart, t.windowStart) : 0);
  const latest = t.windowEnd ? minuteOfDay(dayStart, t.windowEnd) : END_OF_DAY;
  const partnerOptions = day.shops
    .map((shop, s) => {
      if (shop.status !== 'certified' || !t.requiredSkills.every((k) => shop.skills.includes(k))) return null;
      const arrival = now + settings.partnerLeadMinutes + travel.minutes[(E + s) * travel.size + location]!;
      const late = arrival > due ? penalty + settings.latenessPerMinute * (arrival - due) : 0;
      return { partner: s, cost: shop.fees[t.slaTier] + late };
    })
    .filter((o): o is { partner: number; cost: number } => o !== null)
    .sort((a, b) => a.cost - b.cost)
    .slice(0, settings.partnerChoices);
  return {
    location,
    service: t.estimatedMinutes,
    demand: 0,
    earliest,
    latest: Math.max(earliest, latest),
    due,
    latePenalty: penalty,
    lateCostPerMinute: settings.latenessPerMinute,
    allowedVehicles: day.engineers.flatMap((e, v) => (t.requiredSkills.every((k) => e.skills.includes(k)) ? [v] : [])),
    partnerOptions,
    // Leaving a ticket unserved is worse than any breach of it, so the plan serves all it can.
    unassignedPenalty: 3 * penalty + settings.latenessPerMinute * END_OF_DAY,
  };
}

/**
 * The same model with one more ticket (a new urgent call), its travel row and column added to the matrix: the rest
 * of the model is reused, so placing it into a finished plan takes milliseconds.
 */
export function withNewTicket(model: DispatchModel, ticket: OpenTicket, travel: TravelMatrix): DispatchModel {
  const day = { ...model.day, tickets: [...model.day.tickets, ticket] };
  const job = ticketJob(day, model.settings, model.dayStart, travel, ticket, model.points.length);
  const problem: RoutingProblem = {
    ...model.problem,
    size: travel.size,
    travelTime: travel.minutes,
    cost: travel.km.map((km) => km * model.settings.travelCostPerKm),
    jobs: [...model.problem.jobs, job],
  };
  return { ...model, day, problem, points: [...model.points, ticket.location] };
}

export function buildDispatchProblem(day: DispatchDay, travel: TravelMatrix): DispatchModel {
  const settings = { ...DEFAULT_DISPATCH_SETTINGS, ...day.settings };
  const points = dispatchPoints(day);
  if (travel.size !== points.length) throw new Error(`travel matrix is ${travel.size} points, the day has ${points.length}`);
  const dayStart = parseLocalDate(day.date);
  const now = minuteOfDay(dayStart, day.now);
  const E = day.engineers.length;
  const cost = travel.km.map((km) => km * settings.travelCostPerKm);
  const jobs = day.tickets.map((t, i) => ticketJob(day, settings, dayStart, travel, t, E + day.shops.length + i));

  const problem: RoutingProblem = {
    size: travel.size,
    travelTime: travel.minutes,
    cost,
    jobs,
    vehicles: day.engineers.map((e, v) => ({
      start: v,
      end: v,
      earliest: Math.max(e.shiftStart, now),
      latest: e.shiftEnd,
      capacity: Number.MAX_SAFE_INTEGER,
      maxJobs: e.maxJobsPerDay,
      break: e.lunchMinutes > 0 ? { earliest: e.lunchWindowStart, latest: e.lunchWindowEnd - e.lunchMinutes, duration: e.lunchMinutes } : undefined,
      balanceWeight: settings.balanceWeight,
    })),
    partners: day.shops.map((s) => ({ capacity: s.dailyCapacity })),
    locked: lockedJobs(day, day.locks ?? []),
  };
  return { problem, points, day, dayStart, settings };
}

/** The same day with other locks (the dispatcher fixed or freed tickets): nothing else needs rebuilding. */
export function withLocks(model: DispatchModel, locks: NonNullable<DispatchDay['locks']>): DispatchModel {
  return { ...model, day: { ...model.day, locks }, problem: { ...model.problem, locked: lockedJobs(model.day, locks) } };
}

function lockedJobs(day: DispatchDay, locks: NonNullable<DispatchDay['locks']>): NonNullable<RoutingProblem['locked']> {
  const engineerIndex = new Map(day.engineers.map((e, i) => [e.id, i]));
  const ticketIndex = new Map(day.tickets.map((t, i) => [t.id, i]));
  return locks.map((lock) => {
    const vehicle = engineerIndex.get(lock.engineerId);
    if (vehicle === undefined) throw new Error(`locked engineer ${lock.engineerId} is not on this day's team`);
    return {
      vehicle,
      jobs: lock.ticketIds.map((id) => {
        const job = ticketIndex.get(id);
        if (job === undefined) throw new Error(`locked ticket ${id} is not among this day's tickets`);
        return job;
      }),
    };
  });
}

/** Why a ticket is not on any engineer's route, by checking each constraint class in turn. */
export function unassignedReason(model: DispatchModel, solution: Pick<RoutingSolution, 'routes'>, jobIndex: number): UnassignedReason {
  const { problem } = model;
  const job = problem.jobs[jobIndex]!;
  const capable = job.allowedVehicles ?? problem.vehicles.map((_, v) => v);
  if (capable.length === 0) return 'no_skill';
  const inShift = capable.filter((v) => {
    const vehicle = problem.vehicles[v]!;
    return job.latest >= vehicle.earliest && job.earliest + job.service <= vehicle.latest;
  });
  if (inShift.length === 0) return 'outside_shift';
  const reachable = inShift.filter((v) => scheduleRoute(problem, v, [jobIndex]).feasible);
  if (reachable.length === 0) return 'window_unreachable';
  const fitsSomewhere = reachable.some((v) => {
    const route = solution.routes[v] ?? [];
    for (let pos = 0; pos <= route.length; pos++) {
      const trial = [...route.slice(0, pos), jobIndex, ...route.slice(pos)];
      if (scheduleRoute(problem, v, trial).feasible) return true;
    }
    return false;
  });
  return fitsSomewhere ? 'cheaper_with_partner' : 'capacity_exhausted';
}

export function toDispatchPlan(model: DispatchModel, solution: RoutingSolution): DispatchPlan {
  const { day, problem, dayStart } = model;
  const local = (minute: number) => formatLocal(dayStart + minute);
  const routes = solution.routes.flatMap((jobs, v) => {
    if (jobs.length === 0) return [];
    const schedule = scheduleRoute(problem, v, jobs);
    const engineer = day.engineers[v]!;
    const km = schedule.travelCost / model.settings.travelCostPerKm;
    return [
      {
        engineerId: engineer.id,
        engineerName: engineer.name,
        stops: jobs.map((j, k) => {
          const ticket = day.tickets[j]!;
          const stop = schedule.stops[k]!;
          return {
            ticketId: ticket.id,
            externalId: ticket.externalId,
            eta: local(stop.arrival),
            start: local(stop.start),
            etd: local(stop.departure),
            slaDueAt: ticket.slaDueAt,
            late: stop.start > problem.jobs[j]!.due!,
            travelMinutes: Math.round(problem.travelTime[(k === 0 ? problem.vehicles[v]!.start : problem.jobs[jobs[k - 1]!]!.location) * problem.size + problem.jobs[j]!.location]!),
          };
        }),
        lunch: schedule.breakStart === null ? null : local(schedule.breakStart),
        travelMinutes: Math.round(schedule.travelTime),
        travelKm: Math.round(km * 10) / 10,
        back: local(schedule.backAt),
      },
    ];
  });
  const partners = solution.partnerJobs.flatMap((jobs, s) =>
    jobs.length === 0
      ? []
      : [
          {
            shopId: day.shops[s]!.id,
            shopName: day.shops[s]!.name,
            ticketIds: jobs.map((j) => day.tickets[j]!.id),
            reasons: jobs.map((j) => ({ ticketId: day.tickets[j]!.id, reason: unassignedReason(model, solution, j) })),
          },
        ],
  );
  return {
    date: day.date,
    routes,
    partners,
    unassigned: solution.unassigned.map((j) => ({ ticketId: day.tickets[j]!.id, reason: unassignedReason(model, solution, j) })),
    objective: Math.round(solution.cost * 100) / 100,
  };
}
