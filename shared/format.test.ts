import { describe, expect, it } from 'vitest';
import { formatClock, formatCny, formatPercent } from './format';

describe('formatCny', () => {
  it('shows 万元 from ten thousand yuan up in Chinese', () => {
    expect(formatCny(1_500_000, 'zh-CN')).toBe('150.0万元');
    expect(formatCny(-700_000, 'zh-CN')).toBe('-70.0万元');
    expect(formatCny(8_500, 'zh-CN')).toBe('8,500元');
  });

  it('shows millions in English', () => {
    expect(formatCny(1_500_000, 'en')).toBe('¥1.50M');
    expect(formatCny(8_500, 'en')).toBe('¥8,500');
  });

  it('never prints NaN', () => {
    expect(formatCny(Number.NaN, 'zh-CN')).toBe('—');
    expect(formatPercent(Number.POSITIVE_INFINITY, 'en')).toBe('—');
  });
});

describe('formatPercent and formatClock', () => {
  it('format ratios and minutes of the day', () => {
    expect(formatPercent(0.587, 'zh-CN')).toBe('58.7%');
    expect(formatClock(8 * 60 + 5)).toBe('08:05');
    expect(formatClock(17 * 60 + 30)).toBe('17:30');
  });
});
