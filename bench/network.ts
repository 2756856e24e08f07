// The network planner: the national model solved to proven optimality, and a 10-scenario sweep.
import path from 'node:path';
import { createDemoDatabase } from '../main/demo/createDemoDatabase';
import { solveNetwork } from '../main/network/plan';
import { networkInputs } from '../main/network/service';
import { openDatabase } from '../main/store/db';
import { makeTempDir } from '../main/testing/tempDir';
import { median, type BenchRow } from './measure';

const TODAY = '2026-11-25';

export async function networkBenchmarks(): Promise<BenchRow[]> {
  const temp = makeTempDir('atlas-bench-');
  try {
    const file = path.join(temp.dir, 'demo.db');
    createDemoDatabase(file, { today: TODAY });
    const db = openDatabase(file, { mustExist: true });
    const inputs = networkInputs(db, {}, TODAY);
    const shops = inputs.reduce((n, p) => n + p.shops.length, 0);
    const times: number[] = [];
    let status = '';
    let slowest = { name: '', ms: 0 };
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const result = solveNetwork('base', {}, networkInputs(db, {}, TODAY));
      times.push(performance.now() - started);
      status = result.status;
    }
    for (const province of inputs) {
      const started = performance.now();
      solveNetwork('base', {}, [province]);
      const ms = performance.now() - started;
      if (ms > slowest.ms) slowest = { name: province.name, ms };
    }
    // Ten scenarios a planner would compare: volume, wages, fees, partner quality and coverage targets.
    const sweep = [
      {}, { demandMultiplier: 1.2 }, { demandMultiplier: 0.8 }, { wageMultiplier: 1.1 }, { partnerFeeMultiplier: 0.9 },
      { partnerFeeMultiplier: 1.2 }, { partnerFirstTimeFixRate: 0.9 }, { urgentCoverageTarget: 0.9 }, { regularCoverageTarget: 1 }, { objective: 'cost' as const },
    ];
    const sweepStarted = performance.now();
    const statuses = sweep.map((overrides) => solveNetwork('sweep', overrides, networkInputs(db, overrides, TODAY)).status);
    const sweepMs = performance.now() - sweepStarted;
    db.close();
    return [
      {
        what: `National model: 34 provinces, ${shops} candidate shops, solved to proven optimality (javascript-lp-solver, branch and bound to gap 0), inputs from the store included`,
        result: `${(median(times) / 1000).toFixed(2)} s (${status}); slowest province ${slowest.name} ${(slowest.ms / 1000).toFixed(2)} s`,
        target: '< 1 s',
      },
      { what: '10-scenario sweep (demand ±20 %, wages, fees, partner FCR, coverage targets, cost objective)', result: `${(sweepMs / 1000).toFixed(1)} s (${statuses.filter((s) => s === 'optimal').length}/10 optimal)`, target: '< 10 s' },
    ];
  } finally {
    temp.cleanup();
  }
}
