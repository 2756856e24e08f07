import maplibregl, { type GeoJSONSource, type Map as MapLibreMap, type MapGeoJSONFeature } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import type { ProvinceFeatureCollection, ProvinceOverview } from '../../../../shared/api/index';
import type { Engineer, LngLat, OpenTicket, PartnerShop } from '../../../../shared/domain';
import type { Locale } from '../../../../shared/format';
import { addProvinceLabels, createChinaMap } from '../../map/chinaMap';
import { buildMapStyle, engineerPoints, LAYER, shopPoints, ticketPoints, TOGGLEABLE_LAYERS, type ToggleableLayer } from './dispatchMapLayers';

export type MapSelection =
  | { kind: 'province'; adcode: string }
  | { kind: 'engineer'; id: number }
  | { kind: 'shop'; id: number }
  | { kind: 'ticket'; id: number };

interface Props {
  provinces: ProvinceFeatureCollection;
  overviews: ProvinceOverview[];
  engineers: Engineer[];
  shops: PartnerShop[];
  tickets: OpenTicket[];
  visibleLayers: ReadonlySet<ToggleableLayer>;
  selectedAdcode: string | null;
  locale: Locale;
  /** Local 'YYYY-MM-DD HH:MM' the tickets' time left is counted from. */
  now: string;
  /** A day's plan: route lines and numbered stops. */
  routes?: RouteLayers | null;
  onSelect(selection: MapSelection): void;
}

export interface RouteLayers {
  lines: { type: 'FeatureCollection'; features: Array<{ type: 'Feature'; properties: { engineerId: number; colour: string }; geometry: { type: 'LineString'; coordinates: LngLat[] } }> };
  stops: Array<{ ticketId: number; number: number; colour: string; late: boolean; location: LngLat }>;
}

/** The dispatcher's map: provinces, engineers, shops and open tickets, and the day's routes with numbered stops. */
export function DispatchMap({ provinces, overviews, engineers, shops, tickets, visibleLayers, selectedAdcode, locale, now, routes = null, onSelect }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const [loaded, setLoaded] = useState(false);
  const [rendered, setRendered] = useState<Record<string, number>>({});

  useEffect(() => {
    if (!container.current) return;
    const map = createChinaMap(container.current, buildMapStyle(provinces, overviews));
    mapRef.current = map;
    map.on('load', () => setLoaded(true));
    let clusterLabels: maplibregl.Marker[] = [];
    map.on('idle', () => {
      // What is really on screen, for the status line and for end-to-end tests: distinct provinces and points drawn
      // (a cluster counts the tickets it stands for).
      const count = (layer: string, key: string) => new Set(map.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties[key]))).size;
      const clusters = new Map(map.queryRenderedFeatures({ layers: [LAYER.ticketClusters] }).map((f) => [f.properties.cluster_id as number, f]));
      const ticketsShown = map.getLayoutProperty(LAYER.tickets, 'visibility') !== 'none';
      setRendered({
        provinces: count(LAYER.provinceFill, 'adcode'),
        engineers: map.getLayoutProperty(LAYER.engineers, 'visibility') === 'none' ? 0 : count(LAYER.engineers, 'id'),
        shops: map.getLayoutProperty(LAYER.shops, 'visibility') === 'none' ? 0 : count(LAYER.shops, 'id'),
        tickets: ticketsShown ? count(LAYER.tickets, 'id') + [...clusters.values()].reduce((n, f) => n + (f.properties.point_count as number), 0) : 0,
      });
      // Cluster counts as HTML labels, drawn with the system's fonts like every other label (no glyph server).
      clusterLabels.forEach((m) => m.remove());
      clusterLabels = ticketsShown
        ? [...clusters.values()].map((f) => {
            const element = document.createElement('div');
            element.className = 'cluster-label';
            element.textContent = String(f.properties.point_count);
            return new maplibregl.Marker({ element }).setLngLat((f.geometry as { coordinates: [number, number] }).coordinates).addTo(map);
          })
        : [];
    });
    const pointLayers = [LAYER.engineers, LAYER.shops, LAYER.tickets];
    map.on('click', (event) => {
      const hits: MapGeoJSONFeature[] = map.queryRenderedFeatures(event.point, { layers: [LAYER.ticketClusters, ...pointLayers, LAYER.provinceFill] });
      const cluster = hits.find((f) => f.layer.id === LAYER.ticketClusters);
      if (cluster) {
        // A click on a cluster zooms until it falls apart.
        const center = (cluster.geometry as { coordinates: [number, number] }).coordinates;
        void (map.getSource('tickets') as GeoJSONSource).getClusterExpansionZoom(cluster.properties.cluster_id as number).then((zoom) => map.easeTo({ center, zoom }));
        return;
      }
      const point = hits.find((f) => f.layer.id !== LAYER.provinceFill);
      if (point) {
        const kind = point.properties.kind as 'engineer' | 'shop' | 'ticket';
        onSelectRef.current({ kind, id: Number(point.properties.id) });
        return;
      }
      const province = hits[0];
      if (province) onSelectRef.current({ kind: 'province', adcode: String(province.properties.adcode) });
    });
    for (const layer of [...pointLayers, LAYER.ticketClusters, LAYER.provinceFill]) {
      map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
    }
    return () => {
      map.remove();
      mapRef.current = null;
    };
    // The map is created once; data and visibility changes go through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    (map.getSource('engineers') as GeoJSONSource).setData(engineerPoints(engineers) as never);
    (map.getSource('shops') as GeoJSONSource).setData(shopPoints(shops) as never);
    (map.getSource('tickets') as GeoJSONSource).setData(ticketPoints(tickets, now) as never);
  }, [loaded, engineers, shops, tickets, now]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    for (const layer of TOGGLEABLE_LAYERS) map.setLayoutProperty(layer, 'visibility', visibleLayers.has(layer) ? 'visible' : 'none');
    map.setLayoutProperty(LAYER.ticketClusters, 'visibility', visibleLayers.has(LAYER.tickets) ? 'visible' : 'none');
  }, [loaded, visibleLayers]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    map.setFilter(LAYER.provinceSelected, ['==', ['get', 'adcode'], selectedAdcode ?? '']);
  }, [loaded, selectedAdcode]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    return addProvinceLabels(map, overviews, locale);
  }, [loaded, overviews, locale]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    (map.getSource('routes') as GeoJSONSource).setData((routes?.lines ?? { type: 'FeatureCollection', features: [] }) as never);
    if (!routes || routes.stops.length === 0) return;
    // Stop numbers as HTML markers: drawn with the system's fonts, like the province labels, so nothing is fetched.
    const markers = routes.stops.map((stop) => {
      const element = document.createElement('div');
      element.className = `stop-marker${stop.late ? ' late' : ''}`;
      element.style.background = stop.colour;
      element.textContent = String(stop.number);
      element.dataset.ticket = String(stop.ticketId);
      element.addEventListener('click', (event) => {
        event.stopPropagation();
        onSelectRef.current({ kind: 'ticket', id: stop.ticketId });
      });
      return new maplibregl.Marker({ element }).setLngLat(stop.location).addTo(map);
    });
    // Frame the routes with their engineers' homes, close enough to read, not so close that the province is lost.
    const points = routes.lines.features.flatMap((f) => f.geometry.coordinates);
    const lngs = points.map((p) => p[0]);
    const lats = points.map((p) => p[1]);
    map.fitBounds([[Math.min(...lngs), Math.min(...lats)], [Math.max(...lngs), Math.max(...lats)]], { padding: 60, maxZoom: 8, duration: 0 });
    return () => markers.forEach((m) => m.remove());
  }, [loaded, routes]);

  return (
    <div
      ref={container}
      className="province-map"
      data-testid="province-map"
      data-loaded={loaded ? 'true' : 'false'}
      data-rendered-provinces={rendered.provinces ?? 0}
      data-rendered-engineers={rendered.engineers ?? 0}
      data-rendered-shops={rendered.shops ?? 0}
      data-rendered-tickets={rendered.tickets ?? 0}
      data-route-stops={routes?.stops.length ?? 0}
    />
  );
}
