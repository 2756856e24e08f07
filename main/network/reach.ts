// Which cities a provider reaches within an SLA response time: the area drivable in that time around it.
import * as turf from '@turf/turf';
import type { LngLat } from '../../shared/domain';
import { haversineKm } from '../geo/distance';

export interface TravelAssumptions {
  speedKmh: number;
  /** Road kilometres per straight-line kilometre. */
  detourFactor: number;
}

/** Straight-line radius of the area reachable within `hours`. */
export function reachRadiusKm(hours: number, travel: TravelAssumptions): number {
  return (hours * travel.speedKmh) / travel.detourFactor;
}

/** The reachable area as a polygon (a geodesic circle), for the map and for the point-in-area test. */
export function reachArea(origin: LngLat, hours: number, travel: TravelAssumptions) {
  return turf.circle(origin, reachRadiusKm(hours, travel), { units: 'kilometers', steps: 64 });
}

/** Ids of the points inside the area reachable from `origin` within `hours`. */
export function reachablePoints(origin: LngLat, hours: number, travel: TravelAssumptions, points: ReadonlyArray<{ id: number; location: LngLat }>): Set<number> {
  const area = reachArea(origin, hours, travel);
  const bbox = turf.bbox(area);
  const reached = new Set<number>();
  for (const p of points) {
    const [lng, lat] = p.location;
    if (lng < bbox[0] || lng > bbox[2] || lat < bbox[1] || lat > bbox[3]) continue;
    if (turf.booleanPointInPolygon(turf.point(p.location), area)) reached.add(p.id);
  }
  return reached;
}

/** Road kilometres between two points; a trip within one city still drives across part of it. */
export function roadKm(from: LngLat, to: LngLat, travel: TravelAssumptions & { intraCityKm: number }, sameCity: boolean): number {
  return sameCity ? travel.intraCityKm : haversineKm(from, to) * travel.detourFactor;
}
