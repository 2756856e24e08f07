import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTicket, type DispatchAssignment, type PlanResult } from '../../../shared/dispatch';
import { createDemoDatabase } from '../../demo/createDemoDatabase';
import { openDatabase, type Db } from '../../store/db';
import { listOpenTickets } from '../../store/tickets';
import { makeTempDir } from '../../testing/tempDir';
import { AssignmentError, toSolution } from './draftPlan';
import { loadDispatchModel, planDay } from './planDay';

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

describe('a plan inconsistent with the day', () => {
  async function refusal(edit: (plan: DispatchAssignment, ids: { ticket: number; other: number; engineer: number; colleague: number; shop: number }) => DispatchAssignment): Promise<AssignmentError> {
    const model = await loadDispatchModel(db, day);
    const [ticket, other] = [model.day.tickets[0]!.id, model.day.tickets[1]!.id];
    const ids = { ticket, other, engineer: model.day.engineers[0]!.id, colleague: model.day.engineers[1]!.id, shop: model.day.shops[0]!.id };
    const base: DispatchAssignment = { routes: [{ engineerId: ids.engineer, ticketIds: [ticket] }], partners: [], locked: [] };
    const plan = edit(base, ids);
    const error = (() => {
      try {
        toSolution(model, plan);
      } catch (thrown) {
        return thrown;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(AssignmentError);
    // planDay (the worker's path) refuses it the same way, before any search.
    await expect(planDay(db, { ...day, initial: plan, solve: { maxIterations: 10 } })).rejects.toBeInstanceOf(AssignmentError);
    return error as AssignmentError;
  }

  it('refuses a ticket placed twice, naming where it is the second time', async () => {
    const onTwoRoutes = await refusal((p, { ticket, colleague }) => ({ ...p, routes: [...p.routes, { engineerId: colleague, ticketIds: [ticket] }] }));
    expect(onTwoRoutes.where).toBe('routes[1].ticketIds[0]');
    expect(onTwoRoutes.message).toContain('placed twice');
    const twiceOnOne = await refusal((p, { ticket }) => ({ ...p, routes: [{ ...p.routes[0]!, ticketIds: [ticket, ticket] }] }));
    expect(twiceOnOne.where).toBe('routes[0].ticketIds[1]');
    const alsoAtAShop = await refusal((p, { ticket, shop }) => ({ ...p, partners: [{ shopId: shop, ticketIds: [ticket] }] }));
    expect(alsoAtAShop.where).toBe('partners[0].ticketIds[0]');
  });

  it('refuses an engineer or a shop listed twice (the second list would silently replace the first)', async () => {
    const engineerTwice = await refusal((p, { other }) => ({ ...p, routes: [...p.routes, { engineerId: p.routes[0]!.engineerId, ticketIds: [other] }] }));
    expect(engineerTwice.where).toBe('routes[1].engineerId');
    const shopTwice = await refusal((p, { other, shop }) => ({ ...p, routes: [], partners: [{ shopId: shop, ticketIds: [p.routes[0]!.ticketIds[0]!] }, { shopId: shop, ticketIds: [other] }] }));
    expect(shopTwice.where).toBe('partners[1].shopId');
  });

  it('refuses tickets no longer open, unknown engineers and unknown shops', async () => {
    expect((await refusal((p) => ({ ...p, routes: [{ ...p.routes[0]!, ticketIds: [1] }] }))).where).toBe('routes[0].ticketIds[0]');
    expect((await refusal((p) => ({ ...p, routes: [{ ...p.routes[0]!, engineerId: 999_999 }] }))).where).toBe('routes[0].engineerId');
    expect((await refusal((p, { other }) => ({ ...p, partners: [{ shopId: 999_999, ticketIds: [other] }] }))).where).toBe('partners[0].shopId');
  });

  it('refuses a locked ticket that is on no engineer\'s route', async () => {
    const withShop = await refusal((p, { other, shop }) => ({ ...p, partners: [{ shopId: shop, ticketIds: [other] }], locked: [other] }));
    expect(withShop.where).toBe('locked[0]');
    const nowhere = await refusal((p, { other }) => ({ ...p, locked: [p.routes[0]!.ticketIds[0]!, other] }));
    expect(nowhere.where).toBe('locked[1]');
  });
});
