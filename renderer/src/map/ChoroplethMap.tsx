import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import type { ProvinceFeatureCollection, ProvinceOverview } from '../../../shared/api/index';
import type { Locale } from '../../../shared/format';
import { addProvinceLabels, createChinaMap } from './chinaMap';
import { MAP_BACKGROUND, NO_DATA_COLOR } from './mapColours';
import type { PointCollection } from './points';

interface Props {
  provinces: ProvinceFeatureCollection;
  labels: ProvinceOverview[];
  /** Fill colour per province adcode. */
  colours: ReadonlyMap<string, string>;
  /** Tooltip text per province adcode. */
  tooltips: ReadonlyMap<string, string>;
  selectedAdcode: string | null;
  locale: Locale;
  onSelect(adcode: string): void;
  /** Points drawn over the provinces, each with a `color`, a `radius` in pixels and a `title` for its tooltip. */
  points?: PointCollection<MapPointProperties>;
}

export interface MapPointProperties {
  color: string;
  radius: number;
  title: string;
}

const NO_POINTS: PointCollection<MapPointProperties> = { type: 'FeatureCollection', features: [] };

function fillExpression(colours: ReadonlyMap<string, string>): ExpressionSpecification | string {
  if (colours.size === 0) return NO_DATA_COLOR;
  return ['match', ['get', 'adcode'], ...[...colours].flatMap(([adcode, colour]) => [adcode, colour]), NO_DATA_COLOR] as unknown as ExpressionSpecification;
}

export function ChoroplethMap({ provinces, labels, colours, tooltips, selectedAdcode, locale, onSelect, points = NO_POINTS }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const tooltipsRef = useRef(tooltips);
  tooltipsRef.current = tooltips;
  const [loaded, setLoaded] = useState(false);
  const [hover, setHover] = useState<{ x: number; y: number; text: string } | null>(null);
  const [painted, setPainted] = useState(0);
  const [paintedPoints, setPaintedPoints] = useState(0);

  useEffect(() => {
    if (!container.current) return;
    const map = createChinaMap(container.current, {
      version: 8,
      sources: { provinces: { type: 'geojson', data: provinces as never }, points: { type: 'geojson', data: NO_POINTS as never } },
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': MAP_BACKGROUND } },
        { id: 'choropleth', type: 'fill', source: 'provinces', paint: { 'fill-color': NO_DATA_COLOR, 'fill-opacity': 0.95 } },
        { id: 'borders', type: 'line', source: 'provinces', paint: { 'line-color': '#ffffff', 'line-width': 0.8 } },
        { id: 'selected', type: 'line', source: 'provinces', filter: ['==', ['get', 'adcode'], ''], paint: { 'line-color': '#111827', 'line-width': 2.5 } },
        {
          id: 'points',
          type: 'circle',
          source: 'points',
          paint: { 'circle-color': ['get', 'color'], 'circle-radius': ['get', 'radius'], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 },
        },
      ],
    });
    mapRef.current = map;
    map.on('load', () => setLoaded(true));
    map.on('mousemove', 'choropleth', (event) => {
      const adcode = String(event.features?.[0]?.properties.adcode ?? '');
      const text = tooltipsRef.current.get(adcode);
      setHover(text ? { x: event.point.x, y: event.point.y, text } : null);
      map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mousemove', 'points', (event) => {
      const title = event.features?.[0]?.properties.title;
      if (title) setHover({ x: event.point.x, y: event.point.y, text: String(title) });
    });
    map.on('mouseleave', 'choropleth', () => {
      setHover(null);
      map.getCanvas().style.cursor = '';
    });
    map.on('click', 'choropleth', (event) => {
      const adcode = event.features?.[0]?.properties.adcode;
      if (adcode) onSelectRef.current(String(adcode));
    });
    map.on('idle', () => {
      const colours = new Set(map.queryRenderedFeatures({ layers: ['choropleth'] }).map((f) => String(f.properties.adcode)));
      setPainted(colours.size);
      setPaintedPoints(map.queryRenderedFeatures({ layers: ['points'] }).length);
    });
    return () => {
      map.remove();
      mapRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- created once; colours and selection go through the effects below
  }, []);

  useEffect(() => {
    if (!loaded) return;
    mapRef.current?.setPaintProperty('choropleth', 'fill-color', fillExpression(colours));
  }, [loaded, colours]);

  useEffect(() => {
    if (!loaded) return;
    (mapRef.current?.getSource('points') as GeoJSONSource | undefined)?.setData(points as never);
  }, [loaded, points]);

  useEffect(() => {
    if (!loaded) return;
    mapRef.current?.setFilter('selected', ['==', ['get', 'adcode'], selectedAdcode ?? '']);
  }, [loaded, selectedAdcode]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    return addProvinceLabels(map, labels, locale);
  }, [loaded, labels, locale]);

  return (
    <div className="choropleth" data-testid="choropleth" data-loaded={loaded ? 'true' : 'false'} data-rendered-provinces={painted} data-rendered-points={paintedPoints}>
      <div ref={container} className="choropleth-canvas" />
      {hover && (
        <div className="map-tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }} data-testid="choropleth-tooltip">
          {hover.text}
        </div>
      )}
    </div>
  );
}
