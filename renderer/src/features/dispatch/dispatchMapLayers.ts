// What the dispatch map draws, as typed data built by pure functions (unit-tested without a browser); the component
// only hands these to MapLibre. No glyphs or tiles are fetched: the style is self-contained, so the map works offline.
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { ProvinceFeatureCollection, ProvinceOverview } from '../../../../shared/api/index';
import type { Engineer, OpenTicket, PartnerShop, SlaTier } from '../../../../shared/domain';
import { parseLocal } from '../../../../shared/time';
import { MAP_BACKGROUND } from '../../map/mapColours';
import type { PointCollection } from '../../map/points';

export const LAYER = {
  provinceFill: 'province-fill',
  provinceLine: 'province-line',
  provinceSelected: 'province-selected',
  shops: 'shops',
  engineers: 'engineers',
  tickets: 'tickets',
  ticketClusters: 'ticket-clusters',
  routes: 'routes',
} as const;

/** Below this zoom, tickets closer than the radius (pixels) to each other are drawn as one circle with a count. */
export const TICKET_CLUSTER = { maxZoom: 8, radius: 28 };

export const TOGGLEABLE_LAYERS = [LAYER.engineers, LAYER.shops, LAYER.tickets] as const;
export type ToggleableLayer = (typeof TOGGLEABLE_LAYERS)[number];

export const COLORS = {
  directProvince: '#c9dcf5',
  partnerProvince: '#f3e7cf',
  provinceLine: '#7d8ea3',
  selected: '#1d4ed8',
  engineer: '#1d4ed8',
  shop: '#0f766e',
  tier: { urgent: '#dc2626', regular: '#f59e0b', complex: '#7c3aed' } satisfies Record<SlaTier, string>,
  breached: '#111827',
  cluster: '#f97316',
};

function points<T extends { id: number }, P>(items: readonly T[], where: (item: T) => [number, number], props: (item: T) => P): PointCollection<P> {
  return {
    type: 'FeatureCollection',
    features: items.map((item) => ({ type: 'Feature', id: item.id, properties: props(item), geometry: { type: 'Point', coordinates: where(item) } })),
  };
}

export const engineerPoints = (engineers: readonly Engineer[]) => points(engineers, (e) => e.home, (e) => ({ kind: 'engineer' as const, id: e.id, name: e.name }));

/** Only certified shops take work; candidates are the planner's business, not the dispatcher's. */
export const shopPoints = (shops: readonly PartnerShop[]) =>
  points(
    shops.filter((s) => s.status === 'certified'),
    (s) => s.location,
    (s) => ({ kind: 'shop' as const, id: s.id, name: s.name, level: s.certificationLevel }),
  );

/** How close a ticket is to breaching its SLA at `now` (local 'YYYY-MM-DD HH:MM'): already past, within 2 h, or not yet. */
export type Urgency = 'breached' | 'soon' | 'ok';
const SOON_MINUTES = 120;

export function urgencyOf(ticket: Pick<OpenTicket, 'slaDueAt'>, now: string): Urgency {
  const left = parseLocal(ticket.slaDueAt) - parseLocal(now);
  return left <= 0 ? 'breached' : left <= SOON_MINUTES ? 'soon' : 'ok';
}

export const ticketPoints = (tickets: readonly OpenTicket[], now: string) =>
  points(tickets, (t) => t.location, (t) => ({ kind: 'ticket' as const, id: t.id, slaTier: t.slaTier, customerTier: t.customerTier, urgency: urgencyOf(t, now) }));

/** Provinces with a direct team in one colour, partner-only provinces in another. */
export function provinceFillColor(overviews: readonly ProvinceOverview[]): ExpressionSpecification | string {
  const direct = overviews.filter((p) => p.engineers > 0).map((p) => p.adcode);
  if (direct.length === 0) return COLORS.partnerProvince;
  return ['match', ['get', 'adcode'], direct, COLORS.directProvince, COLORS.partnerProvince];
}

const emptyPoints: PointCollection<never> = { type: 'FeatureCollection', features: [] };

export function buildMapStyle(provinces: ProvinceFeatureCollection, overviews: readonly ProvinceOverview[]): StyleSpecification {
  return {
    version: 8,
    sources: {
      provinces: { type: 'geojson', data: provinces as never, promoteId: 'adcode' },
      engineers: { type: 'geojson', data: emptyPoints as never },
      shops: { type: 'geojson', data: emptyPoints as never },
      tickets: { type: 'geojson', data: emptyPoints as never, cluster: true, clusterMaxZoom: TICKET_CLUSTER.maxZoom, clusterRadius: TICKET_CLUSTER.radius },
      routes: { type: 'geojson', data: emptyPoints as never },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': MAP_BACKGROUND } },
      { id: LAYER.provinceFill, type: 'fill', source: 'provinces', paint: { 'fill-color': provinceFillColor(overviews), 'fill-opacity': 0.92 } },
      { id: LAYER.provinceLine, type: 'line', source: 'provinces', paint: { 'line-color': COLORS.provinceLine, 'line-width': 0.8 } },
      {
        id: LAYER.provinceSelected,
        type: 'line',
        source: 'provinces',
        filter: ['==', ['get', 'adcode'], ''],
        paint: { 'line-color': COLORS.selected, 'line-width': 2.5 },
      },
      {
        id: LAYER.routes,
        type: 'line',
        source: 'routes',
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': ['get', 'colour'], 'line-width': 2.5, 'line-opacity': 0.85 },
      },
      {
        id: LAYER.shops,
        type: 'circle',
        source: 'shops',
        paint: {
          'circle-color': COLORS.shop,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, 2.5, 8, 6],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 0.8,
          'circle-opacity': 0.85,
        },
      },
      {
        id: LAYER.ticketClusters,
        type: 'circle',
        source: 'tickets',
        filter: ['has', 'point_count'],
        paint: {
          'circle-color': COLORS.cluster,
          'circle-radius': ['interpolate', ['linear'], ['get', 'point_count'], 2, 9, 50, 16, 300, 24],
          'circle-opacity': 0.85,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      },
      {
        id: LAYER.tickets,
        type: 'circle',
        source: 'tickets',
        filter: ['!', ['has', 'point_count']],
        paint: {
          'circle-color': ['match', ['get', 'slaTier'], 'urgent', COLORS.tier.urgent, 'regular', COLORS.tier.regular, COLORS.tier.complex],
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, 2, 8, 5],
          'circle-opacity': 0.8,
          // Time left before breach, as a ring: dark once breached, red within two hours.
          'circle-stroke-color': ['match', ['get', 'urgency'], 'breached', COLORS.breached, 'soon', COLORS.tier.urgent, 'rgba(0,0,0,0)'],
          'circle-stroke-width': ['match', ['get', 'urgency'], 'ok', 0, 1.5],
        },
      },
      {
        id: LAYER.engineers,
        type: 'circle',
        source: 'engineers',
        paint: {
          'circle-color': COLORS.engineer,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, 3.5, 8, 8],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      },
    ],
  };
}
