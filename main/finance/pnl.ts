// The province P&L as pure arithmetic over the store's roll-up rows and the direct team's costs. Everything is summed
// as integers (fen, counts, minutes, metres) until the end, so that every figure is exact to the cent and totals
// equal the sum of the provinces.
import type { MonthFigures, PnlFigures, PnlReport, ProvincePnl } from '../../shared/finance';
import { monthRange } from '../../shared/finance';
import type { EngineerCostBase } from '../store/engineerCosts';
import type { RollupRow } from '../store/pnlRollup';

/** The Chinese labour standard's working days per month. */
export const WORKING_DAYS_PER_MONTH = 21.75;
/** Average driving speed for turning the direct team's kilometres into travel time. */
export const TRAVEL_KMH = 40;

export interface ProvinceRef {
  adcode: string;
  nameZh: string;
  nameEn: string;
}

type Measure = Exclude<keyof RollupRow, 'province_adcode' | 'month'> | 'salary_fen' | 'vehicle_fen' | 'travel_allowance_fen' | 'available_minutes';
type Sums = Record<Measure, number>;

const ROLLUP_MEASURES = [
  'tickets', 'direct_tickets', 'partner_tickets', 'first_time_fixes',
  'urgent_tickets', 'urgent_sla_met', 'regular_tickets', 'regular_sla_met', 'complex_tickets', 'complex_sla_met',
  'revenue_parts_fen', 'revenue_paid_repair_fen', 'revenue_extended_warranty_fen', 'revenue_value_added_fen', 'direct_revenue_fen',
  'cost_parts_fen', 'cost_partner_fee_fen', 'cost_repeat_visit_fen', 'cost_travel_fen', 'cost_other_fen',
  'engineer_service_minutes', 'engineer_travel_m',
] as const satisfies readonly Measure[];
const MEASURES: readonly Measure[] = [...ROLLUP_MEASURES, 'salary_fen', 'vehicle_fen', 'travel_allowance_fen', 'available_minutes'];

const zero = (): Sums => Object.fromEntries(MEASURES.map((m) => [m, 0])) as Sums;

function add(into: Sums, from: Partial<Sums>): void {
  for (const m of MEASURES) into[m] += from[m] ?? 0;
}

/** One month's share of the direct team: annual costs / 12, rounded to the fen per cost component. */
export function monthlyEngineerCost(base: EngineerCostBase): Pick<Sums, 'salary_fen' | 'vehicle_fen' | 'travel_allowance_fen' | 'available_minutes'> {
  return {
    salary_fen: Math.round(base.salary_fen / 12),
    vehicle_fen: Math.round(base.vehicle_fen / 12),
    travel_allowance_fen: Math.round(base.travel_allowance_fen / 12),
    available_minutes: base.daily_minutes * WORKING_DAYS_PER_MONTH,
  };
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const yuan = (fen: number) => fen / 100;
const revenueFen = (s: Sums) => s.revenue_parts_fen + s.revenue_paid_repair_fen + s.revenue_extended_warranty_fen + s.revenue_value_added_fen;
const costFen = (s: Sums) =>
  s.salary_fen + s.vehicle_fen + s.travel_allowance_fen + s.cost_parts_fen + s.cost_partner_fee_fen + s.cost_repeat_visit_fen + s.cost_travel_fen + s.cost_other_fen;

function figures(s: Sums, engineers: number): PnlFigures {
  const revenue = revenueFen(s);
  const cost = costFen(s);
  const travelMinutes = (s.engineer_travel_m / 1000 / TRAVEL_KMH) * 60;
  const met = s.urgent_sla_met + s.regular_sla_met + s.complex_sla_met;
  return {
    revenue: yuan(revenue),
    revenueByKind: {
      parts: yuan(s.revenue_parts_fen),
      paidRepair: yuan(s.revenue_paid_repair_fen),
      extendedWarranty: yuan(s.revenue_extended_warranty_fen),
      valueAdded: yuan(s.revenue_value_added_fen),
    },
    cost: yuan(cost),
    costByKind: {
      salary: yuan(s.salary_fen),
      vehicle: yuan(s.vehicle_fen),
      travelAllowance: yuan(s.travel_allowance_fen),
      partnerFees: yuan(s.cost_partner_fee_fen),
      parts: yuan(s.cost_parts_fen),
      repeatVisits: yuan(s.cost_repeat_visit_fen),
      travel: yuan(s.cost_travel_fen),
      other: yuan(s.cost_other_fen),
    },
    profit: yuan(revenue - cost),
    margin: ratio(revenue - cost, revenue),
    tickets: s.tickets,
    directTickets: s.direct_tickets,
    partnerTickets: s.partner_tickets,
    fcr: ratio(s.first_time_fixes, s.tickets),
    slaAttainment: ratio(met, s.tickets),
    slaAttainmentByTier: {
      urgent: ratio(s.urgent_sla_met, s.urgent_tickets),
      regular: ratio(s.regular_sla_met, s.regular_tickets),
      complex: ratio(s.complex_sla_met, s.complex_tickets),
    },
    engineers,
    revenuePerEngineer: engineers > 0 ? yuan(Math.round(s.direct_revenue_fen / engineers)) : 0,
    costPerTicket: s.tickets > 0 ? yuan(Math.round(cost / s.tickets)) : 0,
    utilisation: ratio(s.engineer_service_minutes + travelMinutes, s.available_minutes),
    partnerShare: ratio(s.partner_tickets, s.tickets),
  };
}

function monthFigures(month: string, s: Sums): MonthFigures {
  const revenue = revenueFen(s);
  const cost = costFen(s);
  return { month, revenue: yuan(revenue), cost: yuan(cost), profit: yuan(revenue - cost) };
}

/** The report for months `from`..`to` (inclusive): every province, with zeros where nothing happened. */
export function buildPnlReport(
  provinces: readonly ProvinceRef[],
  rows: readonly RollupRow[],
  bases: readonly EngineerCostBase[],
  from: string,
  to: string,
): PnlReport {
  const months = monthRange(from, to);
  const baseOf = new Map(bases.map((b) => [b.province_adcode, b]));
  const rowOf = new Map(rows.map((r) => [`${r.province_adcode}|${r.month}`, r]));
  const total = zero();
  const totalByMonth = months.map(zero);
  let totalEngineers = 0;

  const result: ProvincePnl[] = provinces.map((p) => {
    const base = baseOf.get(p.adcode);
    const period = zero();
    const byMonth = months.map((month, i) => {
      const s = zero();
      add(s, rowOf.get(`${p.adcode}|${month}`) ?? {});
      if (base) add(s, monthlyEngineerCost(base));
      add(period, s);
      add(totalByMonth[i] as Sums, s);
      return monthFigures(month, s);
    });
    add(total, period);
    totalEngineers += base?.engineers ?? 0;
    return { adcode: p.adcode, name: p.nameZh, nameEn: p.nameEn, ...figures(period, base?.engineers ?? 0), months: byMonth };
  });
  return {
    from,
    to,
    months,
    provinces: result,
    total: { ...figures(total, totalEngineers), months: totalByMonth.map((s, i) => monthFigures(months[i] as string, s)) },
  };
}
