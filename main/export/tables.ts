// A store table as CSV or XLSX, for users who take their data elsewhere.
import type { Db } from '../store/db';
import { dumpTable } from '../store/tables';
import { type SheetValue, toCsv, toXlsx } from './spreadsheet';

export type ExportFormat = 'csv' | 'xlsx';

const sheetValue = (value: unknown): SheetValue =>
  value === null || value === undefined ? null : typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : String(value);

export async function exportTable(db: Db, table: string, format: ExportFormat): Promise<Buffer> {
  const dump = dumpTable(db, table);
  const rows = (function* () {
    for (const row of dump.rows) yield row.map(sheetValue);
  })();
  return format === 'csv' ? Buffer.from(toCsv(dump.columns, rows), 'utf8') : toXlsx(dump.name, dump.columns, rows);
}
