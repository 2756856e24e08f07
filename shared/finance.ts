// The director's P&L: figures per province and period, as the core computes them and every screen, export and the
// `pnl` command show them. Money in CNY (exact to the cent), rates as ratios 0..1 (0 where there is nothing to divide).
import type { SlaTier } from './domain';

export interface PnlFigures {
  revenue: number;
  revenueByKind: { parts: number; paidRepair: number; extendedWarranty: number; valueAdded: number };
  cost: number;
  costByKind: {
    salary: number;
    vehicle: number;
    travelAllowance: number;
    partnerFees: number;
    parts: number;
    repeatVisits: number;
    travel: number;
    other: number;
  };
  profit: number;
  /** profit / revenue; 0 without revenue. */
  margin: number;
  tickets: number;
  directTickets: number;
  partnerTickets: number;
  /** Share of closed tickets fixed at the first visit. */
  fcr: number;
  /** Share of closed tickets that met their SLA clock. */
  slaAttainment: number;
  slaAttainmentByTier: Record<SlaTier, number>;
  engineers: number;
  /** Revenue of the tickets the direct team served, per engineer. */
  revenuePerEngineer: number;
  costPerTicket: number;
  /** Service plus travel time of the direct team over its available shift time (21.75 working days a month). */
  utilisation: number;
  /** Share of closed tickets served by partner shops. */
  partnerShare: number;
}

export interface MonthFigures {
  month: string;
  revenue: number;
  cost: number;
  profit: number;
}

export interface ProvincePnl extends PnlFigures {
  adcode: string;
  name: string;
  nameEn: string;
  months: MonthFigures[];
}

export interface PnlReport {
  from: string;
  to: string;
  months: string[];
  provinces: ProvincePnl[];
  total: PnlFigures & { months: MonthFigures[] };
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: string): boolean {
  return MONTH.test(text);
}

const monthIndex = (month: string) => {
  const match = MONTH.exec(month);
  if (!match) throw new Error(`Not a month 'YYYY-MM': ${month}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
};
const monthAt = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

export function addMonths(month: string, count: number): string {
  return monthAt(monthIndex(month) + count);
}

/** Every month from `from` to `to` inclusive, 'YYYY-MM' (empty when `from` is after `to`). */
export function monthRange(from: string, to: string): string[] {
  const months: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) months.push(monthAt(i));
  return months;
}

/** The 12 months ending with the month of `day` ('YYYY-MM-DD'). */
export function lastTwelveMonths(day: string): { from: string; to: string } {
  const to = day.slice(0, 7);
  return { from: addMonths(to, -11), to };
}

/** One engineer's or partner shop's own figures inside a province, for the drill-down. */
export interface ServerFigures {
  id: number;
  name: string;
  tickets: number;
  fcr: number;
  slaAttainment: number;
  /** Revenue of the tickets this engineer or shop served. */
  revenue: number;
  /** For a shop: fees and other ticket costs paid; for an engineer: ticket costs plus the period's share of the annual cost. */
  cost: number;
  profit: number;
}

export interface PnlDrilldown {
  adcode: string;
  from: string;
  to: string;
  engineers: ServerFigures[];
  shops: Array<ServerFigures & { status: string }>;
}

/** Columns of the P&L table, in the order every export and the `pnl --csv` command write them. */
export const PNL_COLUMNS = [
  'adcode', 'name', 'revenue', 'cost', 'profit', 'margin', 'fcr', 'slaAttainment', 'revenuePerEngineer', 'tickets',
  'engineers', 'costPerTicket', 'utilisation', 'partnerShare',
] as const;
export type PnlColumn = (typeof PNL_COLUMNS)[number];
