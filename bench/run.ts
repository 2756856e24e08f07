// `npm run bench`: measures what the issues set targets for, on this machine, and rewrites docs/benchmarks.md.
// Timings are wall-clock medians of several runs; nothing here is a pass/fail test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDispatch } from '../main/api/dispatch';
import { createHandlers } from '../main/api/handlers';
import { createDemoDatabase } from '../main/demo/createDemoDatabase';
import { appRoot } from '../main/paths';
import { openDatabase } from '../main/store/db';
import { makeTempDir } from '../main/testing/tempDir';
import { median, timeIt, type BenchRow } from './measure';
import { pnlBenchmarks } from './pnl';

async function skeletonBenchmarks(): Promise<BenchRow[]> {
  const temp = makeTempDir('atlas-bench-');
  try {
    const file = path.join(temp.dir, 'demo.db');
    const generation: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      createDemoDatabase(file, { force: true, today: '2026-11-25' });
      generation.push(performance.now() - start);
    }
    const sizeMb = fs.statSync(file).size / 1024 / 1024;
    const db = openDatabase(file, { mustExist: true });
    const dispatch = createDispatch(createHandlers({ db, databaseFile: file }));
    const provinces = await timeIt(20, () => dispatch('provinces.list', {}));
    const detail = await timeIt(20, () => dispatch('provinces.detail', { adcode: '440000' }));
    const open = await timeIt(20, () => dispatch('tickets.open', {}));
    const geoFirst = await timeIt(1, () => dispatch('geo.provinces', {}));
    const geoBytes = JSON.stringify(await dispatch('geo.provinces', {})).length;
    db.close();
    return [
      { what: 'Demo database: generate (34 provinces, 120 engineers, ~420 shops, 20,000 closed + 600 open tickets)', result: `${(median(generation) / 1000).toFixed(2)} s, ${sizeMb.toFixed(1)} MB file`, target: '—' },
      { what: 'API `provinces.list` (34 provinces with 12-month aggregates), in process', result: `${provinces.toFixed(1)} ms`, target: 'interactive (< 100 ms)' },
      { what: 'API `provinces.detail` for 广东', result: `${detail.toFixed(1)} ms`, target: 'interactive (< 100 ms)' },
      { what: 'API `tickets.open` (all 600 open tickets)', result: `${open.toFixed(1)} ms`, target: 'interactive (< 100 ms)' },
      { what: 'API `geo.provinces`: first call (load + simplify), payload', result: `${geoFirst.toFixed(0)} ms, ${(geoBytes / 1024).toFixed(0)} KiB`, target: '—' },
    ];
  } finally {
    temp.cleanup();
  }
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

async function main(): Promise<void> {
  const sections: Array<{ title: string; rows: BenchRow[] }> = [
    { title: 'Store, demo data and API (issue 2)', rows: await skeletonBenchmarks() },
    { title: 'Service P&L (issue 5)', rows: await pnlBenchmarks() },
  ];
  const date = new Date().toISOString().slice(0, 10);
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench`; do not edit by hand. Wall-clock medians on the machine below.',
    '',
    `- Date: ${date}`,
    `- Machine: ${machine()}`,
    '',
  ];
  for (const section of sections) {
    lines.push(`## ${section.title}`, '', '| What | Measured | Target |', '| --- | --- | --- |');
    for (const row of section.rows) lines.push(`| ${row.what} | ${row.result} | ${row.target} |`);
    lines.push('');
  }
  const out = path.join(appRoot, 'docs', 'benchmarks.md');
  fs.writeFileSync(out, `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\nWritten to ${out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
