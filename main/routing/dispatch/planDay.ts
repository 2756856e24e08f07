// Planning a region's day from the store: its open tickets, its engineers and its certified partner shops.
import { MAX_PLANNED_TICKETS, type DispatchAssignment, type PlanResult } from '../../../shared/dispatch';
import type { Db } from '../../store/db';
import type { RegionFilter } from '../../store/reference';
import { listEngineers } from '../../store/engineers';
import { listPartnerShops } from '../../store/partners';
import { countOpenTicketsInRegion, listOpenTickets } from '../../store/tickets';
import { FieldError } from '../../api/errors';
import { buildDispatchProblem, dispatchPoints, withLocks, type DispatchDay, type DispatchModel } from './dispatchDay';
import { evaluateAssignment, locksOf, toSolution } from './draftPlan';
import type { RoutingSolution } from '../solver/problem';
import { solveOnCores } from '../parallel/parallelSolve';
import type { SolveOptions } from '../solver/sisr';
import { AREA_SPEED_KMH, areaTypeOf, GreatCircleTravel, type TravelProvider } from './travel';

export interface PlanRequest {
  regionAdcode: string;
  /** Plan one city of the province only. */
  cityId?: number | undefined;
  date: string;
  /** When planning starts; by default 08:00 on the day. */
  now?: string;
  travel?: TravelProvider;
  /** Re-optimise from this plan: its locked tickets stay where they are, the rest may move. */
  initial?: DispatchAssignment;
  solve?: Pick<SolveOptions, 'timeLimitMs' | 'maxIterations' | 'seed' | 'onProgress' | 'shouldStop'>;
}

/** The region has more open tickets than a day's plan holds: the field to change is the region (or its city). */
export class RegionTooLargeError extends FieldError {
  override name = 'RegionTooLargeError';
}

/** Refuses a region too large for one day's plan; one count query, whatever the region's size. */
export function checkPlannable(db: Db, region: RegionFilter): void {
  const open = countOpenTicketsInRegion(db, region).total;
  if (open > MAX_PLANNED_TICKETS) {
    const field = region.cityId === undefined ? 'regionAdcode' : 'cityId';
    const advice = region.cityId === undefined ? 'choose one of its cities' : 'close or hand off some of them first';
    throw new RegionTooLargeError(`The region has ${open} open tickets; a day's plan holds at most ${MAX_PLANNED_TICKETS}: ${advice}.`, field);
  }
}

export function loadDispatchDay(db: Db, region: RegionFilter, date: string, now = `${date} 08:00`): DispatchDay {
  checkPlannable(db, region);
  return {
    date,
    now,
    engineers: listEngineers(db, region),
    tickets: listOpenTickets(db, region),
    shops: listPartnerShops(db, region).filter((s) => s.status === 'certified'),
  };
}

/** The region's day as a routing model, with travel times from the provider (great-circle by default). */
export async function loadDispatchModel(db: Db, request: Pick<PlanRequest, 'regionAdcode' | 'cityId' | 'date' | 'now' | 'travel'>): Promise<DispatchModel> {
  const day = loadDispatchDay(db, { provinceAdcode: request.regionAdcode, cityId: request.cityId }, request.date, request.now);
  const travel = request.travel ?? new GreatCircleTravel(AREA_SPEED_KMH[areaTypeOf(request.regionAdcode)]);
  return buildDispatchProblem(day, await travel.matrix(dispatchPoints(day)));
}

/** The solver's answer in the dispatcher's terms (ticket, engineer and shop ids). */
export function assignmentOf(model: DispatchModel, solution: Pick<RoutingSolution, 'routes' | 'partnerJobs'>, locked: number[] = []): DispatchAssignment {
  const { day } = model;
  return {
    routes: solution.routes.flatMap((jobs, v) => (jobs.length === 0 ? [] : [{ engineerId: day.engineers[v]!.id, ticketIds: jobs.map((j) => day.tickets[j]!.id) }])),
    partners: solution.partnerJobs.flatMap((jobs, p) => (jobs.length === 0 ? [] : [{ shopId: day.shops[p]!.id, ticketIds: jobs.map((j) => day.tickets[j]!.id) }])),
    locked,
  };
}

export async function planDay(db: Db, request: PlanRequest): Promise<PlanResult> {
  const loaded = await loadDispatchModel(db, request);
  // Checked first (toSolution refuses a plan that does not fit the day, naming the field), then its locks applied.
  const initial = request.initial ? toSolution(loaded, request.initial) : undefined;
  const model = request.initial ? withLocks(loaded, locksOf(request.initial)) : loaded;
  const result = await solveOnCores(model.problem, { seed: 1, ...request.solve, ...(initial ? { initial } : {}) });
  const plan = evaluateAssignment(model, assignmentOf(model, result, request.initial?.locked ?? []));
  return { ...plan, objective: Math.round(result.cost * 100) / 100, iterations: result.iterations, elapsedMs: Math.round(result.elapsedMs) };
}
