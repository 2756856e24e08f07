// A large store for benchmarks: the demo organisation with its year of closed tickets copied over and over (each
// copy a new ticket with its own visits, revenue and cost lines). Raw bulk SQL on purpose: it is a fixture, and
// copying a million tickets row by row through the store's writers would take minutes.
import type { Db } from '../main/store/db';
import { withDeferredRollup } from '../main/store/pnlRollup';

export function copyClosedTickets(db: Db, copies: number): number {
  const source = db.prepare("SELECT max(id) AS maxId, count(*) AS n FROM tickets WHERE status = 'closed'").get() as { maxId: number; n: number };
  const stride = source.maxId + 1_000;
  withDeferredRollup(db, () => {
    for (let k = 1; k <= copies; k++) {
      const offset = k * stride;
      db.prepare(
        `INSERT INTO tickets (id, external_id, customer_id, province_adcode, product_line, fault, sla_tier, created_at, sla_due_at, required_skills,
           estimated_minutes, window_start, window_end, status, engineer_id, partner_shop_id, scheduled_eta, responded_at, resolved_at, closed_at,
           first_time_fix, sla_met)
         SELECT id + @offset, external_id || '-c' || @k, customer_id, province_adcode, product_line, fault, sla_tier, created_at, sla_due_at, required_skills,
           estimated_minutes, window_start, window_end, status, engineer_id, partner_shop_id, scheduled_eta, responded_at, resolved_at, closed_at,
           first_time_fix, sla_met
         FROM tickets WHERE status = 'closed' AND id <= @maxId`,
      ).run({ offset, k, maxId: source.maxId });
      for (const table of ['revenue_lines', 'cost_lines']) {
        db.prepare(`INSERT INTO ${table} (ticket_id, kind, amount_fen) SELECT ticket_id + @offset, kind, amount_fen FROM ${table} WHERE ticket_id <= @maxId`).run({
          offset,
          maxId: source.maxId,
        });
      }
      db.prepare(
        `INSERT INTO visits (ticket_id, visit_no, engineer_id, partner_shop_id, started_at, ended_at, travel_km, outcome)
         SELECT ticket_id + @offset, visit_no, engineer_id, partner_shop_id, started_at, ended_at, travel_km, outcome FROM visits WHERE ticket_id <= @maxId`,
      ).run({ offset, maxId: source.maxId });
    }
  });
  return source.n * (copies + 1);
}
