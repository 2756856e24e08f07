import solver, { type SolveResult } from 'javascript-lp-solver';
import { describe, expect, it } from 'vitest';
import { Random } from '../../../shared/random';
import { assignPartners, type PartnerChoice } from './partnerAssignment';

function randomCase(seed: number): { jobs: PartnerChoice[]; capacities: number[] } {
  const rng = new Random(seed);
  const capacities = Array.from({ length: rng.int(1, 12) }, () => rng.int(0, 4));
  const jobs = Array.from({ length: rng.int(1, 60) }, () => {
    const shops = rng.shuffle(capacities.map((_, k) => k)).slice(0, rng.int(0, Math.min(4, capacities.length)));
    return { options: shops.map((partner) => ({ partner, cost: rng.int(100, 900) })), unservedCost: rng.int(200, 3000) };
  });
  return { jobs, capacities };
}

function assignmentCost(jobs: readonly PartnerChoice[], shopOf: Int32Array): number {
  return jobs.reduce((sum, job, j) => sum + (shopOf[j]! < 0 ? job.unservedCost : job.options.find((o) => o.partner === shopOf[j])!.cost), 0);
}

/** The same transportation problem as a linear programme: its optimum is integral, so it is the true optimum. */
function optimumByLp(jobs: readonly PartnerChoice[], capacities: readonly number[]): number {
  const constraints: Record<string, { max?: number; equal?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  capacities.forEach((capacity, k) => (constraints[`shop${k}`] = { max: capacity }));
  jobs.forEach((job, j) => {
    constraints[`job${j}`] = { equal: 1 };
    variables[`unserved${j}`] = { cost: job.unservedCost, [`job${j}`]: 1 };
    for (const o of job.options) variables[`x${j}_${o.partner}`] = { cost: o.cost, [`job${j}`]: 1, [`shop${o.partner}`]: 1 };
  });
  return (solver.Solve({ optimize: 'cost', opType: 'min', constraints, variables }) as SolveResult).result;
}

describe('partner assignment', () => {
  it('frees a cheap shop for the job that has no other by moving its occupant on', () => {
    // Job 0 comes first and takes shop 0; job 1 can only go to shop 0: job 0 must move to shop 1.
    const jobs = [
      { options: [{ partner: 0, cost: 100 }, { partner: 1, cost: 150 }], unservedCost: 5000 },
      { options: [{ partner: 0, cost: 200 }], unservedCost: 5000 },
    ];
    expect([...assignPartners(jobs, [1, 1])]).toEqual([1, 0]);
  });

  it('leaves unserved the job whose place is worth least', () => {
    const jobs = [
      { options: [{ partner: 0, cost: 100 }], unservedCost: 300 },
      { options: [{ partner: 0, cost: 100 }], unservedCost: 900 },
      { options: [], unservedCost: 50 },
    ];
    expect([...assignPartners(jobs, [1])]).toEqual([-1, 0, -1]);
  });

  it('reaches the linear programme\'s optimum within every shop\'s capacity, on random cases', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const { jobs, capacities } = randomCase(seed);
      const shopOf = assignPartners(jobs, capacities);
      const used = capacities.map((_, k) => shopOf.filter((s) => s === k).length);
      used.forEach((count, k) => expect(count, `seed ${seed}, shop ${k}`).toBeLessThanOrEqual(capacities[k]!));
      shopOf.forEach((shop, j) => shop >= 0 && expect(jobs[j]!.options.some((o) => o.partner === shop), `seed ${seed}, job ${j}`).toBe(true));
      expect(assignmentCost(jobs, shopOf), `seed ${seed}`).toBeCloseTo(optimumByLp(jobs, capacities), 6);
    }
  });
});
