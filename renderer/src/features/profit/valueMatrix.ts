// The value matrix: provinces placed by what customers get (SLA attainment and first-time fix) against what the
// company earns (margin), split at the national figures into four quadrants.
import type { PnlFigures } from '../../../../shared/finance';

export type Quadrant = 'profitEngine' | 'valueIsland' | 'costSink' | 'profitSqueezer';

/** Customer value: the mean of SLA attainment and first-time-fix rate, 0..1. */
export const customerValue = (f: Pick<PnlFigures, 'slaAttainment' | 'fcr'>) => (f.slaAttainment + f.fcr) / 2;

/**
 * High margin and high customer value: profit engine. High customer value, low margin: value island. Low both: cost
 * sink. High margin earned with poor service: profit-squeezer.
 */
export function quadrantOf(f: Pick<PnlFigures, 'slaAttainment' | 'fcr' | 'margin'>, split: { customerValue: number; margin: number }): Quadrant {
  const servesWell = customerValue(f) >= split.customerValue;
  const earnsWell = f.margin >= split.margin;
  if (earnsWell) return servesWell ? 'profitEngine' : 'profitSqueezer';
  return servesWell ? 'valueIsland' : 'costSink';
}
