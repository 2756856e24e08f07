import type { PnlReport } from '../../../../shared/finance';
import { formatPercent } from '../../../../shared/format';
import { useI18n } from '../../i18n/I18n';
import { shortProvinceName } from '../../map/chinaMap';
import { customerValue, quadrantOf, type Quadrant } from './valueMatrix';

const QUADRANT_COLOR: Record<Quadrant, string> = {
  profitEngine: '#059669',
  valueIsland: '#2563eb',
  costSink: '#dc2626',
  profitSqueezer: '#d97706',
};

const W = 720;
const H = 460;
const PAD = { left: 64, right: 24, top: 30, bottom: 70 };
const TICKS = 5;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Greedy label placement: a label that would cover one already placed is left out (its point keeps a tooltip). */
export function placeLabels<T>(items: T[], box: (item: T) => Box): Set<T> {
  const placed: Box[] = [];
  const shown = new Set<T>();
  for (const item of items) {
    const b = box(item);
    if (placed.some((p) => overlaps(p, b))) continue;
    placed.push(b);
    shown.add(item);
  }
  return shown;
}

export function ValueMatrix({ report, onSelect }: { report: PnlReport; onSelect(adcode: string): void }) {
  const { t, locale } = useI18n();
  const points = report.provinces.filter((p) => p.tickets > 0);
  const split = { customerValue: customerValue(report.total), margin: report.total.margin };
  const xs = points.map(customerValue);
  const ys = points.map((p) => p.margin);
  const [xMin, xMax] = [Math.min(...xs, split.customerValue) - 0.02, Math.max(...xs, split.customerValue) + 0.02];
  const [yMin, yMax] = [Math.min(...ys, split.margin) - 0.05, Math.max(...ys, split.margin) + 0.05];
  const x = (v: number) => PAD.left + ((v - xMin) / (xMax - xMin)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - ((v - yMin) / (yMax - yMin)) * (H - PAD.top - PAD.bottom);
  const corner = (q: Quadrant, cx: number, cy: number, anchor: 'start' | 'end') => (
    <text x={cx} y={cy} textAnchor={anchor} className="quadrant-label" fill={QUADRANT_COLOR[q]}>
      {t(`matrix.${q}`)}
    </text>
  );
  const name = (p: (typeof points)[number]) => shortProvinceName(p, locale);
  // Provinces far from the national point first: they are the ones a director looks for.
  const byDistance = [...points].sort(
    (a, b) => Math.hypot(x(customerValue(b)) - x(split.customerValue), y(b.margin) - y(split.margin)) - Math.hypot(x(customerValue(a)) - x(split.customerValue), y(a.margin) - y(split.margin)),
  );
  const labelled = placeLabels(byDistance, (p) => ({ x: x(customerValue(p)) - 6, y: y(p.margin) - 8, w: 14 + name(p).length * (locale === 'zh-CN' ? 12 : 7), h: 16 }));
  const ticks = (min: number, max: number) => Array.from({ length: TICKS + 1 }, (_, i) => min + ((max - min) * i) / TICKS);
  return (
    <div className="value-matrix" data-testid="value-matrix">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t('matrix.title')}>
        <rect x={PAD.left} y={PAD.top} width={W - PAD.left - PAD.right} height={H - PAD.top - PAD.bottom} fill="#fff" stroke="#e5e7eb" />
        <line x1={x(split.customerValue)} x2={x(split.customerValue)} y1={PAD.top} y2={H - PAD.bottom} stroke="#94a3b8" strokeDasharray="4 3" />
        <line x1={PAD.left} x2={W - PAD.right} y1={y(split.margin)} y2={y(split.margin)} stroke="#94a3b8" strokeDasharray="4 3" />
        {ticks(xMin, xMax).map((v) => (
          <text key={`x${v}`} x={x(v)} y={H - PAD.bottom + 16} textAnchor="middle" className="tick-label">
            {formatPercent(v, locale)}
          </text>
        ))}
        {ticks(yMin, yMax).map((v) => (
          <text key={`y${v}`} x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="tick-label">
            {formatPercent(v, locale)}
          </text>
        ))}
        {corner('profitEngine', W - PAD.right, PAD.top - 10, 'end')}
        {corner('profitSqueezer', PAD.left, PAD.top - 10, 'start')}
        {corner('valueIsland', W - PAD.right, H - PAD.bottom + 36, 'end')}
        {corner('costSink', PAD.left, H - PAD.bottom + 36, 'start')}
        {points.map((p) => {
          const q = quadrantOf(p, split);
          return (
            <g key={p.adcode} className="matrix-point" data-quadrant={q} data-adcode={p.adcode} onClick={() => onSelect(p.adcode)}>
              <circle cx={x(customerValue(p))} cy={y(p.margin)} r={5} fill={QUADRANT_COLOR[q]} opacity={0.85} />
              {labelled.has(p) && (
                <text x={x(customerValue(p)) + 7} y={y(p.margin) + 4} className="matrix-label">
                  {name(p)}
                </text>
              )}
              <title>{`${p.name}: ${t('pnl.margin')} ${formatPercent(p.margin, locale)}, ${t('matrix.customerValue')} ${formatPercent(customerValue(p), locale)}`}</title>
            </g>
          );
        })}
        <text x={(W + PAD.left) / 2} y={H - 8} textAnchor="middle" className="axis-label">
          {t('matrix.customerValue')} →
        </text>
        <text x={14} y={(H - PAD.bottom) / 2} textAnchor="middle" className="axis-label" transform={`rotate(-90 14 ${(H - PAD.bottom) / 2})`}>
          {t('pnl.margin')} →
        </text>
      </svg>
      <p className="muted small">{t('matrix.explain')}</p>
    </div>
  );
}
