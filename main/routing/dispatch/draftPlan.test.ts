import { describe, expect, it } from 'vitest';
import { moveTicket, type DispatchAssignment } from '../../../shared/dispatch';
import { generateDemo } from '../../demo/generator';
import { publishDay } from '../../store/dispatchPublish';
import { openDatabase } from '../../store/db';
import { listOpenTickets } from '../../store/tickets';
import { buildDispatchProblem, dispatchPoints, type DispatchDay } from './dispatchDay';
import { evaluateAssignment, insertionOptions } from './draftPlan';
import { assignmentOf, loadDispatchModel, planDay } from './planDay';
import { solveVrptw } from '../solver/sisr';
import { syntheticDay } from '../testing/syntheticDay';
import { GreatCircleTravel } from './travel';

function solved(day: DispatchDay) {
  const model = buildDispatchProblem(day, new GreatCircleTravel(40).matrixSync(dispatchPoints(day)));
  const assignment = assignmentOf(model, solveVrptw(model.problem, { maxIterations: 200, seed: 2 }));
  return { model, assignment };
}

describe('a plan the dispatcher edits', () => {
  it("scheduled as the solver left it, breaks no rule, and gives the solver's stops", () => {
    const { model, assignment } = solved(syntheticDay({ engineers: 5, tickets: 30, shops: 3, seed: 4 }));
    const plan = evaluateAssignment(model, assignment);
    expect(plan.feasible).toBe(true);
    expect(plan.routes.every((r) => r.violations.length === 0)).toBe(true);
    expect(plan.routes.map((r) => r.stops.map((s) => s.ticketId))).toEqual(assignment.routes.map((r) => r.ticketIds));
    expect(plan.routes.flatMap((r) => r.stops).every((s) => s.travelMinutes >= 0 && s.eta <= s.start && s.start < s.etd)).toBe(true);
  });

  it('names the rule a move breaks: a missing skill, too many jobs, past the shift', () => {
    const day = syntheticDay({ engineers: 4, tickets: 24, shops: 2, seed: 7 });
    const { model, assignment } = solved(day);
    const ticket = day.tickets.find((t) => t.requiredSkills.length > 0)!;
    const unskilled = day.engineers.find((e) => !ticket.requiredSkills.every((k) => e.skills.includes(k)))!;
    const moved = evaluateAssignment(model, moveTicket(assignment, ticket.id, { engineerId: unskilled.id, position: 0 }));
    expect(moved.routes.find((r) => r.engineerId === unskilled.id)!.violations).toContain('skill');
    expect(moved.feasible).toBe(false);

    const engineer = day.engineers[0]!;
    const everything: DispatchAssignment = { routes: [{ engineerId: engineer.id, ticketIds: day.tickets.filter((t) => t.requiredSkills.every((k) => engineer.skills.includes(k))).map((t) => t.id) }], partners: [], locked: [] };
    const overloaded = evaluateAssignment(model, everything).routes[0]!.violations;
    expect(overloaded).toEqual(expect.arrayContaining(['max_jobs', 'shift']));
  });

  it('offers the best engineers (feasible once applied, cheapest first) and a partner with the skill and room', () => {
    const day = syntheticDay({ engineers: 6, tickets: 30, shops: 3, seed: 9 });
    const { model, assignment } = solved(day);
    const ticket = assignment.routes.find((r) => r.ticketIds.length > 0)!.ticketIds[0]!;
    const options = insertionOptions(model, assignment, ticket);
    expect(options.engineers.length).toBeGreaterThan(0);
    expect(options.engineers.length).toBeLessThanOrEqual(3);
    for (const option of options.engineers) {
      const applied = evaluateAssignment(model, moveTicket(assignment, ticket, { engineerId: option.engineerId, position: option.position }));
      expect(applied.routes.find((r) => r.engineerId === option.engineerId)!.violations).toEqual([]);
      expect(applied.routes.find((r) => r.engineerId === option.engineerId)!.stops[option.position]!).toMatchObject({ ticketId: ticket, eta: option.eta });
    }
    const shop = day.shops.find((s) => s.id === options.partner?.shopId);
    const required = day.tickets.find((t) => t.id === ticket)!.requiredSkills;
    if (shop) expect(required.every((k) => shop.skills.includes(k))).toBe(true);
  });
});

describe('re-optimising and publishing a region from the store', () => {
  const today = '2026-11-25';

  it('keeps locked tickets on their engineer in order, and publishes the day into the store', async () => {
    const db = openDatabase(':memory:');
    generateDemo(db, { today, closedTickets: 300, openTickets: 300 });
    const first = await planDay(db, { regionAdcode: '440000', date: today, solve: { maxIterations: 300, seed: 1 } });
    const model = await loadDispatchModel(db, { regionAdcode: '440000', date: today });
    const assignment: DispatchAssignment = { routes: first.routes.map((r) => ({ engineerId: r.engineerId, ticketIds: r.stops.map((s) => s.ticketId) })), partners: first.partners.map((p) => ({ shopId: p.shopId, ticketIds: p.ticketIds })), locked: [] };
    // The dispatcher moves a ticket to another engineer, where it fits, and locks it there.
    const [ticket, target] = assignment.routes
      .flatMap((r) => r.ticketIds.map((id) => [id, insertionOptions(model, assignment, id).engineers.find((o) => o.engineerId !== r.engineerId)] as const))
      .find(([, option]) => option !== undefined)!;
    if (!target) throw new Error('no ticket of the plan fits another engineer');
    const edited = { ...moveTicket(assignment, ticket, { engineerId: target.engineerId, position: target.position }), locked: [ticket] };
    const again = await planDay(db, { regionAdcode: '440000', date: today, initial: edited, solve: { maxIterations: 300, seed: 5 } });
    const route = again.routes.find((r) => r.engineerId === target.engineerId)!;
    expect(route.stops.map((s) => s.ticketId)).toContain(ticket);
    expect(route.stops.find((s) => s.ticketId === ticket)!.locked).toBe(true);
    expect(again.feasible).toBe(true);

    const result = publishDay(db, { routes: again.routes.map((r) => ({ engineerId: r.engineerId, stops: r.stops })), partners: again.partners }, { actor: 'test', at: `${today} 08:00` });
    expect(result.scheduled).toBe(again.routes.reduce((n, r) => n + r.stops.length, 0));
    const stored = db.prepare('SELECT status, engineer_id, scheduled_eta FROM tickets WHERE id = ?').get(ticket);
    expect(stored).toEqual({ status: 'scheduled', engineer_id: target.engineerId, scheduled_eta: route.stops.find((s) => s.ticketId === ticket)!.eta });
    const handed = again.partners[0];
    if (handed) expect(db.prepare('SELECT status, partner_shop_id FROM tickets WHERE id = ?').get(handed.ticketIds[0])).toEqual({ status: 'assigned', partner_shop_id: handed.shopId });
    expect(listOpenTickets(db, { provinceAdcode: '440000' }).length).toBe(model.day.tickets.length);
  });
});
