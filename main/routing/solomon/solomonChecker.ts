// An independent check of a VRPTW solution against its Solomon instance: written apart from the solver, sharing
// none of its bookkeeping, so the benchmark and the property tests do not take the solver's word for anything.
import { euclidean, type SolomonInstance } from './solomon';

export interface CheckResult {
  feasible: boolean;
  violations: string[];
  distance: number;
  vehicles: number;
}

export function checkSolomonSolution(instance: SolomonInstance, routes: number[][]): CheckResult {
  const violations: string[] = [];
  const seen = new Map<number, number>();
  const depot = instance.nodes[0]!;
  let distance = 0;
  const used = routes.filter((r) => r.length > 0);
  if (used.length > instance.vehicles) violations.push(`${used.length} routes, but the fleet has ${instance.vehicles} vehicles`);
  used.forEach((route, r) => {
    let load = 0;
    let time = 0;
    let previous = depot;
    for (const id of route) {
      const node = instance.nodes[id];
      if (!node || id === 0) {
        violations.push(`route ${r}: ${id} is not a customer`);
        continue;
      }
      seen.set(id, (seen.get(id) ?? 0) + 1);
      distance += euclidean(previous, node);
      time = Math.max(time + previous.service + euclidean(previous, node), node.ready);
      if (time > node.due + 1e-9) violations.push(`route ${r}: customer ${id} served at ${time.toFixed(3)}, after its due date ${node.due}`);
      load += node.demand;
      previous = node;
    }
    distance += euclidean(previous, depot);
    const back = time + previous.service + euclidean(previous, depot);
    if (back > depot.due + 1e-9) violations.push(`route ${r}: back at the depot at ${back.toFixed(3)}, after the horizon ${depot.due}`);
    if (load > instance.capacity) violations.push(`route ${r}: load ${load} over the capacity ${instance.capacity}`);
  });
  for (let id = 1; id < instance.nodes.length; id++) {
    const count = seen.get(id) ?? 0;
    if (count !== 1) violations.push(`customer ${id} is served ${count} times`);
  }
  return { feasible: violations.length === 0, violations, distance, vehicles: used.length };
}
