import http from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Engineer, OpenTicket, PartnerShop } from '../../../shared/domain';
import { buildDispatchProblem, dispatchPoints, toDispatchPlan, withNewTicket, type DispatchDay, type DispatchPlan } from './dispatchDay';
import { checkDispatchPlan } from '../testing/dispatchChecker';
import { bestInsertion } from '../solver/insertion';
import { solveVrptw } from '../solver/sisr';
import { syntheticDay } from '../testing/syntheticDay';
import { GreatCircleTravel, OsrmTableTravel, TravelProviderError } from './travel';

const travelFor = (day: DispatchDay) => new GreatCircleTravel(40).matrixSync(dispatchPoints(day));

function plan(day: DispatchDay, iterations = 300, seed = 1): DispatchPlan {
  const model = buildDispatchProblem(day, travelFor(day));
  return toDispatchPlan(model, solveVrptw(model.problem, { maxIterations: iterations, seed }));
}

describe('dispatch plans (property test over random days)', () => {
  it('keep every hard constraint: skills, windows, shifts, lunch, job limits, shop skills and capacity, each ticket once', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const day = syntheticDay({ engineers: 6, tickets: 40, shops: 4, seed });
      const result = plan(day, 150, seed);
      expect(checkDispatchPlan(day, result, travelFor(day)), `seed ${seed}`).toEqual([]);
      expect(result.routes.length).toBeGreaterThan(0);
    }
  });

  it('the checker itself catches a plan that cheats (so the property above can fail)', () => {
    const day = syntheticDay({ engineers: 4, tickets: 20, shops: 2, seed: 3 });
    const good = plan(day);
    const route = good.routes.find((r) => r.stops.length >= 2)!;
    const rushed = structuredClone(good);
    const stop = rushed.routes.find((r) => r.engineerId === route.engineerId)!.stops[1]!;
    stop.eta = stop.start = '2026-11-25 08:00';
    expect(checkDispatchPlan(day, rushed, travelFor(day)).join('\n')).toMatch(/earlier than the drive allows|starts before/);
    const dropped = structuredClone(good);
    dropped.routes[0]!.stops.pop();
    expect(checkDispatchPlan(day, dropped, travelFor(day)).join('\n')).toMatch(/appears 0 times/);
    const unskilled: DispatchDay = { ...day, engineers: day.engineers.map((e) => ({ ...e, skills: [] })) };
    expect(checkDispatchPlan(unskilled, good, travelFor(day)).join('\n')).toMatch(/lacks a skill/);
  });

  it('never move locked jobs, and give the same plan for the same seed', () => {
    const base = syntheticDay({ engineers: 5, tickets: 30, shops: 3, seed: 42 });
    const first = plan(base, 200, 3);
    const route = first.routes.find((r) => r.stops.length >= 2)!;
    // The dispatcher locks two jobs on that engineer in reverse order; the solver must keep exactly that.
    const locked = [route.stops[1]!.ticketId, route.stops[0]!.ticketId];
    const day: DispatchDay = { ...base, locks: [{ engineerId: route.engineerId, ticketIds: locked }] };
    const again = plan(day, 200, 5);
    expect(checkDispatchPlan(day, again, travelFor(day))).toEqual([]);
    expect(plan(day, 200, 5)).toEqual(again);
  });

  it('insert one new urgent ticket into an existing plan without moving anything else', () => {
    const day = syntheticDay({ engineers: 6, tickets: 15, shops: 0, seed: 9 });
    const model = buildDispatchProblem(day, travelFor(day));
    const solution = solveVrptw(model.problem, { maxIterations: 200, seed: 1 });
    const extra = syntheticDay({ engineers: 1, tickets: 1, shops: 0, seed: 77 }).tickets[0]!;
    const ticket = { ...extra, id: 9999, externalId: 'NEW', slaTier: 'urgent' as const, requiredSkills: [] };
    const grownModel = withNewTicket(model, ticket, new GreatCircleTravel(40).extend(travelFor(day), model.points, ticket.location));
    const grown = grownModel.day;
    // The extended matrix is exactly the one built from scratch.
    const scratch = travelFor(grown);
    expect(grownModel.problem.size).toBe(scratch.size);
    scratch.minutes.forEach((m, i) => expect(grownModel.problem.travelTime[i]).toBeCloseTo(m, 9));
    const where = bestInsertion(grownModel.problem, solution.routes, grown.tickets.length - 1);
    expect(where).not.toBeNull();
    const routes = solution.routes.map((r) => r.slice());
    routes[where!.vehicle]!.splice(where!.position, 0, grown.tickets.length - 1);
    const result = toDispatchPlan(grownModel, { ...solution, routes, unassigned: [...solution.unassigned] });
    expect(checkDispatchPlan(grown, result, travelFor(grown))).toEqual([]);
    const others = (p: DispatchPlan) => p.routes.map((r) => r.stops.map((s) => s.ticketId).filter((id) => id !== 9999));
    expect(others(result)).toEqual(others(toDispatchPlan(model, solution)));
  });
});

describe('unassigned reasons, each in a day built so that exactly that reason applies', () => {
  const engineer = (overrides: Partial<Engineer> = {}): Engineer => ({
    id: 1,
    externalId: 'E1',
    name: '王伟',
    provinceAdcode: '440000',
    homeCity: '广州',
    home: [113.26, 23.13],
    skills: ['hvac'],
    shiftStart: 480,
    shiftEnd: 1050,
    lunchWindowStart: 690,
    lunchWindowEnd: 810,
    lunchMinutes: 60,
    salary: 0,
    vehicleCost: 0,
    travelAllowance: 0,
    maxJobsPerDay: 6,
    ...overrides,
  });
  const ticket = (id: number, overrides: Partial<OpenTicket> = {}): OpenTicket => ({
    id,
    externalId: `T${id}`,
    address: '',
    provinceAdcode: '440000',
    customerName: 'X',
    customerTier: 'mid',
    location: [113.3, 23.15],
    productLine: 'commercial_hvac',
    fault: 'noise',
    slaTier: 'regular',
    status: 'new',
    createdAt: '2026-11-25 07:00',
    slaDueAt: '2026-11-25 19:00',
    requiredSkills: ['hvac'],
    estimatedMinutes: 60,
    windowStart: null,
    windowEnd: null,
    ...overrides,
  });
  const shop = (overrides: Partial<PartnerShop> = {}): PartnerShop => ({
    id: 7,
    externalId: 'S7',
    name: '广州鑫达机电服务部',
    provinceAdcode: '440000',
    city: '广州',
    location: [113.3, 23.15],
    status: 'certified',
    certificationLevel: 'gold',
    skills: ['hvac', 'medical'],
    dailyCapacity: 5,
    fees: { urgent: 400, regular: 200, complex: 600 },
    firstTimeFixRate: 0.85,
    ...overrides,
  });
  const day = (tickets: OpenTicket[], engineers = [engineer()], shops: PartnerShop[] = []): DispatchDay => ({ date: '2026-11-25', now: '2026-11-25 08:00', engineers, tickets, shops });
  const reasonsOf = (result: DispatchPlan) => [...result.unassigned, ...result.partners.flatMap((p) => p.reasons)];

  it('no_skill: nobody on the team has the skill', () => {
    expect(reasonsOf(plan(day([ticket(1, { requiredSkills: ['medical'] })])))).toEqual([{ ticketId: 1, reason: 'no_skill' }]);
  });

  it('outside_shift: the appointment lies after every shift', () => {
    const late = ticket(1, { windowStart: '2026-11-25 19:00', windowEnd: '2026-11-25 21:00' });
    expect(reasonsOf(plan(day([late])))).toEqual([{ ticketId: 1, reason: 'outside_shift' }]);
  });

  it('window_unreachable: within the shift, but too far from every base to make the window', () => {
    const far = ticket(1, { location: [116.68, 23.35], windowStart: '2026-11-25 08:00', windowEnd: '2026-11-25 09:00' });
    expect(reasonsOf(plan(day([far])))).toEqual([{ ticketId: 1, reason: 'window_unreachable' }]);
  });

  it('capacity_exhausted: the engineer could do it, but the day is full', () => {
    const full = plan(day([ticket(1), ticket(2)], [engineer({ maxJobsPerDay: 1 })]));
    expect(reasonsOf(full)).toEqual([{ ticketId: expect.any(Number), reason: 'capacity_exhausted' }]);
    expect(full.routes[0]?.stops).toHaveLength(1);
  });

  it('cheaper_with_partner: the engineer could go, but a shop next door costs less than the drive', () => {
    const remote = engineer({ home: [114.06, 22.54] });
    const result = plan(day([ticket(1)], [remote], [shop()]));
    expect(result.partners).toEqual([{ shopId: 7, shopName: '广州鑫达机电服务部', ticketIds: [1], reasons: [{ ticketId: 1, reason: 'cheaper_with_partner' }] }]);
  });
});

describe('travel providers', () => {
  it('estimate great-circle travel with a detour factor at the region speed', () => {
    const m = new GreatCircleTravel(40, 1.3).matrixSync([
      [116.4074, 39.9042],
      [121.4737, 31.2304],
    ]);
    expect(m.km[1]).toBeCloseTo(1068 * 1.3, -1);
    expect(m.minutes[1]).toBeCloseTo((m.km[1]! / 40) * 60, 6);
    expect(m.km[0]).toBe(0);
  });

  it('read an OSRM table endpoint, and explain its errors', async () => {
    const server = http.createServer((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      if (req.url?.includes('/table/v1/driving/113.260000,23.130000;114.060000,22.540000')) {
        res.end(JSON.stringify({ code: 'Ok', durations: [[0, 5400], [5500, 0]], distances: [[0, 140000], [141000, 0]] }));
      } else {
        res.end(JSON.stringify({ code: 'InvalidQuery', message: 'bad coordinates' }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const osrm = new OsrmTableTravel(`http://127.0.0.1:${port}`);
      const m = await osrm.matrix([
        [113.26, 23.13],
        [114.06, 22.54],
      ]);
      expect([...m.minutes]).toEqual([0, 90, 5500 / 60, 0]);
      expect([...m.km]).toEqual([0, 140, 141, 0]);
      await expect(osrm.matrix([[0, 0]])).rejects.toThrow(/InvalidQuery: bad coordinates/);
      await expect(new OsrmTableTravel('http://127.0.0.1:1').matrix([[0, 0]])).rejects.toBeInstanceOf(TravelProviderError);
    } finally {
      server.close();
    }
  });
});
