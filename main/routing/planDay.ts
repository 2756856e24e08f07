// Planning a region's day from the store: its open tickets, its engineers and its certified partner shops.
import type { Db } from '../store/db';
import { listEngineers } from '../store/engineers';
import { listPartnerShops } from '../store/partners';
import { listOpenTickets } from '../store/tickets';
import { buildDispatchProblem, dispatchPoints, toDispatchPlan, type DispatchDay, type DispatchPlan } from './dispatchDay';
import { solveVrptw, type SolveOptions } from './sisr';
import { AREA_SPEED_KMH, areaTypeOf, GreatCircleTravel, type TravelProvider } from './travel';

export interface PlanRequest {
  regionAdcode: string;
  date: string;
  /** When planning starts; by default 08:00 on the day. */
  now?: string;
  travel?: TravelProvider;
  solve?: Pick<SolveOptions, 'timeLimitMs' | 'maxIterations' | 'seed' | 'onProgress' | 'shouldStop'>;
}

export function loadDispatchDay(db: Db, regionAdcode: string, date: string, now = `${date} 08:00`): DispatchDay {
  return {
    date,
    now,
    engineers: listEngineers(db, { provinceAdcode: regionAdcode }),
    tickets: listOpenTickets(db, { provinceAdcode: regionAdcode }),
    shops: listPartnerShops(db, { provinceAdcode: regionAdcode }).filter((s) => s.status === 'certified'),
  };
}

export async function planDay(db: Db, request: PlanRequest): Promise<DispatchPlan & { iterations: number; elapsedMs: number }> {
  const day = loadDispatchDay(db, request.regionAdcode, request.date, request.now);
  const travel = request.travel ?? new GreatCircleTravel(AREA_SPEED_KMH[areaTypeOf(request.regionAdcode)]);
  const model = buildDispatchProblem(day, await travel.matrix(dispatchPoints(day)));
  const result = solveVrptw(model.problem, { seed: 1, ...request.solve });
  return { ...toDispatchPlan(model, result), iterations: result.iterations, elapsedMs: Math.round(result.elapsedMs) };
}
