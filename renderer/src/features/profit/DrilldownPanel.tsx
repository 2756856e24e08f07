import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n/I18n';
import { ServerTable } from './ServerTable';

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
