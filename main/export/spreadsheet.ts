// Tables as files a Chinese office opens without fuss: CSV in UTF-8 with a BOM (Excel in China otherwise guesses GBK)
// and CRLF line ends, and XLSX workbooks through exceljs (a maintained library rather than hand-written XML).
import ExcelJS from 'exceljs';

export type SheetValue = string | number | null;

/** Text a spreadsheet would run as a formula is written as text (CSV injection). */
export function csvCell(value: SheetValue): string {
  if (value === null) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(headers: readonly string[], rows: Iterable<readonly SheetValue[]>): string {
  const lines = [headers.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

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
