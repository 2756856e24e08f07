import { formatCny, formatCount } from '../../../../shared/format';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n/I18n';

export function ProfitView() {
  const { t, locale } = useI18n();
  const overviews = useApiQuery('provinces.list', {});
  if (overviews.state === 'loading') return <p className="muted page-message">{t('common.loading')}</p>;
  if (overviews.state === 'error') return <p className="error page-message">{overviews.message}</p>;
  const rows = [...overviews.value].sort((a, b) => b.revenueLast12Months - a.revenueLast12Months);
  const total = rows.reduce(
    (sum, p) => ({
      tickets: sum.tickets + p.ticketsLast12Months,
      revenue: sum.revenue + p.revenueLast12Months,
      cost: sum.cost + p.annualEngineerCost,
      engineers: sum.engineers + p.engineers,
    }),
    { tickets: 0, revenue: 0, cost: 0, engineers: 0 },
  );
  return (
    <div className="page">
      <p className="intro">{t('profit.intro')}</p>
      <table className="data-table" data-testid="profit-table">
        <thead>
          <tr>
            <th>{t('table.province')}</th>
            <th className="num">{t('table.tickets12m')}</th>
            <th className="num">{t('table.revenue12m')}</th>
            <th className="num">{t('table.engineers')}</th>
            <th className="num">{t('table.engineerCost')}</th>
            <th className="num">{t('table.revenuePerEngineer')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.adcode} className={p.engineers > 0 && p.annualEngineerCost > p.revenueLast12Months ? 'row-alert' : undefined}>
              <td>{locale === 'zh-CN' ? p.nameZh : p.nameEn}</td>
              <td className="num">{formatCount(p.ticketsLast12Months, locale)}</td>
              <td className="num">{formatCny(p.revenueLast12Months, locale)}</td>
              <td className="num">{p.engineers}</td>
              <td className="num">{formatCny(p.annualEngineerCost, locale)}</td>
              <td className="num">{p.engineers > 0 ? formatCny(p.revenueLast12Months / p.engineers, locale) : '—'}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td>{t('table.total')}</td>
            <td className="num">{formatCount(total.tickets, locale)}</td>
            <td className="num">{formatCny(total.revenue, locale)}</td>
            <td className="num">{total.engineers}</td>
            <td className="num">{formatCny(total.cost, locale)}</td>
            <td className="num" />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
