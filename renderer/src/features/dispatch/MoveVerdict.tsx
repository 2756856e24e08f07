import type { DispatchAssignment, EvaluatedPlan, RouteViolation } from '../../../../shared/dispatch';
import { useI18n } from '../../i18n/I18n';

/** A move being checked on the core while the job hovers over a row. */
export interface MoveCheck {
  engineerId: number;
  position: number;
  assignment: DispatchAssignment;
  result: EvaluatedPlan | null;
  error: string | null;
}

/** The effect of a move: on the target route, minutes and kilometres against the plan, SLA, and any broken rule. */
export function MoveVerdict({ check, plan, dropped, onDismiss }: { check: MoveCheck; plan: EvaluatedPlan; dropped: boolean; onDismiss(): void }) {
  const { t } = useI18n();
  if (check.error) return <div className="move-verdict bad">{check.error}</div>;
  if (!check.result) return <div className="move-verdict muted">{t('board.checking')}</div>;
  const before = plan.routes.find((r) => r.engineerId === check.engineerId);
  const after = check.result.routes.find((r) => r.engineerId === check.engineerId)!;
  const totalKm = (p: EvaluatedPlan) => p.routes.reduce((sum, r) => sum + r.travelKm, 0);
  const late = (p: EvaluatedPlan) => p.routes.reduce((n, r) => n + r.stops.filter((s) => s.late).length, 0);
  // Any route may break: the target, or the one the job leaves (taking a job out can leave no room for lunch).
  const broken = check.result.routes.filter((r) => r.violations.length > 0);
  const ok = broken.length === 0;
  const signed = (n: number, unit: string) => `${n >= 0 ? '+' : '−'}${Math.abs(Math.round(n * 10) / 10)} ${unit}`;
  return (
    <div className={`move-verdict ${ok ? 'good' : 'bad'}`} data-testid="move-verdict">
      <strong>
        {after.engineerName} #{check.position + 1}
      </strong>{' '}
      {ok ? '✓' : '✗'} {t('board.drive')} {signed(after.travelMinutes - (before?.travelMinutes ?? 0), t('board.minutes'))}, {signed(totalKm(check.result) - totalKm(plan), 'km')} ·{' '}
      {t('board.slaBreaches')} {late(plan)} → {late(check.result)}
      {!ok && <> · {broken.map((r) => `${r.engineerName}: ${r.violations.map((v: RouteViolation) => t(`violation.${v}`)).join('、')}`).join('；')}</>}
      {dropped && (
        <button type="button" className="link" onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}
