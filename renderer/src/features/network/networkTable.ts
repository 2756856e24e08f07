// Pure helpers for the network screen: rows that compare scenarios with the base, the mode colours, the curve.
import type { NetworkMode, NetworkProvinceResult, NetworkResult, TradeoffPoint } from '../../../../shared/network';
import type { MapPointProperties } from '../../map/ChoroplethMap';
import type { PointCollection } from '../../map/points';

export const MODE_COLOURS: Record<NetworkMode, string> = { direct: '#1d4ed8', hybrid: '#0891b2', partner: '#0f766e' };
export const INFEASIBLE_COLOUR = '#b91c1c';
/** Plan markers: dark enough to read on every mode's fill. */
export const POINT_COLOURS = { base: '#1e1b4b', shop: '#d97706' } as const;

export interface ComparisonRow {
  adcode: string;
  base: NetworkProvinceResult;
  /** The same province in each other scenario, with its profit change against the base. */
  others: Array<{ result: NetworkProvinceResult; profitDelta: number; differs: boolean }>;
}

/** A scenario differs in a province when the plan does: another mode, team, shop count, status or profit. */
function differs(a: NetworkProvinceResult, b: NetworkProvinceResult): boolean {
  return a.status !== b.status || a.mode !== b.mode || a.engineers !== b.engineers || a.shops !== b.shops || Math.abs(a.profit - b.profit) >= 1;
}

export function comparisonRows(results: readonly NetworkResult[], onlyDifferences: boolean): ComparisonRow[] {
  const [base, ...others] = results;
  if (!base) return [];
  const rows = base.provinces.map((p) => ({
    adcode: p.adcode,
    base: p,
    others: others.map((o) => {
      const result = o.provinces.find((q) => q.adcode === p.adcode)!;
      return { result, profitDelta: result.profit - p.profit, differs: differs(p, result) };
    }),
  }));
  return onlyDifferences ? rows.filter((r) => r.others.some((o) => o.differs)) : rows;
}

export function modeColours(result: NetworkResult): Map<string, string> {
  return new Map(result.provinces.map((p) => [p.adcode, p.status === 'infeasible' ? INFEASIBLE_COLOUR : MODE_COLOURS[p.mode]]));
}

/** The trade-off curve as SVG points in a width × height box (profit on y, target on x). */
export function curvePoints(points: readonly TradeoffPoint[], width: number, height: number): Array<{ x: number; y: number; point: TradeoffPoint }> {
  const feasible = points.filter((p) => p.status !== 'infeasible');
  if (feasible.length === 0) return [];
  const minX = Math.min(...feasible.map((p) => p.target));
  const maxX = Math.max(...feasible.map((p) => p.target));
  const minY = Math.min(...feasible.map((p) => p.profit));
  const maxY = Math.max(...feasible.map((p) => p.profit));
  const sx = (v: number) => (maxX === minX ? width / 2 : ((v - minX) / (maxX - minX)) * width);
  const sy = (v: number) => (maxY === minY ? height / 2 : height - ((v - minY) / (maxY - minY)) * height);
  return feasible.map((point) => ({ x: sx(point.target), y: sy(point.profit), point }));
}

type Base = NetworkProvinceResult['bases'][number];
type Shop = NetworkProvinceResult['certifiedShops'][number];

/** A plan's engineer bases (sized by head count) and certified shops as map points. */
export function planPoints(result: NetworkResult, title: { base(b: Base): string; shop(s: Shop): string }): PointCollection<MapPointProperties> {
  const provinces = result.provinces.filter((p) => p.status !== 'infeasible');
  const marks = [
    ...provinces.flatMap((p) => p.certifiedShops.map((s) => ({ location: s.location, properties: { color: POINT_COLOURS.shop, radius: 3, title: title.shop(s) } }))),
    ...provinces.flatMap((p) => p.bases.map((b) => ({ location: b.location, properties: { color: POINT_COLOURS.base, radius: 4 + 2 * Math.sqrt(b.engineers), title: title.base(b) } }))),
  ];
  return {
    type: 'FeatureCollection',
    features: marks.map((m, id) => ({ type: 'Feature', id, properties: m.properties, geometry: { type: 'Point', coordinates: m.location } })),
  };
}
