// A realistic dispatch day (issue 3): 60 engineers, 800 tickets with skills, SLA tiers, appointments and lunch
// breaks, 100 partner shops. How soon a feasible plan exists, how the objective falls over time, and how long one
// new urgent ticket takes to place into the finished plan.
import { buildDispatchProblem, dispatchPoints, withNewTicket } from '../main/routing/dispatch/dispatchDay';
import { solveOnCores } from '../main/routing/parallel/parallelSolve';
import { bestInsertion } from '../main/routing/solver/insertion';
import { solveVrptw, type SolveResult } from '../main/routing/solver/sisr';
import { syntheticDay } from '../main/routing/testing/syntheticDay';
import { GreatCircleTravel } from '../main/routing/dispatch/travel';
import { median, type BenchRow } from './measure';

export async function dispatchBenchmarks(): Promise<BenchRow[]> {
  const day = syntheticDay({ engineers: 60, tickets: 800, shops: 100, seed: 1 });
  const matrixStart = performance.now();
  const travel = new GreatCircleTravel(40).matrixSync(dispatchPoints(day));
  const matrixMs = performance.now() - matrixStart;
  const model = buildDispatchProblem(day, travel);

  const constructionStart = performance.now();
  const first = solveVrptw(model.problem, { maxIterations: 0, seed: 1 });
  const constructionMs = performance.now() - constructionStart;

  const seeds = [1, 2, 3];
  // 30 s runs, their best plan traced: "converged" is when a run's best comes within 1 % of what it reaches at 30 s.
  // Seeds differ by about as much as that 1 %, so each run is held against its own end, and 10 s runs (annealing
  // cooled over 10 s, as a dispatcher runs it) against the 30 s runs of the same seeds on average. All of them run as
  // the app and the command line run them: on both cores (solveOnCores).
  const longRuns: Array<{ run: SolveResult; at: (ms: number) => number; converged: number }> = [];
  for (const seed of seeds) {
    const trace: Array<{ ms: number; cost: number }> = [];
    const started = performance.now();
    const run = await solveOnCores(model.problem, { timeLimitMs: 30_000, seed, onProgress: (p) => trace.push({ ms: performance.now() - started, cost: p.bestCost }) });
    trace.push({ ms: run.elapsedMs, cost: run.objective });
    const at = (ms: number) => trace.filter((t) => t.ms <= ms).at(-1)?.cost ?? Infinity;
    longRuns.push({ run, at, converged: trace.find((t) => (t.cost - run.objective) / run.objective < 0.01)!.ms });
  }
  const shortRuns: SolveResult[] = [];
  for (const seed of seeds) shortRuns.push(await solveOnCores(model.problem, { timeLimitMs: 10_000, seed }));
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const longMean = mean(longRuns.map((r) => r.run.objective));
  const shortMean = mean(shortRuns.map((r) => r.objective));
  const final = shortRuns[0]!;

  // One new urgent ticket, placed into the finished plan without touching anything else.
  const insertTimes: number[] = [];
  const provider = new GreatCircleTravel(40);
  for (let k = 0; k < 20; k++) {
    const extra = syntheticDay({ engineers: 1, tickets: 1, shops: 0, seed: 100 + k }).tickets[0]!;
    const ticket = { ...extra, id: 90_000 + k, slaTier: 'urgent' as const };
    const t0 = performance.now();
    const grown = withNewTicket(model, ticket, provider.extend(travel, model.points, ticket.location));
    bestInsertion(grown.problem, final.routes, grown.problem.jobs.length - 1);
    insertTimes.push(performance.now() - t0);
  }
  const routed = final.routes.reduce((n, r) => n + r.length, 0);
  const partnered = final.partnerJobs.reduce((n, p) => n + p.length, 0);
  const fmt = (cost: number) => Math.round(cost).toLocaleString('en');
  return [
    { what: 'Realistic day: travel matrix, 960 points (great-circle provider)', result: `${matrixMs.toFixed(0)} ms`, target: '—' },
    {
      what: 'Realistic day: first feasible plan (construction)',
      result: `${constructionMs.toFixed(0)} ms (${first.routes.reduce((n, r) => n + r.length, 0)} routed, ${first.partnerJobs.reduce((n, p) => n + p.length, 0)} to partners, ${first.unassigned.length} unassigned)`,
      target: '< 1 s',
    },
    {
      what: 'Realistic day, 30 s runs on two threads (seeds 1, 2, 3): best objective (incl. unassigned penalties) at 1 / 2 / 5 / 10 / 30 s, mean of the three',
      result: [1_000, 2_000, 5_000, 10_000, 30_000].map((ms) => fmt(mean(longRuns.map((r) => r.at(ms))))).join(' / ') + ` (${longRuns.map((r) => r.run.iterations).join(' / ')} iterations, both threads)`,
      target: '—',
    },
    {
      what: 'Realistic day: converged (each 30 s run\'s best plan within 1 % of what that run reaches at 30 s)',
      result: longRuns.map((r) => `${(r.converged / 1000).toFixed(1)} s`).join(' / '),
      target: '< 10 s',
    },
    {
      what: 'Realistic day: runs given 10 s on two threads (seeds 1, 2, 3) against the 30 s runs, mean objective',
      result: `${fmt(shortMean)} against ${fmt(longMean)}: ${shortMean >= longMean ? '+' : ''}${((100 * (shortMean - longMean)) / longMean).toFixed(1)} % (each: ${shortRuns.map((r) => fmt(r.objective)).join(' / ')}; ${shortRuns.map((r) => r.iterations).join(' / ')} iterations)`,
      target: 'within 1 %',
    },
    { what: 'Realistic day after 10 s: where the tickets went', result: `${routed} on engineers' routes, ${partnered} to partners, ${final.unassigned.length} unassigned (the day has more work than engineers and shops can take)`, target: '—' },
    { what: 'Insert one new urgent ticket into the finished plan (extend matrix and model, best insertion)', result: `${median(insertTimes).toFixed(0)} ms (median of 20)`, target: '< 100 ms' },
  ];
}
