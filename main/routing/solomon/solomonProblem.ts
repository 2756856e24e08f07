import type { RoutingProblem } from '../solver/problem';
import { euclidean, type SolomonInstance } from './solomon';

/** Solomon rules: travel time = Euclidean distance (unrounded), the fleet is an upper bound, node 0 the depot. */
export function solomonToProblem(instance: SolomonInstance): RoutingProblem {
  const size = instance.nodes.length;
  const matrix = new Float64Array(size * size);
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) matrix[i * size + j] = euclidean(instance.nodes[i]!, instance.nodes[j]!);
  const depot = instance.nodes[0]!;
  return {
    size,
    travelTime: matrix,
    cost: matrix,
    jobs: instance.nodes.slice(1).map((n) => ({ location: n.id, service: n.service, demand: n.demand, earliest: n.ready, latest: n.due })),
    vehicles: Array.from({ length: instance.vehicles }, () => ({ start: 0, end: 0, earliest: depot.ready, latest: depot.due, capacity: instance.capacity })),
  };
}

/** Job indices back to Solomon customer numbers. */
export const toCustomerNumbers = (routes: number[][]) => routes.filter((r) => r.length > 0).map((r) => r.map((job) => job + 1));
