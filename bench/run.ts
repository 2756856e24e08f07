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
import { dispatchBenchmarks } from './dispatch';
import { routingBenchmarks } from './routing';
import { networkBenchmarks } from './network';
import { importBenchmarks } from './import';
import { heavyBenchmarks } from './heavy';

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

interface Section {
  key: string;
  title: string;
  run(): Promise<{ rows: BenchRow[]; details?: string[] }>;
}

const SHARED_MACHINE = 'The machine (2 cores) is shared with other engineers working at the same time: timings vary with their load.';

const SECTIONS: Section[] = [
  { key: 'store', title: 'Store, demo data and API (issue 2)', run: async () => ({ rows: await skeletonBenchmarks() }) },
  { key: 'pnl', title: 'Service P&L (issue 5)', run: async () => ({ rows: await pnlBenchmarks() }) },
  { key: 'routing', title: 'Routing: VRPTW benchmark instances (issue 3)', run: routingBenchmarks },
  { key: 'dispatch', title: 'Routing: a realistic dispatch day (issue 3)', run: async () => ({ rows: await dispatchBenchmarks() }) },
  { key: 'network', title: 'Network planner (issue 4)', run: async () => ({ rows: await networkBenchmarks() }) },
  { key: 'import', title: 'Import and backup (issue 7)', run: async () => ({ rows: await importBenchmarks() }) },
  { key: 'heavy', title: 'Heavy calls beside cheap ones: export, import and plan jobs (reliability issue 3)', run: async () => ({ rows: await heavyBenchmarks(), details: [SHARED_MACHINE] }) },
];

/** The sections already in docs/benchmarks.md, by title, so that running one section keeps the others. */
function existingSections(file: string): Map<string, string> {
  const sections = new Map<string, string>();
  if (!fs.existsSync(file)) return sections;
  const text = fs.readFileSync(file, 'utf8');
  for (const part of text.split(/^## /m).slice(1)) {
    const title = part.slice(0, part.indexOf('\n'));
    sections.set(title, `## ${part.trimEnd()}\n`);
  }
  return sections;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !SECTIONS.some((s) => s.key === w));
  if (unknown.length > 0) throw new Error(`unknown section(s) ${unknown.join(', ')}; choose from ${SECTIONS.map((s) => s.key).join(', ')}`);
  const out = path.join(appRoot, 'docs', 'benchmarks.md');
  const previous = existingSections(out);
  const date = new Date().toISOString().slice(0, 10);
  const rendered: string[] = [];
  for (const section of SECTIONS) {
    if (wanted.length > 0 && !wanted.includes(section.key)) {
      const kept = previous.get(section.title);
      if (kept) rendered.push(kept);
      continue;
    }
    process.stderr.write(`bench: ${section.title}\n`);
    const { rows, details = [] } = await section.run();
    rendered.push(
      [
        `## ${section.title}`,
        '',
        `Measured ${date} on ${machine()}.`,
        '',
        '| What | Measured | Target |',
        '| --- | --- | --- |',
        ...rows.map((row) => `| ${row.what} | ${row.result} | ${row.target} |`),
        '',
        ...details,
      ].join('\n'),
    );
  }
  const text = ['# Benchmarks', '', 'Written by `npm run bench` (`npm run bench -- SECTION…` for some: store, pnl, routing, dispatch, network, import, heavy); do not edit by hand. Wall-clock medians unless said otherwise.', '', ...rendered.map((r) => `${r.trimEnd()}\n`)].join('\n');
  fs.writeFileSync(out, text);
  process.stdout.write(`${text}\nWritten to ${out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
