import { formatCny, formatCount } from '../../../../shared/format';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n/I18n';
import { localName } from '../../i18n/localName';
import { DetailRow } from './DetailRow';

/** A province's facts (team, shops, cost, last year's tickets and revenue, open tickets) and its engineers. */
export function ProvinceDetail({ adcode }: { adcode: string }) {
  const { t, locale } = useI18n();
  const detail = useApiQuery('provinces.detail', { adcode });
  if (detail.state === 'loading') return <p className="muted">{t('common.loading')}</p>;
  if (detail.state === 'error') return <p className="error">{detail.message}</p>;
  const { province: p, openTicketsByTier } = detail.value;
  return (
    <section data-testid="detail-province">
      <h2>{localName(p, locale)}</h2>
      <dl>
        <DetailRow label={t('detail.capital')}>{p.capitalZh}</DetailRow>
        <DetailRow label={t('detail.population')}>{formatCount(Math.round(p.population / 10_000), locale)} {t('detail.tenThousand')}</DetailRow>
        <DetailRow label={t('detail.engineers')}>{p.engineers}</DetailRow>
        <DetailRow label={t('detail.shops')}>{p.certifiedShops}</DetailRow>
        <DetailRow label={t('detail.engineerCost')}>{formatCny(p.annualEngineerCost, locale)}</DetailRow>
        <DetailRow label={t('detail.tickets12m')}>{formatCount(p.ticketsLast12Months, locale)}</DetailRow>
        <DetailRow label={t('detail.revenue12m')}>{formatCny(p.revenueLast12Months, locale)}</DetailRow>
        <DetailRow label={t('detail.openByTier')}>
          {t('tier.urgent')} {openTicketsByTier.urgent} · {t('tier.regular')} {openTicketsByTier.regular} · {t('tier.complex')} {openTicketsByTier.complex}
        </DetailRow>
      </dl>
      {detail.value.engineers.length > 0 && (
        <>
          <h3>{t('detail.engineers')}</h3>
          <ul className="compact-list">
            {detail.value.engineers.map((e) => (
              <li key={e.id}>
                {e.name} · {e.homeCity} · {e.skills.join(', ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
