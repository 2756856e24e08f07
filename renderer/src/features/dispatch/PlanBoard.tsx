import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { DispatchAssignment, EvaluatedPlan } from '../../../../shared/dispatch';
import type { Engineer } from '../../../../shared/domain';
import { formatClock } from '../../../../shared/format';
import { useI18n } from '../../i18n/I18n';
import { assignmentOfPlan, boardRows, boardSpan, dropPosition, moveTicket, type BoardRow } from './board';
import { MoveVerdict, type MoveCheck } from './MoveVerdict';

interface Props {
  plan: EvaluatedPlan;
  engineers: Engineer[];
  selectedTicket: number | null;
  onSelectTicket(ticketId: number | null): void;
  evaluate(assignment: DispatchAssignment): Promise<EvaluatedPlan>;
  apply(assignment: DispatchAssignment): void;
  /** The ticket being dragged, from the board or from the list of unassigned and handed-off tickets. */
  dragging: number | null;
  onDragging(ticketId: number | null): void;
}

/** One row per engineer: travel, waiting, work and lunch on a time axis; jobs are dragged between rows and times. */
export function PlanBoard({ plan, engineers, selectedTicket, onSelectTicket, evaluate, apply, dragging, onDragging: setDragging }: Props) {
  const { t } = useI18n();
  const rows = boardRows(plan, engineers);
  const span = boardSpan(rows);
  const [check, setCheck] = useState<MoveCheck | null>(null);
  const checkKey = useRef('');
  // A new drag (from the board or from the list) is checked afresh, even over the same place as the last one.
  useEffect(() => {
    checkKey.current = '';
  }, [dragging]);
  const percent = (minute: number) => `${((minute - span.from) / (span.to - span.from)) * 100}%`;
  const width = (from: number, to: number) => `${(Math.max(to - from, 0) / (span.to - span.from)) * 100}%`;
  const hours = Array.from({ length: (span.to - span.from) / 60 + 1 }, (_, i) => span.from + i * 60);

  const minuteAt = (event: DragEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return span.from + ((event.clientX - box.left) / box.width) * (span.to - span.from);
  };

  /** Checks the move on the core as the job hovers over a row: the verdict is on screen before the drop. */
  const onDragOver = (event: DragEvent<HTMLDivElement>, row: BoardRow) => {
    if (dragging === null) return;
    event.preventDefault();
    const position = dropPosition(row, minuteAt(event), dragging);
    const key = `${row.engineerId}:${position}`;
    if (checkKey.current === key) return;
    checkKey.current = key;
    const assignment = moveTicket(assignmentOfPlan(plan), dragging, { engineerId: row.engineerId, position });
    setCheck({ engineerId: row.engineerId, position, assignment, result: null, error: null });
    evaluate(assignment).then(
      (result) => checkKey.current === key && setCheck((c) => (c ? { ...c, result } : c)),
      (e: unknown) => checkKey.current === key && setCheck((c) => (c ? { ...c, error: (e as Error).message } : c)),
    );
  };

  /** A move that breaks a rule is not made; one whose check is still on its way is made when the check agrees. */
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(null);
    if (!check) return;
    const verdict = check.result ? Promise.resolve(check.result) : evaluate(check.assignment);
    void verdict.then((result) => {
      if (result.routes.every((r) => r.violations.length === 0)) apply(check.assignment);
    }, () => undefined);
  };

  const endDrag = () => setDragging(null);

  return (
    <div className="plan-board" data-testid="plan-board" data-span-from={span.from} data-span-to={span.to}>
      <div className="board-head">
        <div className="board-name" />
        <div className="board-axis">
          {hours.map((h) => (
            <span key={h} className="board-hour" style={{ left: percent(h) }}>
              {formatClock(h)}
            </span>
          ))}
        </div>
      </div>
      {/* The verdict line is always there, so that rows do not move under the pointer when a check appears. */}
      {check ? <MoveVerdict check={check} plan={plan} dropped={dragging === null} onDismiss={() => setCheck(null)} /> : <div className="move-verdict muted">{t('board.dragHint')}</div>}
      <div className="board-rows">
        {rows.map((row) => (
          <div key={row.engineerId} className={`board-row${row.violations.length > 0 ? ' broken' : ''}`} data-testid={`board-row-${row.engineerId}`}>
            <div className="board-name" title={row.violations.map((v) => t(`violation.${v}`)).join(', ')}>
              <strong>{row.name}</strong>
              <span className="muted small">
                {row.stops} · {row.travelKm} km
              </span>
            </div>
            <div className="board-track" onDragOver={(e) => onDragOver(e, row)} onDrop={onDrop}>
              <div className="board-shift" style={{ left: percent(row.shiftStart), width: width(row.shiftStart, row.shiftEnd) }} />
              {row.blocks.map((block, i) =>
                block.kind === 'service' ? (
                  <div
                    key={i}
                    className={`board-block service${block.late ? ' late' : ''}${block.locked ? ' locked' : ''}${block.ticketId === selectedTicket ? ' selected' : ''}`}
                    style={{ left: percent(block.from), width: width(block.from, block.to) }}
                    draggable={!block.locked}
                    onDragStart={(e) => {
                      e.dataTransfer.setData('text/plain', String(block.ticketId));
                      e.dataTransfer.effectAllowed = 'move';
                      setDragging(block.ticketId!);
                    }}
                    onDragEnd={endDrag}
                    onClick={() => onSelectTicket(block.ticketId === selectedTicket ? null : block.ticketId!)}
                    title={`#${block.stop} ${formatClock(block.from)}–${formatClock(block.to)}${block.late ? ` · ${t('board.late')}` : ''}`}
                    data-testid={`board-job-${block.ticketId}`}
                  >
                    {block.locked ? '🔒' : ''}
                    {block.stop}
                  </div>
                ) : (
                  <div key={i} className={`board-block ${block.kind}`} style={{ left: percent(block.from), width: width(block.from, block.to) }} title={`${t(`board.${block.kind}`)} ${formatClock(block.from)}–${formatClock(block.to)}`} />
                ),
              )}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
