import { describe, expect, it } from 'vitest';
import type { EvaluatedPlan } from '../../../../shared/dispatch';
import type { Engineer, OpenTicket } from '../../../../shared/domain';
import { assignmentOfPlan, boardRows, boardSpan, dropPosition, moveTicket, routeGeoJson, routeSheetRows, toggleLocks } from './board';

const engineer = (id: number, name: string): Engineer => ({
  id, externalId: `E${id}`, name, provinceAdcode: '440000', homeCity: '广州', home: [113 + id / 10, 23], skills: ['hvac'],
  shiftStart: 480, shiftEnd: 1050, lunchWindowStart: 690, lunchWindowEnd: 810, lunchMinutes: 45, salary: 0, vehicleCost: 0, travelAllowance: 0, maxJobsPerDay: 6,
});
const ticket = (id: number): OpenTicket => ({
  id, externalId: `T${id}`, provinceAdcode: '440000', customerName: `客户${id}`, customerTier: 'general', address: `地址${id}`, location: [113.5, 23 + id / 100],
  productLine: 'hvac', fault: '不制冷', slaTier: 'regular', status: 'new', createdAt: '2026-11-25 07:00', slaDueAt: '2026-11-25 19:00', requiredSkills: [], estimatedMinutes: 60,
  windowStart: id === 2 ? '2026-11-25 10:00' : null, windowEnd: id === 2 ? '2026-11-25 12:00' : null,
});
const stop = (ticketId: number, eta: string, start: string, etd: string, travelMinutes: number, extra: { late?: boolean; locked?: boolean } = {}) => ({
  ticketId, externalId: `T${ticketId}`, eta: `2026-11-25 ${eta}`, start: `2026-11-25 ${start}`, etd: `2026-11-25 ${etd}`, slaDueAt: '2026-11-25 19:00', late: extra.late ?? false, locked: extra.locked ?? false, travelMinutes,
});

const plan: EvaluatedPlan = {
  date: '2026-11-25',
  routes: [
    { engineerId: 1, engineerName: '张伟', lunch: '2026-11-25 11:30', travelMinutes: 70, travelKm: 42.5, back: '2026-11-25 15:00', violations: [],
      stops: [stop(1, '08:30', '08:30', '09:30', 30), stop(2, '09:50', '10:00', '11:00', 20, { locked: true }), stop(3, '12:35', '12:35', '13:35', 20, { late: true })] },
  ],
  partners: [{ shopId: 9, shopName: '安达', ticketIds: [4], reasons: [{ ticketId: 4, reason: 'cheaper_with_partner' }] }],
  unassigned: [{ ticketId: 5, reason: 'no_skill' }],
  objective: 100,
  feasible: true,
};
const engineers = [engineer(2, '李娜'), engineer(1, '张伟')];
const tickets = [1, 2, 3, 4, 5].map(ticket);

describe('the schedule board', () => {
  it('lays out travel, waiting, service and lunch blocks per engineer, busiest first, idle engineers too', () => {
    const rows = boardRows(plan, engineers);
    expect(rows.map((r) => r.name)).toEqual(['张伟', '李娜']);
    expect(rows[0]!.blocks.map((b) => [b.kind, b.from, b.to])).toEqual([
      ['travel', 480, 510], ['service', 510, 570], ['travel', 570, 590], ['wait', 590, 600], ['service', 600, 660],
      ['lunch', 690, 735], ['travel', 735, 755], ['service', 755, 815],
    ]);
    expect(rows[0]!.blocks.filter((b) => b.kind === 'service').map((b) => [b.stop, b.locked, b.late])).toEqual([[1, false, false], [2, true, false], [3, false, true]]);
    expect(rows[1]!.blocks).toEqual([]);
    expect(boardSpan(rows)).toEqual({ from: 480, to: 1080 });
  });

  it('turns a drop at a time into a position on the route, ignoring the job being moved', () => {
    const [row] = boardRows(plan, engineers);
    expect(dropPosition(row!, 500, 99)).toBe(0);
    expect(dropPosition(row!, 620, 99)).toBe(2);
    expect(dropPosition(row!, 620, 1)).toBe(1);
  });

  it('moves a ticket between routes and partners, and locks and frees tickets', () => {
    const assignment = assignmentOfPlan(plan);
    expect(assignment).toEqual({ routes: [{ engineerId: 1, ticketIds: [1, 2, 3] }], partners: [{ shopId: 9, ticketIds: [4] }], locked: [2] });
    const moved = moveTicket(assignment, 3, { engineerId: 2, position: 0 });
    expect(moved.routes).toEqual([{ engineerId: 1, ticketIds: [1, 2] }, { engineerId: 2, ticketIds: [3] }]);
    expect(moveTicket(moved, 5, { shopId: 9 }).partners).toEqual([{ shopId: 9, ticketIds: [4, 5] }]);
    expect(moveTicket(assignment, 4, { engineerId: 1, position: 1 }).partners).toEqual([]);
    expect(toggleLocks(assignment, [1, 3], true).locked.sort()).toEqual([1, 2, 3]);
    expect(toggleLocks(assignment, [2], false).locked).toEqual([]);
  });

  it('draws each route from home through its stops and back, with numbered stops', () => {
    const { lines, stops } = routeGeoJson(plan, engineers, tickets);
    expect(lines.features[0]!.geometry.coordinates).toEqual([[113.1, 23], [113.5, 23.01], [113.5, 23.02], [113.5, 23.03], [113.1, 23]]);
    expect(stops.map((s) => [s.ticketId, s.number, s.late])).toEqual([[1, 1, false], [2, 2, false], [3, 3, true]]);
  });

  it('writes route sheets with address, window and ETA', () => {
    expect(routeSheetRows(plan, tickets)[1]).toEqual(['张伟', '2', 'T2', '客户2', '地址2', '10:00–12:00', '09:50', '11:00', '2026-11-25 19:00', '不制冷']);
  });
});
