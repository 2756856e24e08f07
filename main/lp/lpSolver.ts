// javascript-lp-solver behind the neutral model: translate, solve to proven optimality, read the values back.
import solver, { type SolveResult } from 'javascript-lp-solver';
import type { LinearModel } from './linear';

export interface LinearSolution {
  /** 'feasible': the time limit ended branch and bound before the incumbent was proven optimal. */
  status: 'optimal' | 'feasible' | 'infeasible' | 'unbounded' | 'timeout';
  objective: number;
  values: Map<string, number>;
}

const OBJECTIVE = '__objective';

export function solveLinearModel(model: LinearModel, timeLimitMs?: number): LinearSolution {
  const variables: Record<string, Record<string, number>> = {};
  for (const name of model.variables.keys()) variables[name] = {};
  for (const [name, c] of model.objective) variables[name]![OBJECTIVE] = c;
  const constraints: Record<string, { min?: number; max?: number; equal?: number }> = {};
  for (const c of model.constraints) {
    if (c.terms.size === 0) {
      const holds = c.relation === '<=' ? 0 <= c.rhs : c.relation === '>=' ? 0 >= c.rhs : c.rhs === 0;
      if (holds) continue;
      return { status: 'infeasible', objective: 0, values: new Map() };
    }
    // Each row is divided by its largest coefficient. javascript-lp-solver's ratio test compares quotients with a fixed
    // absolute precision, so rows mixing jobs (hundreds) with engineer hours (thousands) made it pivot past small steps
    // and stop at a suboptimal vertex; equilibrated rows give the optimum HiGHS proves, in a fraction of the pivots.
    const scale = 1 / Math.max(...[...c.terms.values()].map(Math.abs));
    const rhs = c.rhs * scale;
    constraints[c.name] = c.relation === '<=' ? { max: rhs } : c.relation === '>=' ? { min: rhs } : { equal: rhs };
    for (const [name, coefficient] of c.terms) variables[name]![c.name] = coefficient * scale;
  }
  const ints: Record<string, 1> = {};
  const binaries: Record<string, 1> = {};
  for (const [name, kind] of model.variables) {
    if (kind === 'integer') ints[name] = 1;
    if (kind === 'binary') binaries[name] = 1;
  }
  // tolerance 0: branch and bound runs until the incumbent is proven optimal, not merely within a gap.
  const started = Date.now();
  const result = solver.Solve({ optimize: OBJECTIVE, opType: model.sense, constraints, variables, ints, binaries, options: { tolerance: 0, ...(timeLimitMs ? { timeout: timeLimitMs } : {}) } }) as SolveResult;
  // The solver stops branching at the time limit without saying so; running that long is the sign.
  const timedOut = timeLimitMs !== undefined && Date.now() - started >= timeLimitMs;
  if (!result.feasible) return { status: timedOut ? 'timeout' : 'infeasible', objective: 0, values: new Map() };
  if (result.bounded === false) return { status: 'unbounded', objective: 0, values: new Map() };
  const values = new Map<string, number>();
  for (const name of model.variables.keys()) {
    const v = result[name];
    values.set(name, typeof v === 'number' ? v : 0);
  }
  return { status: timedOut ? 'feasible' : 'optimal', objective: result.result, values };
}
