import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { displayProvinces, featureAdcode, provinceAreaKm2, provinceAt, provinceCentroid, provinceFeatures } from './boundaries';
import { haversineKm } from './distance';

describe('province boundaries', () => {
  it('ship all 34 provincial-level divisions, without the inset line', () => {
    const adcodes = provinceFeatures().map(featureAdcode);
    expect(adcodes).toHaveLength(34);
    expect(new Set(adcodes).size).toBe(34);
    expect(adcodes).not.toContain('100000');
  });

  it('give every province a centroid inside it, computed where the source has none (河北, 甘肃)', () => {
    for (const feature of provinceFeatures()) {
      const centroid = provinceCentroid(feature);
      expect(turf.booleanPointInPolygon(turf.point(centroid), feature), featureAdcode(feature)).toBe(true);
    }
  });

  it('measure areas that match the official ones within a few percent', () => {
    const byCode = new Map(provinceFeatures().map((f) => [featureAdcode(f), provinceAreaKm2(f)]));
    expect(byCode.get('620000')).toBeGreaterThan(400_000 * 0.95);
    expect(byCode.get('620000')).toBeLessThan(425_800 * 1.05);
    expect(byCode.get('310000')).toBeLessThan(8_000);
  });

  it('find the province of a point, and none at sea', () => {
    expect(provinceAt([103.83, 36.06])).toBe('620000'); // 兰州
    expect(provinceAt([113.26, 23.13])).toBe('440000'); // 广州
    expect(provinceAt([125, 30])).toBeNull(); // East China Sea
  });

  it('simplify for display without losing a province', () => {
    const display = displayProvinces();
    expect(display.features).toHaveLength(34);
    expect(JSON.stringify(display).length).toBeLessThan(400_000);
  });
});

describe('haversineKm', () => {
  it('measures known distances', () => {
    expect(haversineKm([116.4074, 39.9042], [121.4737, 31.2304])).toBeCloseTo(1068, -1); // 北京–上海
    expect(haversineKm([103.83, 36.06], [103.83, 36.06])).toBe(0);
  });
});
