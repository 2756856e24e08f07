// CSV as Chinese offices open it: UTF-8 with a BOM (Excel in China otherwise guesses GBK) and CRLF line ends. Pure, so
// that the core's exports and the renderer's route sheets write the same way.

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
