// The measures a director can map, rank and compare, with their units; and the colour scale of the choropleth.
import type { PnlFigures } from '../../../../shared/finance';
import { formatCny, formatPercent, type Locale } from '../../../../shared/format';
import type { MessageKey } from '../../i18n/messages';
import { NO_DATA_COLOR } from '../../map/mapColours';

export const MAP_MEASURES = ['profit', 'margin', 'fcr', 'slaAttainment', 'revenuePerEngineer'] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];

export interface MeasureSpec {
  label: MessageKey;
  value(f: PnlFigures): number;
  format(value: number, locale: Locale): string;
  /** Diverging around zero (gains and losses) or sequential from low to high. */
  scale: 'diverging' | 'sequential';
  /** Some measures mean nothing where there is no direct team. */
  applies(f: PnlFigures): boolean;
}

const always = () => true;

export const MEASURES: Record<MapMeasure, MeasureSpec> = {
  profit: { label: 'pnl.profit', value: (f) => f.profit, format: formatCny, scale: 'diverging', applies: always },
  margin: { label: 'pnl.margin', value: (f) => f.margin, format: formatPercent, scale: 'diverging', applies: (f) => f.revenue > 0 },
  fcr: { label: 'pnl.fcr', value: (f) => f.fcr, format: formatPercent, scale: 'sequential', applies: (f) => f.tickets > 0 },
  slaAttainment: { label: 'pnl.sla', value: (f) => f.slaAttainment, format: formatPercent, scale: 'sequential', applies: (f) => f.tickets > 0 },
  revenuePerEngineer: { label: 'pnl.revenuePerEngineer', value: (f) => f.revenuePerEngineer, format: formatCny, scale: 'sequential', applies: (f) => f.engineers > 0 },
};

const DIVERGING = ['#b91c1c', '#f87171', '#fde2e2', '#d1fae5', '#34d399', '#047857'];
const SEQUENTIAL = ['#eff6ff', '#bfdbfe', '#60a5fa', '#2563eb', '#1e3a8a'];

export interface LegendClass {
  color: string;
  from: number;
  to: number;
}

/**
 * Classes for the legend and the fill: three red classes for losses and three green for gains (split at zero, each
 * side in equal steps to its extreme), or five equal steps from the lowest to the highest value.
 */
export function colourClasses(values: readonly number[], scale: MeasureSpec['scale']): LegendClass[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const steps = (from: number, to: number, colors: string[]) =>
    colors.map((color, i) => ({ color, from: from + ((to - from) * i) / colors.length, to: from + ((to - from) * (i + 1)) / colors.length }));
  if (scale === 'diverging') {
    return [...(min < 0 ? steps(min, 0, DIVERGING.slice(0, 3)) : []), ...(max > 0 ? steps(0, max, DIVERGING.slice(3)) : [])];
  }
  return max > min ? steps(min, max, SEQUENTIAL) : [{ color: SEQUENTIAL[2] as string, from: min, to: max }];
}

export function colourFor(value: number, classes: readonly LegendClass[]): string {
  const hit = classes.find((c, i) => value >= c.from && (value < c.to || i === classes.length - 1));
  return hit?.color ?? NO_DATA_COLOR;
}
