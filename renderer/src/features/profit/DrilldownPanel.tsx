import type { ServerFigures } from '../../../../shared/finance';
import { formatCny, formatPercent } from '../../../../shared/format';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n/I18n';

function ServerTable({ rows, testId }: { rows: ServerFigures[]; testId: string }) {
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

export function DrilldownPanel({ adcode, from, to, name }: { adcode: string; from: string; to: string; name: string }) {
  const { t } = useI18n();
  const drill = useApiQuery('pnl.drilldown', { adcode, from, to });
  // Shops that served nothing in the period and are not certified (candidates) are the planner's business, not ours.
  const shops = drill.state === 'ready' ? drill.value.shops.filter((s) => s.tickets > 0 || s.status === 'certified') : null;
  return (
    <section className="drilldown" data-testid="drilldown">
      <h3>
        {name} · {t('drill.title')}
      </h3>
      {drill.state === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {drill.state === 'error' && <p className="error">{drill.message}</p>}
      {drill.state === 'ready' && shops && (
        <>
          <h4>{t('drill.engineers')}</h4>
          {drill.value.engineers.length > 0 ? <ServerTable rows={drill.value.engineers} testId="drill-engineers" /> : <p className="muted">{t('drill.noEngineers')}</p>}
          <h4>{t('drill.shops')}</h4>
          {shops.length > 0 ? <ServerTable rows={shops} testId="drill-shops" /> : <p className="muted">{t('drill.noShops')}</p>}
        </>
      )}
    </section>
  );
}
