// Points drawn over a map of China, as GeoJSON the MapLibre sources take.

export interface PointFeature<P> {
  type: 'Feature';
  id: number;
  properties: P;
  geometry: { type: 'Point'; coordinates: [number, number] };
}

export interface PointCollection<P> {
  type: 'FeatureCollection';
  features: Array<PointFeature<P>>;
}
