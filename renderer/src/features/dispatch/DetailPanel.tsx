import type { ReactNode } from 'react';
import type { Engineer, OpenTicket, PartnerShop } from '../../../../shared/domain';
import { formatClock, formatCny, formatCount, formatPercent } from '../../../../shared/format';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n/I18n';
import type { MapSelection } from './DispatchMap';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="detail-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ProvinceDetailView({ adcode }: { adcode: string }) {
  const { t, locale } = useI18n();
  const detail = useApiQuery('provinces.detail', { adcode });
  if (detail.state === 'loading') return <p className="muted">{t('common.loading')}</p>;
  if (detail.state === 'error') return <p className="error">{detail.message}</p>;
  const { province: p, openTicketsByTier } = detail.value;
  return (
    <section data-testid="detail-province">
      <h2>{locale === 'zh-CN' ? p.nameZh : p.nameEn}</h2>
      <dl>
        <Row label={t('detail.capital')}>{p.capitalZh}</Row>
        <Row label={t('detail.population')}>{formatCount(Math.round(p.population / 10_000), locale)} {locale === 'zh-CN' ? '万' : '×10k'}</Row>
        <Row label={t('detail.engineers')}>{p.engineers}</Row>
        <Row label={t('detail.shops')}>{p.certifiedShops}</Row>
        <Row label={t('detail.engineerCost')}>{formatCny(p.annualEngineerCost, locale)}</Row>
        <Row label={t('detail.tickets12m')}>{formatCount(p.ticketsLast12Months, locale)}</Row>
        <Row label={t('detail.revenue12m')}>{formatCny(p.revenueLast12Months, locale)}</Row>
        <Row label={t('detail.openByTier')}>
          {t('tier.urgent')} {openTicketsByTier.urgent} · {t('tier.regular')} {openTicketsByTier.regular} · {t('tier.complex')} {openTicketsByTier.complex}
        </Row>
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

function EngineerDetail({ engineer: e }: { engineer: Engineer }) {
  const { t, locale } = useI18n();
  return (
    <section data-testid="detail-engineer">
      <h2>
        {t('detail.engineer')} · {e.name}
      </h2>
      <dl>
        <Row label="ID">{e.externalId}</Row>
        <Row label={t('detail.capital')}>{e.homeCity}</Row>
        <Row label={t('detail.skills')}>{e.skills.join(', ')}</Row>
        <Row label={t('detail.shift')}>
          {formatClock(e.shiftStart)}–{formatClock(e.shiftEnd)}
        </Row>
        <Row label={t('detail.lunch')}>
          {formatClock(e.lunchWindowStart)}–{formatClock(e.lunchWindowEnd)} · {e.lunchMinutes} {t('detail.minutes')}
        </Row>
        <Row label={t('detail.annualCost')}>{formatCny(e.salary + e.vehicleCost + e.travelAllowance, locale)}</Row>
        <Row label={t('detail.maxJobs')}>{e.maxJobsPerDay}</Row>
      </dl>
    </section>
  );
}

function ShopDetail({ shop: s }: { shop: PartnerShop }) {
  const { t, locale } = useI18n();
  return (
    <section data-testid="detail-shop">
      <h2>
        {t('detail.shop')} · {s.name}
      </h2>
      <dl>
        <Row label="ID">{s.externalId}</Row>
        <Row label={t('detail.level')}>{t(`level.${s.certificationLevel}`)}</Row>
        <Row label={t('detail.skills')}>{s.skills.join(', ')}</Row>
        <Row label={t('detail.capacity')}>{s.dailyCapacity}</Row>
        <Row label={t('detail.fees')}>
          {formatCny(s.fees.urgent, locale)} / {formatCny(s.fees.regular, locale)} / {formatCny(s.fees.complex, locale)}
        </Row>
        <Row label={t('detail.fcr')}>{formatPercent(s.firstTimeFixRate, locale)}</Row>
      </dl>
    </section>
  );
}

function TicketDetail({ ticket: tk }: { ticket: OpenTicket }) {
  const { t } = useI18n();
  return (
    <section data-testid="detail-ticket">
      <h2>
        {t('detail.ticket')} · {tk.externalId}
      </h2>
      <dl>
        <Row label={t('detail.customer')}>{tk.customerName}</Row>
        <Row label={t('detail.customerTier')}>{t(`customerTier.${tk.customerTier}`)}</Row>
        <Row label={t('detail.slaTier')}>
          <span className={`tier-badge tier-${tk.slaTier}`}>{t(`tier.${tk.slaTier}`)}</span>
        </Row>
        <Row label={t('detail.slaDue')}>{tk.slaDueAt}</Row>
        <Row label={t('detail.product')}>{tk.productLine}</Row>
        <Row label={t('detail.fault')}>{tk.fault}</Row>
        <Row label={t('detail.skills')}>{tk.requiredSkills.join(', ')}</Row>
        <Row label={t('detail.duration')}>
          {tk.estimatedMinutes} {t('detail.minutes')}
        </Row>
      </dl>
    </section>
  );
}

interface Props {
  selection: MapSelection | null;
  engineers: Engineer[];
  shops: PartnerShop[];
  tickets: OpenTicket[];
}

export function DetailPanel({ selection, engineers, shops, tickets }: Props) {
  const { t } = useI18n();
  if (!selection) return <p className="muted">{t('detail.hint')}</p>;
  switch (selection.kind) {
    case 'province':
      return <ProvinceDetailView adcode={selection.adcode} />;
    case 'engineer': {
      const engineer = engineers.find((e) => e.id === selection.id);
      return engineer ? <EngineerDetail engineer={engineer} /> : null;
    }
    case 'shop': {
      const shop = shops.find((s) => s.id === selection.id);
      return shop ? <ShopDetail shop={shop} /> : null;
    }
    case 'ticket': {
      const ticket = tickets.find((x) => x.id === selection.id);
      return ticket ? <TicketDetail ticket={ticket} /> : null;
    }
  }
}
