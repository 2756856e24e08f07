import { useMemo, useState } from 'react';
import { JobProgress } from '../../app/JobProgress';
import { formatCny, formatCount, formatPercent } from '../../../../shared/format';
import type { NetworkProvinceResult, NetworkResult, TradeoffPoint } from '../../../../shared/network';
import { useApiQuery } from '../../api/useApi';
import { useJob } from '../../api/useJob';
import { useI18n } from '../../i18n/I18n';
import { ChoroplethMap } from '../map/ChoroplethMap';
import { comparisonRows, curvePoints, MODE_COLOURS, modeColours, planPoints, POINT_COLOURS } from './networkTable';
import { ScenarioEditor } from './ScenarioEditor';

export function NetworkView() {
  const { t, locale } = useI18n();
  const [scenariosVersion, setScenariosVersion] = useState(0);
  const scenarios = useApiQuery('network.scenarios', {}, scenariosVersion);
  const geo = useApiQuery('geo.provinces', {});
  const labels = useApiQuery('provinces.list', {});
  const job = useJob('network');
  const [chosen, setChosen] = useState<string[]>(['base']);
  const [onlyDiff, setOnlyDiff] = useState(false);
  const [selected, setSelected] = useState<string | null>('620000');
  const [compared, setCompared] = useState<NetworkResult[] | null>(null);
  const [curve, setCurve] = useState<TradeoffPoint[] | null>(null);

  const status = job.status;
  const result = status?.state === 'done' ? status.result : null;
  if (result?.kind === 'compare' && result.results !== compared) setCompared(result.results);
  if (result?.kind === 'tradeoff' && result.points !== curve) setCurve(result.points);
  const running = job.active;
  const name = (p: { name: string; nameEn: string }) => (locale === 'zh-CN' ? p.name : p.nameEn);
  const base = compared?.[0] ?? null;
  const rows = compared ? comparisonRows(compared, onlyDiff) : [];
  const chosenProvince = base?.provinces.find((p) => p.adcode === selected) ?? null;
  const points = useMemo(
    () =>
      base &&
      planPoints(base, {
        base: (b) => `${b.cityName} · ${b.engineers} ${t('network.engineersAt')}`,
        shop: (s) => `${s.name} · ${t('network.mapShops')}`,
      }),
    [base, t],
  );
  const provinceLabel = labels.state === 'ready' ? labels.value.find((p) => p.adcode === selected) : undefined;

  return (
    <div className="page network-page">
      <p className="intro">{t('network.intro')}</p>
      <div className="toolbar" data-testid="network-toolbar">
        <span>{t('network.scenarios')}</span>
        {scenarios.state === 'ready' &&
          scenarios.value.map((s) => (
            <label key={s.id} className="scenario-choice">
              <input
                type="checkbox"
                checked={chosen.includes(s.name)}
                disabled={s.name === 'base'}
                onChange={(e) => setChosen((c) => (e.target.checked ? [...c, s.name] : c.filter((n) => n !== s.name)))}
              />
              {s.name === 'base' ? (locale === 'zh-CN' ? '基准' : 'Base') : s.name}
            </label>
          ))}
        {scenarios.state === 'ready' && (
          <ScenarioEditor
            scenarios={scenarios.value}
            province={provinceLabel ? { adcode: provinceLabel.adcode, name: locale === 'zh-CN' ? provinceLabel.nameZh : provinceLabel.nameEn } : null}
            onSaved={(saved) => (setScenariosVersion((v) => v + 1), setChosen((c) => (c.includes(saved) ? c : [...c, saved])))}
            onDeleted={(deleted) => (setScenariosVersion((v) => v + 1), setChosen((c) => c.filter((n) => n !== deleted)))}
          />
        )}
        <button type="button" className="primary" disabled={running} onClick={() => job.start({ kind: 'compare', scenarios: chosen })} data-testid="network-optimise">
          {t('network.optimise')}
        </button>
        <button type="button" disabled={running} onClick={() => job.start({ kind: 'tradeoff', scenario: 'base' })} data-testid="network-tradeoff">
          {t('network.tradeoff')}
        </button>
        {running && (
          <>
            <JobProgress status={status} testId="network-progress" />
            <span className="muted">{t('network.running')}</span>
            <button type="button" onClick={job.cancel} data-testid="network-cancel">
              {t('network.cancel')}
            </button>
          </>
        )}
        {status?.state === 'cancelled' && <span className="muted">{t('network.cancelled')}</span>}
        {(job.error ?? status?.error) && <span className="error">{job.error ?? status?.error}</span>}
      </div>

      {!base && !running && <p className="muted">{t('network.empty')}</p>}
      {base && (
        <div className="network-grid">
          <div className="map-column">
            {geo.state === 'ready' && labels.state === 'ready' && (
              <ChoroplethMap
                provinces={geo.value}
                labels={labels.value}
                colours={modeColours(base)}
                tooltips={new Map(base.provinces.map((p) => [p.adcode, `${name(p)} · ${t(`mode.${p.mode}`)} · ${formatCny(p.profit, locale)}`]))}
                selectedAdcode={selected}
                locale={locale}
                onSelect={setSelected}
                points={points ?? undefined}
              />
            )}
            <div className="legend" data-testid="mode-legend">
              {(Object.keys(MODE_COLOURS) as Array<keyof typeof MODE_COLOURS>).map((mode) => (
                <span key={mode} className="legend-class">
                  <span className="swatch" style={{ background: MODE_COLOURS[mode] }} />
                  {t(`mode.${mode}`)}
                </span>
              ))}
              <span className="legend-class">
                <span className="swatch swatch--dot" style={{ background: POINT_COLOURS.base }} />
                {t('network.mapBases')}
              </span>
              <span className="legend-class">
                <span className="swatch swatch--dot" style={{ background: POINT_COLOURS.shop, width: 7, height: 7 }} />
                {t('network.mapShops')}
              </span>
            </div>
            {curve && <TradeoffChart points={curve} />}
          </div>
          <div className="table-column">
            <label className="only-diff">
              <input type="checkbox" checked={onlyDiff} onChange={(e) => setOnlyDiff(e.target.checked)} data-testid="only-diff" />
              {t('network.onlyDiff')}
            </label>
            <table className="data-table" data-testid="network-table">
              <thead>
                <tr>
                  <th>{t('table.province')}</th>
                  <th>{t('network.mode')}</th>
                  <th className="num">{t('network.engineers')}</th>
                  <th className="num">{t('network.shops')}</th>
                  <th className="num">{t('network.today')}</th>
                  <th className="num">{t('network.profit')}</th>
                  <th className="num">{t('network.coverage')}</th>
                  {compared!.slice(1).map((o) => (
                    <th key={o.scenario} className="num">
                      {o.scenario} {t('network.delta')}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.adcode} className={row.adcode === selected ? 'selected' : ''} onClick={() => setSelected(row.adcode)} data-adcode={row.adcode}>
                    <td>{name(row.base)}</td>
                    <td>
                      {row.base.status === 'infeasible' ? (
                        <span className="error">{t('network.infeasible')}</span>
                      ) : (
                        <span className={`mode-badge mode-${row.base.mode}`}>{t(`mode.${row.base.mode}`)}</span>
                      )}
                    </td>
                    <td className="num">{row.base.engineers}</td>
                    <td className="num">{row.base.shops}</td>
                    <td className="num">{row.base.current ? formatCny(row.base.current.profit, locale) : '—'}</td>
                    <td className="num">{formatCny(row.base.profit, locale)}</td>
                    <td className="num">{formatPercent(row.base.coverage.urgent, locale)}</td>
                    {row.others.map((o) => (
                      <td key={o.result.adcode + o.result.mode + o.profitDelta} className={`num ${o.profitDelta > 0.5 ? 'delta-better' : o.profitDelta < -0.5 ? 'delta-worse' : ''}`}>
                        {o.result.status === 'infeasible' ? t('network.infeasible') : `${o.profitDelta >= 0 ? '+' : ''}${formatCny(o.profitDelta, locale)}`}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td>{t('network.total')}</td>
                  <td />
                  <td className="num">{base.totals.engineers}</td>
                  <td className="num">{base.totals.shops}</td>
                  <td className="num">{formatCny(base.totals.current.profit, locale)}</td>
                  <td className="num">{formatCny(base.totals.profit, locale)}</td>
                  <td className="num">{formatPercent(base.totals.coverage.urgent, locale)}</td>
                  {compared!.slice(1).map((o) => {
                    const delta = o.totals.profit - base.totals.profit;
                    return (
                      <td key={o.scenario} className={`num ${delta > 0.5 ? 'delta-better' : delta < -0.5 ? 'delta-worse' : ''}`}>
                        {`${delta >= 0 ? '+' : ''}${formatCny(delta, locale)}`}
                      </td>
                    );
                  })}
                </tr>
              </tfoot>
            </table>
            {chosenProvince && <ProvincePanel province={chosenProvince} />}
          </div>
        </div>
      )}
      {!base && curve && <TradeoffChart points={curve} />}
    </div>
  );
}

function ProvincePanel({ province: p }: { province: NetworkProvinceResult }) {
  const { t, locale } = useI18n();
  const bindingText = (b: NetworkProvinceResult['binding'][number]) => {
    const label = t(`binding.${b.kind}`);
    switch (b.kind) {
      case 'urgentCoverage':
      case 'regularCoverage':
        return `${label} ${formatPercent(b.target, locale)}`;
      case 'budget':
        return `${label} ${formatCny(b.amount, locale)}`;
      case 'keyPresence':
        return `${label}：${b.city}`;
      case 'shopCapacity':
        return `${label}：${b.shop}`;
      case 'forcedMode':
        return `${label}：${t(`mode.${b.mode}`)}`;
    }
  };
  return (
    <section className="panel network-panel" data-testid="network-panel">
      <h3>
        {locale === 'zh-CN' ? p.name : p.nameEn} · {t('network.panelTitle')}
      </h3>
      {p.status === 'infeasible' ? (
        <p className="error">{t('network.infeasible')}</p>
      ) : (
        <dl className="facts">
          <dt>{t('network.mode')}</dt>
          <dd>
            <span className={`mode-badge mode-${p.mode}`}>{t(`mode.${p.mode}`)}</span>
          </dd>
          <dt>{t('network.profit')}</dt>
          <dd>
            {formatCny(p.profit, locale)} ({t('network.today')} {p.current ? formatCny(p.current.profit, locale) : '—'})
          </dd>
          <dt>{t('network.cities')}</dt>
          <dd>
            {p.citiesCovered}/{p.cities} ({t('network.todayShort')} {p.current?.citiesCovered ?? '—'})
          </dd>
          <dt>{t('network.coverage')}</dt>
          <dd>{formatPercent(p.coverage.urgent, locale)}</dd>
          <dt>{t('network.productLines')}</dt>
          <dd data-testid="network-product-lines">
            {Object.entries(p.demandByProductLine)
              .sort((a, b) => b[1] - a[1])
              .map(([line, jobs]) => `${line} ${formatCount(jobs, locale)}`)
              .join(t('list.separator')) || t('network.none')}
          </dd>
          <dt>{t('network.bases')}</dt>
          <dd>{p.bases.length ? p.bases.map((b) => `${b.cityName} ×${b.engineers}`).join(t('list.separator')) : t('network.none')}</dd>
          <dt>{t('network.certified')}</dt>
          <dd>{p.certifiedShops.length ? p.certifiedShops.map((s) => s.name).join(t('list.separator')) : t('network.none')}</dd>
          <dt>{t('network.binding')}</dt>
          <dd data-testid="network-binding">{p.binding.length ? p.binding.map(bindingText).join(t('list.separatorStrong')) : t('network.none')}</dd>
          <dt>{t('network.costs')}</dt>
          <dd>
            {(Object.keys(p.costBreakdown) as Array<keyof typeof p.costBreakdown>)
              .map((k) => `${t(`cost.${k}`)} ${formatCny(p.costBreakdown[k], locale)}`)
              .join(t('list.separator'))}
          </dd>
        </dl>
      )}
    </section>
  );
}

const CHART = { width: 420, height: 180, pad: 40 };

function TradeoffChart({ points }: { points: TradeoffPoint[] }) {
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
