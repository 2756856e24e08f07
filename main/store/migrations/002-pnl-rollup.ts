// Migration 2: a province × month roll-up of closed tickets for the profit view, kept current by triggers.
// Why: the P&L over a million tickets must answer in well under a second, and scanning tickets with their revenue,
// cost and visit lines takes seconds; the roll-up has one row per province and month.
// A closed ticket counts in the month it was closed. Triggers subtract a ticket's whole contribution before any
// change that can alter it and add it back after, so every path (edits, imports, deletes) keeps the roll-up exact.
// Bulk loads set pnl_rollup_state.deferred = 1, write, and rebuild once (store/pnlRollup.ts).
import type { Migration } from './types';

const REVENUE_KINDS = ['parts', 'paid_repair', 'extended_warranty', 'value_added'];
const COST_KINDS = ['parts', 'partner_fee', 'repeat_visit', 'travel', 'other'];
const TIERS = ['urgent', 'regular', 'complex'];

/** Column name → its value for one ticket `t` (a closed ticket in the view). All integers, so adding and subtracting is exact. */
const MEASURES: Array<[string, string]> = [
  ['tickets', '1'],
  ['direct_tickets', '(t.engineer_id IS NOT NULL)'],
  ['partner_tickets', '(t.partner_shop_id IS NOT NULL)'],
  ['first_time_fixes', 'coalesce(t.first_time_fix, 0)'],
  ...TIERS.flatMap((tier): Array<[string, string]> => [
    [`${tier}_tickets`, `(t.sla_tier = '${tier}')`],
    [`${tier}_sla_met`, `(t.sla_tier = '${tier}' AND coalesce(t.sla_met, 0) = 1)`],
  ]),
  ...REVENUE_KINDS.map((kind): [string, string] => [
    `revenue_${kind}_fen`,
    `(SELECT coalesce(sum(r.amount_fen), 0) FROM revenue_lines r WHERE r.ticket_id = t.id AND r.kind = '${kind}')`,
  ]),
  ['direct_revenue_fen', '(t.engineer_id IS NOT NULL) * (SELECT coalesce(sum(r.amount_fen), 0) FROM revenue_lines r WHERE r.ticket_id = t.id)'],
  ...COST_KINDS.map((kind): [string, string] => [
    `cost_${kind}_fen`,
    `(SELECT coalesce(sum(c.amount_fen), 0) FROM cost_lines c WHERE c.ticket_id = t.id AND c.kind = '${kind}')`,
  ]),
  [
    'engineer_service_minutes',
    '(SELECT coalesce(sum(CAST(round((julianday(v.ended_at) - julianday(v.started_at)) * 1440) AS INTEGER)), 0) FROM visits v WHERE v.ticket_id = t.id AND v.engineer_id IS NOT NULL)',
  ],
  ['engineer_travel_m', '(SELECT coalesce(sum(CAST(round(v.travel_km * 1000) AS INTEGER)), 0) FROM visits v WHERE v.ticket_id = t.id AND v.engineer_id IS NOT NULL)'],
];

const columns = MEASURES.map(([name]) => name);

function applyContribution(sign: '+' | '-', ticketId: string): string {
  return `INSERT INTO pnl_rollup (province_adcode, month, ${columns.join(', ')})
      SELECT province_adcode, month, ${columns.map((c) => `${sign}${c}`).join(', ')} FROM pnl_ticket_contribution WHERE ticket_id = ${ticketId}
      ON CONFLICT (province_adcode, month) DO UPDATE SET ${columns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
}

const ACTIVE = '(SELECT deferred FROM pnl_rollup_state) = 0';

function trigger(name: string, timing: 'BEFORE' | 'AFTER', event: string, table: string, sign: '+' | '-', ticketId: string): string {
  return `CREATE TRIGGER ${name} ${timing} ${event} ON ${table} WHEN ${ACTIVE} BEGIN ${applyContribution(sign, ticketId)} END;`;
}

export const migration002: Migration = {
  version: 2,
  name: 'province-month P&L roll-up',
  up(db) {
    db.exec(`
      CREATE TABLE pnl_rollup (
        province_adcode TEXT NOT NULL REFERENCES provinces(adcode),
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
        ${columns.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(',\n        ')},
        PRIMARY KEY (province_adcode, month)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE pnl_rollup_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        deferred INTEGER NOT NULL CHECK (deferred IN (0, 1))
      ) STRICT;
      INSERT INTO pnl_rollup_state (id, deferred) VALUES (1, 0);

      CREATE VIEW pnl_ticket_contribution AS
        SELECT t.id AS ticket_id, t.province_adcode, substr(t.closed_at, 1, 7) AS month,
          ${MEASURES.map(([name, expr]) => `${expr} AS ${name}`).join(',\n          ')}
        FROM tickets t WHERE t.status = 'closed' AND t.closed_at IS NOT NULL;

      ${trigger('pnl_ticket_insert', 'AFTER', 'INSERT', 'tickets', '+', 'NEW.id')}
      ${trigger('pnl_ticket_update_before', 'BEFORE', 'UPDATE', 'tickets', '-', 'OLD.id')}
      ${trigger('pnl_ticket_update_after', 'AFTER', 'UPDATE', 'tickets', '+', 'NEW.id')}
      ${trigger('pnl_ticket_delete', 'BEFORE', 'DELETE', 'tickets', '-', 'OLD.id')}
      ${['revenue_lines', 'cost_lines', 'visits']
        .map((table) =>
          [
            trigger(`pnl_${table}_insert_before`, 'BEFORE', 'INSERT', table, '-', 'NEW.ticket_id'),
            trigger(`pnl_${table}_insert_after`, 'AFTER', 'INSERT', table, '+', 'NEW.ticket_id'),
            trigger(`pnl_${table}_update_before`, 'BEFORE', 'UPDATE', table, '-', 'OLD.ticket_id'),
            trigger(`pnl_${table}_update_after`, 'AFTER', 'UPDATE', table, '+', 'OLD.ticket_id'),
            trigger(`pnl_${table}_moved_before`, 'BEFORE', 'UPDATE OF ticket_id', table, '-', 'NEW.ticket_id'),
            trigger(`pnl_${table}_moved_after`, 'AFTER', 'UPDATE OF ticket_id', table, '+', 'NEW.ticket_id'),
            trigger(`pnl_${table}_delete_before`, 'BEFORE', 'DELETE', table, '-', 'OLD.ticket_id'),
            trigger(`pnl_${table}_delete_after`, 'AFTER', 'DELETE', table, '+', 'OLD.ticket_id'),
          ].join('\n      '),
        )
        .join('\n      ')}

      CREATE INDEX tickets_closed_by_province ON tickets(province_adcode, closed_at) WHERE status = 'closed';

      INSERT INTO pnl_rollup (province_adcode, month, ${columns.join(', ')})
        SELECT province_adcode, month, ${columns.map((c) => `sum(${c})`).join(', ')} FROM pnl_ticket_contribution GROUP BY province_adcode, month;
    `);
  },
};
