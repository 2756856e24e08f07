// CPLEX LP text of a linear model, so that a planner can check the app's optimum with any solver (HiGHS, CBC, Gurobi).
import type { LinearModel } from './linear';

const TERMS_PER_LINE = 8;

function number(value: number): string {
  // toString keeps every digit the solver saw; LP readers accept its exponent form.
  return String(value);
}

function expression(terms: Iterable<[string, number]>): string {
  const parts: string[] = [];
  for (const [name, c] of terms) parts.push(`${c < 0 ? '-' : '+'} ${number(Math.abs(c))} ${name}`);
  if (parts.length === 0) return '0';
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += TERMS_PER_LINE) lines.push(parts.slice(i, i + TERMS_PER_LINE).join(' '));
  return lines.join('\n   ');
}

export function toCplexLp(model: LinearModel, title: string): string {
  const out: string[] = [];
  out.push(`\\ ${title.replace(/[\r\n]+/g, ' ')}`);
  out.push(model.sense === 'max' ? 'Maximize' : 'Minimize');
  out.push(` objective: ${expression(model.objective)}`);
  out.push('Subject To');
  const firstVariable = model.variables.keys().next().value ?? 'unused';
  for (const c of model.constraints) {
    // LP readers need a variable on every row: a row that no variable can meet (nobody can serve a key customer's
    // city, say) gets one with coefficient 0, so that the file stays as infeasible as the model.
    const terms = c.terms.size > 0 ? c.terms : new Map([[firstVariable, 0]]);
    out.push(` ${c.name}: ${expression(terms)} ${c.relation} ${number(c.rhs)}`);
  }
  const generals = [...model.variables].filter(([, kind]) => kind === 'integer').map(([name]) => name);
  const binaries = [...model.variables].filter(([, kind]) => kind === 'binary').map(([name]) => name);
  // Every variable is non-negative (the LP default); listing them keeps unused ones in the file.
  out.push('Bounds');
  for (const [name, kind] of model.variables) if (kind !== 'binary') out.push(` ${name} >= 0`);
  const list = (names: string[]) => {
    for (let i = 0; i < names.length; i += TERMS_PER_LINE) out.push(` ${names.slice(i, i + TERMS_PER_LINE).join(' ')}`);
  };
  if (generals.length) {
    out.push('Generals');
    list(generals);
  }
  if (binaries.length) {
    out.push('Binaries');
    list(binaries);
  }
  out.push('End', '');
  return out.join('\n');
}
