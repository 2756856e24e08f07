// The demo organisation: a national after-sales service company with a direct team in the east and core cities,
// certified partner shops everywhere, a year of closed tickets and today's open ones. Deterministic: the same seed on
// the same day writes the same database.
import type { CustomerTier, LngLat, SlaTier } from '../../shared/domain';
import { SLA_TIERS } from '../../shared/domain';
import { formatLocal, MINUTES_PER_DAY, parseLocalDate } from '../../shared/time';
import { haversineKm } from '../geo/distance';
import { featureAdcode, provinceAreaKm2, provinceCentroid, provinceFeatures } from '../geo/boundaries';
import { appendAudit } from '../store/audit';
import { insertCustomer } from '../store/customers';
import type { Db } from '../store/db';
import { insertEngineer } from '../store/engineers';
import { setMeta } from '../store/meta';
import { dateBaseScenario, saveScenario } from '../store/scenarios';
import type { ScenarioOverrides } from '../../shared/network';
import { insertPartnerShop } from '../store/partners';
import { withDeferredRollup } from '../store/pnlRollup';
import { insertCity, insertProvince, insertSkill, upsertSlaRule } from '../store/reference';
import type { NewTicket, NewVisit } from '../store/tickets';
import { ticketWriter } from '../store/tickets';
import {
  CUSTOMER_TIER_SHARE,
  GIVEN_NAMES,
  PRODUCT_LINES,
  SHOP_SUFFIXES,
  SITE_KINDS,
  SKILLS,
  SLA_RULES,
  SLA_SHARE,
  SURNAMES,
  type ProductLine,
} from './catalogue';
import { DIRECT_TEAM, PROVINCE_FACTS, type ProvinceFacts } from './geography';
import { Random } from '../../shared/random';

export const DEFAULT_DEMO_SEED = 20260101;

export interface DemoOptions {
  seed?: number;
  /** 'YYYY-MM-DD' in China; history covers the 12 months before it, open tickets are today's. */
  today: string;
  closedTickets?: number;
  openTickets?: number;
  partnerShops?: number;
  customers?: number;
}

export interface DemoSummary {
  provinces: number;
  cities: number;
  engineers: number;
  partnerShops: number;
  customers: number;
  closedTickets: number;
  openTickets: number;
}

/**
 * The classic case every director recognises: 甘肃 keeps three direct engineers who cover the whole province from
 * 兰州 and 天水, with long trips, overnight stays and parts that arrive late, so that one visit in two fixes nothing.
 */
const CLASSIC_CASE = {
  adcode: '620000',
  engineerAnnualCost: { salary: 215_000, vehicle: 82_000, travelAllowance: 190_000 },
  firstTimeFixRate: 0.5,
};

const DIRECT_FIRST_TIME_FIX = 0.86;
/** Beyond this distance from every engineer's base a ticket goes to a partner shop (except in the classic case). */
const DIRECT_REACH_KM = 180;
const OPEN_TICKETS_BY_PROVINCE: Record<string, number> = {
  '440000': 200, '320000': 80, '330000': 70, '310000': 50, '110000': 50, '370000': 40, '510000': 40, '420000': 30,
};

interface CityRecord {
  id: number;
  provinceAdcode: string;
  nameZh: string;
  location: LngLat;
  population: number;
  isCapital: boolean;
}

interface EngineerRecord {
  id: number;
  provinceAdcode: string;
  home: LngLat;
  skills: string[];
}

interface ShopRecord {
  id: number;
  provinceAdcode: string;
  location: LngLat;
  skills: string[];
  fees: Record<SlaTier, number>;
  firstTimeFixRate: number;
  certified: boolean;
}

interface CustomerRecord {
  id: number;
  provinceAdcode: string;
  tier: CustomerTier;
  location: LngLat;
  weight: number;
}

const parseCity = (spec: string) => {
  const [nameZh, nameEn, lng, lat, population万] = spec.split('|') as [string, string, string, string, string];
  return { nameZh, nameEn, location: [Number(lng), Number(lat)] as LngLat, population: Number(population万) * 10_000 };
};

const jitter = (rng: Random, point: LngLat, sigmaDegrees: number): LngLat => [
  Math.round((point[0] + rng.normal() * sigmaDegrees) * 1e5) / 1e5,
  Math.round((point[1] + rng.normal() * sigmaDegrees * 0.8) * 1e5) / 1e5,
];

const round2 = (value: number) => Math.round(value * 100) / 100;
const personName = (rng: Random) => rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Writes the demo organisation into an empty, migrated database, in one transaction. */
/** The network planner's usual questions, ready to compare against the base. */
const DEMO_SCENARIOS: Array<[string, ScenarioOverrides]> = [
  ['业务量 +20%', { demandMultiplier: 1.2 }],
  ['合作费 −10%', { partnerFeeMultiplier: 0.9 }],
  ['紧急覆盖 95%', { urgentCoverageTarget: 0.95 }],
];

export function generateDemo(db: Db, options: DemoOptions): DemoSummary {
  const existing = db.prepare('SELECT count(*) FROM provinces').pluck().get() as number;
  if (existing > 0) throw new Error('The database already holds data; the demo is only written into an empty database.');
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const rng = new Random(seed);
  const today = parseLocalDate(options.today);
  const targets = {
    closedTickets: options.closedTickets ?? 20_000,
    openTickets: options.openTickets ?? 600,
    partnerShops: options.partnerShops ?? 400,
    customers: options.customers ?? 6_000,
  };

  return withDeferredRollup(db, (): DemoSummary => {
    for (const skill of SKILLS) insertSkill(db, skill.code, skill.zh, skill.en);
    for (const rule of SLA_RULES) upsertSlaRule(db, rule);

    const facts = new Map(PROVINCE_FACTS.map((f) => [f.adcode, f]));
    const cities: CityRecord[] = [];
    for (const feature of provinceFeatures()) {
      const adcode = featureAdcode(feature);
      const fact = facts.get(adcode);
      if (!fact) throw new Error(`No demo facts for province ${adcode}`);
      insertProvince(db, {
        adcode,
        nameZh: feature.properties.name,
        nameEn: fact.nameEn,
        capitalZh: fact.capitalZh,
        capital: feature.properties.center ?? provinceCentroid(feature),
        centroid: provinceCentroid(feature),
        population: fact.population万 * 10_000,
        wageIndex: fact.wageIndex,
        areaKm2: Math.round(provinceAreaKm2(feature)),
      });
      const parsed = fact.cities.map(parseCity);
      const listed = parsed.reduce((sum, c) => sum + c.population, 0);
      parsed.forEach((city, index) => {
        const population = Math.round((city.population * fact.population万 * 10_000) / listed);
        const record = { ...city, population, provinceAdcode: adcode, isCapital: index === 0 };
        cities.push({ ...record, id: insertCity(db, record) });
      });
    }
    const factOf = (adcode: string) => facts.get(adcode) as ProvinceFacts;
    const areaOf = new Map(provinceFeatures().map((f) => [featureAdcode(f), provinceAreaKm2(f)]));
    const citiesOf = (adcode: string) => cities.filter((c) => c.provinceAdcode === adcode);

    const engineers = generateEngineers(db, rng, citiesOf, factOf, areaOf);
    const shops = generateShops(db, rng, cities, factOf, targets.partnerShops);
    const customers = generateCustomers(db, rng, cities, factOf, targets.customers);
    const writeTicket = ticketWriter(db);
    const closed = generateHistory(rng, today, customers, engineers, shops, targets.closedTickets, writeTicket);
    const open = generateOpenTickets(rng, today, customers, targets.openTickets, writeTicket);

    setMeta(db, 'demo_generated_on', options.today);
    setMeta(db, 'demo_seed', String(seed));
    dateBaseScenario(db, `${options.today} 08:00`);
    for (const [name, overrides] of DEMO_SCENARIOS) saveScenario(db, name, overrides, `${options.today} 08:00`);
    const summary: DemoSummary = {
      provinces: facts.size,
      cities: cities.length,
      engineers: engineers.length,
      partnerShops: shops.length,
      customers: customers.length,
      closedTickets: closed,
      openTickets: open,
    };
    // The audit time is the demo day itself, so that the same seed on the same day gives the same database.
    appendAudit(db, { actor: 'demo', action: 'generate', entity: 'database', detail: { seed, ...summary } }, new Date(today * 60_000));
    return summary;
  });
}

function generateEngineers(
  db: Db,
  rng: Random,
  citiesOf: (adcode: string) => CityRecord[],
  factOf: (adcode: string) => ProvinceFacts,
  areaOf: Map<string, number>,
): EngineerRecord[] {
  const engineers: EngineerRecord[] = [];
  let serial = 0;
  for (const [adcode, count] of Object.entries(DIRECT_TEAM)) {
    const provinceCities = citiesOf(adcode);
    const capital = provinceCities[0] as CityRecord;
    const fact = factOf(adcode);
    for (let i = 0; i < count; i++) {
      // Core cities first: the capital takes about half of a province's team, the largest other cities the rest.
      const city = i % 2 === 0 ? capital : rng.weighted(provinceCities, (c) => c.population);
      const primary = PRODUCT_LINES[(i + serial) % PRODUCT_LINES.length] as ProductLine;
      const skills = new Set([...primary.skills, primary.extraSkill]);
      if (rng.chance(0.5)) skills.add(rng.pick(PRODUCT_LINES).skills[0] as string);
      const cost =
        adcode === CLASSIC_CASE.adcode
          ? {
              salary: CLASSIC_CASE.engineerAnnualCost.salary * rng.between(0.95, 1.05),
              vehicleCost: CLASSIC_CASE.engineerAnnualCost.vehicle * rng.between(0.95, 1.05),
              travelAllowance: CLASSIC_CASE.engineerAnnualCost.travelAllowance * rng.between(0.95, 1.05),
            }
          : {
              salary: 200_000 * fact.wageIndex * rng.between(0.92, 1.12),
              vehicleCost: rng.between(60_000, 85_000),
              travelAllowance: Math.min(200_000, 15_000 + 0.3 * (areaOf.get(adcode) ?? 0)) * rng.between(0.9, 1.1),
            };
      const early = rng.chance(0.5);
      const home = jitter(rng, city.location, 0.03);
      serial++;
      const id = insertEngineer(db, {
        externalId: `ENG-${pad(serial, 4)}`,
        name: personName(rng),
        provinceAdcode: adcode,
        homeCityId: city.id,
        home,
        skills: [...skills].sort(),
        shiftStart: early ? 8 * 60 : 9 * 60,
        shiftEnd: early ? 17 * 60 + 30 : 18 * 60,
        lunchWindowStart: 11 * 60 + 30,
        lunchWindowEnd: 13 * 60 + 30,
        lunchMinutes: 60,
        salary: round2(cost.salary),
        vehicleCost: round2(cost.vehicleCost),
        travelAllowance: round2(cost.travelAllowance),
        maxJobsPerDay: rng.int(5, 7),
      });
      engineers.push({ id, provinceAdcode: adcode, home, skills: [...skills] });
    }
  }
  return engineers;
}

function generateShops(
  db: Db,
  rng: Random,
  cities: CityRecord[],
  factOf: (adcode: string) => ProvinceFacts,
  target: number,
): ShopRecord[] {
  // Every city gets one shop; the rest follow the square root of population (big cities have several, not dozens).
  const extra = target - cities.length;
  const weights = cities.map((c) => Math.sqrt(c.population));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const shops: ShopRecord[] = [];
  cities.forEach((city, index) => {
    const count = 1 + Math.round((extra * (weights[index] as number)) / totalWeight);
    const wage = factOf(city.provinceAdcode).wageIndex;
    for (let k = 0; k < count; k++) {
      const level = rng.weighted(['gold', 'silver', 'bronze'] as const, (l) => ({ gold: 0.2, silver: 0.45, bronze: 0.35 })[l]);
      const levelFix = { gold: 0.86, silver: 0.78, bronze: 0.7 }[level];
      const skills = new Set<string>(['electrical']);
      for (const line of PRODUCT_LINES) if (rng.chance(line.code === 'medical_imaging' ? 0.35 : 0.7)) line.skills.forEach((s) => skills.add(s));
      const fees = {
        urgent: Math.round(rng.between(320, 450) * (0.6 + 0.4 * wage)),
        regular: Math.round(rng.between(180, 260) * (0.6 + 0.4 * wage)),
        complex: Math.round(rng.between(520, 800) * (0.6 + 0.4 * wage)),
      };
      // 甘肃's shops have never been certified: the direct team does everything there, which is the case's point.
      const certified = city.provinceAdcode !== CLASSIC_CASE.adcode && !rng.chance(0.02);
      const firstTimeFixRate = round2(Math.min(0.95, levelFix + rng.normal() * 0.04));
      const serial = shops.length + 1;
      const location = jitter(rng, city.location, 0.02);
      const id = insertPartnerShop(db, {
        externalId: `SHOP-${pad(serial, 4)}`,
        name: `${city.nameZh}${rng.pick(['鑫', '华', '宏', '诚', '恒', '通', '安', '达'])}${rng.pick(['达', '信', '源', '泰', '瑞', '盛'])}${rng.pick(SHOP_SUFFIXES)}`,
        provinceAdcode: city.provinceAdcode,
        cityId: city.id,
        location,
        status: certified ? 'certified' : 'candidate',
        certificationLevel: level,
        skills: [...skills].sort(),
        dailyCapacity: rng.int(4, 12),
        fees,
        certificationCost: Math.round(rng.between(8_000, 20_000)),
        firstTimeFixRate,
      });
      shops.push({ id, provinceAdcode: city.provinceAdcode, location, skills: [...skills], fees, firstTimeFixRate, certified });
    }
  });
  return shops;
}

function generateCustomers(
  db: Db,
  rng: Random,
  cities: CityRecord[],
  factOf: (adcode: string) => ProvinceFacts,
  target: number,
): CustomerRecord[] {
  const demand = (c: CityRecord) => c.population * factOf(c.provinceAdcode).serviceIntensity;
  const totalDemand = cities.reduce((sum, c) => sum + demand(c), 0);
  const customers: CustomerRecord[] = [];
  for (const city of cities) {
    const count = Math.max(2, Math.round((target * demand(city)) / totalDemand));
    for (let k = 0; k < count; k++) {
      const tier = rng.weighted(['key', 'mid', 'general'] as const, (t) => CUSTOMER_TIER_SHARE[t]);
      const location = jitter(rng, city.location, 0.05);
      const serial = customers.length + 1;
      const name = `${city.nameZh}${rng.pick(SITE_KINDS)}${rng.chance(0.4) ? `${rng.int(1, 9)}号` : ''}`;
      const id = insertCustomer(db, {
        externalId: `CUS-${pad(serial, 5)}`,
        name,
        tier,
        provinceAdcode: city.provinceAdcode,
        cityId: city.id,
        address: `${city.nameZh}${rng.pick(['人民', '解放', '建设', '中山', '新华', '和平', '长江', '黄河'])}路${rng.int(1, 999)}号`,
        location,
      });
      // Demand per customer: the city's demand shared out, key accounts with more equipment installed.
      const tierWeight = { key: 3, mid: 1.5, general: 1 }[tier];
      customers.push({ id, provinceAdcode: city.provinceAdcode, tier, location, weight: (demand(city) / count) * tierWeight });
    }
  }
  return customers;
}

const slaHours = (slaTier: SlaTier, customerTier: CustomerTier) => {
  const rule = SLA_RULES.find((r) => r.slaTier === slaTier && r.customerTier === customerTier);
  if (!rule) throw new Error(`no SLA rule for ${slaTier}/${customerTier}`);
  return rule;
};

function pickTicketShape(rng: Random) {
  const line = rng.weighted(PRODUCT_LINES, (l) => l.share);
  const slaTier = rng.weighted(SLA_TIERS, (t) => SLA_SHARE[t]);
  const requiredSkills = rng.chance(0.25) ? [...line.skills, line.extraSkill] : [...line.skills];
  const estimatedMinutes = Math.round((line.serviceMinutes * rng.between(0.7, 1.4) * (slaTier === 'complex' ? 1.5 : 1)) / 15) * 15;
  return { line, slaTier, requiredSkills, estimatedMinutes, fault: rng.pick(line.faults) };
}

const hasSkills = (skills: readonly string[], required: readonly string[]) => required.every((s) => skills.includes(s));

/** Who served a ticket in the past: the nearest capable engineer within reach, else the nearest capable certified shop. */
function chooseServer(customer: CustomerRecord, required: string[], engineers: EngineerRecord[], shops: ShopRecord[]) {
  const nearest = <T>(items: T[], where: (t: T) => LngLat) => {
    let best: T | undefined;
    let bestKm = Infinity;
    for (const item of items) {
      const km = haversineKm(customer.location, where(item));
      if (km < bestKm) [best, bestKm] = [item, km];
    }
    return best ? { item: best, km: bestKm } : undefined;
  };
  const provinceEngineers = engineers.filter((e) => e.provinceAdcode === customer.provinceAdcode && hasSkills(e.skills, required));
  const engineer = nearest(provinceEngineers, (e) => e.home);
  if (engineer && (engineer.km <= DIRECT_REACH_KM || customer.provinceAdcode === CLASSIC_CASE.adcode)) {
    return { kind: 'engineer' as const, engineer: engineer.item, km: engineer.km };
  }
  const capable = shops.filter((s) => s.certified && hasSkills(s.skills, required));
  const local = capable.filter((s) => s.provinceAdcode === customer.provinceAdcode);
  const shop = nearest(local.length > 0 ? local : capable, (s) => s.location);
  if (!shop) throw new Error('no certified shop can serve a demo ticket');
  return { kind: 'shop' as const, shop: shop.item, km: shop.km };
}

function generateHistory(
  rng: Random,
  today: number,
  customers: CustomerRecord[],
  engineers: EngineerRecord[],
  shops: ShopRecord[],
  count: number,
  writeTicket: (t: NewTicket) => number,
): number {
  const pickCustomer = rng.sampler(customers, (c) => c.weight);
  for (let n = 1; n <= count; n++) {
    const customer = pickCustomer();
    const shape = pickTicketShape(rng);
    const day = today - rng.int(1, 365) * MINUTES_PER_DAY;
    const created = day + rng.int(7 * 60, 20 * 60);
    const rule = slaHours(shape.slaTier, customer.tier);
    const server = chooseServer(customer, shape.requiredSkills, engineers, shops);
    const isEngineer = server.kind === 'engineer';
    const firstTimeFix = isEngineer
      ? customer.provinceAdcode === CLASSIC_CASE.adcode
        ? CLASSIC_CASE.firstTimeFixRate
        : DIRECT_FIRST_TIME_FIX
      : server.shop.firstTimeFixRate;
    const travelKm = Math.round(server.km * 1.3 * 10) / 10;
    const travelHours = (server.km * 1.3) / (isEngineer ? 55 : 45);
    const queueHours = rng.between(0.2, shape.slaTier === 'urgent' ? 1.5 : 8);
    const visits: NewVisit[] = [];
    let start = created + Math.round((queueHours + travelHours) * 60);
    const respondedAt = start;
    let fixed = false;
    let resolved = start;
    for (let visitNo = 1; visitNo <= 3 && !fixed; visitNo++) {
      fixed = visitNo === 3 || rng.chance(visitNo === 1 ? firstTimeFix : 0.85);
      const end = start + shape.estimatedMinutes + rng.int(-15, 30);
      visits.push({
        visitNo,
        engineerId: isEngineer ? server.engineer.id : null,
        partnerShopId: isEngineer ? null : server.shop.id,
        startedAt: formatLocal(start),
        endedAt: formatLocal(end),
        travelKm,
        outcome: fixed ? 'fixed' : rng.chance(0.6) ? 'parts_pending' : 'revisit_needed',
      });
      resolved = end;
      start = end + rng.int(18, 72) * 60;
    }
    const closed = resolved + rng.int(30, 24 * 60);
    const due = created + rule.hours * 60;
    const slaMet = rule.measure === 'respond' ? respondedAt <= due : resolved <= due;

    const revenue: NewTicket['revenue'] = [];
    const factor = shape.line.revenueFactor;
    if (rng.chance(0.5)) revenue.push({ kind: 'parts', amount: round2(rng.logNormal(1_800 * factor, 0.6)) });
    if (rng.chance(0.45)) revenue.push({ kind: 'paid_repair', amount: round2(rng.logNormal(2_200 * factor, 0.5)) });
    if (rng.chance(customer.tier === 'general' ? 0.1 : 0.22)) revenue.push({ kind: 'extended_warranty', amount: round2(rng.logNormal(9_000 * factor, 0.4)) });
    if (rng.chance(0.12)) revenue.push({ kind: 'value_added', amount: round2(rng.logNormal(3_500 * factor, 0.5)) });

    const costs: NewTicket['costs'] = [];
    if (rng.chance(0.25)) costs.push({ kind: 'parts', amount: round2(rng.logNormal(450 * factor, 0.5)) });
    visits.forEach((visit, index) => {
      if (isEngineer) {
        if (index > 0) costs.push({ kind: 'repeat_visit', amount: round2(visit.travelKm * 2 * 1.5) });
      } else {
        costs.push({ kind: index === 0 ? 'partner_fee' : 'repeat_visit', amount: server.shop.fees[shape.slaTier] });
      }
    });

    writeTicket({
      externalId: `T${formatLocal(created).slice(0, 10).replaceAll('-', '')}-${pad(n, 5)}`,
      customerId: customer.id,
      provinceAdcode: customer.provinceAdcode,
      productLine: shape.line.code,
      fault: shape.fault,
      slaTier: shape.slaTier,
      createdAt: formatLocal(created),
      slaDueAt: formatLocal(due),
      requiredSkills: shape.requiredSkills,
      estimatedMinutes: shape.estimatedMinutes,
      windowStart: null,
      windowEnd: null,
      status: 'closed',
      engineerId: isEngineer ? server.engineer.id : null,
      partnerShopId: isEngineer ? null : server.shop.id,
      respondedAt: formatLocal(respondedAt),
      resolvedAt: formatLocal(resolved),
      closedAt: formatLocal(closed),
      firstTimeFix: visits.length === 1,
      slaMet,
      visits,
      revenue,
      costs,
    });
  }
  return count;
}

function generateOpenTickets(
  rng: Random,
  today: number,
  customers: CustomerRecord[],
  count: number,
  writeTicket: (t: NewTicket) => number,
): number {
  // The working day starts at 08:00: open tickets were raised in the two days before, urgent ones in the last hours.
  const dayStart = today + 8 * 60;
  const named = Object.values(OPEN_TICKETS_BY_PROVINCE).reduce((a, b) => a + b, 0);
  const scale = Math.min(1, count / named);
  const plan = Object.entries(OPEN_TICKETS_BY_PROVINCE).map(([adcode, n]) => [adcode, Math.round(n * scale)] as const);
  const planned = plan.reduce((sum, [, n]) => sum + n, 0);
  const elsewhere = customers.filter((c) => !(c.provinceAdcode in OPEN_TICKETS_BY_PROVINCE));
  let serial = 0;
  const write = (customer: CustomerRecord) => {
    serial++;
    const shape = pickTicketShape(rng);
    const rule = slaHours(shape.slaTier, customer.tier);
    const ageHours = { urgent: rng.between(0, 1.5), regular: rng.between(0, 10), complex: rng.between(0, 36) }[shape.slaTier];
    const created = dayStart - Math.round(ageHours * 60);
    const withWindow = shape.slaTier === 'regular' && rng.chance(0.4);
    const window = rng.pick([
      [9 * 60, 12 * 60],
      [13 * 60, 17 * 60],
      [14 * 60, 18 * 60],
    ] as const);
    writeTicket({
      externalId: `T${formatLocal(today).slice(0, 10).replaceAll('-', '')}-O${pad(serial, 4)}`,
      customerId: customer.id,
      provinceAdcode: customer.provinceAdcode,
      productLine: shape.line.code,
      fault: shape.fault,
      slaTier: shape.slaTier,
      createdAt: formatLocal(created),
      slaDueAt: formatLocal(created + rule.hours * 60),
      requiredSkills: shape.requiredSkills,
      estimatedMinutes: shape.estimatedMinutes,
      windowStart: withWindow ? formatLocal(today + window[0]) : null,
      windowEnd: withWindow ? formatLocal(today + window[1]) : null,
      status: rng.chance(0.85) ? 'new' : 'assigned',
      engineerId: null,
      partnerShopId: null,
      respondedAt: null,
      resolvedAt: null,
      closedAt: null,
      firstTimeFix: null,
      slaMet: null,
      visits: [],
      revenue: [],
      costs: [],
    });
  };
  for (const [adcode, n] of plan) {
    const local = customers.filter((c) => c.provinceAdcode === adcode);
    for (let i = 0; i < n; i++) write(rng.weighted(local, (c) => c.weight));
  }
  for (let i = planned; i < count; i++) write(rng.weighted(elsewhere, (c) => c.weight));
  return Math.max(count, planned);
}
