import type { PnlFigures, PnlReport } from '../../shared/finance';
import { formatCny, formatPercent } from '../../shared/format';
import { padEnd, padStart } from './textTable';

const COLUMNS: Array<{ title: string; width: number; value(f: PnlFigures): string }> = [
  { title: '收入 Revenue', width: 14, value: (f) => formatCny(f.revenue, 'zh-CN') },
  { title: '成本 Cost', width: 14, value: (f) => formatCny(f.cost, 'zh-CN') },
  { title: '利润 Profit', width: 14, value: (f) => formatCny(f.profit, 'zh-CN') },
  { title: 'Margin', width: 8, value: (f) => formatPercent(f.margin, 'zh-CN') },
  { title: 'FCR', width: 7, value: (f) => formatPercent(f.fcr, 'zh-CN') },
  { title: 'SLA', width: 7, value: (f) => formatPercent(f.slaAttainment, 'zh-CN') },
  { title: 'Rev/eng', width: 11, value: (f) => (f.engineers > 0 ? formatCny(f.revenuePerEngineer, 'zh-CN') : '—') },
  { title: 'Tickets', width: 8, value: (f) => String(f.tickets) },
];


/** The P&L as a terminal table, provinces by profit, then the total. */
export function pnlText(report: PnlReport): string {
  const line = (name: string, f: PnlFigures) => padEnd(name, 20) + COLUMNS.map((c) => padStart(c.value(f), c.width)).join(' ');
  const rows = [...report.provinces].sort((a, b) => a.profit - b.profit);
  return [
    `Service P&L ${report.from} – ${report.to} (CNY)`,
    padEnd('省份 Province', 20) + COLUMNS.map((c) => padStart(c.title, c.width)).join(' '),
    ...rows.map((p) => line(`${p.name} ${p.adcode}`, p)),
    line('合计 Total', report.total),
    '',
  ].join('\n');
}
