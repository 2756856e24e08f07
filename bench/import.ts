// Getting real data in, and keeping it safe (issue 7): 100,000 ticket rows from CSV and XLSX, customers with the
// point-in-province check, and an online backup of the demo database.
import fs from 'node:fs';
import path from 'node:path';
import { toCsv, toXlsx } from '../main/export/spreadsheet';
import { createDemoDatabase } from '../main/demo/createDemoDatabase';
import { importFile, importTemplate } from '../main/import/importFile';
import { backupDatabase } from '../main/store/backup';
import { openDatabase } from '../main/store/db';
import { makeTempDir } from '../main/testing/tempDir';
import { median, type BenchRow } from './measure';

const TICKETS = 100_000;
const CUSTOMERS = 10_000;

/** One import into a fresh copy of the demo database, so every run writes the same rows from scratch. */
async function timedImport(pristine: string, work: string, kind: 'tickets' | 'customers', fileName: string, bytes: Uint8Array, commit = true) {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${work}${suffix}`, { force: true });
  fs.copyFileSync(pristine, work);
  const db = openDatabase(work, { mustExist: true });
  try {
    const start = performance.now();
    const { report } = await importFile(db, { kind, fileName, bytes, commit });
    const ms = performance.now() - start;
    if (report.problemCount > 0) throw new Error(`bench import had problems: ${JSON.stringify(report.problems.slice(0, 3))}`);
    return { ms, report };
  } finally {
    db.close();
  }
}

/** Rows of the tickets template (its English headers) for `count` new tickets of the given customers. */
export function ticketImportRows(customerIds: readonly string[], count: number): string[][] {
  return Array.from({ length: count }, (_, i) => {
    const hour = 8 + (i % 10);
    return [`B-${i}`, customerIds[i % customerIds.length]!, 'commercial_hvac', '主机不制冷，压缩机异响', ['urgent', 'regular', 'complex'][i % 3]!,
      `2026-11-25 0${i % 8}:15`, '', 'hvac;electrical', String(60 + (i % 4) * 30), `2026-11-25 ${hour}:00`, `2026-11-25 ${hour + 2}:00`, 'new', ''];
  });
}

export async function importBenchmarks(): Promise<BenchRow[]> {
  const temp = makeTempDir('atlas-bench-import-');
  try {
    const pristine = path.join(temp.dir, 'demo.db');
    createDemoDatabase(pristine, { today: '2026-11-25' });
    const db = openDatabase(pristine, { mustExist: true });
    const customers = db.prepare('SELECT external_id, province_adcode, lng, lat FROM customers').all() as Array<{ external_id: string; province_adcode: string; lng: number; lat: number }>;
    db.close();
    const work = path.join(temp.dir, 'work.db');

    const ticketHeaders = importTemplate('tickets', 'en').headers;
    const ticketRows = ticketImportRows(customers.map((c) => c.external_id), TICKETS);
    const csv = Buffer.from(toCsv(ticketHeaders, ticketRows), 'utf8');
    const csvRuns: number[] = [];
    for (let i = 0; i < 3; i++) csvRuns.push((await timedImport(pristine, work, 'tickets', 'tickets.csv', csv)).ms);
    const preview = await timedImport(pristine, work, 'tickets', 'tickets.csv', csv, false);
    const xlsx = await toXlsx('tickets', ticketHeaders, ticketRows);
    const xlsxRun = await timedImport(pristine, work, 'tickets', 'tickets.xlsx', xlsx);

    const customerHeaders = importTemplate('customers', 'en').headers;
    const customerRows = Array.from({ length: CUSTOMERS }, (_, i) => {
      const base = customers[i % customers.length]!;
      return [`BC-${i}`, `客户${i}`, 'general', base.province_adcode, '', '', String(base.lng), String(base.lat)];
    });
    const customersRun = await timedImport(pristine, work, 'customers', 'customers.csv', Buffer.from(toCsv(customerHeaders, customerRows), 'utf8'));

    const live = openDatabase(pristine, { mustExist: true });
    const backupStart = performance.now();
    const backup = await backupDatabase(live, path.join(temp.dir, 'backup.sqlite'));
    const backupMs = performance.now() - backupStart;
    live.close();

    const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
    return [
      { what: `Import ${TICKETS.toLocaleString('en')} ticket rows from CSV (${mb(csv.length)}): read, check every row, write in one transaction`, result: `${(median(csvRuns) / 1000).toFixed(2)} s (runs: ${csvRuns.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s)`, target: '< 5 s' },
      { what: `… the same file as a preview (checked, nothing written)`, result: `${(preview.ms / 1000).toFixed(2)} s`, target: '—' },
      { what: `… the same rows from XLSX (${mb(xlsx.length)})`, result: `${(xlsxRun.ms / 1000).toFixed(2)} s`, target: '—' },
      { what: `Import ${CUSTOMERS.toLocaleString('en')} customers from CSV, each point checked inside its stated province`, result: `${(customersRun.ms / 1000).toFixed(2)} s`, target: '—' },
      { what: `Online backup of the demo database (${mb(backup.bytes)}), integrity-checked`, result: `${(backupMs / 1000).toFixed(2)} s`, target: '—' },
    ];
  } finally {
    temp.cleanup();
  }
}
