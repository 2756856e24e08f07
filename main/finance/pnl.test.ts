import { beforeAll, describe, expect, it } from 'vitest';
import type { PnlFigures, PnlReport } from '../../shared/finance';
import { generateDemo } from '../demo/generator';
import { openDatabase, type Db } from '../store/db';
import { pnlCsv, pnlXlsx } from './export';
import { pnlDrilldown, pnlReport } from './report';
import ExcelJS from 'exceljs';

const FROM = '2025-12';
const TO = '2026-11';
let db: Db;
let report: PnlReport;

beforeAll(() => {
  db = openDatabase(':memory:');
  generateDemo(db, { today: '2026-11-25' });
  report = pnlReport(db, FROM, TO);
});

/** The P&L written once more as one plain SQL query straight over tickets, lines and engineers. */
function plainSqlPnl(from: string, to: string): Map<string, { revenue: number; cost: number; tickets: number; ftf: number }> {
  const months = db.prepare("SELECT count(*) FROM (WITH RECURSIVE m(x) AS (SELECT ? UNION ALL SELECT strftime('%Y-%m', x || '-01', '+1 month') FROM m WHERE x < ?) SELECT x FROM m)").pluck().get(from, to) as number;
  const rows = db
    .prepare(
      `SELECT p.adcode,
         (SELECT coalesce(sum(r.amount_fen), 0) FROM revenue_lines r JOIN tickets t ON t.id = r.ticket_id
            WHERE t.province_adcode = p.adcode AND t.status = 'closed' AND substr(t.closed_at, 1, 7) BETWEEN @from AND @to) AS revenue_fen,
         (SELECT coalesce(sum(c.amount_fen), 0) FROM cost_lines c JOIN tickets t ON t.id = c.ticket_id
            WHERE t.province_adcode = p.adcode AND t.status = 'closed' AND substr(t.closed_at, 1, 7) BETWEEN @from AND @to) AS ticket_cost_fen,
         (SELECT coalesce(round(sum(salary_fen) / 12.0), 0) + coalesce(round(sum(vehicle_fen) / 12.0), 0) + coalesce(round(sum(travel_allowance_fen) / 12.0), 0)
            FROM engineers e WHERE e.province_adcode = p.adcode AND e.active = 1) * @months AS engineer_cost_fen,
         (SELECT count(*) FROM tickets t WHERE t.province_adcode = p.adcode AND t.status = 'closed' AND substr(t.closed_at, 1, 7) BETWEEN @from AND @to) AS tickets,
         (SELECT coalesce(sum(first_time_fix), 0) FROM tickets t WHERE t.province_adcode = p.adcode AND t.status = 'closed' AND substr(t.closed_at, 1, 7) BETWEEN @from AND @to) AS ftf
       FROM provinces p`,
    )
    .all({ from, to, months }) as Array<{ adcode: string; revenue_fen: number; ticket_cost_fen: number; engineer_cost_fen: number; tickets: number; ftf: number }>;
  return new Map(rows.map((r) => [r.adcode, { revenue: r.revenue_fen, cost: r.ticket_cost_fen + r.engineer_cost_fen, tickets: r.tickets, ftf: r.ftf }]));
}

const fen = (yuan: number) => Math.round(yuan * 100);

describe('province P&L', () => {
  it('equals a plain SQL computation to the cent, for every province', () => {
    const expected = plainSqlPnl(FROM, TO);
    expect(report.provinces).toHaveLength(34);
    for (const p of report.provinces) {
      const e = expected.get(p.adcode);
      expect(fen(p.revenue), p.name).toBe(e?.revenue);
      expect(fen(p.cost), p.name).toBe(e?.cost);
      expect(fen(p.profit), p.name).toBe((e?.revenue ?? 0) - (e?.cost ?? 0));
      expect(p.tickets, p.name).toBe(e?.tickets);
      expect(p.fcr, p.name).toBeCloseTo(e && e.tickets > 0 ? e.ftf / e.tickets : 0, 12);
    }
  });

  it('has totals equal to the sum of the provinces', () => {
    const sum = (pick: (f: PnlFigures) => number) => report.provinces.reduce((s, p) => s + fen(pick(p)), 0);
    expect(fen(report.total.revenue)).toBe(sum((f) => f.revenue));
    expect(fen(report.total.cost)).toBe(sum((f) => f.cost));
    expect(fen(report.total.profit)).toBe(sum((f) => f.profit));
    expect(report.total.tickets).toBe(report.provinces.reduce((s, p) => s + p.tickets, 0));
    expect(report.total.engineers).toBe(report.provinces.reduce((s, p) => s + p.engineers, 0));
    for (const [i, month] of report.total.months.entries()) {
      expect(fen(month.profit)).toBe(report.provinces.reduce((s, p) => s + fen(p.months[i]?.profit ?? 0), 0));
    }
  });

  it('shows 甘肃 losing about ¥0.7 M over the last 12 months, with FCR under 60 %', () => {
    const gansu = report.provinces.find((p) => p.adcode === '620000');
    expect(gansu?.profit).toBeLessThan(-550_000);
    expect(gansu?.profit).toBeGreaterThan(-900_000);
    expect(gansu?.fcr).toBeLessThan(0.6);
    expect(gansu?.engineers).toBe(3);
  });

  it('shows zeros, never gaps or NaN, where nothing happened', () => {
    const empty = pnlReport(db, '2019-01', '2019-02');
    expect(empty.total.tickets).toBe(0);
    const xizang = empty.provinces.find((p) => p.adcode === '540000');
    expect(xizang).toMatchObject({ revenue: 0, cost: 0, profit: 0, margin: 0, fcr: 0, slaAttainment: 0, revenuePerEngineer: 0, costPerTicket: 0, utilisation: 0, partnerShare: 0 });
    expect(JSON.stringify(empty)).not.toMatch(/NaN|null|Infinity/);
    // The direct team is paid even in an empty month.
    expect(empty.provinces.find((p) => p.adcode === '620000')?.cost).toBeGreaterThan(200_000);
  });

  it('drills down to engineers and shops whose figures add up to the province', () => {
    const drill = pnlDrilldown(db, '440000', FROM, TO);
    const guangdong = report.provinces.find((p) => p.adcode === '440000');
    const tickets = drill.engineers.reduce((s, e) => s + e.tickets, 0) + drill.shops.reduce((s, x) => s + x.tickets, 0);
    expect(tickets).toBe(guangdong?.tickets);
    const revenue = [...drill.engineers, ...drill.shops].reduce((s, x) => s + fen(x.revenue), 0);
    expect(revenue).toBe(fen(guangdong?.revenue ?? 0));
    expect(drill.engineers).toHaveLength(guangdong?.engineers ?? -1);
  });
});

describe('P&L exports', () => {
  it('write CSV with a BOM, one row per province plus the total, formulas neutralised', () => {
    const csv = pnlCsv(report, 'zh-CN');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 34 + 1);
    expect(lines[0]).toContain('省份');
    expect(lines.at(-1)).toContain('合计');
    const hostile = { ...report, provinces: [{ ...report.provinces[0]!, name: '=HYPERLINK("http://x")' }] };
    expect(pnlCsv(hostile, 'zh-CN')).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('write a real XLSX workbook that a spreadsheet library reads back', async () => {
    const buffer = await pnlXlsx(report, 'en');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Province');
    expect(sheet.rowCount).toBe(1 + 34 + 1);
    const gansuRow = sheet.getRows(2, 34)!.find((r) => r.getCell(1).value === '620000')!;
    expect(gansuRow.getCell(5).value).toBe(report.provinces.find((p) => p.adcode === '620000')?.profit);
  });
});
