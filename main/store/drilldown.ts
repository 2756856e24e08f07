// Per-engineer and per-shop figures inside one province: a direct query over that province's closed tickets.
import type { Db } from './db';

export interface ServerFiguresRow {
  id: number;
  name: string;
  tickets: number;
  first_time_fixes: number;
  sla_met: number;
  revenue_fen: number;
  cost_fen: number;
}

// Only the province's own tickets: a shop that also serves a neighbour's customers counts those there.
const closedIn = `t.province_adcode = @adcode AND t.status = 'closed' AND t.closed_at >= @from AND t.closed_at < @until`;
const ticketRevenue = '(SELECT coalesce(sum(r.amount_fen), 0) FROM revenue_lines r WHERE r.ticket_id = t.id)';
const ticketCost = '(SELECT coalesce(sum(c.amount_fen), 0) FROM cost_lines c WHERE c.ticket_id = t.id)';

/** `from` and `until` are local times: tickets closed at or after `from` and before `until`. */
export function engineerFigures(db: Db, adcode: string, from: string, until: string): Array<ServerFiguresRow & { annual_cost_fen: number }> {
  return db
    .prepare(
      `SELECT e.id, e.name, (e.salary_fen + e.vehicle_fen + e.travel_allowance_fen) AS annual_cost_fen,
              count(t.id) AS tickets, coalesce(sum(t.first_time_fix), 0) AS first_time_fixes, coalesce(sum(t.sla_met), 0) AS sla_met,
              coalesce(sum(${ticketRevenue}), 0) AS revenue_fen, coalesce(sum(${ticketCost}), 0) AS cost_fen
       FROM engineers e LEFT JOIN tickets t ON t.engineer_id = e.id AND ${closedIn}
       WHERE e.province_adcode = @adcode AND e.active = 1 GROUP BY e.id ORDER BY e.id`,
    )
    .all({ adcode, from, until }) as Array<ServerFiguresRow & { annual_cost_fen: number }>;
}

export function shopFigures(db: Db, adcode: string, from: string, until: string): Array<ServerFiguresRow & { status: string }> {
  return db
    .prepare(
      `SELECT s.id, s.name, s.status, count(t.id) AS tickets, coalesce(sum(t.first_time_fix), 0) AS first_time_fixes,
              coalesce(sum(t.sla_met), 0) AS sla_met, coalesce(sum(${ticketRevenue}), 0) AS revenue_fen, coalesce(sum(${ticketCost}), 0) AS cost_fen
       FROM partner_shops s LEFT JOIN tickets t ON t.partner_shop_id = s.id AND ${closedIn}
       WHERE s.province_adcode = @adcode GROUP BY s.id ORDER BY count(t.id) DESC, s.id`,
    )
    .all({ adcode, from, until }) as Array<ServerFiguresRow & { status: string }>;
}
