import { useMemo, useState } from 'react';
import { JobProgress } from '../../app/JobProgress';
import { formatCny, formatPercent } from '../../../../shared/format';
import type { NetworkResult, TradeoffPoint } from '../../../../shared/network';
import { useApiQuery } from '../../api/useApi';
import { useJob } from '../../api/useJob';
import { useI18n } from '../../i18n/I18n';
import { localName } from '../../i18n/localName';
import { ChoroplethMap } from '../../map/ChoroplethMap';
import { comparisonRows, MODE_COLOURS, modeColours, planPoints, POINT_COLOURS } from './networkTable';
import { ProvincePanel } from './ProvincePanel';
import { ScenarioEditor } from './ScenarioEditor';
import { TradeoffChart } from './TradeoffChart';

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
              {s.name === 'base' ? t('network.baseScenario') : s.name}
            </label>
          ))}
        {scenarios.state === 'ready' && (
          <ScenarioEditor
            scenarios={scenarios.value}
            province={provinceLabel ? { adcode: provinceLabel.adcode, name: localName(provinceLabel, locale) } : null}
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
                tooltips={new Map(base.provinces.map((p) => [p.adcode, `${localName(p, locale)} · ${t(`mode.${p.mode}`)} · ${formatCny(p.profit, locale)}`]))}
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
                    <td>{localName(row.base, locale)}</td>
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
