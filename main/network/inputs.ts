// From a year of history and a scenario's overrides to the numbers the network model needs, province by province.
// Pure: the store's rows come in, plain figures (CNY, jobs a year, hours) go out.
import type { LngLat, SlaTier } from '../../shared/domain';
import { SLA_TIERS } from '../../shared/domain';
import type { NetworkMode, ScenarioOverrides } from '../../shared/network';
import type { NetworkHistory, TicketEconomicsRow } from '../store/networkHistory';
import { AREA_SPEED_KMH, areaTypeOf, DEFAULT_DETOUR_FACTOR } from '../routing/dispatch/travel';

/** Working days a year, as the P&L counts them (21.75 a month). */
export const WORKING_DAYS_PER_YEAR = 21.75 * 12;
/** A trip inside the customer's own city: cities are tens of kilometres across. */
export const INTRA_CITY_KM = 12;
/** Fuel, tolls and wear per driven kilometre, on top of the engineer's fixed vehicle cost. */
export const TRAVEL_COST_PER_KM = 1.2;
/** Below this many tickets a province's own averages are noise: the national figure is used instead. */
export const MIN_SAMPLE = 20;

/** Besides today's bases and the capital, the plan may open a base in this many of the busiest cities. */
export const BUSIEST_BASE_CANDIDATES = 4;

export const DEFAULT_TARGETS = { urgent: 0.8, regular: 0.95 } as const;

export interface NetworkCity {
  id: number;
  name: string;
  nameEn: string;
  location: LngLat;
}

export interface DemandCell {
  cityId: number;
  tier: SlaTier;
  /** The product line's own figures apply when `productLines` has them; the province's by tier otherwise. */
  productLine?: string;
  /** Jobs a year. */
  jobs: number;
  keyCustomerJobs: number;
}

/** What a job brings and takes, by tier. */
export interface JobFigures {
  /** CNY per job (parts sold, paid repairs, warranties, value-added services), by who serves it. */
  revenuePerJob: Record<'direct' | 'partner', Record<SlaTier, number>>;
  /** CNY per job of parts and other materials, paid whoever does the work. */
  materialCostPerJob: Record<SlaTier, number>;
  /** Hours on site. */
  serviceHours: Record<SlaTier, number>;
}

export interface CandidateShop {
  id: number;
  name: string;
  cityId: number;
  location: LngLat;
  certifiedNow: boolean;
  /** Visits a year the shop can take. */
  annualCapacity: number;
  /** CNY per visit, by the ticket's tier. */
  fee: Record<SlaTier, number>;
  /** CNY a year to certify and keep certified. */
  certificationCost: number;
  firstTimeFixRate: number;
}

/** The province's figures by tier (all product lines together), and by product line where demand names one. */
export interface ProvinceInputs extends JobFigures {
  adcode: string;
  name: string;
  nameEn: string;
  cities: NetworkCity[];
  demand: DemandCell[];
  productLines?: Record<string, JobFigures>;
  /** Hours from the call to the engineer's arrival that the SLA allows, by tier. */
  responseHours: Record<SlaTier, number>;
  engineer: { annualCost: number; annualHours: number; dailyHours: number; firstTimeFixRate: number };
  travel: { speedKmh: number; detourFactor: number; costPerKm: number; intraCityKm: number };
  shops: CandidateShop[];
  /** Where today's engineers are based (a city id per engineer). */
  currentBases: number[];
  /** Cities where the plan may base engineers: today's bases, the capital and the busiest cities. */
  candidateBaseCities: number[];
  targets: { urgent: number; regular: number };
  objective: 'profit' | 'cost';
  minDirectWhereKeyCustomers: boolean;
  forcedMode: NetworkMode | null;
  budget: number | null;
}

type Economics = Pick<TicketEconomicsRow, 'tickets' | 'revenueFen' | 'materialCostFen' | 'firstTimeFixes' | 'serviceMinutes'>;
const EMPTY: Economics = { tickets: 0, revenueFen: 0, materialCostFen: 0, firstTimeFixes: 0, serviceMinutes: 0 };

function add(a: Economics, b: Economics): Economics {
  return {
    tickets: a.tickets + b.tickets,
    revenueFen: a.revenueFen + b.revenueFen,
    materialCostFen: a.materialCostFen + b.materialCostFen,
    firstTimeFixes: a.firstTimeFixes + b.firstTimeFixes,
    serviceMinutes: a.serviceMinutes + b.serviceMinutes,
  };
}

/** Stands for every province, product line or provider in `economicsTotals`' lookups. */
const ALL = '*';

/** The history's ticket economics summed once for every province/line/tier/provider lookup the inputs make. */
function economicsTotals(rows: readonly TicketEconomicsRow[]) {
  const sums = new Map<string, Economics>();
  for (const row of rows) {
    for (const province of [row.provinceAdcode, ALL]) {
      for (const line of [row.productLine, ALL]) {
        for (const servedBy of [row.servedBy, ALL]) {
          const key = `${province}|${line}|${row.slaTier}|${servedBy}`;
          sums.set(key, add(sums.get(key) ?? EMPTY, row));
        }
      }
    }
  }
  return (province: string, line: string, tier: SlaTier, servedBy: 'direct' | 'partner' | typeof ALL) => sums.get(`${province}|${line}|${tier}|${servedBy}`) ?? EMPTY;
}

/** The first sample big enough to trust, else the biggest one there is. */
function trusted(...samples: Economics[]): Economics {
  return samples.find((s) => s.tickets >= MIN_SAMPLE) ?? samples.reduce((a, b) => (b.tickets > a.tickets ? b : a));
}

const perTicket = (e: Economics, fen: number) => (e.tickets > 0 ? fen / e.tickets / 100 : 0);
const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

export function buildNetworkInputs(history: NetworkHistory, overrides: ScenarioOverrides, responseHours: Record<SlaTier, number>): ProvinceInputs[] {
  const demandFactor = overrides.demandMultiplier ?? 1;
  const wageFactor = overrides.wageMultiplier ?? 1;
  const feeFactor = overrides.partnerFeeMultiplier ?? 1;
  const totals = economicsTotals(history.economics);
  const nationalDirect = SLA_TIERS.map((tier) => totals(ALL, ALL, tier, 'direct')).reduce(add, EMPTY);

  const team = history.team;
  const wageIndexOf = new Map(history.provinces.map((p) => [p.adcode, p.wageIndex]));
  const teamWageIndex = mean(team.map((e) => wageIndexOf.get(e.provinceAdcode) ?? 1)) || 1;
  const nationalSalary = mean(team.map((e) => e.salaryFen / 100));
  const nationalVehicle = mean(team.map((e) => (e.vehicleFen + e.travelAllowanceFen) / 100));
  const dailyHours = (mean(team.map((e) => e.dailyMinutes)) || 480) / 60;

  return history.provinces.map((p) => {
    const cityRows = history.cities.filter((c) => c.provinceAdcode === p.adcode);
    const cities: NetworkCity[] = cityRows.map((c) => ({ id: c.id, name: c.nameZh, nameEn: c.nameEn, location: [c.lng, c.lat] }));
    const fallbackCity = p.capitalCityId ?? cities[0]?.id ?? null;
    const cellByKey = new Map<string, DemandCell>();
    for (const row of history.demand) {
      if (row.provinceAdcode !== p.adcode) continue;
      const cityId = row.cityId !== null && cityRows.some((c) => c.id === row.cityId) ? row.cityId : fallbackCity;
      if (cityId === null) continue;
      const key = `${cityId}:${row.slaTier}:${row.productLine}`;
      const cell = cellByKey.get(key) ?? { cityId, tier: row.slaTier, productLine: row.productLine, jobs: 0, keyCustomerJobs: 0 };
      cell.jobs += row.jobs * demandFactor;
      cell.keyCustomerJobs += row.keyCustomerJobs * demandFactor;
      cellByKey.set(key, cell);
    }
    const demand = [...cellByKey.values()]
      .filter((c) => c.jobs > 0)
      .sort((a, b) => a.cityId - b.cityId || SLA_TIERS.indexOf(a.tier) - SLA_TIERS.indexOf(b.tier) || a.productLine!.localeCompare(b.productLine!));

    // Per job by tier: the province's own tickets when there are enough of them, else the country's; narrowed to one
    // product line, with the line's national figures and then the tier's as the fallbacks.
    const figures = (line = ALL): JobFigures => {
      const byTier = (value: (tier: SlaTier) => number) => Object.fromEntries(SLA_TIERS.map((tier) => [tier, value(tier)])) as Record<SlaTier, number>;
      const revenueFor = (servedBy: 'direct' | 'partner') =>
        byTier((tier) => {
          const e = trusted(totals(p.adcode, line, tier, servedBy), totals(ALL, line, tier, servedBy), totals(ALL, line, tier, ALL), totals(ALL, ALL, tier, servedBy));
          return perTicket(e, e.revenueFen);
        });
      return {
        revenuePerJob: { direct: revenueFor('direct'), partner: revenueFor('partner') },
        materialCostPerJob: byTier((tier) => {
          const e = trusted(totals(p.adcode, line, tier, ALL), totals(ALL, line, tier, ALL), totals(ALL, ALL, tier, ALL));
          return perTicket(e, e.materialCostFen);
        }),
        serviceHours: byTier((tier) => {
          const e = trusted(totals(ALL, line, tier, ALL), totals(ALL, ALL, tier, ALL));
          return e.tickets > 0 ? e.serviceMinutes / e.tickets / 60 : 2;
        }),
      };
    };
    const lines = [...new Set(demand.map((d) => d.productLine!))].sort();
    const direct = trusted(
      SLA_TIERS.map((tier) => totals(p.adcode, ALL, tier, 'direct')).reduce(add, EMPTY),
      nationalDirect,
    );

    const ownTeam = team.filter((e) => e.provinceAdcode === p.adcode);
    const annualCost = ownTeam.length
      ? mean(ownTeam.map((e) => (e.salaryFen * wageFactor + e.vehicleFen + e.travelAllowanceFen) / 100))
      : (nationalSalary * p.wageIndex) / teamWageIndex * wageFactor + nationalVehicle;
    const nearestCity = (point: LngLat) =>
      cities.reduce<NetworkCity | null>((best, c) => (!best || sq(c.location, point) < sq(best.location, point) ? c : best), null)?.id ?? null;
    const cityOrNearest = (cityId: number | null, point: LngLat) => (cityId !== null && cities.some((c) => c.id === cityId) ? cityId : nearestCity(point));

    const shops: CandidateShop[] = history.shops
      .filter((s) => s.provinceAdcode === p.adcode && s.status !== 'suspended')
      .flatMap((s) => {
        const cityId = cityOrNearest(s.cityId, [s.lng, s.lat]);
        if (cityId === null) return [];
        return [
          {
            id: s.id,
            name: s.name,
            cityId,
            location: [s.lng, s.lat] as LngLat,
            certifiedNow: s.status === 'certified',
            annualCapacity: s.dailyCapacity * WORKING_DAYS_PER_YEAR,
            fee: { urgent: (s.feeFen.urgent / 100) * feeFactor, regular: (s.feeFen.regular / 100) * feeFactor, complex: (s.feeFen.complex / 100) * feeFactor },
            certificationCost: s.certificationCostFen / 100,
            firstTimeFixRate: overrides.partnerFirstTimeFixRate ?? s.firstTimeFixRate,
          },
        ];
      });

    const currentBases = ownTeam.flatMap((e) => {
      const city = cityOrNearest(e.homeCityId, [e.homeLng, e.homeLat]);
      return city === null ? [] : [city];
    });
    const demandOfCity = (cityId: number) => demand.filter((d) => d.cityId === cityId).reduce((sum, d) => sum + d.jobs, 0);
    const busiest = cities.map((c) => c.id).sort((x, y) => demandOfCity(y) - demandOfCity(x) || x - y).slice(0, BUSIEST_BASE_CANDIDATES);
    const candidateBaseCities = [...new Set([...currentBases, ...(fallbackCity === null ? [] : [fallbackCity]), ...busiest])].sort((x, y) => x - y);

    return {
      adcode: p.adcode,
      name: p.nameZh,
      nameEn: p.nameEn,
      cities,
      demand,
      ...figures(),
      productLines: Object.fromEntries(lines.map((line) => [line, figures(line)])),
      responseHours,
      engineer: {
        annualCost,
        annualHours: dailyHours * WORKING_DAYS_PER_YEAR,
        dailyHours,
        firstTimeFixRate: direct.tickets > 0 ? Math.max(0.05, direct.firstTimeFixes / direct.tickets) : 0.8,
      },
      travel: { speedKmh: AREA_SPEED_KMH[areaTypeOf(p.adcode)], detourFactor: DEFAULT_DETOUR_FACTOR, costPerKm: TRAVEL_COST_PER_KM, intraCityKm: INTRA_CITY_KM },
      shops,
      currentBases,
      candidateBaseCities,
      targets: { urgent: overrides.urgentCoverageTarget ?? DEFAULT_TARGETS.urgent, regular: overrides.regularCoverageTarget ?? DEFAULT_TARGETS.regular },
      objective: overrides.objective ?? 'profit',
      minDirectWhereKeyCustomers: overrides.minDirectWhereKeyCustomers ?? false,
      forcedMode: overrides.forcedModes?.[p.adcode] ?? null,
      budget: overrides.provinceBudgets?.[p.adcode] ?? null,
    };
  });
}

function sq(a: LngLat, b: LngLat): number {
  return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;
}
