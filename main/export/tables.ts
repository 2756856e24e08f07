// A store table as CSV or XLSX, for users who take their data elsewhere. Rows stream from SQLite straight into the
// file: building the whole workbook in memory first took 2.1 GB for 120,000 tickets and never finished for 420,000.
// The file is written beside its target and renamed into place, so that it appears whole or not at all.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Db } from '../store/db';
import { dumpTable } from '../store/tables';
import { csvCell, sheetName, type SheetValue } from './spreadsheet';

export type ExportFormat = 'csv' | 'xlsx';

export interface WriteTableOptions {
  /** Polled every few thousand rows; true stops the export (ExportCancelledError) and leaves no file. */
  shouldStop?: () => boolean;
  onProgress?: (rowsWritten: number, rowsTotal: number) => void;
  /** XLSX rows per sheet, the header included; Excel's limit unless said otherwise. */
  maxRowsPerSheet?: number;
}

export interface WrittenTable {
  rows: number;
  bytes: number;
}

export class ExportCancelledError extends Error {
  override name = 'ExportCancelledError';
}

/** Excel's row limit per sheet, its header row included: a longer table goes on over further sheets. */
export const XLSX_MAX_ROWS = 1_048_576;
/** Rows between progress reports, stop checks and (for XLSX) letting the zip stream drain to disk. */
const BATCH_ROWS = 2_000;

const sheetValue = (value: unknown): SheetValue =>
  value === null || value === undefined ? null : typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : String(value);

type RowSink = { add(row: SheetValue[]): void; pause(): Promise<void>; close(): Promise<void> };

export async function writeTable(db: Db, table: string, format: ExportFormat, target: string, options: WriteTableOptions = {}): Promise<WrittenTable> {
  const dump = dumpTable(db, table);
  const total = db.prepare(`SELECT count(*) FROM "${dump.name}"`).pluck().get() as number;
  const partial = `${target}.partial`;
  let rows = 0;
  try {
    const sink = format === 'csv' ? csvSink(partial, dump.columns) : xlsxSink(partial, dump.name, dump.columns, options.maxRowsPerSheet ?? XLSX_MAX_ROWS);
    for (const row of dump.rows) {
      sink.add(row.map(sheetValue));
      if (++rows % BATCH_ROWS === 0) {
        if (options.shouldStop?.()) throw new ExportCancelledError(`export of ${table} cancelled`);
        options.onProgress?.(rows, Math.max(total, rows));
        await sink.pause();
      }
    }
    await sink.close();
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  options.onProgress?.(rows, rows);
  return { rows, bytes: fs.statSync(target).size };
}

/** CSV as shared/csv.ts writes it (BOM, CRLF, formula-looking text escaped), appended in blocks. */
function csvSink(file: string, headers: readonly string[]): RowSink {
  const fd = fs.openSync(file, 'w');
  let block = `\uFEFF${headers.map(csvCell).join(',')}\r\n`;
  const flush = () => {
    fs.writeSync(fd, block);
    block = '';
  };
  return {
    add: (row) => {
      block += `${row.map(csvCell).join(',')}\r\n`;
    },
    pause: async () => flush(),
    close: async () => {
      flush();
      fs.closeSync(fd);
    },
  };
}

/** exceljs's streaming writer: each row is committed (serialised into the zip) as it comes, nothing is kept. */
function xlsxSink(file: string, name: string, headers: readonly string[], maxRows: number): RowSink {
  const stream = fs.createWriteStream(file);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Service Atlas';
  let sheet: ExcelJS.Worksheet | null = null;
  let sheets = 0;
  let rowsOnSheet = 0;
  const nextSheet = () => {
    sheet?.commit();
    sheets++;
    sheet = workbook.addWorksheet(sheetName(sheets === 1 ? name : `${name} (${sheets})`), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = headers.map(() => ({ width: 16 }));
    const header = sheet.addRow([...headers]);
    header.font = { bold: true };
    header.commit();
    rowsOnSheet = 1;
  };
  nextSheet();
  return {
    add: (row) => {
      if (rowsOnSheet === maxRows) nextSheet();
      // Cells that look like formulas stay text: exceljs writes strings as strings, never as formulas.
      sheet!.addRow(row).commit();
      rowsOnSheet++;
    },
    // Let the compressed bytes reach the disk before the next batch, so that they do not pile up in memory.
    pause: () => new Promise<void>((resolve) => (stream.writableNeedDrain ? stream.once('drain', () => resolve()) : setImmediate(resolve))),
    close: async () => {
      sheet!.commit();
      await workbook.commit();
    },
  };
}
