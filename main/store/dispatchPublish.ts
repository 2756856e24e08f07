// Publishing a day's plan: tickets on engineers' routes become scheduled (engineer and ETA), tickets handed to
// partner shops become assigned to the shop, in one transaction with an audit entry per ticket.
import type { TicketStatus } from '../../shared/domain';
import { canTransition } from '../../shared/domain';
import type { PublishResult } from '../../shared/dispatch';
import { FieldError } from '../api/errors';
import { appendAudit } from './audit';
import { writeTransaction, type Db } from './db';

export interface Publication {
  routes: Array<{ engineerId: number; stops: Array<{ ticketId: number; eta: string }> }>;
  partners: Array<{ shopId: number; ticketIds: number[] }>;
}

/** The published assignment names a ticket that does not exist or whose state forbids the change. */
export class PublishError extends FieldError {
  override name = 'PublishError';
  constructor(message: string) {
    super(message, 'assignment');
  }
}

export function publishDay(db: Db, publication: Publication, change: { actor: string; at: string }): PublishResult {
  return writeTransaction(db, () => {
    const statusOf = db.prepare('SELECT status FROM tickets WHERE id = ?').pluck();
    const update = db.prepare(
      'UPDATE tickets SET status = @status, engineer_id = @engineerId, partner_shop_id = @shopId, scheduled_eta = @eta WHERE id = @id',
    );
    const move = (ticketId: number, to: TicketStatus, fields: { engineerId: number | null; shopId: number | null; eta: string | null }) => {
      const from = statusOf.get(ticketId) as TicketStatus | undefined;
      if (!from) throw new PublishError(`No ticket ${ticketId}`);
      if (from !== to && !canTransition(from, to)) throw new PublishError(`Ticket ${ticketId} is ${from} and cannot become ${to}; re-plan without it.`);
      update.run({ id: ticketId, status: to, ...fields });
      appendAudit(db, { actor: change.actor, action: 'publish', entity: 'ticket', entityId: ticketId, detail: { from, to, ...fields, at: change.at } });
    };
    let scheduled = 0;
    let handedOff = 0;
    for (const route of publication.routes) {
      for (const stop of route.stops) {
        move(stop.ticketId, 'scheduled', { engineerId: route.engineerId, shopId: null, eta: stop.eta });
        scheduled++;
      }
    }
    for (const shop of publication.partners) {
      for (const ticketId of shop.ticketIds) {
        move(ticketId, 'assigned', { engineerId: null, shopId: shop.shopId, eta: null });
        handedOff++;
      }
    }
    return { scheduled, handedOff };
  });
}
