// The profit view: the P&L per province, a province's drill-down, and the report as a spreadsheet.
import { z } from 'zod';
import type { PnlDrilldown, PnlReport } from '../finance';
import { channel } from './channel';
import { adcode, fileFormat, language, type ExportedFile } from './common';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
/** A P&L period; both ends default to the 12 months up to the reporting day. */
const period = { from: month.optional(), to: month.optional() };

export const financeChannels = {
  'pnl.report': channel(z.object(period).strict()).returns<PnlReport>(),
  'pnl.drilldown': channel(z.object({ adcode, ...period }).strict()).returns<PnlDrilldown>(),
  'pnl.export': channel(z.object({ ...period, format: fileFormat, locale: language }).strict()).returns<ExportedFile>(),
};
