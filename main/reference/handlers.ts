// The reference channels: provinces with their standings and boundaries, cities, engineers and partner shops.
import type { ProvinceOverview } from '../../shared/api/index';
import { SLA_TIERS, type SlaTier } from '../../shared/domain';
import { lastTwelveMonths } from '../../shared/finance';
import type { DomainHandlers, HandlerContext } from '../api/context';
import { notFound } from '../api/errors';
import { pnlReport } from '../finance/report';
import { displayProvinces } from '../geo/boundaries';
import { listEngineers } from '../store/engineers';
import { provinceStandings } from '../store/overview';
import { listPartnerShops } from '../store/partners';
import { listCities } from '../store/reference';
import { countOpenTicketsInRegion } from '../store/tickets';

export function referenceHandlers({ db, reportingDay }: HandlerContext): DomainHandlers<'reference'> {
  // The last-12-months figures are the P&L's own (tickets closed in the 12 months up to the reporting day), so that the
  // map's detail panel and the profit view never disagree.
  const overviews = (): ProvinceOverview[] => {
    const { from, to } = lastTwelveMonths(reportingDay());
    const pnl = new Map(pnlReport(db, from, to).provinces.map((p) => [p.adcode, p]));
    return provinceStandings(db).map((p) => ({ ...p, ticketsLast12Months: pnl.get(p.adcode)?.tickets ?? 0, revenueLast12Months: pnl.get(p.adcode)?.revenue ?? 0 }));
  };

  return {
    'geo.provinces': () => displayProvinces(),
    'provinces.list': () => overviews(),
    'provinces.detail': ({ adcode }) => {
      const province = overviews().find((p) => p.adcode === adcode) ?? notFound(`No province with code ${adcode}`);
      const open = countOpenTicketsInRegion(db, { provinceAdcode: adcode }).byTier;
      const openTicketsByTier = Object.fromEntries(SLA_TIERS.map((tier) => [tier, open[tier] ?? 0])) as Record<
        SlaTier,
        number
      >;
      return {
        province,
        engineers: listEngineers(db, { provinceAdcode: adcode }),
        partnerShops: listPartnerShops(db, { provinceAdcode: adcode }),
        openTicketsByTier,
      };
    },
    'regions.cities': ({ provinceAdcode }) => listCities(db, provinceAdcode),
    'engineers.list': (filter) => listEngineers(db, filter),
    'partners.list': (filter) => listPartnerShops(db, filter),
  };
}
