import type { DragEvent } from 'react';
import { JobProgress } from '../../app/JobProgress';
import { toCsv } from '../../../../shared/csv';
import type { OpenTicket } from '../../../../shared/domain';
import { saveText, saveViewAsPdf } from '../../app/saveFile';
import { useI18n } from '../../i18n/I18n';
import { CallInTicketForm } from './CallInTicketForm';
import { ROUTE_SHEET_HEADERS, routeSheetRows } from './board';
import { TicketActions } from './TicketActions';
import type { PlanEditor } from './usePlanEditor';

interface PlanPanelProps {
  editor: PlanEditor;
  regionAdcode: string;
  tickets: OpenTicket[];
  skills: string[];
  selectedTicket: number | null;
  onSelectTicket(id: number | null): void;
  /** Unassigned and handed-off tickets can be dragged onto an engineer's row of the board. */
  onDragging(ticketId: number | null): void;
  onTicketCreated(ticket: OpenTicket): void;
  /** Whose route sheet to export or print (null: everyone's). */
  sheetEngineer: number | null;
  onSheetEngineer(engineerId: number | null): void;
}

/** The dispatcher's controls for a region's day: optimise, undo/redo, publish, and what to do with one ticket. */
export function PlanPanel({ editor, regionAdcode, tickets, skills, selectedTicket, onSelectTicket, onDragging, onTicketCreated, sheetEngineer, onSheetEngineer }: PlanPanelProps) {
  const draggable = (ticketId: number) => ({
    draggable: true,
    onDragStart: (event: DragEvent) => {
      event.dataTransfer.setData('text/plain', String(ticketId));
      event.dataTransfer.effectAllowed = 'move';
      onDragging(ticketId);
    },
    onDragEnd: () => onDragging(null),
    'data-testid': `list-job-${ticketId}`,
  });
  const { t } = useI18n();
  const { plan, job } = editor;
  const running = job.active;
  const byId = new Map(tickets.map((tk) => [tk.id, tk]));
  const late = plan?.routes.reduce((n, r) => n + r.stops.filter((s) => s.late).length, 0) ?? 0;
  const km = plan?.routes.reduce((n, r) => n + r.travelKm, 0) ?? 0;

  const sheetFor = sheetEngineer === null ? null : plan?.routes.find((r) => r.engineerId === sheetEngineer) ?? null;
  const sheetName = `service-atlas-routes-${plan?.date ?? ''}${sheetFor ? `-${sheetFor.engineerName}` : ''}`;
  const routeSheets = () => {
    if (!plan) return;
    const rows = routeSheetRows(plan, tickets).filter((row) => !sheetFor || row[0] === sheetFor.engineerName);
    saveText(`${sheetName}.csv`, 'text/csv;charset=utf-8', toCsv(ROUTE_SHEET_HEADERS, rows));
  };

  return (
    <section className="plan-panel" data-testid="plan-panel">
      <h3>{t('plan.title')}</h3>
      <div className="plan-actions">
        <button type="button" className="primary" disabled={running} onClick={() => editor.optimise(false)} data-testid="plan-optimise" title="O">
          {t('plan.optimise')}
        </button>
        <button type="button" disabled={running || !plan} onClick={() => editor.optimise(true)} data-testid="plan-reoptimise" title="R">
          {t('plan.reoptimise')}
        </button>
        <button type="button" disabled={!editor.canUndo || running} onClick={editor.undo} data-testid="plan-undo" title="Ctrl+Z">
          ↶
        </button>
        <button type="button" disabled={!editor.canRedo || running} onClick={editor.redo} data-testid="plan-redo" title="Ctrl+Y">
          ↷
        </button>
      </div>
      {running && (
        <div className="plan-progress">
          <JobProgress status={job.status} testId="plan-progress" />
          <button type="button" onClick={job.cancel} data-testid="plan-cancel">
            {t('plan.cancel')}
          </button>
        </div>
      )}
      {editor.error && <p className="error">{editor.error}</p>}
      {plan && (
        <>
          <p className="plan-summary" data-testid="plan-summary">
            {t('plan.routes')} {plan.routes.length} · {Math.round(km)} km · {t('plan.late')} {late} · {t('plan.partners')} {plan.partners.reduce((n, p) => n + p.ticketIds.length, 0)} · {t('plan.unassigned')}{' '}
            {plan.unassigned.length}
          </p>
          <div className="plan-actions">
            <button type="button" className="primary" disabled={running || !plan.feasible} onClick={editor.publish} data-testid="plan-publish">
              {t('plan.publish')}
            </button>
            <select value={sheetEngineer ?? ''} onChange={(e) => onSheetEngineer(e.target.value ? Number(e.target.value) : null)} data-testid="route-sheet-engineer">
              <option value="">{t('plan.allEngineers')}</option>
              {plan.routes.map((r) => (
                <option key={r.engineerId} value={r.engineerId}>
                  {r.engineerName}
                </option>
              ))}
            </select>
            <button type="button" onClick={routeSheets} data-testid="plan-route-sheets">
              {t('plan.routeSheets')}
            </button>
            <button type="button" onClick={() => void saveViewAsPdf(`${sheetName}.pdf`)}>
              PDF
            </button>
          </div>
          {!plan.feasible && (
            <p className="error small" data-testid="plan-broken">
              {t('plan.broken')}{' '}
              {plan.routes
                .filter((r) => r.violations.length > 0)
                .map((r) => `${r.engineerName}: ${r.violations.map((v) => t(`violation.${v}`)).join('、')}`)
                .join('；')}
            </p>
          )}
          {editor.published && (
            <p className="success" data-testid="plan-published">
              {t('plan.published')} {editor.published.scheduled} / {editor.published.handedOff}
            </p>
          )}
          <CallInTicketForm regionAdcode={regionAdcode} skills={skills} onCreated={onTicketCreated} />
          {selectedTicket !== null && byId.has(selectedTicket) && <TicketActions editor={editor} ticket={byId.get(selectedTicket)!} onDone={() => onSelectTicket(null)} />}
          <h3>
            {t('plan.unassignedTitle')} ({plan.unassigned.length + plan.partners.reduce((n, p) => n + p.ticketIds.length, 0)})
          </h3>
          <ul className="compact-list unassigned-list" data-testid="unassigned-list">
            {plan.unassigned.map((u) => (
              <li key={u.ticketId} {...draggable(u.ticketId)}>
                <button type="button" className="link" onClick={() => onSelectTicket(u.ticketId)}>
                  {byId.get(u.ticketId)?.externalId}
                </button>{' '}
                <span className="reason bad">{t(`reason.${u.reason}`)}</span>
              </li>
            ))}
            {plan.partners.flatMap((p) =>
              p.ticketIds.map((id) => (
                <li key={id} {...draggable(id)}>
                  <button type="button" className="link" onClick={() => onSelectTicket(id)}>
                    {byId.get(id)?.externalId}
                  </button>{' '}
                  → {p.shopName} <span className="reason muted">{t(`reason.${p.reasons.find((r) => r.ticketId === id)?.reason ?? 'cheaper_with_partner'}`)}</span>
                </li>
              )),
            )}
          </ul>
        </>
      )}
    </section>
  );
}
