import type { ServerFigures } from '../../../../shared/finance';
import { formatCny, formatPercent } from '../../../../shared/format';
import { useI18n } from '../../i18n/I18n';

/** Engineers or partner shops of a province with what they served in the period. */
export function ServerTable({ rows, testId }: { rows: ServerFigures[]; testId: string }) {
  const { t, locale } = useI18n();
  return (
    <table className="data-table compact" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('drill.name')}</th>
          <th className="num">{t('pnl.tickets')}</th>
          <th className="num">{t('pnl.revenue')}</th>
          <th className="num">{t('pnl.cost')}</th>
          <th className="num">{t('pnl.profit')}</th>
          <th className="num">{t('pnl.fcr')}</th>
          <th className="num">{t('pnl.sla')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{r.name}</td>
            <td className="num">{r.tickets}</td>
            <td className="num">{formatCny(r.revenue, locale)}</td>
            <td className="num">{formatCny(r.cost, locale)}</td>
            <td className={r.profit < 0 ? 'num negative' : 'num'}>{formatCny(r.profit, locale)}</td>
            <td className="num">{r.tickets > 0 ? formatPercent(r.fcr, locale) : '—'}</td>
            <td className="num">{r.tickets > 0 ? formatPercent(r.slaAttainment, locale) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
