import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTicket, type DispatchAssignment, type PlanResult } from '../../../shared/dispatch';
import { createDemoDatabase } from '../../demo/createDemoDatabase';
import { openDatabase, type Db } from '../../store/db';
import { listOpenTickets } from '../../store/tickets';
import { makeTempDir } from '../../testing/tempDir';
import { planDay } from './planDay';

// Re-optimising as plan.start does it (its worker calls planDay with the dispatcher's plan), on the demo's 上海.
const temp = makeTempDir();
const day = { regionAdcode: '310000', date: '2026-11-25' };
let db: Db;

beforeAll(() => {
  const file = path.join(temp.dir, 'demo.db');
  createDemoDatabase(file, { today: day.date });
  db = openDatabase(file, { mustExist: true });
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

const assignmentOfPlan = (plan: PlanResult, locked: number[] = []): DispatchAssignment => ({
  routes: plan.routes.map((r) => ({ engineerId: r.engineerId, ticketIds: r.stops.map((s) => s.ticketId) })),
  partners: plan.partners.map((p) => ({ shopId: p.shopId, ticketIds: p.ticketIds })),
  locked,
});

/** Every open ticket of the region exactly once: on a route, with a shop, or unassigned. */
function expectEachTicketOnce(plan: PlanResult): void {
  const placed = [...plan.routes.flatMap((r) => r.stops.map((s) => s.ticketId)), ...plan.partners.flatMap((p) => p.ticketIds), ...plan.unassigned.map((u) => u.ticketId)];
  expect(placed.sort((a, b) => a - b)).toEqual(listOpenTickets(db, { provinceAdcode: day.regionAdcode }).map((t) => t.id).sort((a, b) => a - b));
}

describe('re-optimising a day from the dispatcher\'s plan', () => {
  const solve = { maxIterations: 300, seed: 1 };

  it('starts from an empty plan: every ticket is placed once', async () => {
    const plan = await planDay(db, { ...day, initial: { routes: [], partners: [], locked: [] }, solve });
    expectEachTicketOnce(plan);
    expect(plan.routes.length).toBeGreaterThan(0);
  });

  it('starts from a plan with one ticket taken off its route, keeping the locked ticket where it was', async () => {
    const first = await planDay(db, { ...day, solve });
    const route = first.routes.find((r) => r.stops.length >= 2)!;
    const [locked, taken] = [route.stops[0]!.ticketId, route.stops[1]!.ticketId];
    const initial = removeTicket(assignmentOfPlan(first, [locked]), taken);
    const again = await planDay(db, { ...day, initial, solve });
    expectEachTicketOnce(again);
    expect(again.routes.find((r) => r.engineerId === route.engineerId)!.stops.find((s) => s.ticketId === locked)!.locked).toBe(true);
  });
});
