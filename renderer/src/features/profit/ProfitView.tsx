import { useMemo, useState } from 'react';
import { useApiQuery, useAtlasApi } from '../../api/useApi';
import { saveFile, saveViewAsPdf } from '../../app/saveFile';
import { useI18n } from '../../i18n/I18n';
import { localName } from '../../i18n/localName';
import { ChoroplethMap } from '../../map/ChoroplethMap';
import { NO_DATA_COLOR } from '../../map/mapColours';
import { ComparePanel } from './ComparePanel';
import { DrilldownPanel } from './DrilldownPanel';
import { colourClasses, colourFor, MAP_MEASURES, MEASURES, type MapMeasure } from './measures';
import { RankingTable } from './RankingTable';
import { ValueMatrix } from './ValueMatrix';

const TABS = ['overview', 'matrix', 'compare'] as const;
type Tab = (typeof TABS)[number];

export function ProfitView() {
  const { t, locale } = useI18n();
  const api = useAtlasApi();
  const geo = useApiQuery('geo.provinces', {});
  const labels = useApiQuery('provinces.list', {});
  const [period, setPeriod] = useState<{ from: string; to: string } | null>(null);
  const [measure, setMeasure] = useState<MapMeasure>('profit');
  const [tab, setTab] = useState<Tab>('overview');
  const [selected, setSelected] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  // Without a period the core picks the 12 months up to its reporting day (the demo's own day on demo data).
  const report = useApiQuery('pnl.report', period ?? {});
  const active = period ?? (report.state === 'ready' ? { from: report.value.from, to: report.value.to } : null);

  const spec = MEASURES[measure];
  const { colours, tooltips, classes } = useMemo(() => {
    if (report.state !== 'ready') return { colours: new Map<string, string>(), tooltips: new Map<string, string>(), classes: [] };
    const applicable = report.value.provinces.filter((p) => spec.applies(p));
    const legend = colourClasses(applicable.map((p) => spec.value(p)), spec.scale);
    return {
      classes: legend,
      colours: new Map(applicable.map((p) => [p.adcode, colourFor(spec.value(p), legend)])),
      tooltips: new Map(
        report.value.provinces.map((p) => [p.adcode, `${localName(p, locale)}: ${spec.applies(p) ? spec.format(spec.value(p), locale) : t('pnl.notApplicable')}`]),
      ),
    };
  }, [report, spec, locale, t]);

  if (report.state === 'error') return <p className="error page-message">{report.message}</p>;
  if (!active || report.state !== 'ready' || geo.state !== 'ready' || labels.state !== 'ready') return <p className="muted page-message">{t('common.loading')}</p>;

  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExportError(null);
    try {
      saveFile(await api.call('pnl.export', { ...active, format, locale }));
    } catch (error) {
      setExportError((error as Error).message);
    }
  };
  const selectedProvince = report.value.provinces.find((p) => p.adcode === selected);

  return (
    <div className="page profit-page">
      <div className="toolbar no-print">
        <label>
          {t('pnl.period')}
          <input type="month" value={active.from} data-testid="period-from" onChange={(e) => e.target.value && setPeriod({ ...active, from: e.target.value })} />
          –
          <input type="month" value={active.to} data-testid="period-to" onChange={(e) => e.target.value && setPeriod({ ...active, to: e.target.value })} />
        </label>
        <div className="tabs" role="tablist">
          {TABS.map((name) => (
            <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'active' : ''} onClick={() => setTab(name)} data-testid={`tab-${name}`}>
              {t(`pnl.tab.${name}`)}
            </button>
          ))}
        </div>
        <div className="exports">
          <button type="button" onClick={() => void exportAs('csv')} data-testid="export-csv">
            CSV
          </button>
          <button type="button" onClick={() => void exportAs('xlsx')} data-testid="export-xlsx">
            Excel
          </button>
          <button type="button" onClick={() => void saveViewAsPdf(`service-atlas-pnl-${active.from}-${active.to}.pdf`)} data-testid="export-pdf">
            PDF
          </button>
        </div>
      </div>
      {exportError && <p className="error">{exportError}</p>}
      <h2 className="print-only">
        {t('nav.profit')} {active.from} – {active.to}
      </h2>

      {tab === 'overview' && (
        <div className="profit-overview">
          <div className="map-column">
            <div className="measure-picker no-print">
              {MAP_MEASURES.map((m) => (
                <label key={m}>
                  <input type="radio" name="measure" checked={measure === m} onChange={() => setMeasure(m)} data-testid={`measure-${m}`} />
                  {t(MEASURES[m].label)}
                </label>
              ))}
            </div>
            <ChoroplethMap
              provinces={geo.value}
              labels={labels.value}
              colours={colours}
              tooltips={tooltips}
              selectedAdcode={selected}
              locale={locale}
              onSelect={setSelected}
            />
            <div className="legend" data-testid="choropleth-legend">
              {classes.map((c) => (
                <span key={`${c.from}-${c.to}`} className="legend-class">
                  <span className="swatch" style={{ background: c.color }} />
                  {spec.format(c.from, locale)} – {spec.format(c.to, locale)}
                </span>
              ))}
              <span className="legend-class">
                <span className="swatch" style={{ background: NO_DATA_COLOR }} />
                {t('pnl.notApplicable')}
              </span>
            </div>
            {selectedProvince && (
              <DrilldownPanel adcode={selectedProvince.adcode} from={active.from} to={active.to} name={localName(selectedProvince, locale)} />
            )}
          </div>
          <div className="table-column">
            <RankingTable report={report.value} selectedAdcode={selected} onSelect={setSelected} />
          </div>
        </div>
      )}
      {tab === 'matrix' && (
        <ValueMatrix
          report={report.value}
          onSelect={(adcode) => {
            setSelected(adcode);
            setTab('overview');
          }}
        />
      )}
      {tab === 'compare' && <ComparePanel report={report.value} initialAdcode={selected ?? '620000'} />}
    </div>
  );
}
