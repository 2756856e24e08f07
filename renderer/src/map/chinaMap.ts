// What every map of China in the app shares: the MapLibre instance framed on China, and province names drawn as
// HTML markers with the system's CJK fonts (so no glyph server is needed offline).
import maplibregl, { type Map as MapLibreMap, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { ProvinceOverview } from '../../../shared/api/index';
import type { Locale } from '../../../shared/format';
import { localName, type Named } from '../i18n/localName';

/** China with the South China Sea islands' mainland approaches; the map opens on this. */
export const CHINA_BOUNDS: [[number, number], [number, number]] = [
  [73, 17.5],
  [135.5, 53.8],
];

export function createChinaMap(container: HTMLElement, style: StyleSpecification): MapLibreMap {
  const map = new maplibregl.Map({
    container,
    style,
    bounds: CHINA_BOUNDS,
    fitBoundsOptions: { padding: 16 },
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
  map.touchZoomRotate.disableRotation();
  return map;
}

/** Labels that would sit on top of their neighbours at national zoom. */
const SMALL_REGIONS = new Set(['810000', '820000']);

/** A province's name without its administrative suffix in Chinese (甘肃, not 甘肃省), as a map label has room for. */
export function shortProvinceName(p: Named, locale: Locale): string {
  const name = localName(p, locale);
  return locale === 'zh-CN' ? name.replace(/(省|市|自治区|壮族|回族|维吾尔|特别行政区)+$/u, '') : name;
}

/** Adds one label per province; returns the function that removes them. */
export function addProvinceLabels(map: MapLibreMap, provinces: readonly ProvinceOverview[], locale: Locale): () => void {
  const markers = provinces.map((p) => {
    const element = document.createElement('div');
    element.className = `province-label${SMALL_REGIONS.has(p.adcode) ? ' province-label--small' : ''}`;
    element.textContent = shortProvinceName(p, locale);
    return new maplibregl.Marker({ element }).setLngLat(p.centroid).addTo(map);
  });
  return () => markers.forEach((m) => m.remove());
}
