import { beforeEach, describe, expect, it } from 'vitest';
import { generateDemo } from '../demo/generator';
import { listAudit } from './audit';
import { openDatabase, type Db } from './db';
import { pnlReport } from '../finance/report';
import { changeTicketStatus } from './tickets';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  generateDemo(db, { today: '2026-11-25', closedTickets: 500, openTickets: 50 });
});

const statusOf = (id: number) => db.prepare('SELECT status, resolved_at, closed_at FROM tickets WHERE id = ?').get(id) as { status: string; resolved_at: string | null; closed_at: string | null };

describe('ticket lifecycle', () => {
  it('walks new → assigned → scheduled → in progress → resolved → closed, auditing each step', () => {
    const id = db.prepare("SELECT id FROM tickets WHERE status = 'new' LIMIT 1").pluck().get() as number;
    for (const to of ['assigned', 'scheduled', 'in_progress', 'resolved', 'closed'] as const) changeTicketStatus(db, id, to, { actor: 'dispatcher', at: '2026-11-25 15:00' });
    expect(statusOf(id)).toEqual({ status: 'closed', resolved_at: '2026-11-25 15:00', closed_at: '2026-11-25 15:00' });
    const trail = listAudit(db, 5).filter((e) => e.entity === 'ticket' && e.entityId === String(id));
    expect(trail.map((e) => e.detail.to)).toEqual(['closed', 'resolved', 'in_progress', 'scheduled', 'assigned']);
  });

  it('refuses a jump the lifecycle does not allow, and changes nothing', () => {
    const id = db.prepare("SELECT id FROM tickets WHERE status = 'new' LIMIT 1").pluck().get() as number;
    const auditBefore = listAudit(db, 1000).length;
    expect(() => changeTicketStatus(db, id, 'closed', { actor: 'x', at: '2026-11-25 15:00' })).toThrow(/cannot go from new to closed/);
    expect(statusOf(id).status).toBe('new');
    expect(listAudit(db, 1000)).toHaveLength(auditBefore);
  });

  it('reopening a closed ticket takes it out of the P&L, closing again puts it back', () => {
    const id = db.prepare("SELECT id FROM tickets WHERE status = 'closed' AND closed_at >= '2026-06' LIMIT 1").pluck().get() as number;
    const month = (statusOf(id).closed_at as string).slice(0, 7);
    const tickets = () => pnlReport(db, month, month).total.tickets;
    const before = tickets();
    changeTicketStatus(db, id, 'reopened', { actor: 'x', at: '2026-11-25 10:00' });
    expect(tickets()).toBe(before - 1);
    changeTicketStatus(db, id, 'resolved', { actor: 'x', at: '2026-11-25 11:00' });
    changeTicketStatus(db, id, 'closed', { actor: 'x', at: '2026-11-25 12:00' });
    expect(pnlReport(db, '2026-11', '2026-11').provinces.some((p) => p.tickets > 0)).toBe(true);
  });
});
