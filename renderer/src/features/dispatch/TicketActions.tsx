import { useEffect, useState } from 'react';
import type { InsertionChoices } from '../../../../shared/dispatch';
import type { OpenTicket } from '../../../../shared/domain';
import { useI18n } from '../../i18n/I18n';
import { assignmentOfPlan, moveTicket, toggleLocks, withLockToggled } from './board';
import type { PlanEditor } from './usePlanEditor';

/** One ticket: lock or free it (or its whole route), see the three best places for it, or hand it to a partner. */
export function TicketActions({ editor, ticket, onDone }: { editor: PlanEditor; ticket: OpenTicket; onDone(): void }) {
  const { t } = useI18n();
  const plan = editor.plan!;
  const [loaded, setOptions] = useState<({ ticketId: number } & InsertionChoices) | null>(null);
  // Options fetched for another ticket (the dispatcher clicked on) are never shown for this one.
  const options = loaded?.ticketId === ticket.id ? loaded : null;
  const [error, setError] = useState<string | null>(null);
  const route = plan.routes.find((r) => r.stops.some((s) => s.ticketId === ticket.id));
  const locked = route?.stops.find((s) => s.ticketId === ticket.id)?.locked ?? false;
  useEffect(() => {
    setOptions(null);
    setError(null);
    editor.insertions(ticket.id).then((found) => setOptions({ ticketId: ticket.id, ...found }), (e: unknown) => setError((e as Error).message));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fetched again when the ticket or the plan changes
  }, [ticket.id, plan]);
  const assignment = assignmentOfPlan(plan);

  return (
    <div className="ticket-actions" data-testid="ticket-actions">
      <h3>
        {ticket.externalId} · {ticket.customerName}
      </h3>
      <p className="muted small">
        {t(`legend.${ticket.slaTier}`)} · SLA {ticket.slaDueAt.slice(5)} · {ticket.estimatedMinutes} min
      </p>
      {route && (
        <div className="plan-actions">
          <button type="button" onClick={() => editor.apply(withLockToggled(plan, ticket.id))} data-testid="ticket-lock" title="L">
            {locked ? t('plan.unlock') : t('plan.lock')}
          </button>
          <button type="button" onClick={() => editor.apply(toggleLocks(assignment, route.stops.map((s) => s.ticketId), true))} data-testid="route-lock">
            {t('plan.lockRoute')}
          </button>
        </div>
      )}
      {error && <p className="error">{error}</p>}
      {options && options.leaving.length > 0 && route && (
        <p className="error small" data-testid="leaving-warning">
          {t('plan.leaving')} {route.engineerName}: {options.leaving.map((v) => t(`violation.${v}`)).join('、')}
        </p>
      )}
      {options && (
        <ul className="compact-list" data-testid="insertion-options" data-ticket={ticket.id}>
          {options.engineers.map((o) => (
            <li key={o.engineerId} data-testid="insertion-option" data-engineer={o.engineerId} data-position={o.position} data-eta={o.eta}>
              <button type="button" className="link" onClick={() => editor.apply(moveTicket(assignment, ticket.id, { engineerId: o.engineerId, position: o.position }))}>
                {o.engineerName} #{o.position + 1}
              </button>{' '}
              <span className="muted small">
                {t('plan.eta')} {o.eta.slice(11)} · +{o.extraKm} km{o.late ? ` · ${t('board.late')}` : ''}
              </span>
            </li>
          ))}
          {options.partner && (
            <li>
              <button
                type="button"
                className="link"
                onClick={() => {
                  editor.apply(moveTicket(assignment, ticket.id, { shopId: options.partner!.shopId }));
                  onDone();
                }}
                data-testid="hand-to-partner"
              >
                {t('plan.handTo')} {options.partner.shopName}
              </button>{' '}
              <span className="muted small">¥{options.partner.fee}</span>
            </li>
          )}
          {options.engineers.length === 0 && !options.partner && <li className="muted">{t('plan.noPlace')}</li>}
        </ul>
      )}
    </div>
  );
}
