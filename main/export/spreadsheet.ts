// Tables as files a Chinese office opens without fuss: CSV (shared/csv.ts) and XLSX workbooks through exceljs (a
// maintained library rather than hand-written XML).
import ExcelJS from 'exceljs';
import type { SheetValue } from '../../shared/csv';

export { csvCell, toCsv, type SheetValue } from '../../shared/csv';

export async function toXlsx(sheetName: string, headers: readonly string[], rows: Iterable<readonly SheetValue[]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Service Atlas';
  // Excel limits sheet names to 31 characters and forbids a few symbols.
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
  sheet.addRow([...headers]).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  // Cells that look like formulas stay text: exceljs writes strings as strings, never as formulas.
  for (const row of rows) sheet.addRow([...row]);
  sheet.columns.forEach((column) => {
    column.width = 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
