// Heavy calls and the rest of the app (issue "one call freezes every other call"): exporting 400,000 ticket rows as
// XLSX (time, peak memory of the process doing it), and how fast cheap calls answer through the real core (its own
// thread, jobs in further threads) while an export, an import and a plan run at once.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ApiResponse } from '../shared/api/index';
import { isJobActive, type JobStatus } from '../shared/jobs';
import { startCoreHost, type CoreHost } from '../main/api/coreHost';
import { createDemoDatabase } from '../main/demo/createDemoDatabase';
import { toCsv } from '../main/export/spreadsheet';
import { importTemplate } from '../main/import/importFile';
import { openDatabase } from '../main/store/db';
import { makeTempDir } from '../main/testing/tempDir';
import { ticketImportRows } from './import';
import { copyClosedTickets } from './largeStore';
import type { BenchRow } from './measure';

const EXPORT_ROWS = 400_000;
const IMPORT_ROWS = 50_000;
/** The heap limit the app gives an export worker (ExportJobs): the child runs under the same. */
const EXPORT_HEAP_MB = 256;

const value = <T>(response: ApiResponse<unknown>): T => {
  if (!response.ok) throw new Error(`bench call failed: ${JSON.stringify(response.error)}`);
  return response.value as T;
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Cheap calls, one after another, while any of the jobs is active; each call's wall time through the core. */
async function cheapCallsDuring(core: CoreHost, jobs: Array<{ channel: 'export.status' | 'import.status' | 'plan.status'; jobId: string }>) {
  const cheap = [() => core.dispatch('app.info', {}), () => core.dispatch('engineers.list', { provinceAdcode: '440000' }), ...jobs.map((j) => () => core.dispatch(j.channel, { jobId: j.jobId }))];
  const times: number[] = [];
  const ends = new Map<string, { state: string; ms: number; error: string | null }>();
  const started = performance.now();
  for (let i = 0; ends.size < jobs.length; i++) {
    const t0 = performance.now();
    value(await cheap[i % cheap.length]!());
    times.push(performance.now() - t0);
    if (i % cheap.length === 0) {
      for (const job of jobs) {
        if (ends.has(job.channel)) continue;
        const status = value<JobStatus<unknown>>(await core.dispatch(job.channel, { jobId: job.jobId }));
        if (!isJobActive(status.state)) ends.set(job.channel, { state: status.state, ms: performance.now() - started, error: status.error });
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { times, ends };
}

export async function heavyBenchmarks(): Promise<BenchRow[]> {
  const temp = makeTempDir('atlas-bench-heavy-');
  try {
    const file = path.join(temp.dir, 'large.db');
    createDemoDatabase(file, { today: '2026-11-25' });
    const db = openDatabase(file, { mustExist: true });
    const closed = db.prepare("SELECT count(*) FROM tickets WHERE status = 'closed'").pluck().get() as number;
    copyClosedTickets(db, Math.ceil(EXPORT_ROWS / closed) - 1);
    const rows = db.prepare('SELECT count(*) FROM tickets').pluck().get() as number;
    const customers = db.prepare('SELECT external_id FROM customers').pluck().all() as string[];
    db.close();

    const out = path.join(temp.dir, 'tickets.xlsx');
    const child = path.join(__dirname, 'exportChild.js');
    const measured = JSON.parse(execFileSync(process.execPath, [`--max-old-space-size=${EXPORT_HEAP_MB}`, child, file, 'tickets', out], { encoding: 'utf8', maxBuffer: 1 << 20 })) as {
      ms: number;
      rows: number;
      bytes: number;
      maxRssMb: number;
    };
    fs.rmSync(out, { force: true });

    const core = await startCoreHost({ databaseFile: file }, path.join(__dirname, '..', 'main', 'api', 'coreWorker.js'));
    let during: Awaited<ReturnType<typeof cheapCallsDuring>>;
    try {
      const csv = Buffer.from(toCsv(importTemplate('tickets', 'en').headers, ticketImportRows(customers, IMPORT_ROWS)), 'utf8');
      const exportJob = value<{ jobId: string }>(await core.dispatch('export.start', { table: 'tickets', format: 'xlsx' }));
      // Checked, not committed: the plan below must find the same open tickets.
      const importJob = value<{ jobId: string }>(await core.dispatch('import.start', { kind: 'tickets', fileName: 'tickets.csv', base64: csv.toString('base64'), commit: false }));
      const planJob = value<{ jobId: string }>(await core.dispatch('plan.start', { regionAdcode: '440000', timeLimitSeconds: 20 }));
      during = await cheapCallsDuring(core, [
        { channel: 'export.status', jobId: exportJob.jobId },
        { channel: 'import.status', jobId: importJob.jobId },
        { channel: 'plan.status', jobId: planJob.jobId },
      ]);
    } finally {
      await core.close();
    }
    const ends = [...during.ends].map(([channel, end]) => `${channel.split('.')[0]} ${end.state} after ${(end.ms / 1000).toFixed(1)} s${end.error ? ` (${end.error})` : ''}`).join(', ');
    return [
      {
        what: `Export ${measured.rows.toLocaleString('en')} ticket rows as XLSX (streamed; a process of its own, heap limit ${EXPORT_HEAP_MB} MB as the export worker has)`,
        result: `${(measured.ms / 1000).toFixed(1)} s, peak RSS ${measured.maxRssMb.toFixed(0)} MB, ${(measured.bytes / 1048576).toFixed(1)} MB file`,
        target: 'peak < 500 MB',
      },
      {
        what: `Cheap calls (app.info, engineers.list, job status) through the core while it exports ${rows.toLocaleString('en')} tickets as XLSX, checks a ${IMPORT_ROWS.toLocaleString('en')}-row ticket import and plans 广东 for 20 s`,
        result: `p95 ${percentile(during.times, 95).toFixed(0)} ms, p50 ${percentile(during.times, 50).toFixed(0)} ms, max ${Math.max(...during.times).toFixed(0)} ms over ${during.times.length} calls; ${ends}`,
        target: 'p95 < 200 ms',
      },
    ];
  } finally {
    temp.cleanup();
  }
}
