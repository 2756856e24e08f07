// The day's plan as a timeline board and as map layers: pure data, unit-tested without a browser.
import type { DispatchAssignment, EvaluatedPlan, RouteViolation } from '../../../../shared/dispatch';
export { moveTicket } from '../../../../shared/dispatch';
import type { Engineer, LngLat, OpenTicket } from '../../../../shared/domain';
import { parseLocal } from '../../../../shared/time';

export type BlockKind = 'travel' | 'wait' | 'service' | 'lunch';

export interface BoardBlock {
  kind: BlockKind;
  /** Minutes after midnight. */
  from: number;
  to: number;
  ticketId?: number;
  late?: boolean;
  locked?: boolean;
  /** 1-based stop number on the route. */
  stop?: number;
}

export interface BoardRow {
  engineerId: number;
  name: string;
  shiftStart: number;
  shiftEnd: number;
  blocks: BoardBlock[];
  violations: RouteViolation[];
  stops: number;
  travelKm: number;
}

const minuteOf = (local: string) => {
  const minutes = parseLocal(local);
  return minutes - Math.floor(minutes / 1440) * 1440;
};

/** One row per engineer of the region (idle ones too, so a job can be dragged onto them), busiest first. */
export function boardRows(plan: EvaluatedPlan | null, engineers: readonly Engineer[]): BoardRow[] {
  const routes = new Map((plan?.routes ?? []).map((r) => [r.engineerId, r]));
  const rows = engineers.map((engineer): BoardRow => {
    const route = routes.get(engineer.id);
    const blocks: BoardBlock[] = [];
    route?.stops.forEach((stop, k) => {
      const eta = minuteOf(stop.eta);
      const start = minuteOf(stop.start);
      blocks.push({ kind: 'travel', from: eta - stop.travelMinutes, to: eta });
      if (start > eta) blocks.push({ kind: 'wait', from: eta, to: start });
      blocks.push({ kind: 'service', from: start, to: minuteOf(stop.etd), ticketId: stop.ticketId, late: stop.late, locked: stop.locked, stop: k + 1 });
    });
    if (route?.lunch) {
      const from = minuteOf(route.lunch);
      blocks.push({ kind: 'lunch', from, to: from + engineer.lunchMinutes });
    }
    return {
      engineerId: engineer.id,
      name: engineer.name,
      shiftStart: engineer.shiftStart,
      shiftEnd: engineer.shiftEnd,
      blocks: blocks.sort((a, b) => a.from - b.from),
      violations: route?.violations ?? [],
      stops: route?.stops.length ?? 0,
      travelKm: route?.travelKm ?? 0,
    };
  });
  return rows.sort((a, b) => b.stops - a.stops || a.name.localeCompare(b.name, 'zh-CN'));
}

/** The hours the board spans: every shift and every block, widened to whole hours. */
export function boardSpan(rows: readonly BoardRow[]): { from: number; to: number } {
  const from = Math.min(8 * 60, ...rows.map((r) => r.shiftStart), ...rows.flatMap((r) => r.blocks.map((b) => b.from)));
  const to = Math.max(18 * 60, ...rows.map((r) => r.shiftEnd), ...rows.flatMap((r) => r.blocks.map((b) => b.to)));
  return { from: Math.floor(from / 60) * 60, to: Math.ceil(to / 60) * 60 };
}

/** Where on the route a job dropped at `minute` goes: after every service that starts before it. */
export function dropPosition(row: BoardRow, minute: number, movingTicketId: number): number {
  return row.blocks.filter((b) => b.kind === 'service' && b.ticketId !== movingTicketId && b.from < minute).length;
}

export function assignmentOfPlan(plan: EvaluatedPlan): DispatchAssignment {
  return {
    routes: plan.routes.map((r) => ({ engineerId: r.engineerId, ticketIds: r.stops.map((s) => s.ticketId) })),
    partners: plan.partners.map((p) => ({ shopId: p.shopId, ticketIds: p.ticketIds })),
    locked: plan.routes.flatMap((r) => r.stops.filter((s) => s.locked).map((s) => s.ticketId)),
  };
}

/** Locks or frees tickets (one, or a whole route). */
export function toggleLocks(assignment: DispatchAssignment, ticketIds: readonly number[], lock: boolean): DispatchAssignment {
  const locked = new Set(assignment.locked);
  for (const id of ticketIds) {
    if (lock) locked.add(id);
    else locked.delete(id);
  }
  return { ...assignment, locked: [...locked] };
}

/** The plan with one ticket's lock flipped (the lock button and the L key). */
export function withLockToggled(plan: EvaluatedPlan, ticketId: number): DispatchAssignment {
  const locked = plan.routes.some((r) => r.stops.some((s) => s.ticketId === ticketId && s.locked));
  return toggleLocks(assignmentOfPlan(plan), [ticketId], !locked);
}

export const ROUTE_COLOURS = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#0891b2', '#dc2626', '#4d7c0f', '#9333ea', '#0d9488'];

/** Route lines (home → stops → home) and numbered stops for the map. */
export function routeGeoJson(plan: EvaluatedPlan, engineers: readonly Engineer[], tickets: readonly OpenTicket[]) {
  const home = new Map(engineers.map((e) => [e.id, e.home]));
  const where = new Map(tickets.map((t) => [t.id, t.location]));
  const colourOf = new Map(plan.routes.map((r, i) => [r.engineerId, ROUTE_COLOURS[i % ROUTE_COLOURS.length]!]));
  const lines = plan.routes.map((r) => {
    const start = home.get(r.engineerId)!;
    const coordinates: LngLat[] = [start, ...r.stops.map((s) => where.get(s.ticketId)!), start];
    return { type: 'Feature' as const, properties: { engineerId: r.engineerId, colour: colourOf.get(r.engineerId)! }, geometry: { type: 'LineString' as const, coordinates } };
  });
  const stops = plan.routes.flatMap((r) =>
    r.stops.map((s, k) => ({ ticketId: s.ticketId, number: k + 1, colour: colourOf.get(r.engineerId)!, late: s.late, location: where.get(s.ticketId)! })),
  );
  return { lines: { type: 'FeatureCollection' as const, features: lines }, stops };
}

export const ROUTE_SHEET_HEADERS = ['工程师 engineer', '序号 stop', '工单 ticket', '客户 customer', '地址 address', '预约 window', '到达 ETA', '离开 ETD', 'SLA截止 due', '故障 fault'];

/** The day's route sheets: one line per stop, for printing or a spreadsheet. */
export function routeSheetRows(plan: EvaluatedPlan, tickets: readonly OpenTicket[]): string[][] {
  const byId = new Map(tickets.map((t) => [t.id, t]));
  return plan.routes.flatMap((r) =>
    r.stops.map((s, k) => {
      const t = byId.get(s.ticketId)!;
      const window = t.windowStart && t.windowEnd ? `${t.windowStart.slice(11)}–${t.windowEnd.slice(11)}` : '';
      return [r.engineerName, String(k + 1), t.externalId, t.customerName, t.address, window, s.eta.slice(11), s.etd.slice(11), t.slaDueAt, t.fault];
    }),
  );
}
