// Province boundaries shipped under resources/ (MIT, see resources/geo/LICENSE.china-provinces): the map works offline.
import fs from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ProvinceFeatureCollection } from '../../shared/api/index';
import type { LngLat } from '../../shared/domain';
import { resourcesDir } from '../paths';

interface SourceProperties {
  adcode: number | string;
  name: string;
  center?: LngLat;
  centroid?: LngLat;
}

export type ProvinceFeature = Feature<Polygon | MultiPolygon, SourceProperties>;

/** The South China Sea inset line in the source carries adcode 100000 and no name; it is not a province. */
const INSET_ADCODE = '100000';

let cachedProvinces: ProvinceFeature[] | undefined;

export function provinceFeatures(): ProvinceFeature[] {
  if (!cachedProvinces) {
    const file = path.join(resourcesDir, 'geo', 'china-provinces.geojson');
    const collection = JSON.parse(fs.readFileSync(file, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, SourceProperties>;
    cachedProvinces = collection.features.filter((f) => String(f.properties.adcode) !== INSET_ADCODE);
  }
  return cachedProvinces;
}

export function featureAdcode(feature: ProvinceFeature): string {
  return String(feature.properties.adcode);
}

/** The source's centroid where it has one; otherwise the centre of mass, or a point surely inside for odd shapes. */
export function provinceCentroid(feature: ProvinceFeature): LngLat {
  if (feature.properties.centroid) return feature.properties.centroid;
  const centre = turf.centerOfMass(feature);
  const point = turf.booleanPointInPolygon(centre, feature) ? centre : turf.pointOnFeature(feature);
  const [lng, lat] = point.geometry.coordinates as [number, number];
  return [lng, lat];
}

export function provinceAreaKm2(feature: ProvinceFeature): number {
  return turf.area(feature) / 1_000_000;
}

let cachedDisplay: ProvinceFeatureCollection | undefined;

const round = (value: number) => Math.round(value * 10_000) / 10_000;

function roundCoordinates(coords: unknown): unknown {
  return Array.isArray(coords) ? coords.map(roundCoordinates) : typeof coords === 'number' ? round(coords) : coords;
}

/** Simplified for the map (about a tenth of the source's size): province shading, not surveying. */
export function displayProvinces(): ProvinceFeatureCollection {
  if (!cachedDisplay) {
    const features = provinceFeatures().map((feature) => {
      const simplified = turf.simplify(feature, { tolerance: 0.01, highQuality: false, mutate: false });
      return {
        type: 'Feature' as const,
        properties: { adcode: featureAdcode(feature), name: feature.properties.name },
        geometry: { type: simplified.geometry.type, coordinates: roundCoordinates(simplified.geometry.coordinates) },
      };
    });
    cachedDisplay = { type: 'FeatureCollection', features };
  }
  return cachedDisplay;
}

/** The province containing a point, or null outside China's provinces. */
export function provinceAt(point: LngLat): string | null {
  const p = turf.point(point);
  const hit = provinceFeatures().find((feature) => turf.booleanPointInPolygon(p, feature));
  return hit ? featureAdcode(hit) : null;
}
