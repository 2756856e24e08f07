import { describe, expect, it } from 'vitest';
import { scheduleRoute, type RoutingProblem } from './problem';
import { solveVrptw } from './sisr';
import { slaOpenings } from './slaOpenings';

/**
 * Two engineers on a line (at 0 and 60) and two urgent jobs: A at 20, due at 45, which both reach in time; B at -30,
 * due at 60, which only the first reaches in time. One job at a time, earliest deadline first, A goes to the nearer
 * first engineer and B is late; only A on the second engineer and B on the first serves both in time.
 */
function twoEngineersTwoUrgentJobs(): RoutingProblem {
  const x = [0, 60, 20, -30];
  const size = x.length;
  const matrix = Float64Array.from({ length: size * size }, (_, k) => Math.abs(x[Math.floor(k / size)]! - x[k % size]!));
  const urgent = { service: 30, demand: 0, earliest: 0, latest: 1000, latePenalty: 1000, lateCostPerMinute: 1, unassignedPenalty: 5000 };
  return {
    size,
    travelTime: matrix,
    cost: matrix,
    jobs: [
      { ...urgent, location: 2, due: 45 },
      { ...urgent, location: 3, due: 60 },
    ],
    vehicles: [0, 1].map((home) => ({ start: home, end: home, earliest: 0, latest: 1000, capacity: 10 })),
  };
}

const fallback = (problem: RoutingProblem) => (j: number) => problem.jobs[j]!.unassignedPenalty!;

describe('SLA openings', () => {
  it('give each urgent job the engineer that reaches it in time, over the whole team', () => {
    const problem = twoEngineersTwoUrgentJobs();
    expect(slaOpenings(problem, fallback(problem))).toEqual([[1], [0]]);
  });

  it('start the first plan, so that it serves both jobs in time', () => {
    const problem = twoEngineersTwoUrgentJobs();
    const plan = solveVrptw(problem, { maxIterations: 0 });
    expect(plan.routes).toEqual([[1], [0]]);
    plan.routes.forEach((jobs, v) => expect(scheduleRoute(problem, v, jobs).lateness).toBe(0));
  });

  it('leave locked jobs and the engineers they are locked on as the dispatcher fixed them', () => {
    const problem: RoutingProblem = { ...twoEngineersTwoUrgentJobs(), locked: [{ vehicle: 1, jobs: [1] }] };
    expect(slaOpenings(problem, fallback(problem))).toEqual([[0], []]);
  });
});
