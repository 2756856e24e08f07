// Synthetic dispatch days around real city centres, for property tests and the realistic-day benchmark.
import type { CustomerTier, Engineer, LngLat, OpenTicket, PartnerShop, SlaTier } from '../../../shared/domain';
import { formatLocal, parseLocalDate } from '../../../shared/time';
import { Random } from '../../../shared/random';
import type { DispatchDay } from '../dispatch/dispatchDay';

const CITIES: LngLat[] = [
  [113.26, 23.13], [114.06, 22.54], [113.75, 23.02], [113.12, 23.02], [114.42, 23.11], [113.39, 22.52], [113.08, 22.58], [113.58, 22.27],
];
const SKILLS = ['hvac', 'refrigeration', 'electrical', 'medical', 'mechanical'];

export interface SyntheticDayOptions {
  engineers: number;
  tickets: number;
  shops: number;
  seed: number;
  date?: string;
}

export function syntheticDay(options: SyntheticDayOptions): DispatchDay {
  const rng = new Random(options.seed);
  const date = options.date ?? '2026-11-25';
  const day = parseLocalDate(date);
  const near = (spread: number): LngLat => {
    const [lng, lat] = rng.pick(CITIES);
    return [Math.round((lng + rng.normal() * spread) * 1e5) / 1e5, Math.round((lat + rng.normal() * spread * 0.8) * 1e5) / 1e5];
  };
  const skillsSubset = (count: number) => rng.shuffle([...SKILLS]).slice(0, count).sort();
  const engineers: Engineer[] = Array.from({ length: options.engineers }, (_, i) => {
    const early = rng.chance(0.5);
    return {
      id: i + 1,
      externalId: `E${i + 1}`,
      name: `Engineer ${i + 1}`,
      provinceAdcode: '440000',
      homeCity: '',
      home: near(0.05),
      skills: skillsSubset(rng.int(2, 4)),
      shiftStart: early ? 480 : 540,
      shiftEnd: early ? 1050 : 1080,
      lunchWindowStart: 690,
      lunchWindowEnd: 810,
      lunchMinutes: 60,
      salary: 0,
      vehicleCost: 0,
      travelAllowance: 0,
      maxJobsPerDay: rng.int(5, 7),
    };
  });
  const tiers: SlaTier[] = ['urgent', 'regular', 'regular', 'regular', 'complex'];
  const tickets: OpenTicket[] = Array.from({ length: options.tickets }, (_, i) => {
    const slaTier = rng.pick(tiers);
    const customerTier = rng.weighted(['key', 'mid', 'general'] as const, (t) => ({ key: 1, mid: 3, general: 6 })[t]) as CustomerTier;
    const created = day + 8 * 60 - rng.int(0, slaTier === 'urgent' ? 90 : 600);
    const hours = slaTier === 'urgent' ? 2 : slaTier === 'regular' ? 12 : 48;
    const window = slaTier === 'regular' && rng.chance(0.3) ? rng.pick([[540, 720], [780, 1020], [840, 1080]] as const) : null;
    return {
      id: 1000 + i,
      externalId: `T${1000 + i}`,
      provinceAdcode: '440000',
      address: '',
      customerName: `Customer ${i}`,
      customerTier,
      location: near(0.08),
      productLine: 'commercial_hvac',
      fault: 'fault',
      slaTier,
      status: 'new',
      createdAt: formatLocal(created),
      slaDueAt: formatLocal(created + hours * 60),
      requiredSkills: skillsSubset(rng.chance(0.8) ? 1 : 2),
      estimatedMinutes: rng.pick([45, 60, 90, 120]),
      windowStart: window ? formatLocal(day + window[0]) : null,
      windowEnd: window ? formatLocal(day + window[1]) : null,
    };
  });
  const shops: PartnerShop[] = Array.from({ length: options.shops }, (_, i) => ({
    id: 500 + i,
    externalId: `S${500 + i}`,
    name: `Shop ${500 + i}`,
    provinceAdcode: '440000',
    city: '',
    location: near(0.05),
    status: 'certified',
    certificationLevel: 'silver',
    skills: skillsSubset(rng.int(2, 5)),
    dailyCapacity: rng.int(3, 8),
    fees: { urgent: rng.int(350, 450), regular: rng.int(180, 260), complex: rng.int(520, 800) },
    firstTimeFixRate: 0.8,
  }));
  return { date, now: `${date} 08:00`, engineers, tickets, shops };
}
