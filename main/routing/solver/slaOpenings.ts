// How each engineer's day should begin so that the most SLA-critical jobs are reached in time. A job is critical
// when no partner can meet its deadline either: only an engineer's first or second stop of the morning can. Which
// engineer takes which of them is an assignment over the whole team (an urgent ticket only one engineer reaches in
// time must get that engineer's morning before a ticket any of five could take does), which one-job-at-a-time
// insertion gets wrong and ruin and recreate repairs only slowly, a few tickets at a time. Here it is solved exactly:
// each vehicle picks at most one opening (a short sequence of critical jobs all served in time), each job is in at
// most one, and what the chosen openings save against handing their jobs on is maximised.
import { LinearModelBuilder } from '../../lp/linear';
import { solveLinearModel } from '../../lp/lpSolver';
import { scheduleRoute, type RoutingProblem } from './problem';

/** Longest opening considered: on the realistic day openings of three in-time urgent visits changed nothing. */
const MAX_OPENING = 2;
/** Openings kept per vehicle, those saving most: bounds the model on a day with many critical jobs in reach. */
const OPENINGS_PER_VEHICLE = 40;

/**
 * The jobs each vehicle starts its day with (empty for most), for a plan to be built around. `fallbackCost` is what a
 * job costs when no engineer serves it (its cheapest partner, or leaving it unserved). Vehicles with locked jobs
 * keep the day the dispatcher fixed.
 */
export function slaOpenings(problem: RoutingProblem, fallbackCost: (job: number) => number, timeLimitMs = 1000): number[][] {
  const openings: number[][] = problem.vehicles.map(() => []);
  const lockedVehicles = new Set((problem.locked ?? []).map((lock) => lock.vehicle));
  const lockedJobs = new Set((problem.locked ?? []).flatMap((lock) => lock.jobs));
  const critical = problem.jobs.flatMap((job, j) =>
    !lockedJobs.has(j) && job.due !== undefined && (job.latePenalty ?? 0) > 0 && fallbackCost(j) >= job.latePenalty! ? [j] : [],
  );
  if (critical.length === 0) return openings;
  const candidates: Array<{ vehicle: number; jobs: number[]; saving: number }> = [];
  problem.vehicles.forEach((vehicle, v) => {
    if (lockedVehicles.has(v)) return;
    const inTime = (jobs: number[]) => {
      const schedule = scheduleRoute(problem, v, jobs, false);
      return schedule.feasible && schedule.lateness === 0 ? schedule.travelCost : null;
    };
    const mine = critical.filter((j) => (problem.jobs[j]!.allowedVehicles?.includes(v) ?? true) && inTime([j]) !== null);
    const openingsHere: typeof candidates = [];
    const extend = (jobs: number[]) => {
      const cost = inTime(jobs);
      if (cost === null) return;
      openingsHere.push({ vehicle: v, jobs, saving: jobs.reduce((sum, j) => sum + fallbackCost(j), 0) - cost });
      if (jobs.length < Math.min(MAX_OPENING, vehicle.maxJobs ?? Infinity)) for (const j of mine) if (!jobs.includes(j)) extend([...jobs, j]);
    };
    for (const j of mine) extend([j]);
    candidates.push(...openingsHere.sort((a, b) => b.saving - a.saving).slice(0, OPENINGS_PER_VEHICLE));
  });
  if (candidates.length === 0) return openings;

  const lp = new LinearModelBuilder('max');
  const byVehicle = new Map<number, string[]>();
  const byJob = new Map<number, string[]>();
  candidates.forEach((c, k) => {
    const name = lp.variable(`o${k}`, 'binary', c.saving);
    byVehicle.set(c.vehicle, [...(byVehicle.get(c.vehicle) ?? []), name]);
    for (const j of c.jobs) byJob.set(j, [...(byJob.get(j) ?? []), name]);
  });
  for (const [v, names] of byVehicle) lp.constraint(`vehicle${v}`, names.map((n) => [n, 1] as const), '<=', 1);
  for (const [j, names] of byJob) lp.constraint(`job${j}`, names.map((n) => [n, 1] as const), '<=', 1);
  const solution = solveLinearModel(lp.model, timeLimitMs);
  if (solution.status !== 'optimal' && solution.status !== 'feasible') return openings;
  candidates.forEach((c, k) => {
    if ((solution.values.get(`o${k}`) ?? 0) > 0.5) openings[c.vehicle] = c.jobs;
  });
  return openings;
}
