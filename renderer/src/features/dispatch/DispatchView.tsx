import { useEffect, useMemo, useState } from 'react';
import { chinaDate, chinaDateTime } from '../../../../shared/time';
import { useApiQuery, type Loadable } from '../../api/useApi';
import { useI18n } from '../../i18n/I18n';
import { localName } from '../../i18n/localName';
import type { MessageKey } from '../../i18n/messages';
import { DispatchMap, type MapSelection } from './DispatchMap';
import { COLORS, LAYER, TOGGLEABLE_LAYERS, type ToggleableLayer } from './dispatchMapLayers';
import { DetailPanel } from './DetailPanel';
import { assignmentOfPlan, routeGeoJson, withLockToggled } from './board';
import { PlanBoard } from './PlanBoard';
import { RouteSheets } from './RouteSheets';
import { PlanPanel } from './PlanPanel';
import { usePlanEditor } from './usePlanEditor';

const LAYER_LABEL: Record<ToggleableLayer, MessageKey> = {
  [LAYER.engineers]: 'layers.engineers',
  [LAYER.shops]: 'layers.shops',
  [LAYER.tickets]: 'layers.tickets',
};
const LAYER_COLOR: Record<ToggleableLayer, string> = {
  [LAYER.engineers]: COLORS.engineer,
  [LAYER.shops]: COLORS.shop,
  [LAYER.tickets]: COLORS.tier.urgent,
};

function firstProblem(...items: Array<Loadable<unknown>>): Loadable<never> | null {
  const error = items.find((i) => i.state === 'error');
  if (error) return error as Loadable<never>;
  return items.some((i) => i.state === 'loading') ? { state: 'loading' } : null;
}

export function DispatchView() {
  const { t, locale } = useI18n();
  const provinces = useApiQuery('geo.provinces', {});
  const overviews = useApiQuery('provinces.list', {});
  const engineers = useApiQuery('engineers.list', {});
  const shops = useApiQuery('partners.list', {});
  const [ticketsVersion, setTicketsVersion] = useState(0);
  // The map shows the most urgent page of open tickets (a page holds more than a plannable region has); the count says how many in all.
  const tickets = useApiQuery('tickets.open', {}, ticketsVersion);
  const info = useApiQuery('app.info', {});
  const [date, setDate] = useState<string | undefined>(undefined);
  // The day to plan: the demo's day on the demo data, otherwise today in China.
  const day = date ?? (info.state === 'ready' ? (info.value.demoGeneratedOn ?? chinaDate(new Date())) : undefined);
  const [visible, setVisible] = useState<ReadonlySet<ToggleableLayer>>(new Set(TOGGLEABLE_LAYERS));
  const [selection, setSelection] = useState<MapSelection | null>(null);
  const [region, setRegion] = useState<string | null>(null);
  const [city, setCity] = useState<number | undefined>(undefined);
  const cities = useApiQuery('regions.cities', region ? { provinceAdcode: region } : null);
  const editor = usePlanEditor(region, city, day);
  const plan = editor.plan;
  const selectedTicket = selection?.kind === 'ticket' ? selection.id : null;
  const [dragging, setDragging] = useState<number | null>(null);
  const [sheetEngineer, setSheetEngineer] = useState<number | null>(null);
  const select = (next: MapSelection | null) => {
    setSelection(next);
    if (next?.kind === 'province' && next.adcode !== region) {
      setRegion(next.adcode);
      setCity(undefined);
    }
    if (next === null) setRegion(null);
  };
  const selectTicket = (id: number | null) => setSelection(id === null ? (region ? { kind: 'province', adcode: region } : null) : { kind: 'ticket', id });
  // The region's own people and tickets (a province, or one city of it), as the core plans them.
  const scope = region ? { provinceAdcode: region, ...(city ? { cityId: city } : {}) } : null;
  const scopedEngineers = useApiQuery('engineers.list', scope);
  const scopedTickets = useApiQuery('tickets.open', scope, ticketsVersion);
  const regionEngineers = useMemo(() => (region && scopedEngineers.state === 'ready' ? scopedEngineers.value : []), [region, scopedEngineers]);
  const regionTickets = useMemo(() => (region && scopedTickets.state === 'ready' ? scopedTickets.value.tickets : []), [region, scopedTickets]);
  const routes = useMemo(() => (plan ? routeGeoJson(plan, regionEngineers, regionTickets) : null), [plan, regionEngineers, regionTickets]);

  // Keyboard: O optimise, R re-optimise around locks, L lock or free the chosen job, Ctrl+Z / Ctrl+Y undo and redo.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
      const key = event.key.toLowerCase();
      if ((event.ctrlKey || event.metaKey) && key === 'z' && !event.shiftKey) editor.undo();
      else if ((event.ctrlKey || event.metaKey) && (key === 'y' || (key === 'z' && event.shiftKey))) editor.redo();
      else if (event.ctrlKey || event.metaKey || event.altKey) return;
      else if (key === 'o' && region) editor.optimise(false);
      else if (key === 'r' && plan) editor.optimise(true);
      else if (key === 'l' && plan && selectedTicket !== null) {
        void editor.apply(withLockToggled(plan, selectedTicket));
      } else if (key === 'escape') selectTicket(null);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const problem = firstProblem(provinces, overviews, engineers, shops, tickets);
  if (problem?.state === 'error') return <p className="error page-message">{`${t('common.error')}: ${problem.message}`}</p>;
  if (problem || provinces.state !== 'ready' || overviews.state !== 'ready' || engineers.state !== 'ready' || shops.state !== 'ready' || tickets.state !== 'ready') {
    return <p className="muted page-message">{t('common.loading')}</p>;
  }

  const toggle = (layer: ToggleableLayer) =>
    setVisible((current) => {
      const next = new Set(current);
      if (next.has(layer)) next.delete(layer);
      else next.add(layer);
      return next;
    });

  return (
    <div className={`workspace${region ? ' with-board' : ''}`}>
      <DispatchMap
        provinces={provinces.value}
        overviews={overviews.value}
        engineers={engineers.value}
        shops={shops.value}
        tickets={tickets.value.tickets}
        visibleLayers={visible}
        selectedAdcode={region}
        locale={locale}
        routes={routes}
        now={day && day !== chinaDate(new Date()) ? `${day} 08:00` : chinaDateTime(new Date())}
        onSelect={select}
      />
      {plan && <RouteSheets plan={plan} tickets={regionTickets} engineerId={sheetEngineer} />}
      {region && (
        <div className="board-area">
          {plan ? (
            <PlanBoard plan={plan} engineers={regionEngineers} selectedTicket={selectedTicket} onSelectTicket={selectTicket} evaluate={editor.evaluate} apply={(a) => void editor.apply(a)} dragging={dragging} onDragging={setDragging} />
          ) : (
            <p className="muted page-message">{t('plan.hint')}</p>
          )}
        </div>
      )}
      <aside className="side-panel">
        <section>
          <h3>{t('region.title')}</h3>
          <select
            className="region-select"
            data-testid="region-select"
            value={region ?? ''}
            onChange={(event) => select(event.target.value ? { kind: 'province', adcode: event.target.value } : null)}
          >
            <option value="">{t('region.all')}</option>
            {overviews.value.map((p) => (
              <option key={p.adcode} value={p.adcode}>
                {localName(p, locale)}
              </option>
            ))}
          </select>
        </section>
        {region && (
          <>
            <label className="plan-date">
              {t('plan.city')}{' '}
              <select value={city ?? ''} onChange={(e) => setCity(e.target.value ? Number(e.target.value) : undefined)} data-testid="city-select">
                <option value="">{t('plan.wholeProvince')}</option>
                {cities.state === 'ready' &&
                  cities.value.map((c) => (
                    <option key={c.id} value={c.id}>
                      {localName(c, locale)}
                    </option>
                  ))}
              </select>
            </label>
            <label className="plan-date">
              {t('plan.date')}{' '}
              <input type="date" value={day ?? ''} onChange={(e) => setDate(e.target.value || undefined)} data-testid="plan-date" />
            </label>
            <PlanPanel
              editor={editor}
              regionAdcode={region}
              tickets={regionTickets}
              skills={[...new Set(regionEngineers.flatMap((e) => e.skills))].sort()}
              selectedTicket={selectedTicket}
              onSelectTicket={selectTicket}
              onDragging={setDragging}
              sheetEngineer={sheetEngineer}
              onSheetEngineer={setSheetEngineer}
              onTicketCreated={(ticket) => {
                setTicketsVersion((v) => v + 1);
                setSelection({ kind: 'ticket', id: ticket.id });
                if (plan) void editor.apply(assignmentOfPlan(plan));
              }}
            />
          </>
        )}
        <section>
          <h3>{t('layers.title')}</h3>
          {TOGGLEABLE_LAYERS.map((layer) => (
            <label key={layer} className="layer-toggle">
              <input type="checkbox" checked={visible.has(layer)} onChange={() => toggle(layer)} data-testid={`toggle-${layer}`} />
              <span className="swatch swatch--dot" style={{ background: LAYER_COLOR[layer] }} />
              {t(LAYER_LABEL[layer])}
              <span className="count">
                {layer === LAYER.engineers ? engineers.value.length : layer === LAYER.shops ? shops.value.filter((s) => s.status === 'certified').length : tickets.value.total}
              </span>
            </label>
          ))}
        </section>
        <section>
          <h3>{t('legend.title')}</h3>
          <div className="legend-row">
            <span className="swatch" style={{ background: COLORS.directProvince }} />
            {t('legend.directProvince')}
          </div>
          <div className="legend-row">
            <span className="swatch" style={{ background: COLORS.partnerProvince }} />
            {t('legend.partnerProvince')}
          </div>
          <div className="legend-row">
            <span className="swatch swatch--dot swatch--ring" style={{ borderColor: COLORS.tier.urgent }} />
            {t('legend.soon')}
          </div>
          <div className="legend-row">
            <span className="swatch swatch--dot swatch--ring" style={{ borderColor: COLORS.breached }} />
            {t('legend.breached')}
          </div>
          {(['urgent', 'regular', 'complex'] as const).map((tier) => (
            <div className="legend-row" key={tier}>
              <span className="swatch swatch--dot" style={{ background: COLORS.tier[tier] }} />
              {t(`legend.${tier}`)}
            </div>
          ))}
        </section>
        <section className="detail" data-testid="detail-panel">
          <DetailPanel selection={selection} engineers={engineers.value} shops={shops.value} tickets={tickets.value.tickets} />
        </section>
      </aside>
    </div>
  );
}
