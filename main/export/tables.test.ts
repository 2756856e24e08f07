import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../demo/generator';
import { openDatabase, type Db } from '../store/db';
import { UnknownTableError } from '../store/tables';
import { makeTempDir } from '../testing/tempDir';
import { ExportCancelledError, writeTable } from './tables';

const temp = makeTempDir();
let db: Db;
beforeAll(() => {
  db = openDatabase(path.join(temp.dir, 'demo.db'));
  generateDemo(db, { today: '2026-11-25', closedTickets: 3_000, openTickets: 300 });
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('writeTable', () => {
  it('stream a table as CSV with its header, one line per row, reporting progress to the end', async () => {
    const file = path.join(temp.dir, 'tickets.csv');
    const progress: number[] = [];
    const written = await writeTable(db, 'tickets', 'csv', file, { onProgress: (done, total) => progress.push(done / total) });
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFFid,external_id,')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1).trimEnd(), { newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(count('tickets') + 1);
    expect(written).toEqual({ rows: count('tickets'), bytes: fs.statSync(file).size });
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThan(1);
  });

  it('stream a table as XLSX, going on over further sheets past the per-sheet row limit', async () => {
    const file = path.join(temp.dir, 'customers.xlsx');
    const rows = count('customers');
    const perSheet = 1_000;
    await writeTable(db, 'customers', 'xlsx', file, { maxRowsPerSheet: perSheet });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheets = workbook.worksheets;
    expect(sheets.map((s) => s.name)).toEqual(Array.from({ length: Math.ceil(rows / (perSheet - 1)) }, (_, i) => (i === 0 ? 'customers' : `customers (${i + 1})`)));
    expect(sheets.reduce((n, s) => n + s.actualRowCount - 1, 0)).toBe(rows);
    for (const sheet of sheets) expect(sheet.getRow(1).getCell(1).value).toBe('id');
    const firstId = db.prepare('SELECT external_id FROM customers ORDER BY rowid LIMIT 1').pluck().get();
    expect(sheets[0]!.getRow(2).getCell(2).value).toBe(firstId);
  });

  it('leave no file behind when stopped or when the table is unknown', async () => {
    const file = path.join(temp.dir, 'stopped.xlsx');
    await expect(writeTable(db, 'tickets', 'xlsx', file, { shouldStop: () => true })).rejects.toThrow(ExportCancelledError);
    await expect(writeTable(db, 'secrets', 'csv', file)).rejects.toThrow(UnknownTableError);
    expect(fs.readdirSync(temp.dir).filter((name) => name.startsWith('stopped'))).toEqual([]);
  });
});
