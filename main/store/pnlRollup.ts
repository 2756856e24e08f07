// Reads of the province × month P&L roll-up (migration 2), and the bulk-load switch that defers its triggers.
import type { Db } from './db';

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

/** Recomputes the whole roll-up from the tickets and their lines. */
export function rebuildPnlRollup(db: Db): void {
  const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('pnl_rollup') as string[]).filter(
    (c) => c !== 'province_adcode' && c !== 'month',
  );
  db.transaction(() => {
    db.exec('DELETE FROM pnl_rollup');
    db.exec(
      `INSERT INTO pnl_rollup (province_adcode, month, ${columns.join(', ')})
       SELECT province_adcode, month, ${columns.map((c) => `sum(${c})`).join(', ')} FROM pnl_ticket_contribution GROUP BY province_adcode, month`,
    );
  })();
}

/**
 * For bulk writes (demo generation, imports): the per-row triggers are switched off while `write` runs and the
 * roll-up is rebuilt once at the end, all in one transaction, so nobody ever sees a stale roll-up.
 */
export function withDeferredRollup<T>(db: Db, write: () => T): T {
  return db.transaction(() => {
    db.prepare('UPDATE pnl_rollup_state SET deferred = 1').run();
    const result = write();
    rebuildPnlRollup(db);
    db.prepare('UPDATE pnl_rollup_state SET deferred = 0').run();
    return result;
  })();
}
