import { describe, expect, it } from 'vitest';
import { scheduleRoute, type RoutingProblem } from './problem';

/** Home (0) and two customers 10 minutes apart from each other and from home. */
function day(longJobMinutes: number): RoutingProblem {
  const size = 3;
  const travelTime = new Float64Array(size * size).map((_, i) => (Math.floor(i / size) === i % size ? 0 : 10));
  return {
    size,
    travelTime,
    cost: travelTime,
    jobs: [
      { location: 1, service: 60, demand: 0, earliest: 0, latest: 1440 },
      { location: 2, service: longJobMinutes, demand: 0, earliest: 0, latest: 1440 },
    ],
    // Shift 08:00–18:00; lunch of 45 minutes starting between 11:30 and 12:45.
    vehicles: [{ start: 0, end: 0, earliest: 480, latest: 1080, capacity: 10, break: { earliest: 690, latest: 765, duration: 45 } }],
  };
}

describe('the route schedule', () => {
  it('takes lunch between jobs once its window has opened', () => {
    const schedule = scheduleRoute(day(150), 0, [0, 1]);
    // 08:10–09:10 first job, 09:20–11:50 the second; lunch at 11:50 on the spot, home by 12:45.
    expect(schedule.stops.map((s) => s.start)).toEqual([490, 560]);
    expect(schedule).toMatchObject({ feasible: true, breakStart: 710, backAt: 765 });
  });

  it('stops for lunch before a job that would run through the whole lunch window, instead of skipping it', () => {
    const schedule = scheduleRoute(day(240), 0, [0, 1]);
    // The 4-hour job would end at 13:20, past 12:45: lunch from 11:30, then drive, then the job from 12:25.
    expect(schedule).toMatchObject({ feasible: true, breakStart: 690 });
    expect(schedule.stops.map((s) => s.start)).toEqual([490, 745]);
  });

  it('is infeasible when even that cannot fit the shift', () => {
    expect(scheduleRoute(day(600), 0, [0, 1]).feasible).toBe(false);
  });
});
