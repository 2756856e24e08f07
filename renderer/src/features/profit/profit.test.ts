import { describe, expect, it } from 'vitest';
import { NO_DATA_COLOR } from '../../map/mapColours';
import { colourClasses, colourFor } from './measures';
import { customerValue, quadrantOf } from './valueMatrix';

describe('choropleth classes', () => {
  it('split gains and losses at zero, each side reaching its extreme', () => {
    const classes = colourClasses([-700_000, -100_000, 50_000, 3_000_000], 'diverging');
    expect(classes).toHaveLength(6);
    expect(classes[0]?.from).toBe(-700_000);
    expect(classes[2]?.to).toBe(0);
    expect(classes[3]?.from).toBe(0);
    expect(classes.at(-1)?.to).toBe(3_000_000);
    expect(colourFor(-700_000, classes)).toBe(classes[0]?.color);
    expect(colourFor(3_000_000, classes)).toBe(classes.at(-1)?.color);
    expect(colourFor(-1, classes)).not.toBe(colourFor(1, classes));
  });

  it('use five equal steps for rates, and one class when all values are equal', () => {
    const classes = colourClasses([0.5, 0.9], 'sequential');
    expect(classes.map((c) => c.from)).toEqual([0.5, 0.58, 0.66, 0.74, 0.82].map((x) => expect.closeTo(x, 10)));
    expect(colourClasses([0.8, 0.8], 'sequential')).toHaveLength(1);
    expect(colourFor(0.7, [])).toBe(NO_DATA_COLOR);
  });
});

describe('value matrix', () => {
  const split = { customerValue: 0.8, margin: 0.3 };
  it('places provinces in the four quadrants', () => {
    expect(quadrantOf({ slaAttainment: 0.9, fcr: 0.85, margin: 0.5 }, split)).toBe('profitEngine');
    expect(quadrantOf({ slaAttainment: 0.9, fcr: 0.85, margin: 0.1 }, split)).toBe('valueIsland');
    expect(quadrantOf({ slaAttainment: 0.5, fcr: 0.55, margin: -0.7 }, split)).toBe('costSink');
    expect(quadrantOf({ slaAttainment: 0.6, fcr: 0.7, margin: 0.6 }, split)).toBe('profitSqueezer');
    expect(customerValue({ slaAttainment: 0.5, fcr: 0.7 })).toBeCloseTo(0.6);
  });
});
