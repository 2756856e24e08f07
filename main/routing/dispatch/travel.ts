// Travel times and distances between points, behind one interface: the default estimates them from great-circle
// distance (offline, instant); the OSRM provider asks a road-network server the user runs (its `table` service).
import type { LngLat } from '../../../shared/domain';
import { haversineKm } from '../../geo/distance';

export interface TravelMatrix {
  size: number;
  /** Row-major size × size. */
  minutes: Float64Array;
  km: Float64Array;
}

export interface TravelProvider {
  matrix(points: readonly LngLat[]): Promise<TravelMatrix>;
}

export type AreaType = 'urban' | 'mixed' | 'rural';

/** Average door-to-door speeds by area type, and how much longer roads are than the straight line. */
export const AREA_SPEED_KMH: Record<AreaType, number> = { urban: 25, mixed: 40, rural: 55 };
export const DEFAULT_DETOUR_FACTOR = 1.3;

/** The area type of each region: cities-provinces drive slowly, the vast west fast. Others are mixed. */
const REGION_AREA_TYPE: Record<string, AreaType> = {
  '110000': 'urban', '120000': 'urban', '310000': 'urban', '500000': 'urban', '810000': 'urban', '820000': 'urban',
  '150000': 'rural', '540000': 'rural', '620000': 'rural', '630000': 'rural', '640000': 'rural', '650000': 'rural',
};

export function areaTypeOf(regionAdcode: string): AreaType {
  return REGION_AREA_TYPE[regionAdcode] ?? 'mixed';
}

/**
 * Great-circle distance × detour factor, at the region's speed. The last matrix is cached by its points, so
 * re-planning the same day (re-optimise, insert a ticket into the same set) costs nothing.
 */
export class GreatCircleTravel implements TravelProvider {
  private cached: { key: string; matrix: TravelMatrix } | null = null;

  constructor(
    private readonly speedKmh: number,
    private readonly detourFactor = DEFAULT_DETOUR_FACTOR,
  ) {}

  async matrix(points: readonly LngLat[]): Promise<TravelMatrix> {
    return this.matrixSync(points);
  }

  matrixSync(points: readonly LngLat[]): TravelMatrix {
    const key = points.map((p) => `${p[0]},${p[1]}`).join(';');
    if (this.cached?.key === key) return this.cached.matrix;
    const size = points.length;
    const km = new Float64Array(size * size);
    const minutes = new Float64Array(size * size);
    for (let i = 0; i < size; i++) {
      for (let j = i + 1; j < size; j++) {
        const d = haversineKm(points[i]!, points[j]!) * this.detourFactor;
        km[i * size + j] = km[j * size + i] = d;
        minutes[i * size + j] = minutes[j * size + i] = (d / this.speedKmh) * 60;
      }
    }
    const matrix = { size, minutes, km };
    this.cached = { key, matrix };
    return matrix;
  }

  /** The matrix for `points` plus one more point: the old entries copied, one new row and column computed. */
  extend(matrix: TravelMatrix, points: readonly LngLat[], point: LngLat): TravelMatrix {
    const old = matrix.size;
    const size = old + 1;
    const km = new Float64Array(size * size);
    const minutes = new Float64Array(size * size);
    for (let i = 0; i < old; i++) {
      km.set(matrix.km.subarray(i * old, (i + 1) * old), i * size);
      minutes.set(matrix.minutes.subarray(i * old, (i + 1) * old), i * size);
      const d = haversineKm(points[i]!, point) * this.detourFactor;
      km[i * size + old] = km[old * size + i] = d;
      minutes[i * size + old] = minutes[old * size + i] = (d / this.speedKmh) * 60;
    }
    return { size, minutes, km };
  }
}

export class TravelProviderError extends Error {
  override name = 'TravelProviderError';
}

/** An OSRM-compatible `table` endpoint (http://host:5000 for `osrm-routed`), e.g. on the user's own network. */
export class OsrmTableTravel implements TravelProvider {
  constructor(
    private readonly baseUrl: string,
    private readonly profile = 'driving',
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async matrix(points: readonly LngLat[]): Promise<TravelMatrix> {
    const size = points.length;
    const coordinates = points.map(([lng, lat]) => `${lng.toFixed(6)},${lat.toFixed(6)}`).join(';');
    const url = `${this.baseUrl.replace(/\/$/, '')}/table/v1/${this.profile}/${coordinates}?annotations=duration,distance`;
    let body: { code?: string; message?: string; durations?: Array<Array<number | null>>; distances?: Array<Array<number | null>> };
    try {
      const response = await this.fetchImpl(url);
      body = (await response.json()) as typeof body;
    } catch (error) {
      throw new TravelProviderError(`The OSRM server at ${this.baseUrl} did not answer: ${(error as Error).message}`);
    }
    if (body.code !== 'Ok' || !body.durations || !body.distances) {
      throw new TravelProviderError(`The OSRM server answered ${body.code ?? 'without a code'}${body.message ? `: ${body.message}` : ''}`);
    }
    const minutes = new Float64Array(size * size);
    const km = new Float64Array(size * size);
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < size; j++) {
        const seconds = body.durations[i]?.[j];
        const metres = body.distances[i]?.[j];
        if (seconds == null || metres == null) throw new TravelProviderError(`The OSRM server found no route between points ${i} and ${j}.`);
        minutes[i * size + j] = seconds / 60;
        km[i * size + j] = metres / 1000;
      }
    }
    return { size, minutes, km };
  }
}
