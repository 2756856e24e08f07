// The profit channels: the P&L per province, a province's drill-down, and the report as CSV or XLSX.
import { lastTwelveMonths, monthRange } from '../../shared/finance';
import type { DomainHandlers, HandlerContext } from '../api/context';
import { InvalidArgumentError, notFound } from '../api/errors';
import { exportedFile } from '../export/exportedFile';
import { listProvinces } from '../store/reference';
import { pnlCsv, pnlXlsx } from './export';
import { MAX_REPORT_MONTHS, pnlDrilldown, pnlReport } from './report';

export function financeHandlers({ db, reportingDay }: HandlerContext): DomainHandlers<'finance'> {
  const period = (arg: { from?: string | undefined; to?: string | undefined }) => {
    const fallback = lastTwelveMonths(reportingDay());
    const from = arg.from ?? fallback.from;
    const to = arg.to ?? fallback.to;
    if (from > to) throw new InvalidArgumentError(`The period starts (${from}) after it ends (${to}).`, [{ field: 'from', message: `after 'to' (${to})` }]);
    if (monthRange(from, to).length > MAX_REPORT_MONTHS) {
      throw new InvalidArgumentError(`The period is longer than ${MAX_REPORT_MONTHS} months.`, [{ field: 'from', message: 'period too long' }]);
    }
    return { from, to };
  };

  return {
    'pnl.report': (arg) => {
      const { from, to } = period(arg);
      return pnlReport(db, from, to);
    },
    'pnl.drilldown': (arg) => {
      const { from, to } = period(arg);
      if (!listProvinces(db).some((p) => p.adcode === arg.adcode)) notFound(`No province with code ${arg.adcode}`);
      return pnlDrilldown(db, arg.adcode, from, to);
    },
    'pnl.export': async (arg) => {
      const { from, to } = period(arg);
      const report = pnlReport(db, from, to);
      const fileName = `service-atlas-pnl-${from}-${to}.${arg.format}`;
      return exportedFile(fileName, arg.format, arg.format === 'csv' ? pnlCsv(report, arg.locale) : await pnlXlsx(report, arg.locale));
    },
  };
}
