// What the network planner learns from the store: a year of demand and its economics, the team and the shops.
// One aggregation per question; the planner's model is built from these rows by pure code in main/network.
import type { SlaTier } from '../../shared/domain';
import type { Db } from './db';

export interface CityRow {
  id: number;
  provinceAdcode: string;
  nameZh: string;
  nameEn: string;
  lng: number;
  lat: number;
}

export interface CityDemandRow {
  provinceAdcode: string;
  /** The customer's city; null when the customer has none recorded (the planner puts it at the capital). */
  cityId: number | null;
  slaTier: SlaTier;
  productLine: string;
  jobs: number;
  keyCustomerJobs: number;
}

export interface TicketEconomicsRow {
  provinceAdcode: string;
  slaTier: SlaTier;
  productLine: string;
  servedBy: 'direct' | 'partner';
  tickets: number;
  revenueFen: number;
  /** Parts and other material costs: paid whoever does the work. */
  materialCostFen: number;
  firstTimeFixes: number;
  serviceMinutes: number;
}

export interface TeamRow {
  provinceAdcode: string;
  homeCityId: number | null;
  homeLng: number;
  homeLat: number;
  salaryFen: number;
  vehicleFen: number;
  travelAllowanceFen: number;
  dailyMinutes: number;
}

export interface ShopRow {
  id: number;
  name: string;
  provinceAdcode: string;
  cityId: number | null;
  lng: number;
  lat: number;
  status: 'certified' | 'candidate' | 'suspended';
  dailyCapacity: number;
  feeFen: Record<SlaTier, number>;
  certificationCostFen: number;
  firstTimeFixRate: number;
}

export interface NetworkHistory {
  provinces: Array<{ adcode: string; nameZh: string; nameEn: string; wageIndex: number; capitalCityId: number | null }>;
  cities: CityRow[];
  demand: CityDemandRow[];
  economics: TicketEconomicsRow[];
  team: TeamRow[];
  shops: ShopRow[];
}

/** Closed tickets with closed_at in [since, until), local time strings 'YYYY-MM-DD HH:MM'. */
export function networkHistory(db: Db, since: string, until: string): NetworkHistory {
  const provinces = db
    .prepare(
      `SELECT p.adcode, p.name_zh AS nameZh, p.name_en AS nameEn, p.wage_index AS wageIndex,
         (SELECT c.id FROM cities c WHERE c.province_adcode = p.adcode ORDER BY c.is_capital DESC, c.population DESC LIMIT 1) AS capitalCityId
       FROM provinces p ORDER BY p.adcode`,
    )
    .all() as NetworkHistory['provinces'];
  const cities = db
    .prepare('SELECT id, province_adcode AS provinceAdcode, name_zh AS nameZh, name_en AS nameEn, lng, lat FROM cities ORDER BY id')
    .all() as CityRow[];
  const demand = db
    .prepare(
      `SELECT t.province_adcode AS provinceAdcode, c.city_id AS cityId, t.sla_tier AS slaTier, t.product_line AS productLine,
         count(*) AS jobs, sum(c.tier = 'key') AS keyCustomerJobs
       FROM tickets t JOIN customers c ON c.id = t.customer_id
       WHERE t.status = 'closed' AND t.closed_at >= ? AND t.closed_at < ?
       GROUP BY t.province_adcode, c.city_id, t.sla_tier, t.product_line`,
    )
    .all(since, until) as CityDemandRow[];
  const economics = db
    .prepare(
      `SELECT t.province_adcode AS provinceAdcode, t.sla_tier AS slaTier, t.product_line AS productLine,
         CASE WHEN t.partner_shop_id IS NULL THEN 'direct' ELSE 'partner' END AS servedBy,
         count(*) AS tickets,
         coalesce(sum((SELECT sum(r.amount_fen) FROM revenue_lines r WHERE r.ticket_id = t.id)), 0) AS revenueFen,
         coalesce(sum((SELECT sum(l.amount_fen) FROM cost_lines l WHERE l.ticket_id = t.id AND l.kind IN ('parts', 'other'))), 0) AS materialCostFen,
         coalesce(sum(t.first_time_fix), 0) AS firstTimeFixes,
         sum(t.estimated_minutes) AS serviceMinutes
       FROM tickets t
       WHERE t.status = 'closed' AND t.closed_at >= ? AND t.closed_at < ?
       GROUP BY 1, 2, 3, 4`,
    )
    .all(since, until) as TicketEconomicsRow[];
  const team = db
    .prepare(
      `SELECT province_adcode AS provinceAdcode, home_city_id AS homeCityId, home_lng AS homeLng, home_lat AS homeLat,
         salary_fen AS salaryFen, vehicle_fen AS vehicleFen, travel_allowance_fen AS travelAllowanceFen,
         shift_end_min - shift_start_min - lunch_minutes AS dailyMinutes
       FROM engineers WHERE active = 1 ORDER BY id`,
    )
    .all() as TeamRow[];
  const shops = (
    db
      .prepare(
        `SELECT id, name, province_adcode AS provinceAdcode, city_id AS cityId, lng, lat, status, daily_capacity AS dailyCapacity,
           fee_urgent_fen, fee_regular_fen, fee_complex_fen, certification_cost_fen AS certificationCostFen,
           first_time_fix_rate AS firstTimeFixRate
         FROM partner_shops ORDER BY id`,
      )
      .all() as Array<Omit<ShopRow, 'feeFen'> & { fee_urgent_fen: number; fee_regular_fen: number; fee_complex_fen: number }>
  ).map(({ fee_urgent_fen, fee_regular_fen, fee_complex_fen, ...shop }) => ({
    ...shop,
    feeFen: { urgent: fee_urgent_fen, regular: fee_regular_fen, complex: fee_complex_fen },
  }));
  return { provinces, cities, demand, economics, team, shops };
}
