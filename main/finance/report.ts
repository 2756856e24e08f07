// The P&L as the app, the command line and the benchmark get it: store reads, then the pure computation.
import type { PnlDrilldown, PnlReport, ServerFigures } from '../../shared/finance';
import { addMonths, monthRange } from '../../shared/finance';
import type { Db } from '../store/db';
import { engineerFigures, shopFigures, type ServerFiguresRow } from '../store/drilldown';
import { engineerCostBases } from '../store/engineerCosts';
import { rollupRows } from '../store/pnlRollup';
import { listProvinces } from '../store/reference';
import { buildPnlReport } from './pnl';

export const MAX_REPORT_MONTHS = 120;

export function pnlReport(db: Db, from: string, to: string): PnlReport {
  const months = monthRange(from, to);
  if (months.length === 0) throw new RangeError(`The period is empty: ${from} is after ${to}.`);
  if (months.length > MAX_REPORT_MONTHS) throw new RangeError(`The period is longer than ${MAX_REPORT_MONTHS} months.`);
  return buildPnlReport(listProvinces(db), rollupRows(db, from, to), engineerCostBases(db), from, to);
}

function serverFigures(row: ServerFiguresRow, extraCostFen = 0): ServerFigures {
  const cost = row.cost_fen + extraCostFen;
  const ratio = (part: number) => (row.tickets > 0 ? part / row.tickets : 0);
  return {
    id: row.id,
    name: row.name,
    tickets: row.tickets,
    fcr: ratio(row.first_time_fixes),
    slaAttainment: ratio(row.sla_met),
    revenue: row.revenue_fen / 100,
    cost: cost / 100,
    profit: (row.revenue_fen - cost) / 100,
  };
}

export function pnlDrilldown(db: Db, adcode: string, from: string, to: string): PnlDrilldown {
  const months = monthRange(from, to).length;
  const since = `${from}-01 00:00`;
  const until = `${addMonths(to, 1)}-01 00:00`;
  return {
    adcode,
    from,
    to,
    engineers: engineerFigures(db, adcode, since, until).map((row) => serverFigures(row, Math.round(row.annual_cost_fen / 12) * months)),
    shops: shopFigures(db, adcode, since, until).map((row) => ({ ...serverFigures(row), status: row.status })),
  };
}
