import type { ProvinceOverview } from '../../../../shared/contract';

export type CoverageMode = 'direct' | 'hybrid' | 'partner';

/** How a province is served today: by the direct team alone, by partner shops alone, or by both. */
export function coverageMode(p: Pick<ProvinceOverview, 'engineers' | 'certifiedShops'>): CoverageMode {
  if (p.engineers > 0 && p.certifiedShops > 0) return 'hybrid';
  return p.engineers > 0 ? 'direct' : 'partner';
}
