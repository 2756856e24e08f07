// The scheduler's benchmark contract (issue 3): every Solomon and Gehring & Homberger 200-customer instance, solved
// under a time limit, each solution re-checked and its distance recomputed by the independent checker.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseSolomon } from '../main/routing/solomon/solomon';
import { checkSolomonSolution } from '../main/routing/solomon/solomonChecker';
import { appRoot } from '../main/paths';
import type { BenchRow } from './measure';

interface Outcome {
  name: string;
  feasible: boolean;
  distance: number;
  vehicles: number;
  bestKnown: number;
  bestKnownVehicles: number;
  gap: number;
  seconds: number;
}

export const BENCH_DIR_VARIABLE = 'SERVICE_ATLAS_BENCH_DIR';
const INSTANCE_FOLDERS = ['solomon', 'homberger_200'];

/**
 * The standard instances are not in the repository (the tests carry the three they use): the folder named by
 * SERVICE_ATLAS_BENCH_DIR, or ../shared/bench beside the project. Either must hold solomon/ and homberger_200/.
 */
export function benchInstancesDir(env: NodeJS.ProcessEnv, projectRoot: string): string {
  const given = env[BENCH_DIR_VARIABLE];
  const dir = given ? path.resolve(given) : path.join(projectRoot, '..', 'shared', 'bench');
  const missing = INSTANCE_FOLDERS.filter((folder) => !fs.existsSync(path.join(dir, folder)));
  if (missing.length === 0) return dir;
  const where = given ? `${BENCH_DIR_VARIABLE}=${given}` : `${dir} (${BENCH_DIR_VARIABLE} is not set)`;
  throw new Error(
    `The routing benchmark needs the Solomon and Gehring & Homberger instances: ${where} has no ${missing.join('/ or ')}/. ` +
      `Set ${BENCH_DIR_VARIABLE} to a folder holding ${INSTANCE_FOLDERS.map((f) => `${f}/`).join(' and ')} (each with its BKS.json).`,
  );
}

function instances(benchDir: string, folder: string): string[] {
  return fs
    .readdirSync(path.join(benchDir, folder))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(benchDir, folder, f));
}

async function solveAll(files: string[], timeLimitMs: number, parallel = 2): Promise<Map<string, { routes: number[][]; unassigned: number; elapsedMs: number }>> {
  const results = new Map<string, { routes: number[][]; unassigned: number; elapsedMs: number }>();
  const queue = [...files];
  const workers = Array.from({ length: Math.min(parallel, files.length) }, () => new Worker(path.join(__dirname, 'routingWorker.js')));
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const next = () => {
            const file = queue.shift();
            if (!file) return resolve();
            worker.postMessage({ file, timeLimitMs, seed: 1 });
          };
          worker.on('message', (message: { file: string; routes: number[][]; unassigned: number; elapsedMs: number }) => {
            results.set(message.file, message);
            process.stderr.write('.');
            next();
          });
          worker.on('error', reject);
          next();
        }),
    ),
  );
  await Promise.all(workers.map((w) => w.terminate()));
  process.stderr.write('\n');
  return results;
}

async function run(benchDir: string, folder: string, timeLimitMs: number, bksKey: (name: string) => string): Promise<Outcome[]> {
  const bks = JSON.parse(fs.readFileSync(path.join(benchDir, folder, 'BKS.json'), 'utf8')) as Record<string, { best_known_cost: number; solved_with_vehicles: number }>;
  const files = instances(benchDir, folder);
  const solved = await solveAll(files, timeLimitMs);
  return files.map((file) => {
    const instance = parseSolomon(fs.readFileSync(file, 'utf8'));
    const name = path.basename(file, '.txt');
    const result = solved.get(file)!;
    const check = checkSolomonSolution(instance, result.routes);
    const reference = bks[bksKey(name)]!;
    return {
      name,
      feasible: check.feasible && result.unassigned === 0,
      distance: check.distance,
      vehicles: check.vehicles,
      bestKnown: reference.best_known_cost,
      bestKnownVehicles: reference.solved_with_vehicles,
      gap: (check.distance / reference.best_known_cost - 1) * 100,
      seconds: result.elapsedMs / 1000,
    };
  });
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function summary(label: string, outcomes: Outcome[], target: string): BenchRow {
  const feasible = outcomes.filter((o) => o.feasible).length;
  const gaps = outcomes.map((o) => o.gap);
  return {
    what: label,
    result: `mean gap ${mean(gaps).toFixed(2)} % (max ${Math.max(...gaps).toFixed(2)} %), ${feasible}/${outcomes.length} feasible, ${mean(outcomes.map((o) => o.seconds)).toFixed(2)} s each`,
    target,
  };
}

function byClass(outcomes: Outcome[], classOf: (name: string) => string): string {
  const classes = [...new Set(outcomes.map((o) => classOf(o.name)))];
  return classes.map((c) => `${c} ${mean(outcomes.filter((o) => classOf(o.name) === c).map((o) => o.gap)).toFixed(2)} %`).join(', ');
}

export interface RoutingBenchResult {
  rows: BenchRow[];
  details: string[];
}

export async function routingBenchmarks(): Promise<RoutingBenchResult> {
  const solomonClass = (name: string) => name.replace(/\d{2}$/, '');
  const hgClass = (name: string) => name.replace(/_2_\d+$/, '').toUpperCase();
  const benchDir = benchInstancesDir(process.env, appRoot);
  const solomon2 = await run(benchDir, 'solomon', 2_000, (n) => `${n}_distance`);
  const solomon10 = await run(benchDir, 'solomon', 10_000, (n) => `${n}_distance`);
  const homberger = await run(benchDir, 'homberger_200', 10_000, (n) => n);
  const rows: BenchRow[] = [
    summary('Solomon, 56 instances, 2 s each (distance, vehicles free)', solomon2, 'all feasible, mean gap ≤ 1.0 %'),
    { what: 'Solomon 2 s, mean gap by class', result: byClass(solomon2, solomonClass), target: '—' },
    summary('Solomon, 56 instances, 10 s each', solomon10, 'all feasible, mean gap ≤ 0.5 %'),
    { what: 'Solomon 10 s, mean gap by class', result: byClass(solomon10, solomonClass), target: '—' },
    summary('Gehring & Homberger 200, 60 instances, 10 s each (gap to the classic fewest-vehicles results)', homberger, 'all feasible'),
    { what: 'Gehring & Homberger 10 s, mean gap by class', result: byClass(homberger, hgClass), target: '—' },
    {
      what: 'Gehring & Homberger 10 s, vehicles used vs best-known',
      result: `${mean(homberger.map((o) => o.vehicles)).toFixed(1)} vs ${mean(homberger.map((o) => o.bestKnownVehicles)).toFixed(1)} on average`,
      target: '—',
    },
  ];
  const table = (title: string, outcomes: Outcome[]) => [
    `### ${title}`,
    '',
    '| Instance | Distance | Best known | Gap | Vehicles (best-known) | Feasible | Time |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...outcomes.map(
      (o) => `| ${o.name} | ${o.distance.toFixed(2)} | ${o.bestKnown.toFixed(2)} | ${o.gap.toFixed(2)} % | ${o.vehicles} (${o.bestKnownVehicles}) | ${o.feasible ? 'yes' : '**no**'} | ${o.seconds.toFixed(1)} s |`,
    ),
    '',
  ];
  return {
    rows,
    details: [...table('Solomon, 2 s', solomon2), ...table('Solomon, 10 s', solomon10), ...table('Gehring & Homberger 200, 10 s', homberger)],
  };
}
