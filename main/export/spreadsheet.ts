// Tables as files a Chinese office opens without fuss: CSV (shared/csv.ts) and XLSX workbooks through exceljs (a
// maintained library rather than hand-written XML).
import ExcelJS from 'exceljs';
import type { SheetValue } from '../../shared/csv';

export { csvCell, toCsv, type SheetValue } from '../../shared/csv';

/** Excel limits sheet names to 31 characters and forbids a few symbols. */
export const sheetName = (name: string): string => name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);

/** A small table as a workbook in memory (templates); whole store tables stream instead (tables.ts). */
export async function toXlsx(title: string, headers: readonly string[], rows: Iterable<readonly SheetValue[]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Service Atlas';
  const sheet = workbook.addWorksheet(sheetName(title));
  sheet.addRow([...headers]).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  // Cells that look like formulas stay text: exceljs writes strings as strings, never as formulas.
  for (const row of rows) sheet.addRow([...row]);
  sheet.columns.forEach((column) => {
    column.width = 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
