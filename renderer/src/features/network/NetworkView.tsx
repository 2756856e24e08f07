import { formatCount } from '../../../../shared/format';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n/I18n';
import { coverageMode } from './coverageMode';

export function NetworkView() {
  const { t, locale } = useI18n();
  const overviews = useApiQuery('provinces.list', {});
  if (overviews.state === 'loading') return <p className="muted page-message">{t('common.loading')}</p>;
  if (overviews.state === 'error') return <p className="error page-message">{overviews.message}</p>;
  const rows = [...overviews.value].sort((a, b) => b.engineers - a.engineers || b.certifiedShops - a.certifiedShops);
  return (
    <div className="page">
      <p className="intro">{t('network.intro')}</p>
      <table className="data-table" data-testid="network-table">
        <thead>
          <tr>
            <th>{t('table.province')}</th>
            <th>{t('table.coverage')}</th>
            <th className="num">{t('table.engineers')}</th>
            <th className="num">{t('table.shops')}</th>
            <th className="num">{t('table.tickets12m')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => {
            const mode = coverageMode(p);
            return (
              <tr key={p.adcode}>
                <td>{locale === 'zh-CN' ? p.nameZh : p.nameEn}</td>
                <td>
                  <span className={`mode-badge mode-${mode}`}>{t(`mode.${mode}`)}</span>
                </td>
                <td className="num">{p.engineers}</td>
                <td className="num">{p.certifiedShops}</td>
                <td className="num">{formatCount(p.ticketsLast12Months, locale)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
