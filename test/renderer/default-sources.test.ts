import { describe, expect, it } from 'vitest';
import { checkAssumptions } from '../../service/files/assumption-file.ts';
import { defaultCurveNotApplied, hasRollRates } from '../../renderer/areas/assumptions/default-sources.ts';

// The Assumptions form warns at the Default field when a set's curve goes unapplied: with roll rates
// a set has one default source, the charge-offs, unless defaultSources is "both" (docs/assumptions.md,
// "One default source"). Before, the form took "8 CDR" on the shipped example and the run ignored
// it without a word (found by the whole-loop e2e, test/e2e/loop.test.ts). The form's rule must be the
// service's: each case below is also read by assumptions.check, whose notes name the unapplied curve.
// The shipped example's pool-wide roll rates (templates/assumptions/consumer-base.json).
const rollRates = { rollForward: { current: 0.005, dpd1_30: 0.35, dpd31_60: 0.55, dpd61_90: 0.7 }, cure: { dpd1_30: 0.45, dpd31_60: 0.2, dpd61_90: 0.1, dpd91_180: 0.02 } };

const cases: readonly {
  readonly name: string;
  readonly pool: Record<string, unknown>;
  readonly segment?: Record<string, unknown>;
  readonly poolNotApplied: boolean;
  readonly segmentNotApplied?: boolean;
}[] = [
  { name: 'a curve on a roll-rate set: not applied', pool: { default: '8 CDR', rollRates }, poolNotApplied: true },
  { name: 'the same with defaultSources "both": applied', pool: { default: '8 CDR', rollRates, defaultSources: 'both' }, poolNotApplied: false },
  { name: 'a curve without roll rates: applied', pool: { default: '8 CDR' }, poolNotApplied: false },
  { name: 'roll rates without a curve: nothing to warn of', pool: { rollRates }, poolNotApplied: false },
  { name: 'a segment’s curve under the pool’s roll rates: not applied', pool: { rollRates }, segment: { default: '12 CDR' }, poolNotApplied: false, segmentNotApplied: true },
  { name: 'a segment’s curve under the pool’s "both": applied', pool: { rollRates, defaultSources: 'both' }, segment: { default: '12 CDR' }, poolNotApplied: false, segmentNotApplied: false },
  {
    name: 'a segment saying "one" under the pool’s "both": not applied',
    pool: { rollRates, defaultSources: 'both' },
    segment: { default: '12 CDR', defaultSources: 'one' },
    poolNotApplied: false,
    segmentNotApplied: true,
  },
];

describe('the Default field’s “not applied” warning', () => {
  for (const c of cases) {
    it(c.name, () => {
      const file = { months: 24, pool: c.pool, ...(c.segment ? { segments: { gig: c.segment } } : {}) };
      const notes = checkAssumptions(file).notes.filter((note) => note.includes('is not applied'));
      expect(defaultCurveNotApplied(c.pool, undefined)).toBe(c.poolNotApplied);
      expect(notes.some((note) => note.startsWith('$.pool.default'))).toBe(c.poolNotApplied);
      if (c.segment) {
        expect(defaultCurveNotApplied(c.segment, c.pool)).toBe(c.segmentNotApplied);
        expect(notes.some((note) => note.startsWith('$.segments.gig.default'))).toBe(c.segmentNotApplied);
      }
    });
  }

  it('offers the choice of default sources only where roll rates apply, the set’s own or the pool’s', () => {
    expect(hasRollRates({ rollRates }, undefined)).toBe(true);
    expect(hasRollRates({ default: '2 CDR' }, undefined)).toBe(false);
    expect(hasRollRates({ default: '2 CDR' }, { rollRates })).toBe(true);
  });
});
