import type { CostKind, CustomerTier, OpenTicket, RevenueKind, SlaTier, TicketStatus } from '../../shared/domain';
import { formatLocal, parseLocal } from '../../shared/time';
import { listSlaRules, slaRuleFor, type RegionFilter } from './reference';
import { canTransition, OPEN_TICKET_STATUSES } from '../../shared/domain';
import { NotFoundError } from '../api/errors';
import { appendAudit } from './audit';
import { writeTransaction, type Db } from './db';
import { toFen } from './money';

export interface NewVisit {
  visitNo: number;
  engineerId: number | null;
  partnerShopId: number | null;
  startedAt: string;
  endedAt: string;
  travelKm: number;
  outcome: 'fixed' | 'revisit_needed' | 'parts_pending';
}

/** A ticket with everything that hangs off it; written in one go so that a ticket never exists half-recorded. */
export interface NewTicket {
  externalId: string;
  customerId: number;
  provinceAdcode: string;
  productLine: string;
  fault: string;
  slaTier: SlaTier;
  createdAt: string;
  slaDueAt: string;
  requiredSkills: string[];
  estimatedMinutes: number;
  windowStart: string | null;
  windowEnd: string | null;
  status: TicketStatus;
  engineerId: number | null;
  partnerShopId: number | null;
  respondedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  firstTimeFix: boolean | null;
  slaMet: boolean | null;
  visits: NewVisit[];
  revenue: Array<{ kind: RevenueKind; amount: number }>;
  costs: Array<{ kind: CostKind; amount: number }>;
}

const asFlag = (value: boolean | null) => (value == null ? null : value ? 1 : 0);

/** Prepared once per connection: the demo generator and importers write tens of thousands of tickets. */
export function ticketWriter(db: Db): (t: NewTicket) => number {
  const ticket = db.prepare(
    `INSERT INTO tickets (external_id, customer_id, province_adcode, product_line, fault, sla_tier, created_at, sla_due_at,
       required_skills, estimated_minutes, window_start, window_end, status, engineer_id, partner_shop_id,
       responded_at, resolved_at, closed_at, first_time_fix, sla_met)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const visit = db.prepare(
    'INSERT INTO visits (ticket_id, visit_no, engineer_id, partner_shop_id, started_at, ended_at, travel_km, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const revenue = db.prepare('INSERT INTO revenue_lines (ticket_id, kind, amount_fen) VALUES (?, ?, ?)');
  const cost = db.prepare('INSERT INTO cost_lines (ticket_id, kind, amount_fen) VALUES (?, ?, ?)');
  return (t) => {
    const id = Number(
      ticket.run(
        t.externalId,
        t.customerId,
        t.provinceAdcode,
        t.productLine,
        t.fault,
        t.slaTier,
        t.createdAt,
        t.slaDueAt,
        JSON.stringify(t.requiredSkills),
        t.estimatedMinutes,
        t.windowStart,
        t.windowEnd,
        t.status,
        t.engineerId,
        t.partnerShopId,
        t.respondedAt,
        t.resolvedAt,
        t.closedAt,
        asFlag(t.firstTimeFix),
        asFlag(t.slaMet),
      ).lastInsertRowid,
    );
    for (const v of t.visits) visit.run(id, v.visitNo, v.engineerId, v.partnerShopId, v.startedAt, v.endedAt, v.travelKm, v.outcome);
    for (const line of t.revenue) revenue.run(id, line.kind, toFen(line.amount));
    for (const line of t.costs) cost.run(id, line.kind, toFen(line.amount));
    return id;
  };
}

/** SQL list of the open statuses, for `status IN (…)`. */
export const openStatusList = OPEN_TICKET_STATUSES.map((s) => `'${s}'`).join(', ');

interface OpenTicketDbRow {
  id: number;
  external_id: string;
  province_adcode: string;
  customer_name: string;
  address: string;
  customer_tier: OpenTicket['customerTier'];
  lng: number;
  lat: number;
  product_line: string;
  fault: string;
  sla_tier: SlaTier;
  status: TicketStatus;
  created_at: string;
  sla_due_at: string;
  required_skills: string;
  estimated_minutes: number;
  window_start: string | null;
  window_end: string | null;
}

const OPEN_TICKET_SELECT = `SELECT t.id, t.external_id, t.province_adcode, c.name AS customer_name, c.address, c.tier AS customer_tier, c.lng, c.lat,
       t.product_line, t.fault, t.sla_tier, t.status, t.created_at, t.sla_due_at, t.required_skills, t.estimated_minutes,
       t.window_start, t.window_end
  FROM tickets t JOIN customers c ON c.id = t.customer_id`;
const IN_REGION = `t.status IN (${openStatusList}) AND (@province IS NULL OR t.province_adcode = @province) AND (@city IS NULL OR c.city_id = @city)`;
const regionParams = (filter: RegionFilter) => ({ province: filter.provinceAdcode ?? null, city: filter.cityId ?? null });

const toOpenTicket = (r: OpenTicketDbRow): OpenTicket => ({
  id: r.id,
  externalId: r.external_id,
  provinceAdcode: r.province_adcode,
  customerName: r.customer_name,
  customerTier: r.customer_tier,
  address: r.address,
  location: [r.lng, r.lat],
  productLine: r.product_line,
  fault: r.fault,
  slaTier: r.sla_tier,
  status: r.status,
  createdAt: r.created_at,
  slaDueAt: r.sla_due_at,
  requiredSkills: JSON.parse(r.required_skills) as string[],
  estimatedMinutes: r.estimated_minutes,
  windowStart: r.window_start,
  windowEnd: r.window_end,
});

/** The region's open tickets, most urgent first; `page` takes a slice of them (the API's listing is paged). */
export function listOpenTickets(db: Db, filter: RegionFilter = {}, page?: { limit: number; offset: number }): OpenTicket[] {
  const rows = db
    .prepare(`${OPEN_TICKET_SELECT} WHERE ${IN_REGION} ORDER BY t.sla_due_at, t.id ${page ? 'LIMIT @limit OFFSET @offset' : ''}`)
    .all({ ...regionParams(filter), ...page }) as OpenTicketDbRow[];
  return rows.map(toOpenTicket);
}

/** One open ticket, or null when there is none by that id (or it is no longer open). */
export function openTicket(db: Db, id: number): OpenTicket | null {
  const row = db.prepare(`${OPEN_TICKET_SELECT} WHERE t.id = ? AND t.status IN (${openStatusList})`).get(id) as OpenTicketDbRow | undefined;
  return row ? toOpenTicket(row) : null;
}

/** How many open tickets the region has, by SLA tier: what a summary needs, without loading the tickets. */
export function countOpenTicketsInRegion(db: Db, filter: RegionFilter = {}): { total: number; byTier: Partial<Record<SlaTier, number>> } {
  const rows = db
    .prepare(`SELECT t.sla_tier AS tier, count(*) AS n FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE ${IN_REGION} GROUP BY t.sla_tier`)
    .all(regionParams(filter)) as Array<{ tier: SlaTier; n: number }>;
  return { total: rows.reduce((sum, r) => sum + r.n, 0), byTier: Object.fromEntries(rows.map((r) => [r.tier, r.n])) };
}

export function countOpenTickets(db: Db): number {
  return db.prepare(`SELECT count(*) FROM tickets WHERE status IN (${openStatusList})`).pluck().get() as number;
}

export class TicketTransitionError extends Error {
  override name = 'TicketTransitionError';
}

/**
 * Moves a ticket along its lifecycle (shared/domain TICKET_TRANSITIONS), stamping resolved/closed times, and records
 * the change in the audit log in the same transaction. `at` is local time 'YYYY-MM-DD HH:MM'.
 */
export function changeTicketStatus(db: Db, ticketId: number, to: TicketStatus, change: { actor: string; at: string }): void {
  writeTransaction(db, () => {
    const row = db.prepare('SELECT status FROM tickets WHERE id = ?').get(ticketId) as { status: TicketStatus } | undefined;
    if (!row) throw new TicketTransitionError(`No ticket ${ticketId}`);
    if (!canTransition(row.status, to)) throw new TicketTransitionError(`Ticket ${ticketId} cannot go from ${row.status} to ${to}`);
    db.prepare(
      `UPDATE tickets SET status = @to,
         resolved_at = CASE WHEN @to = 'resolved' THEN @at WHEN @to = 'reopened' THEN NULL ELSE resolved_at END,
         closed_at = CASE WHEN @to = 'closed' THEN @at WHEN @to = 'reopened' THEN NULL ELSE closed_at END
       WHERE id = @id`,
    ).run({ id: ticketId, to, at: change.at });
    appendAudit(db, { actor: change.actor, action: 'status', entity: 'ticket', entityId: ticketId, detail: { from: row.status, to, at: change.at } });
  });
}

export class UnknownCustomerError extends NotFoundError {
  override name = 'UnknownCustomerError';
}

export interface CallInTicket {
  customerId: number;
  productLine: string;
  fault: string;
  slaTier: SlaTier;
  estimatedMinutes: number;
  requiredSkills: string[];
}

/**
 * A ticket taken by phone: created now, its SLA clock from the rules for its tier and the customer's tier, numbered
 * M{date}-{n} so dispatchers can tell it from imported ones. Returns the new ticket's id.
 */
export function createCallInTicket(db: Db, ticket: CallInTicket, change: { actor: string; at: string }): number {
  return writeTransaction(db, () => {
    const customer = db.prepare('SELECT province_adcode AS provinceAdcode, tier FROM customers WHERE id = ?').get(ticket.customerId) as
      | { provinceAdcode: string; tier: CustomerTier }
      | undefined;
    if (!customer) throw new UnknownCustomerError(`No customer ${ticket.customerId}`);
    const rule = slaRuleFor(listSlaRules(db), ticket.slaTier, customer.tier);
    const prefix = `M${change.at.slice(0, 10).replaceAll('-', '')}-`;
    const serial = (db.prepare('SELECT count(*) FROM tickets WHERE external_id LIKE ?').pluck().get(`${prefix}%`) as number) + 1;
    const due = formatLocal(parseLocal(change.at) + Math.round(rule.hours * 60));
    const id = Number(
      db
        .prepare(
          `INSERT INTO tickets (external_id, customer_id, province_adcode, product_line, fault, sla_tier, created_at, sla_due_at, required_skills, estimated_minutes, status)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new')`,
        )
        .run(`${prefix}${String(serial).padStart(4, '0')}`, ticket.customerId, customer.provinceAdcode, ticket.productLine, ticket.fault, ticket.slaTier, change.at, due, JSON.stringify(ticket.requiredSkills), ticket.estimatedMinutes).lastInsertRowid,
    );
    appendAudit(db, { actor: change.actor, action: 'create', entity: 'ticket', entityId: id, detail: { ...ticket } });
    return id;
  });
}
