import { formatCny, formatCount, formatPercent } from '../../../../shared/format';
import type { NetworkProvinceResult } from '../../../../shared/network';
import { useI18n } from '../../i18n/I18n';
import { localName } from '../../i18n/localName';

/** Why the plan recommends what it does for one province: its mode, profit, coverage, bases, shops and constraints. */
export function ProvincePanel({ province: p }: { province: NetworkProvinceResult }) {
  const { t, locale } = useI18n();
  const bindingText = (b: NetworkProvinceResult['binding'][number]) => {
    const label = t(`binding.${b.kind}`);
    switch (b.kind) {
      case 'urgentCoverage':
      case 'regularCoverage':
        return `${label} ${formatPercent(b.target, locale)}`;
      case 'budget':
        return `${label} ${formatCny(b.amount, locale)}`;
      case 'keyPresence':
        return `${label}：${b.city}`;
      case 'shopCapacity':
        return `${label}：${b.shop}`;
      case 'forcedMode':
        return `${label}：${t(`mode.${b.mode}`)}`;
    }
  };
  return (
    <section className="panel network-panel" data-testid="network-panel">
      <h3>
        {localName(p, locale)} · {t('network.panelTitle')}
      </h3>
      {p.status === 'infeasible' ? (
        <p className="error">{t('network.infeasible')}</p>
      ) : (
        <dl className="facts">
          <dt>{t('network.mode')}</dt>
          <dd>
            <span className={`mode-badge mode-${p.mode}`}>{t(`mode.${p.mode}`)}</span>
          </dd>
          <dt>{t('network.profit')}</dt>
          <dd>
            {formatCny(p.profit, locale)} ({t('network.today')} {p.current ? formatCny(p.current.profit, locale) : '—'})
          </dd>
          <dt>{t('network.cities')}</dt>
          <dd>
            {p.citiesCovered}/{p.cities} ({t('network.todayShort')} {p.current?.citiesCovered ?? '—'})
          </dd>
          <dt>{t('network.coverage')}</dt>
          <dd>{formatPercent(p.coverage.urgent, locale)}</dd>
          <dt>{t('network.productLines')}</dt>
          <dd data-testid="network-product-lines">
            {Object.entries(p.demandByProductLine)
              .sort((a, b) => b[1] - a[1])
              .map(([line, jobs]) => `${line} ${formatCount(jobs, locale)}`)
              .join(t('list.separator')) || t('network.none')}
          </dd>
          <dt>{t('network.bases')}</dt>
          <dd>{p.bases.length ? p.bases.map((b) => `${b.cityName} ×${b.engineers}`).join(t('list.separator')) : t('network.none')}</dd>
          <dt>{t('network.certified')}</dt>
          <dd>{p.certifiedShops.length ? p.certifiedShops.map((s) => s.name).join(t('list.separator')) : t('network.none')}</dd>
          <dt>{t('network.binding')}</dt>
          <dd data-testid="network-binding">{p.binding.length ? p.binding.map(bindingText).join(t('list.separatorStrong')) : t('network.none')}</dd>
          <dt>{t('network.costs')}</dt>
          <dd>
            {(Object.keys(p.costBreakdown) as Array<keyof typeof p.costBreakdown>)
              .map((k) => `${t(`cost.${k}`)} ${formatCny(p.costBreakdown[k], locale)}`)
              .join(t('list.separator'))}
          </dd>
        </dl>
      )}
    </section>
  );
}
