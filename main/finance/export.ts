// The P&L table as files: CSV (UTF-8 with BOM, so that Excel in China opens it right) and a real XLSX workbook
// (exceljs: a maintained library rather than hand-written spreadsheet XML).
import ExcelJS from 'exceljs';
import { toCsv } from '../export/spreadsheet';
import { PNL_COLUMNS, type PnlColumn, type PnlFigures, type PnlReport } from '../../shared/finance';

type Locale = 'zh-CN' | 'en';

const HEADERS: Record<PnlColumn, { 'zh-CN': string; en: string }> = {
  adcode: { 'zh-CN': '行政区划代码', en: 'Adcode' },
  name: { 'zh-CN': '省份', en: 'Province' },
  revenue: { 'zh-CN': '服务收入（元）', en: 'Revenue (CNY)' },
  cost: { 'zh-CN': '成本（元）', en: 'Cost (CNY)' },
  profit: { 'zh-CN': '利润（元）', en: 'Profit (CNY)' },
  margin: { 'zh-CN': '利润率', en: 'Margin' },
  fcr: { 'zh-CN': '一次修复率', en: 'First-time fix rate' },
  slaAttainment: { 'zh-CN': 'SLA达成率', en: 'SLA attainment' },
  revenuePerEngineer: { 'zh-CN': '工程师人均收入（元）', en: 'Revenue per engineer (CNY)' },
  tickets: { 'zh-CN': '工单数', en: 'Tickets' },
  engineers: { 'zh-CN': '直营工程师', en: 'Engineers' },
  costPerTicket: { 'zh-CN': '单均成本（元）', en: 'Cost per ticket (CNY)' },
  utilisation: { 'zh-CN': '工程师利用率', en: 'Engineer utilisation' },
  partnerShare: { 'zh-CN': '合作网点占比', en: 'Partner share' },
};

const PERCENT_COLUMNS = new Set<PnlColumn>(['margin', 'fcr', 'slaAttainment', 'utilisation', 'partnerShare']);

type Row = Record<PnlColumn, string | number>;

function rows(report: PnlReport, locale: Locale): Row[] {
  const pick = (adcode: string, name: string, f: PnlFigures): Row => ({
    adcode,
    name,
    revenue: f.revenue,
    cost: f.cost,
    profit: f.profit,
    margin: f.margin,
    fcr: f.fcr,
    slaAttainment: f.slaAttainment,
    revenuePerEngineer: f.revenuePerEngineer,
    tickets: f.tickets,
    engineers: f.engineers,
    costPerTicket: f.costPerTicket,
    utilisation: f.utilisation,
    partnerShare: f.partnerShare,
  });
  return [
    ...report.provinces.map((p) => pick(p.adcode, locale === 'zh-CN' ? p.name : p.nameEn, p)),
    pick('', locale === 'zh-CN' ? '合计' : 'Total', report.total),
  ];
}

/** `headers: 'keys'` writes the column keys (stable for scripts) instead of the translated labels. */
export function pnlCsv(report: PnlReport, locale: Locale, headers: 'labels' | 'keys' = 'labels'): string {
  return toCsv(
    PNL_COLUMNS.map((c) => (headers === 'keys' ? c : HEADERS[c][locale])),
    rows(report, locale).map((row) => PNL_COLUMNS.map((c) => (PERCENT_COLUMNS.has(c) ? Number((row[c] as number).toFixed(6)) : row[c]))),
  );
}

export async function pnlXlsx(report: PnlReport, locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Service Atlas';
  const sheet = workbook.addWorksheet(locale === 'zh-CN' ? `损益 ${report.from}至${report.to}` : `P&L ${report.from} to ${report.to}`);
  sheet.columns = PNL_COLUMNS.map((c) => ({
    header: HEADERS[c][locale],
    key: c,
    width: c === 'name' ? 18 : 16,
    style: { numFmt: PERCENT_COLUMNS.has(c) ? '0.0%' : c === 'tickets' || c === 'engineers' ? '#,##0' : c === 'adcode' || c === 'name' ? '@' : '#,##0.00' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows(report, locale)) sheet.addRow(row);
  sheet.getRow(sheet.rowCount).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
