import type { OpenTicket } from '../../../../shared/domain';
import { useI18n } from '../../i18n/I18n';
import { DetailRow } from './DetailRow';

export function TicketDetail({ ticket: tk }: { ticket: OpenTicket }) {
  const { t } = useI18n();
  return (
    <section data-testid="detail-ticket">
      <h2>
        {t('detail.ticket')} · {tk.externalId}
      </h2>
      <dl>
        <DetailRow label={t('detail.customer')}>{tk.customerName}</DetailRow>
        <DetailRow label={t('detail.customerTier')}>{t(`customerTier.${tk.customerTier}`)}</DetailRow>
        <DetailRow label={t('detail.slaTier')}>
          <span className={`tier-badge tier-${tk.slaTier}`}>{t(`tier.${tk.slaTier}`)}</span>
        </DetailRow>
        <DetailRow label={t('detail.slaDue')}>{tk.slaDueAt}</DetailRow>
        <DetailRow label={t('detail.product')}>{tk.productLine}</DetailRow>
        <DetailRow label={t('detail.fault')}>{tk.fault}</DetailRow>
        <DetailRow label={t('detail.skills')}>{tk.requiredSkills.join(', ')}</DetailRow>
        <DetailRow label={t('detail.duration')}>
          {tk.estimatedMinutes} {t('detail.minutes')}
        </DetailRow>
      </dl>
    </section>
  );
}
