import type { PartnerShop } from '../../../../shared/domain';
import { formatCny, formatPercent } from '../../../../shared/format';
import { useI18n } from '../../i18n/I18n';
import { DetailRow } from './DetailRow';

export function ShopDetail({ shop: s }: { shop: PartnerShop }) {
  const { t, locale } = useI18n();
  return (
    <section data-testid="detail-shop">
      <h2>
        {t('detail.shop')} · {s.name}
      </h2>
      <dl>
        <DetailRow label="ID">{s.externalId}</DetailRow>
        <DetailRow label={t('detail.level')}>{t(`level.${s.certificationLevel}`)}</DetailRow>
        <DetailRow label={t('detail.skills')}>{s.skills.join(', ')}</DetailRow>
        <DetailRow label={t('detail.capacity')}>{s.dailyCapacity}</DetailRow>
        <DetailRow label={t('detail.fees')}>
          {formatCny(s.fees.urgent, locale)} / {formatCny(s.fees.regular, locale)} / {formatCny(s.fees.complex, locale)}
        </DetailRow>
        <DetailRow label={t('detail.fcr')}>{formatPercent(s.firstTimeFixRate, locale)}</DetailRow>
      </dl>
    </section>
  );
}
