import type { Engineer } from '../../../../shared/domain';
import { formatClock, formatCny } from '../../../../shared/format';
import { useI18n } from '../../i18n/I18n';
import { DetailRow } from './DetailRow';

export function EngineerDetail({ engineer: e }: { engineer: Engineer }) {
  const { t, locale } = useI18n();
  return (
    <section data-testid="detail-engineer">
      <h2>
        {t('detail.engineer')} · {e.name}
      </h2>
      <dl>
        <DetailRow label="ID">{e.externalId}</DetailRow>
        <DetailRow label={t('detail.capital')}>{e.homeCity}</DetailRow>
        <DetailRow label={t('detail.skills')}>{e.skills.join(', ')}</DetailRow>
        <DetailRow label={t('detail.shift')}>
          {formatClock(e.shiftStart)}–{formatClock(e.shiftEnd)}
        </DetailRow>
        <DetailRow label={t('detail.lunch')}>
          {formatClock(e.lunchWindowStart)}–{formatClock(e.lunchWindowEnd)} · {e.lunchMinutes} {t('detail.minutes')}
        </DetailRow>
        <DetailRow label={t('detail.annualCost')}>{formatCny(e.salary + e.vehicleCost + e.travelAllowance, locale)}</DetailRow>
        <DetailRow label={t('detail.maxJobs')}>{e.maxJobsPerDay}</DetailRow>
      </dl>
    </section>
  );
}
