import type { PnlReport } from '../../../../shared/finance';
import { useI18n } from '../../i18n/I18n';
import { localName } from '../../i18n/localName';

/** One side of a comparison: a province and a period. */
export interface Side {
  adcode: string;
  from: string;
  to: string;
}

export function SidePicker({ side, onChange, report, testId }: { side: Side; onChange(side: Side): void; report: PnlReport; testId: string }) {
  const { locale } = useI18n();
  return (
    <div className="side-picker" data-testid={testId}>
      <select value={side.adcode} onChange={(e) => onChange({ ...side, adcode: e.target.value })}>
        {report.provinces.map((p) => (
          <option key={p.adcode} value={p.adcode}>
            {localName(p, locale)}
          </option>
        ))}
      </select>
      <input type="month" value={side.from} onChange={(e) => e.target.value && onChange({ ...side, from: e.target.value })} aria-label="from" />
      <span>–</span>
      <input type="month" value={side.to} onChange={(e) => e.target.value && onChange({ ...side, to: e.target.value })} aria-label="to" />
    </div>
  );
}
