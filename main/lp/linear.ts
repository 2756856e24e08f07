// A solver-neutral linear model: the network planner builds one, then hands it to javascript-lp-solver in the app
// or writes it as a CPLEX LP file for any other solver. Names are LP-file safe (letters, digits, underscores), and
// the file carries every coefficient at full double precision, so both solvers see exactly the same numbers.

export type VariableKind = 'continuous' | 'integer' | 'binary';
export type Relation = '<=' | '>=' | '=';

export interface LinearConstraint {
  name: string;
  terms: Map<string, number>;
  relation: Relation;
  rhs: number;
}

export interface LinearModel {
  sense: 'max' | 'min';
  objective: Map<string, number>;
  variables: Map<string, VariableKind>;
  constraints: LinearConstraint[];
}

export class LinearModelBuilder {
  readonly model: LinearModel;

  constructor(sense: 'max' | 'min') {
    this.model = { sense, objective: new Map(), variables: new Map(), constraints: [] };
  }

  variable(name: string, kind: VariableKind, objectiveCoefficient: number): string {
    if (this.model.variables.has(name)) throw new Error(`Variable ${name} defined twice`);
    this.model.variables.set(name, kind);
    if (objectiveCoefficient !== 0) this.model.objective.set(name, objectiveCoefficient);
    return name;
  }

  constraint(name: string, terms: ReadonlyArray<readonly [string, number]>, relation: Relation, rhs: number): void {
    const map = new Map<string, number>();
    for (const [variable, coefficient] of terms) {
      if (!this.model.variables.has(variable)) throw new Error(`Constraint ${name} uses unknown variable ${variable}`);
      const c = (map.get(variable) ?? 0) + coefficient;
      if (c === 0) map.delete(variable);
      else map.set(variable, c);
    }
    this.model.constraints.push({ name, terms: map, relation, rhs });
  }
}

export function objectiveValue(model: LinearModel, values: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const [name, c] of model.objective) total += c * (values.get(name) ?? 0);
  return total;
}

/** Left-hand side minus right-hand side of a constraint at a solution. */
export function slack(constraint: LinearConstraint, values: ReadonlyMap<string, number>): number {
  let lhs = 0;
  for (const [name, c] of constraint.terms) lhs += c * (values.get(name) ?? 0);
  return lhs - constraint.rhs;
}
