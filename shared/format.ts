// Number formatting as a Chinese planner reads it: large CNY amounts in 万元, percentages with one decimal.
export type Locale = 'zh-CN' | 'en';

const WAN = 10_000;

/** Money in CNY. Chinese: "12.3万元" from 10,000 up, "8,500元" below; English: "¥123,000" or "¥1.23M". */
export function formatCny(amount: number, locale: Locale): string {
  if (!Number.isFinite(amount)) return '—';
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  if (locale === 'zh-CN') {
    if (abs >= WAN) return `${sign}${(abs / WAN).toLocaleString('zh-CN', { maximumFractionDigits: 1, minimumFractionDigits: 1 })}万元`;
    return `${sign}${abs.toLocaleString('zh-CN', { maximumFractionDigits: 0 })}元`;
  }
  if (abs >= 1_000_000) return `${sign}¥${(abs / 1_000_000).toLocaleString('en', { maximumFractionDigits: 2, minimumFractionDigits: 2 })}M`;
  return `${sign}¥${abs.toLocaleString('en', { maximumFractionDigits: 0 })}`;
}

export function formatPercent(ratio: number, locale: Locale): string {
  if (!Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toLocaleString(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;
}

export function formatCount(value: number, locale: Locale): string {
  return value.toLocaleString(locale, { maximumFractionDigits: 0 });
}

/** 'HH:MM' for minutes after midnight. */
export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
