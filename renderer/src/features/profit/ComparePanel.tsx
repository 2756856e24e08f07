import { useState } from 'react';
import type { PnlFigures, PnlReport } from '../../../../shared/finance';
import { formatCny, formatPercent, type Locale } from '../../../../shared/format';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';
import { SidePicker, type Side } from './SidePicker';

const ROWS: Array<{ label: MessageKey; value(f: PnlFigures): number; money: boolean; higherIsBetter: boolean }> = [
  { label: 'pnl.revenue', value: (f) => f.revenue, money: true, higherIsBetter: true },
  { label: 'pnl.cost', value: (f) => f.cost, money: true, higherIsBetter: false },
  { label: 'pnl.profit', value: (f) => f.profit, money: true, higherIsBetter: true },
  { label: 'pnl.margin', value: (f) => f.margin, money: false, higherIsBetter: true },
  { label: 'pnl.fcr', value: (f) => f.fcr, money: false, higherIsBetter: true },
  { label: 'pnl.sla', value: (f) => f.slaAttainment, money: false, higherIsBetter: true },
  { label: 'pnl.revenuePerEngineer', value: (f) => f.revenuePerEngineer, money: true, higherIsBetter: true },
  { label: 'pnl.partnerShare', value: (f) => f.partnerShare, money: false, higherIsBetter: false },
];

const show = (value: number, money: boolean, locale: Locale) => (money ? formatCny(value, locale) : formatPercent(value, locale));

/** Two provinces, or one province in two periods, side by side with the differences. */
export function ComparePanel({ report, initialAdcode }: { report: PnlReport; initialAdcode: string }) {
  const { t, locale } = useI18n();
  const [a, setA] = useState<Side>({ adcode: initialAdcode, from: report.from, to: report.to });
  const [b, setB] = useState<Side>({ adcode: report.provinces.find((p) => p.adcode !== initialAdcode)?.adcode ?? initialAdcode, from: report.from, to: report.to });
  const left = useApiQuery('pnl.report', a.from <= a.to ? { from: a.from, to: a.to } : null);
  const right = useApiQuery('pnl.report', b.from <= b.to ? { from: b.from, to: b.to } : null);
  const figuresOf = (loaded: typeof left, side: Side) => (loaded.state === 'ready' ? loaded.value.provinces.find((p) => p.adcode === side.adcode) : undefined);
  const fa = figuresOf(left, a);
  const fb = figuresOf(right, b);
  return (
    <div className="compare" data-testid="compare">
      <div className="compare-pickers">
        <SidePicker side={a} onChange={setA} report={report} testId="compare-a" />
        <span className="vs">vs</span>
        <SidePicker side={b} onChange={setB} report={report} testId="compare-b" />
      </div>
      {fa && fb ? (
        <table className="data-table compare-table">
          <thead>
            <tr>
              <th />
              <th className="num">A</th>
              <th className="num">B</th>
              <th className="num">{t('compare.delta')}</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => {
              const delta = row.value(fb) - row.value(fa);
              const better = delta === 0 ? '' : delta > 0 === row.higherIsBetter ? 'delta-better' : 'delta-worse';
              return (
                <tr key={row.label}>
                  <td>{t(row.label)}</td>
                  <td className="num">{show(row.value(fa), row.money, locale)}</td>
                  <td className="num">{show(row.value(fb), row.money, locale)}</td>
                  <td className={`num ${better}`} data-testid={`delta-${row.label}`}>
                    {delta > 0 ? '+' : ''}
                    {show(delta, row.money, locale)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </div>
  );
}
