// A day's dispatch plan as the core returns it to the command line and the renderer.
import type { JobStatus } from './jobs';

/** Why a ticket is not on an engineer's route: found by checking each constraint class in turn. */
/**
 * Open tickets a day's plan can hold: the plan's travel matrices grow with the square of them (4,000 tickets took
 * 1.4 s and 0.5 GB to evaluate, 11,000 took 28 s and 3 GB); a larger region is planned city by city.
 */
export const MAX_PLANNED_TICKETS = 2_000;

export type UnassignedReason = 'no_skill' | 'outside_shift' | 'window_unreachable' | 'capacity_exhausted' | 'cheaper_with_partner';

export interface PlannedStop {
  ticketId: number;
  externalId: string;
  /** Local times: arrival, start of work, departure. */
  eta: string;
  start: string;
  etd: string;
  slaDueAt: string;
  late: boolean;
  /** Driving from the previous stop (or from home), in minutes. */
  travelMinutes: number;
}

export interface DispatchPlan {
  date: string;
  routes: Array<{ engineerId: number; engineerName: string; stops: PlannedStop[]; lunch: string | null; travelMinutes: number; travelKm: number; back: string }>;
  partners: Array<{ shopId: number; shopName: string; ticketIds: number[]; reasons: Array<{ ticketId: number; reason: UnassignedReason }> }>;
  unassigned: Array<{ ticketId: number; reason: UnassignedReason }>;
  objective: number;
}

export type PlanResult = EvaluatedPlan & { iterations: number; elapsedMs: number };
export type PlanJobStatus = JobStatus<PlanResult>;

/** A plan as the dispatcher edits it; tickets in neither list are unassigned. */
export interface DispatchAssignment {
  routes: Array<{ engineerId: number; ticketIds: number[] }>;
  partners: Array<{ shopId: number; ticketIds: number[] }>;
  /** Tickets the dispatcher fixed: they stay on their engineer, in their order, when the rest is re-optimised. */
  locked: number[];
}

/** A hard rule a route breaks: a skill missing, a window missed, lunch outside its window, past the shift, too many jobs. */
export type RouteViolation = 'skill' | 'window' | 'lunch' | 'shift' | 'max_jobs';

export type EvaluatedRoute = Omit<DispatchPlan['routes'][number], 'stops'> & { violations: RouteViolation[]; stops: Array<PlannedStop & { locked: boolean }> };

export interface EvaluatedPlan extends Omit<DispatchPlan, 'routes'> {
  routes: EvaluatedRoute[];
  /** Every route keeps every hard rule. */
  feasible: boolean;
}

export interface InsertionOption {
  engineerId: number;
  engineerName: string;
  /** Where on the route (0 = first). */
  position: number;
  eta: string;
  late: boolean;
  extraKm: number;
}

export interface PartnerOption {
  shopId: number;
  shopName: string;
  fee: number;
  /** Fee plus the expected lateness penalty, as the planner weighs it. */
  cost: number;
}

/** Where a ticket could go, and what taking it off its current route would break there (none when it can leave). */
export interface InsertionChoices {
  engineers: InsertionOption[];
  partner: PartnerOption | null;
  leaving: RouteViolation[];
}

export interface PublishResult {
  scheduled: number;
  handedOff: number;
}

/** The assignment without one ticket (it becomes unassigned). */
export function removeTicket(assignment: DispatchAssignment, ticketId: number): DispatchAssignment {
  return {
    routes: assignment.routes.map((r) => ({ ...r, ticketIds: r.ticketIds.filter((id) => id !== ticketId) })).filter((r) => r.ticketIds.length > 0),
    partners: assignment.partners.map((p) => ({ ...p, ticketIds: p.ticketIds.filter((id) => id !== ticketId) })).filter((p) => p.ticketIds.length > 0),
    locked: assignment.locked.filter((id) => id !== ticketId),
  };
}

/** The assignment with one ticket moved onto an engineer's route at a position, or to a shop (wherever it was before). */
export function moveTicket(assignment: DispatchAssignment, ticketId: number, target: { engineerId: number; position: number } | { shopId: number }): DispatchAssignment {
  const { routes, partners, locked } = removeTicket(assignment, ticketId);
  const keepLock = assignment.locked.includes(ticketId) ? [...locked, ticketId] : locked;
  if ('engineerId' in target) {
    const route = routes.find((r) => r.engineerId === target.engineerId);
    const ticketIds = route ? [...route.ticketIds.slice(0, target.position), ticketId, ...route.ticketIds.slice(target.position)] : [ticketId];
    return { routes: [...routes.filter((r) => r !== route), { engineerId: target.engineerId, ticketIds }], partners, locked: keepLock };
  }
  const shop = partners.find((p) => p.shopId === target.shopId);
  return { routes, partners: [...partners.filter((p) => p !== shop), { shopId: target.shopId, ticketIds: [...(shop?.ticketIds ?? []), ticketId] }], locked };
}
