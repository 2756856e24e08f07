// A day's dispatch plan as the core returns it to the command line and the renderer.
import type { JobStatus } from './jobs';

/** Why a ticket is not on an engineer's route: found by checking each constraint class in turn. */
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
}

export interface DispatchPlan {
  date: string;
  routes: Array<{ engineerId: number; engineerName: string; stops: PlannedStop[]; lunch: string | null; travelMinutes: number; travelKm: number; back: string }>;
  partners: Array<{ shopId: number; shopName: string; ticketIds: number[]; reasons: Array<{ ticketId: number; reason: UnassignedReason }> }>;
  unassigned: Array<{ ticketId: number; reason: UnassignedReason }>;
  objective: number;
}

export type PlanResult = DispatchPlan & { iterations: number; elapsedMs: number };
export type PlanJobStatus = JobStatus<PlanResult>;
