import { formatCny, formatPercent } from '../../../../shared/format';
import type { TradeoffPoint } from '../../../../shared/network';
import { useI18n } from '../../i18n/I18n';
import { curvePoints } from './networkTable';

const CHART = { width: 420, height: 180, pad: 40 };

/** Profit against the urgent coverage target, one point per target tried. */
export function TradeoffChart({ points }: { points: TradeoffPoint[] }) {
  const { t, locale } = useI18n();
  const xy = curvePoints(points, CHART.width - CHART.pad * 2, CHART.height - CHART.pad);
  return (
    <figure className="tradeoff" data-testid="tradeoff-chart">
      <figcaption>{t('network.tradeoffTitle')}</figcaption>
      <svg width={CHART.width} height={CHART.height + 20} role="img">
        <g transform={`translate(${CHART.pad},10)`}>
          <polyline fill="none" stroke="#0f766e" strokeWidth={2} points={xy.map((p) => `${p.x},${p.y}`).join(' ')} />
          {xy.map((p) => (
            <g key={p.point.target}>
              <circle cx={p.x} cy={p.y} r={3.5} fill="#0f766e">
                <title>{`${formatPercent(p.point.target, locale)}: ${formatCny(p.point.profit, locale)}`}</title>
              </circle>
              <text x={p.x} y={CHART.height - CHART.pad + 16} fontSize={10} textAnchor="middle">
                {Math.round(p.point.target * 100)}
              </text>
            </g>
          ))}
          {xy.length > 0 && (
            <>
              <text x={-4} y={Math.min(...xy.map((p) => p.y))} fontSize={10} textAnchor="end">
                {formatCny(Math.max(...xy.map((p) => p.point.profit)), locale)}
              </text>
              <text x={-4} y={Math.max(...xy.map((p) => p.y))} fontSize={10} textAnchor="end">
                {formatCny(Math.min(...xy.map((p) => p.point.profit)), locale)}
              </text>
            </>
          )}
        </g>
        <text x={CHART.width / 2} y={CHART.height + 16} fontSize={11} textAnchor="middle">
          {t('network.target')} (%)
        </text>
      </svg>
    </figure>
  );
}
