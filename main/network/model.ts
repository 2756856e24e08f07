// The province's network model as a mixed-integer program (docs/network.md explains every term).
//   n_B        integer  engineers based in city B
//   y_S        binary   partner shop S certified
//   e_C_B      jobs a year from city C served by engineers based in B
//   p_C_G      jobs a year from city C served by shop group G (shops reaching the same cities)
//   v_S_T      jobs a year of tier T done by shop S
// A city's jobs are split among its providers in the city's own tier mix: planners assign territories, not single
// tiers, and it keeps the model small enough to prove optimal in a fraction of a second. Shops that reach exactly the
// same cities are interchangeable for allocation, so a city's jobs go to their group and the group's jobs are split
// among its shops: the same optimum with far fewer columns.
import { SLA_TIERS, type SlaTier } from '../../shared/domain';
import type { ProvinceInputs } from './inputs';
import { LinearModelBuilder, type LinearModel } from '../lp/linear';
import { reachablePoints, roadKm } from './reach';

const TIER_CODE: Record<SlaTier, string> = { urgent: 'u', regular: 'r', complex: 'c' };
/** Coverage is a target for these tiers; complex jobs are measured by closing time, which travel hardly decides. */
export const COVERAGE_TIERS = ['urgent', 'regular'] as const;

export interface Allocation {
  variable: string;
  cityId: number;
  /** Share of each tier in this city's jobs. */
  tierShare: Record<SlaTier, number>;
  /** Engineers' base city, or the shop group's id. */
  provider: { kind: 'direct'; baseCityId: number } | { kind: 'partner'; group: number };
  /** Whether the provider reaches the city within each tier's response time. */
  reachable: Record<SlaTier, boolean>;
  /** Road kilometres one way (engineers only). */
  km: number;
  /** CNY per job of the city's mix, split the way the P&L shows it. */
  revenue: number;
  travelCost: number;
  materialCost: number;
}

export interface ModelStructure {
  model: LinearModel;
  inputs: ProvinceInputs;
  allocations: Allocation[];
  bases: Array<{ variable: string; cityId: number }>;
  shops: Array<{ variable: string; shopId: number; group: number; volumes: Partial<Record<SlaTier, string>> }>;
  /** What each base city and each shop reaches. */
  reach: { base: Map<number, Reach>; shop: Map<number, Reach> };
  /** Constraint names by purpose, so that the interpretation can tell the user which ones bind. */
  names: { coverage: Partial<Record<SlaTier, string>>; budget?: string; keyPresence: Map<string, number>; shopCapacity: Map<string, number> };
  /** Jobs a year of each tier in the province. */
  tierTotals: Record<SlaTier, number>;
}

export interface ModelOptions {
  /** Evaluate a given organisation instead of choosing one: engineers per city and the certified shops. */
  fixed?: { engineersByCity: ReadonlyMap<number, number>; certifiedShops: ReadonlySet<number> };
  /** Leave out constraint classes (to evaluate today's organisation, or to find out why a plan is infeasible). */
  without?: { coverage?: boolean; budget?: boolean; keyPresence?: boolean; forcedMode?: boolean };
  /** Override the scenario's objective (infeasibility diagnosis minimises cost). */
  objective?: 'profit' | 'cost';
}

/** Hours of one-way driving that still leave time to do a job of each tier and drive back within one working day. */
export function dayTripHours(inputs: ProvinceInputs): Record<SlaTier, number> {
  return Object.fromEntries(SLA_TIERS.map((tier) => [tier, Math.max(0, (inputs.engineer.dailyHours - inputs.serviceHours[tier]) / 2)])) as Record<SlaTier, number>;
}

export interface Reach {
  /** Cities reached within each tier's SLA response time. */
  sla: Record<SlaTier, Set<number>>;
  /** Cities a job of each tier can be done in as a day trip: the only ones this provider serves at all. */
  serves: Record<SlaTier, Set<number>>;
}

/**
 * Reach per province's inputs and provider location: a province's model is built several times (the plan, today's
 * organisation, the diagnosis of an infeasible plan) and the geometry is the same each time.
 */
const reachCache = new WeakMap<ProvinceInputs, Map<string, Reach>>();

function reachFrom(origin: ProvinceInputs['cities'][number]['location'], ownCity: number, inputs: ProvinceInputs): Reach {
  const cache = reachCache.get(inputs) ?? new Map<string, Reach>();
  reachCache.set(inputs, cache);
  const key = `${origin[0]},${origin[1]},${ownCity}`;
  const known = cache.get(key);
  if (known) return known;
  const reach = measureReach(origin, ownCity, inputs);
  cache.set(key, reach);
  return reach;
}

function measureReach(origin: ProvinceInputs['cities'][number]['location'], ownCity: number, inputs: ProvinceInputs): Reach {
  const within = (hours: Record<SlaTier, number>) =>
    Object.fromEntries(
      SLA_TIERS.map((tier) => {
        const reached = reachablePoints(origin, hours[tier], inputs.travel, inputs.cities);
        reached.add(ownCity);
        return [tier, reached];
      }),
    ) as Record<SlaTier, Set<number>>;
  return { sla: within(inputs.responseHours), serves: within(dayTripHours(inputs)) };
}

export function buildProvinceModel(inputs: ProvinceInputs, options: ModelOptions = {}): ModelStructure {
  const objective = options.objective ?? inputs.objective;
  const forced = options.without?.forcedMode || options.fixed ? null : inputs.forcedMode;
  const b = new LinearModelBuilder(objective === 'profit' ? 'max' : 'min');
  // Profit maximisation weighs revenue minus cost; cost minimisation weighs cost alone.
  const weigh = (revenue: number, cost: number) => (objective === 'profit' ? revenue - cost : cost);
  const cityById = new Map(inputs.cities.map((c) => [c.id, c]));
  const a = inputs.adcode;
  const directVisits = 1 / inputs.engineer.firstTimeFixRate;

  const demandByCity = new Map<number, Record<SlaTier, number>>();
  for (const d of inputs.demand) {
    const jobs = demandByCity.get(d.cityId) ?? { urgent: 0, regular: 0, complex: 0 };
    jobs[d.tier] += d.jobs;
    demandByCity.set(d.cityId, jobs);
  }
  const cityDemand = (cityId: number) => sumTiers(demandByCity.get(cityId)!);
  // What a job from each city brings and takes: its cells' figures (by tier and product line) weighted by their jobs.
  const perJob = new Map<number, { revenue: Record<'direct' | 'partner', number>; material: number; serviceHours: number }>();
  for (const d of inputs.demand) {
    const figures = (d.productLine !== undefined && inputs.productLines?.[d.productLine]) || inputs;
    const weight = d.jobs / cityDemand(d.cityId);
    const city = perJob.get(d.cityId) ?? { revenue: { direct: 0, partner: 0 }, material: 0, serviceHours: 0 };
    city.revenue.direct += weight * figures.revenuePerJob.direct[d.tier];
    city.revenue.partner += weight * figures.revenuePerJob.partner[d.tier];
    city.material += weight * figures.materialCostPerJob[d.tier];
    city.serviceHours += weight * figures.serviceHours[d.tier];
    perJob.set(d.cityId, city);
  }
  const tierTotals: Record<SlaTier, number> = { urgent: 0, regular: 0, complex: 0 };
  for (const d of inputs.demand) tierTotals[d.tier] += d.jobs;
  const tiersWithDemand = SLA_TIERS.filter((tier) => tierTotals[tier] > 0);

  const useEngineers = forced !== 'partner';
  const useShops = forced !== 'direct';
  const reach: ModelStructure['reach'] = { base: new Map(), shop: new Map() };
  const shopsInPlay = useShops ? inputs.shops.filter((s) => !options.fixed || options.fixed.certifiedShops.has(s.id)) : [];
  for (const s of shopsInPlay) reach.shop.set(s.id, reachFrom(s.location, s.cityId, inputs));
  // A plan serves a city only from providers that can do every kind of job there as a day trip. Today's organisation
  // is taken as it works, long trips included, so that its figures match the P&L.
  const serves = (r: Reach, cityId: number) =>
    options.fixed !== undefined || tiersWithDemand.every((tier) => demandByCity.get(cityId)![tier] === 0 || r.serves[tier].has(cityId));
  // Engineers may be based in the candidate cities, and in any city no shop serves or reaches within the urgent
  // response time: so that every city can always be served and covered by someone.
  const unservedByShops = new Set(
    [...demandByCity.keys()].filter((cityId) => !shopsInPlay.some((s) => serves(reach.shop.get(s.id)!, cityId) && reach.shop.get(s.id)!.sla.urgent.has(cityId))),
  );
  const baseCities = useEngineers
    ? inputs.cities.filter((c) =>
        options.fixed ? (options.fixed.engineersByCity.get(c.id) ?? 0) > 0 : inputs.candidateBaseCities.includes(c.id) || unservedByShops.has(c.id),
      )
    : [];
  for (const c of baseCities) reach.base.set(c.id, reachFrom(c.location, c.id, inputs));

  const groups = new Map<string, number[]>();
  for (const s of shopsInPlay) {
    const r = reach.shop.get(s.id)!;
    const signature = SLA_TIERS.flatMap((tier) => [r.sla[tier], r.serves[tier]].map((set) => [...set].sort((x, y) => x - y).join('.'))).join('|');
    groups.set(signature, [...(groups.get(signature) ?? []), s.id]);
  }
  const groupList = [...groups.values()];

  const bases = baseCities.map((c) => ({ variable: b.variable(`n_${a}_${c.id}`, 'integer', weigh(0, inputs.engineer.annualCost)), cityId: c.id }));
  const shops: ModelStructure['shops'] = [];
  groupList.forEach((members, group) => {
    for (const shopId of members) {
      const shop = inputs.shops.find((s) => s.id === shopId)!;
      shops.push({ variable: b.variable(`y_${a}_${shopId}`, 'binary', weigh(0, shop.certificationCost)), shopId, group, volumes: {} });
    }
  });

  const reachable = (r: Reach, cityId: number) => Object.fromEntries(SLA_TIERS.map((tier) => [tier, r.sla[tier].has(cityId)])) as Record<SlaTier, boolean>;
  const allocations: Allocation[] = [];
  for (const [cityId, jobs] of demandByCity) {
    const total = sumTiers(jobs);
    const tierShare = Object.fromEntries(SLA_TIERS.map((tier) => [tier, jobs[tier] / total])) as Record<SlaTier, number>;
    const { revenue: revenueOf, material } = perJob.get(cityId)!;
    for (const base of bases) {
      const r = reach.base.get(base.cityId)!;
      if (!serves(r, cityId)) continue;
      const km = roadKm(cityById.get(base.cityId)!.location, cityById.get(cityId)!.location, inputs.travel, base.cityId === cityId);
      const travelCost = directVisits * 2 * km * inputs.travel.costPerKm;
      const revenue = revenueOf.direct;
      allocations.push({
        variable: b.variable(`e_${a}_${cityId}_${base.cityId}`, 'continuous', weigh(revenue, travelCost + material)),
        cityId,
        tierShare,
        provider: { kind: 'direct', baseCityId: base.cityId },
        reachable: reachable(r, cityId),
        km,
        revenue,
        travelCost,
        materialCost: material,
      });
    }
    groupList.forEach((members, group) => {
      const r = reach.shop.get(members[0]!)!;
      if (!serves(r, cityId)) return;
      const revenue = revenueOf.partner;
      allocations.push({
        variable: b.variable(`p_${a}_${cityId}_${members[0]}`, 'continuous', weigh(revenue, material)),
        cityId,
        tierShare,
        provider: { kind: 'partner', group },
        reachable: reachable(r, cityId),
        km: 0,
        revenue,
        travelCost: 0,
        materialCost: material,
      });
    });
  }
  for (const shop of shops) {
    const s = inputs.shops.find((x) => x.id === shop.shopId)!;
    for (const tier of tiersWithDemand) {
      shop.volumes[tier] = b.variable(`v_${a}_${s.id}_${TIER_CODE[tier]}`, 'continuous', weigh(0, s.fee[tier] / s.firstTimeFixRate));
    }
  }

  // Every job is served: an after-sales organisation cannot turn warranty work away.
  for (const [cityId] of demandByCity) {
    b.constraint(`demand_${a}_${cityId}`, allocations.filter((x) => x.cityId === cityId).map((x) => [x.variable, 1] as const), '=', cityDemand(cityId));
  }
  // Engineers' hours: each job costs service time plus the drive there and back, again for every repeat visit.
  for (const base of bases) {
    const terms = allocations
      .filter((x) => x.provider.kind === 'direct' && x.provider.baseCityId === base.cityId)
      .map((x) => [x.variable, directVisits * (perJob.get(x.cityId)!.serviceHours + (2 * x.km) / inputs.travel.speedKmh)] as const);
    b.constraint(`hours_${a}_${base.cityId}`, [...terms, [base.variable, -inputs.engineer.annualHours]], '<=', 0);
  }
  // A group's jobs of each tier are done by its certified shops, each within its capacity (repeat visits count).
  groupList.forEach((members, group) => {
    const served = allocations.filter((x) => x.provider.kind === 'partner' && x.provider.group === group);
    for (const tier of tiersWithDemand) {
      const done = shops.filter((s) => s.group === group).map((s) => [s.volumes[tier]!, -1] as const);
      b.constraint(`group_${a}_${members[0]}_${TIER_CODE[tier]}`, [...served.map((x) => [x.variable, x.tierShare[tier]] as const), ...done], '=', 0);
    }
  });
  const shopCapacity = new Map<string, number>();
  for (const shop of shops) {
    const s = inputs.shops.find((x) => x.id === shop.shopId)!;
    const name = `capacity_${a}_${s.id}`;
    shopCapacity.set(name, s.id);
    const terms = Object.values(shop.volumes).map((v) => [v!, 1 / s.firstTimeFixRate] as const);
    b.constraint(name, [...terms, [shop.variable, -s.annualCapacity]], '<=', 0);
  }
  // Variable upper bounds: redundant for the integer model, but they tighten its LP relaxation (a base serves a city,
  // a shop group takes a city's jobs, a shop takes jobs, only as far as it is open), so branch and bound explores far
  // fewer nodes: the per-city rows for shop groups alone cut 广东's search from ~470 nodes to ~30. A fixed organisation
  // has nothing to branch on, and its larger model (long trips allowed) solves faster without them.
  if (!options.fixed) {
    for (const x of allocations) {
      const provider = x.provider;
      const open = provider.kind === 'direct' ? bases.filter((base) => base.cityId === provider.baseCityId) : shops.filter((s) => s.group === provider.group);
      b.constraint(`open_${x.variable}`, [[x.variable, 1], ...open.map((o) => [o.variable, -cityDemand(x.cityId)] as const)], '<=', 0);
    }
    for (const shop of shops) {
      const served = allocations.filter((x) => x.provider.kind === 'partner' && x.provider.group === shop.group);
      for (const [tier, v] of Object.entries(shop.volumes) as Array<[SlaTier, string]>) {
        const jobs = served.reduce((sum, x) => sum + demandByCity.get(x.cityId)![tier], 0);
        b.constraint(`open_${v}`, [[v, 1], [shop.variable, -jobs]], '<=', 0);
      }
    }
  }

  const names: ModelStructure['names'] = { coverage: {}, keyPresence: new Map(), shopCapacity };
  if (!options.without?.coverage) {
    for (const tier of COVERAGE_TIERS) {
      const target = inputs.targets[tier];
      if (tierTotals[tier] <= 0 || target <= 0) continue;
      const name = `coverage_${a}_${TIER_CODE[tier]}`;
      names.coverage[tier] = name;
      const terms = allocations.filter((x) => x.reachable[tier] && x.tierShare[tier] > 0).map((x) => [x.variable, x.tierShare[tier]] as const);
      b.constraint(name, terms, '>=', target * tierTotals[tier]);
    }
  }
  if (inputs.minDirectWhereKeyCustomers && !options.without?.keyPresence && !options.fixed) {
    const keyCities = [...new Set(inputs.demand.filter((d) => d.keyCustomerJobs > 0).map((d) => d.cityId))];
    for (const cityId of keyCities) {
      const name = `keypresence_${a}_${cityId}`;
      names.keyPresence.set(name, cityId);
      b.constraint(name, bases.filter((x) => reach.base.get(x.cityId)!.sla.urgent.has(cityId)).map((x) => [x.variable, 1] as const), '>=', 1);
    }
  }
  if (forced === 'hybrid') {
    b.constraint(`hybrid_direct_${a}`, bases.map((x) => [x.variable, 1] as const), '>=', 1);
    b.constraint(`hybrid_partner_${a}`, shops.map((x) => [x.variable, 1] as const), '>=', 1);
  }
  if (inputs.budget !== null && !options.without?.budget) {
    const name = `budget_${a}`;
    names.budget = name;
    b.constraint(name, costTerms(inputs, bases, shops, allocations), '<=', inputs.budget);
  }
  if (options.fixed) {
    for (const base of bases) b.constraint(`fixed_${base.variable}`, [[base.variable, 1]], '=', options.fixed.engineersByCity.get(base.cityId) ?? 0);
    for (const shop of shops) b.constraint(`fixed_${shop.variable}`, [[shop.variable, 1]], '=', 1);
  }
  return { model: b.model, inputs, allocations, bases, shops, reach, names, tierTotals };
}

function sumTiers(jobs: Record<SlaTier, number>): number {
  return jobs.urgent + jobs.regular + jobs.complex;
}

/** The province's annual cost as a linear expression: engineers, travel, materials, partner fees, certification. */
function costTerms(inputs: ProvinceInputs, bases: ModelStructure['bases'], shops: ModelStructure['shops'], allocations: Allocation[]): Array<readonly [string, number]> {
  const terms: Array<readonly [string, number]> = bases.map((x) => [x.variable, inputs.engineer.annualCost] as const);
  for (const x of allocations) terms.push([x.variable, x.travelCost + x.materialCost]);
  for (const shop of shops) {
    const s = inputs.shops.find((y) => y.id === shop.shopId)!;
    terms.push([shop.variable, s.certificationCost]);
    for (const [tier, v] of Object.entries(shop.volumes) as Array<[SlaTier, string]>) terms.push([v, s.fee[tier] / s.firstTimeFixRate]);
  }
  return terms;
}
