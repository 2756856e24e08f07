// A plan as the dispatcher edits it: which engineer does which tickets in what order, which go to partner shops,
// which are locked. Checked and scheduled by the same rules the solver uses (scheduleRoute), so that what the board
// shows before a drop is what the solver would accept.
import { removeTicket, type DispatchAssignment, type EvaluatedPlan, type InsertionChoices, type RouteViolation } from '../../../shared/dispatch';
import { formatLocal } from '../../../shared/time';
import { scheduleRoute, type RoutingProblem, type RoutingSolution } from '../solver/problem';
import { bestPositions } from '../solver/insertion';
import { FieldError } from '../../api/errors';
import { toDispatchPlan, type DispatchModel } from './dispatchDay';

/** An assignment that does not fit the day: it concerns the `assignment` field; `where` says where in it (`routes[2].ticketIds[0]`, `locked[1]`, …). */
export class AssignmentError extends FieldError {
  override name = 'AssignmentError';
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(`${where}: ${message}`, 'assignment');
  }
}

/**
 * The assignment in the solver's terms: job indices per vehicle and per partner, and what is left. Refused, naming
 * the field, when it does not fit the day: a ticket that is not open here or is placed twice, an engineer or shop that
 * is not of the region or is listed twice, a locked ticket on no engineer's route.
 */
export function toSolution(model: DispatchModel, assignment: DispatchAssignment): Pick<RoutingSolution, 'routes' | 'partnerJobs' | 'unassigned'> {
  const { day } = model;
  const jobOf = new Map(day.tickets.map((t, i) => [t.id, i]));
  const vehicleOf = new Map(day.engineers.map((e, v) => [e.id, v]));
  const partnerOf = new Map(day.shops.map((s, p) => [s.id, p]));
  const placedAt = new Map<number, string>();
  const jobs = (list: string, ticketIds: readonly number[]) =>
    ticketIds.map((ticketId, k) => {
      const field = `${list}.ticketIds[${k}]`;
      const index = jobOf.get(ticketId);
      if (index === undefined) throw new AssignmentError(field, `ticket ${ticketId} is not an open ticket of this region`);
      const before = placedAt.get(index);
      if (before !== undefined) throw new AssignmentError(field, `ticket ${ticketId} is placed twice (also at ${before})`);
      placedAt.set(index, field);
      return index;
    });
  const routes: number[][] = day.engineers.map(() => []);
  const routeField = new Map<number, string>();
  assignment.routes.forEach((route, r) => {
    const field = `routes[${r}]`;
    const v = vehicleOf.get(route.engineerId);
    if (v === undefined) throw new AssignmentError(`${field}.engineerId`, `engineer ${route.engineerId} does not work in this region`);
    if (routeField.has(v)) throw new AssignmentError(`${field}.engineerId`, `engineer ${route.engineerId} already has a route (${routeField.get(v)})`);
    routeField.set(v, field);
    routes[v] = jobs(field, route.ticketIds);
  });
  const partnerJobs: number[][] = day.shops.map(() => []);
  const shopField = new Map<number, string>();
  assignment.partners.forEach((handed, h) => {
    const field = `partners[${h}]`;
    const p = partnerOf.get(handed.shopId);
    if (p === undefined) throw new AssignmentError(`${field}.shopId`, `shop ${handed.shopId} is not a certified shop of this region`);
    if (shopField.has(p)) throw new AssignmentError(`${field}.shopId`, `shop ${handed.shopId} is listed already (${shopField.get(p)})`);
    shopField.set(p, field);
    partnerJobs[p] = jobs(field, handed.ticketIds);
  });
  assignment.locked.forEach((ticketId, k) => {
    const at = jobOf.has(ticketId) ? placedAt.get(jobOf.get(ticketId)!) : undefined;
    if (!at?.startsWith('routes[')) throw new AssignmentError(`locked[${k}]`, `ticket ${ticketId} is locked but on no engineer's route`);
  });
  const unassigned = day.tickets.flatMap((_, j) => (placedAt.has(j) ? [] : [j]));
  return { routes, partnerJobs, unassigned };
}

/** Each hard rule a route breaks, checked one by one so the board can say which. */
export function routeViolations(problem: RoutingProblem, vehicle: number, jobs: readonly number[], schedule = scheduleRoute(problem, vehicle, jobs)): RouteViolation[] {
  const v = problem.vehicles[vehicle]!;
  const violations: RouteViolation[] = [];
  if (jobs.some((j) => problem.jobs[j]!.allowedVehicles && !problem.jobs[j]!.allowedVehicles!.includes(vehicle))) violations.push('skill');
  if (jobs.some((j, k) => schedule.stops[k]!.start > problem.jobs[j]!.latest)) violations.push('window');
  if (v.break && schedule.breakStart !== null && schedule.breakStart > v.break.latest) violations.push('lunch');
  if (schedule.backAt > v.latest) violations.push('shift');
  if (jobs.length > (v.maxJobs ?? Infinity)) violations.push('max_jobs');
  return violations;
}

/** The assignment scheduled: the plan as the solver would report it, each route with the rules it breaks. */
export function evaluateAssignment(model: DispatchModel, assignment: DispatchAssignment): EvaluatedPlan {
  const solution = toSolution(model, assignment);
  const { problem } = model;
  // Each route scheduled once here, for the cost, the rules it breaks and feasibility alike.
  const schedules = solution.routes.map((jobs, v) => (jobs.length === 0 ? null : scheduleRoute(problem, v, jobs)));
  let cost = 0;
  for (const schedule of schedules) if (schedule) cost += schedule.travelCost + schedule.lateness;
  solution.partnerJobs.forEach((jobs, p) => {
    for (const j of jobs) cost += problem.jobs[j]!.partnerOptions?.find((o) => o.partner === p)?.cost ?? model.day.shops[p]!.fees[model.day.tickets[j]!.slaTier];
  });
  const plan = toDispatchPlan(model, { ...solution, cost });
  const locked = new Set(assignment.locked);
  return {
    ...plan,
    routes: plan.routes.map((route) => {
      const v = model.day.engineers.findIndex((e) => e.id === route.engineerId);
      return { ...route, violations: routeViolations(problem, v, solution.routes[v]!, schedules[v]!), stops: route.stops.map((s) => ({ ...s, locked: locked.has(s.ticketId) })) };
    }),
    feasible: schedules.every((schedule) => schedule === null || schedule.feasible),
  };
}

/** The solver's view of the dispatcher's locks: each engineer's locked tickets, in their order on the route. */
export function locksOf(assignment: DispatchAssignment): Array<{ engineerId: number; ticketIds: number[] }> {
  const locked = new Set(assignment.locked);
  return assignment.routes.map((r) => ({ engineerId: r.engineerId, ticketIds: r.ticketIds.filter((id) => locked.has(id)) })).filter((l) => l.ticketIds.length > 0);
}

/**
 * Where a ticket could go: the best feasible positions on engineers' routes (ETA, extra driving), everything else
 * left as it is, and the best partner shop with the skill and spare capacity (by fee plus expected lateness); and
 * what its current route would break without it.
 */
export function insertionOptions(model: DispatchModel, assignment: DispatchAssignment, ticketId: number, limit = 3): InsertionChoices {
  const { day, problem } = model;
  const job = day.tickets.findIndex((t) => t.id === ticketId);
  if (job < 0) throw new AssignmentError('ticketId', `ticket ${ticketId} is not an open ticket of this region`);
  const without = removeTicket(assignment, ticketId);
  const solution = toSolution(model, without);
  // Taking a job off a route can break it too: without it, a long job may run through the whole lunch window.
  const source = assignment.routes.find((r) => r.ticketIds.includes(ticketId));
  const sourceVehicle = source ? day.engineers.findIndex((e) => e.id === source.engineerId) : -1;
  const leaving = sourceVehicle >= 0 && solution.routes[sourceVehicle]!.length > 0 ? routeViolations(problem, sourceVehicle, solution.routes[sourceVehicle]!) : [];
  const km = (cost: number) => Math.round((cost / model.settings.travelCostPerKm) * 10) / 10;
  const engineers = bestPositions(problem, solution.routes, job, limit).map(({ vehicle, position }) => {
    const before = solution.routes[vehicle]!;
    const after = [...before.slice(0, position), job, ...before.slice(position)];
    const scheduleAfter = scheduleRoute(problem, vehicle, after);
    const stop = scheduleAfter.stops[position]!;
    return {
      engineerId: day.engineers[vehicle]!.id,
      engineerName: day.engineers[vehicle]!.name,
      position,
      eta: formatLocal(model.dayStart + stop.arrival),
      late: problem.jobs[job]!.due !== undefined && stop.start > problem.jobs[job]!.due!,
      extraKm: km(scheduleAfter.travelCost - scheduleRoute(problem, vehicle, before, false).travelCost),
    };
  });
  const used = solution.partnerJobs.map((jobs) => jobs.length);
  const partnerChoice = (problem.jobs[job]!.partnerOptions ?? []).find((o) => used[o.partner]! < (problem.partners?.[o.partner]?.capacity ?? Infinity));
  const shop = partnerChoice ? day.shops[partnerChoice.partner]! : null;
  const partner = shop ? { shopId: shop.id, shopName: shop.name, fee: shop.fees[day.tickets[job]!.slaTier], cost: Math.round(partnerChoice!.cost) } : null;
  return { engineers, partner, leaving };
}
