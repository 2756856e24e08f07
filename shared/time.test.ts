import { describe, expect, it } from 'vitest';
import { chinaDate, formatLocal, isLocalDate, parseLocal, parseLocalDate } from './time';

describe('local China time', () => {
  it('round-trips local times and does arithmetic in minutes', () => {
    const t = parseLocal('2026-02-28 23:30');
    expect(formatLocal(t + 60)).toBe('2026-03-01 00:30');
    expect(parseLocalDate('2026-11-25')).toBe(parseLocal('2026-11-25 00:00'));
  });

  it('rejects impossible dates and times', () => {
    expect(() => parseLocal('2026-02-30 10:00')).toThrow();
    expect(() => parseLocal('2026-01-01 24:00')).toThrow();
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('2026-11-25')).toBe(true);
  });

  it("takes today's date in China, eight hours ahead of UTC", () => {
    expect(chinaDate(new Date('2026-11-25T15:59:00Z'))).toBe('2026-11-25');
    expect(chinaDate(new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26');
  });
});
