// Reads of the province × month P&L roll-up (migration 2), and the bulk-load switch that defers its triggers.
import { writeTransaction, type Db } from './db';

export interface RollupRow {
  province_adcode: string;
  month: string;
  tickets: number;
  direct_tickets: number;
  partner_tickets: number;
  first_time_fixes: number;
  urgent_tickets: number;
  urgent_sla_met: number;
  regular_tickets: number;
  regular_sla_met: number;
  complex_tickets: number;
  complex_sla_met: number;
  revenue_parts_fen: number;
  revenue_paid_repair_fen: number;
  revenue_extended_warranty_fen: number;
  revenue_value_added_fen: number;
  direct_revenue_fen: number;
  cost_parts_fen: number;
  cost_partner_fee_fen: number;
  cost_repeat_visit_fen: number;
  cost_travel_fen: number;
  cost_other_fen: number;
  engineer_service_minutes: number;
  engineer_travel_m: number;
}

/** Months 'YYYY-MM' from `from` to `to` inclusive. */
export function rollupRows(db: Db, from: string, to: string): RollupRow[] {
  return db.prepare('SELECT * FROM pnl_rollup WHERE month BETWEEN ? AND ? ORDER BY province_adcode, month').all(from, to) as RollupRow[];
}

const closedTickets = "t.status = 'closed' AND t.closed_at IS NOT NULL";
const upsert = (columns: string[]) =>
  `ON CONFLICT (province_adcode, month) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`;
const kindSums = (kinds: string[], prefix: string, table: string) =>
  kinds.map((k) => `sum(CASE ${table}.kind WHEN '${k}' THEN ${table}.amount_fen ELSE 0 END) AS ${prefix}_${k}_fen`);

/**
 * Recomputes the whole roll-up from the tickets and their lines: one grouped scan per table rather than the
 * per-ticket view the triggers use (a million tickets take seconds, not minutes). Tests hold the two to the same
 * result.
 */
export function rebuildPnlRollup(db: Db): void {
  const revenueKinds = ['parts', 'paid_repair', 'extended_warranty', 'value_added'];
  const costKinds = ['parts', 'partner_fee', 'repeat_visit', 'travel', 'other'];
  const revenueColumns = [...revenueKinds.map((k) => `revenue_${k}_fen`), 'direct_revenue_fen'];
  const costColumns = costKinds.map((k) => `cost_${k}_fen`);
  writeTransaction(db, () => {
    db.exec('DELETE FROM pnl_rollup');
    db.exec(`
      INSERT INTO pnl_rollup (province_adcode, month, tickets, direct_tickets, partner_tickets, first_time_fixes,
        urgent_tickets, urgent_sla_met, regular_tickets, regular_sla_met, complex_tickets, complex_sla_met)
      SELECT t.province_adcode, substr(t.closed_at, 1, 7), count(*), sum(t.engineer_id IS NOT NULL), sum(t.partner_shop_id IS NOT NULL),
        sum(coalesce(t.first_time_fix, 0)),
        sum(t.sla_tier = 'urgent'), sum(t.sla_tier = 'urgent' AND coalesce(t.sla_met, 0) = 1),
        sum(t.sla_tier = 'regular'), sum(t.sla_tier = 'regular' AND coalesce(t.sla_met, 0) = 1),
        sum(t.sla_tier = 'complex'), sum(t.sla_tier = 'complex' AND coalesce(t.sla_met, 0) = 1)
      FROM tickets t WHERE ${closedTickets} GROUP BY 1, 2;

      INSERT INTO pnl_rollup (province_adcode, month, ${revenueColumns.join(', ')})
      SELECT t.province_adcode, substr(t.closed_at, 1, 7), ${kindSums(revenueKinds, 'revenue', 'r').join(', ')},
        sum(CASE WHEN t.engineer_id IS NOT NULL THEN r.amount_fen ELSE 0 END)
      FROM revenue_lines r JOIN tickets t ON t.id = r.ticket_id WHERE ${closedTickets} GROUP BY 1, 2
      ${upsert(revenueColumns)};

      INSERT INTO pnl_rollup (province_adcode, month, ${costColumns.join(', ')})
      SELECT t.province_adcode, substr(t.closed_at, 1, 7), ${kindSums(costKinds, 'cost', 'c').join(', ')}
      FROM cost_lines c JOIN tickets t ON t.id = c.ticket_id WHERE ${closedTickets} GROUP BY 1, 2
      ${upsert(costColumns)};

      INSERT INTO pnl_rollup (province_adcode, month, engineer_service_minutes, engineer_travel_m)
      SELECT t.province_adcode, substr(t.closed_at, 1, 7),
        sum(CAST(round((julianday(v.ended_at) - julianday(v.started_at)) * 1440) AS INTEGER)), sum(CAST(round(v.travel_km * 1000) AS INTEGER))
      FROM visits v JOIN tickets t ON t.id = v.ticket_id WHERE ${closedTickets} AND v.engineer_id IS NOT NULL GROUP BY 1, 2
      ${upsert(['engineer_service_minutes', 'engineer_travel_m'])};
    `);
  });
}

/**
 * For bulk writes (demo generation, imports): the per-row triggers are switched off while `write` runs and the
 * roll-up is rebuilt once at the end, all in one transaction, so nobody ever sees a stale roll-up.
 */
export function withDeferredRollup<T>(db: Db, write: () => T): T {
  return writeTransaction(db, () => {
    db.prepare('UPDATE pnl_rollup_state SET deferred = 1').run();
    const result = write();
    rebuildPnlRollup(db);
    db.prepare('UPDATE pnl_rollup_state SET deferred = 0').run();
    return result;
  });
}
