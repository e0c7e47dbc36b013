import { describe, expect, it } from 'vitest';
import {
  buildTransitionMatrix,
  EngineError,
  expandCompactRow,
  rollRateNotes,
  ROLL_STATES,
  ROW_SUM_TOLERANCE,
  transitionProbability,
  validateTransitionMatrix,
  type RollRateSpec,
  type RollState,
} from '../../../engine/index.ts';

// Monthly roll-rate model over current, 1–30, 31–60, 61–90, 91–120, 121–150, 151–180 dpd and charged off
// (absorbing). Row = state this month, column = state next month, row-major 8×8; whatever does not move stays.
// `base` gives the compact 91–180 row, which stands for the three monthly buckets.
const base: RollRateSpec = {
  rollForward: { current: 0.03, dpd1_30: 0.35, dpd31_60: 0.55, dpd61_90: 0.7, dpd91_180: 0.3 },
  cure: { dpd1_30: 0.45, dpd31_60: 0.2, dpd61_90: 0.1, dpd91_180: 0.05 },
  rollBack: { dpd31_60: 0.1, dpd61_90: 0.05 },
};

const p = (matrix: Float64Array, from: RollState, to: RollState): number => transitionProbability(matrix, from, to);

function rowSums(matrix: Float64Array): number[] {
  return ROLL_STATES.map((_, row) => matrix.slice(row * 8, row * 8 + 8).reduce((a, b) => a + b, 0));
}

/** A spec as it might arrive from a JSON file, past the type checker. */
const loose = (spec: object): RollRateSpec => spec as RollRateSpec;

describe('buildTransitionMatrix', () => {
  it('places roll-forward, cure and roll-back, and keeps the rest in the bucket', () => {
    const m = buildTransitionMatrix(base);
    expect(m).toHaveLength(64);
    expect(p(m, 'current', 'dpd1_30')).toBe(0.03);
    expect(p(m, 'current', 'current')).toBeCloseTo(0.97, 15); // 1 − 0.03
    expect(p(m, 'dpd1_30', 'dpd31_60')).toBe(0.35);
    expect(p(m, 'dpd1_30', 'current')).toBe(0.45);
    expect(p(m, 'dpd1_30', 'dpd1_30')).toBeCloseTo(0.2, 15); // 1 − 0.35 − 0.45
    expect(p(m, 'dpd31_60', 'dpd1_30')).toBe(0.1); // roll back one bucket
    expect(p(m, 'dpd31_60', 'dpd31_60')).toBeCloseTo(0.15, 15); // 1 − 0.55 − 0.2 − 0.1
    expect(p(m, 'dpd61_90', 'dpd91_120')).toBe(0.7);
    // The compact row (forward 0.3, cure 0.05): in each monthly bucket 5% cure and 1 − 0.05 = 95% a month
    // later; nothing stays (a loan in 91–180 that pays nothing is 30 days later); 151–180 charges off.
    for (const bucket of ['dpd91_120', 'dpd121_150', 'dpd151_180'] as const) {
      expect(p(m, bucket, 'current')).toBe(0.05);
      expect(p(m, bucket, bucket)).toBe(0);
    }
    expect(p(m, 'dpd91_120', 'dpd121_150')).toBe(0.95);
    expect(p(m, 'dpd121_150', 'dpd151_180')).toBe(0.95);
    expect(p(m, 'dpd151_180', 'chargedOff')).toBe(0.95);
    expect(p(m, 'chargedOff', 'chargedOff')).toBe(1);
  });

  it('is row-stochastic within 1e-12 and charged off is absorbing', () => {
    const m = buildTransitionMatrix(base);
    for (const sum of rowSums(m)) expect(Math.abs(sum - 1)).toBeLessThanOrEqual(ROW_SUM_TOLERANCE);
    expect(Array.from(m.slice(56))).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(() => validateTransitionMatrix(m)).not.toThrow();
  });

  it('charges off from 61–90 under a 90+ write-off policy; 91–180 then charges off at once', () => {
    const { dpd91_180: _forward, ...rollForward } = base.rollForward;
    const { dpd91_180: _cure, ...cure } = base.cure ?? {};
    const m = buildTransitionMatrix({ ...base, rollForward, cure, chargeOffAt: 'dpd61_90' });
    expect(p(m, 'dpd61_90', 'chargedOff')).toBe(0.7);
    expect(p(m, 'dpd61_90', 'dpd91_120')).toBe(0);
    // unreachable buckets: a loan there at cutoff is written off
    for (const bucket of ['dpd91_120', 'dpd121_150', 'dpd151_180'] as const) expect(p(m, bucket, 'chargedOff')).toBe(1);
    for (const sum of rowSums(m)) expect(Math.abs(sum - 1)).toBeLessThanOrEqual(ROW_SUM_TOLERANCE);
  });

  it('treats missing cure and roll-back as 0', () => {
    const m = buildTransitionMatrix({ rollForward: { current: 0.1, dpd1_30: 0.5, dpd31_60: 0.5, dpd61_90: 0.5, dpd91_120: 0.5, dpd121_150: 0.5, dpd151_180: 0.5 } });
    expect(p(m, 'dpd1_30', 'dpd1_30')).toBe(0.5);
    expect(p(m, 'dpd31_60', 'current')).toBe(0);
  });

  it('names the state and the numbers when outflows exceed 1', () => {
    const spec = { ...base, rollForward: { ...base.rollForward, dpd31_60: 0.75 } };
    // 0.75 + 0.2 + 0.1 = 1.05 > 1
    expect(() => buildTransitionMatrix(spec)).toThrow(
      "A delinquency state's outflow probabilities add up to more than 1: dpd31_60 (31–60 days past due): roll forward 0.75 + cure 0.2 + roll back 0.1 = 1.05 > 1",
    );
    try {
      buildTransitionMatrix(spec);
    } catch (error) {
      expect(error).toBeInstanceOf(EngineError);
      expect((error as EngineError).code).toBe('ROLL_RATE_OUTFLOW');
      expect((error as EngineError).details).toMatchObject({ state: 'dpd31_60', rollForward: 0.75, cure: 0.2, rollBack: 0.1 });
    }
  });

  it('accepts outflows of exactly 1 (nothing stays)', () => {
    const m = buildTransitionMatrix({ ...base, rollForward: { ...base.rollForward, dpd1_30: 0.55 } });
    expect(p(m, 'dpd1_30', 'dpd1_30')).toBe(0);
  });

  it('refuses negative or >1 probabilities, naming field and state', () => {
    expect(() => buildTransitionMatrix({ ...base, cure: { ...base.cure, dpd61_90: -0.1 } })).toThrow(
      'A roll-rate probability must be a number from 0 to 1: cure.dpd61_90 (61–90 days past due) is -0.1',
    );
    expect(() => buildTransitionMatrix({ ...base, rollForward: { ...base.rollForward, current: 3 } })).toThrow(/rollForward\.current \(current\) is 3/);
    expect(() => buildTransitionMatrix({ ...base, rollForward: { ...base.rollForward, current: Number.NaN } })).toThrow(/is NaN/);
  });

  it('requires a roll-forward for every reachable state', () => {
    const { dpd61_90: _missing, ...rollForward } = base.rollForward;
    expect(() => buildTransitionMatrix({ ...base, rollForward })).toThrow(/rollForward\.dpd61_90 \(61–90 days past due\) is missing/);
  });

  it('refuses probabilities for a bucket the charge-off policy never reaches', () => {
    expect(() => buildTransitionMatrix({ ...base, chargeOffAt: 'dpd61_90' })).toThrow(
      /dpd91_180 \(91–180 days past due\) is never reached when loans charge off from dpd61_90 \(61–90 days past due\); remove rollForward\.dpd91_180, cure\.dpd91_180/,
    );
  });

  it('refuses unknown states, a roll-back from 1–30 (that is a cure) and an unknown charge-off bucket', () => {
    expect(() => buildTransitionMatrix(loose({ ...base, cure: { dpd1_3O: 0.4 } }))).toThrow(/cure\.dpd1_3O is not one of/);
    expect(() => buildTransitionMatrix(loose({ ...base, rollBack: { dpd1_30: 0.1 } }))).toThrow(/rollBack\.dpd1_30 is not one of dpd31_60/);
    expect(() => buildTransitionMatrix(loose({ ...base, chargeOffAt: 'current' }))).toThrow(/chargeOffAt is 'current'/);
  });
});

describe('the compact 91–180 row and the monthly buckets', () => {
  it('reads the compact row as the three monthly buckets: cure and roll back in each, the rest a bucket later', () => {
    // cure 0.02, roll back 0.03: 1 − 0.02 − 0.03 = 0.95 rolls on; from 91–120 one bucket back is 61–90.
    const m = buildTransitionMatrix({ ...base, cure: { ...base.cure, dpd91_180: 0.02 }, rollBack: { ...base.rollBack, dpd91_180: 0.03 } });
    expect(p(m, 'dpd91_120', 'dpd61_90')).toBe(0.03);
    expect(p(m, 'dpd121_150', 'dpd91_120')).toBe(0.03);
    expect(p(m, 'dpd151_180', 'dpd121_150')).toBe(0.03);
    expect(p(m, 'dpd151_180', 'chargedOff')).toBeCloseTo(0.95, 15);
    expect(rollRateNotes(base)).toEqual([expect.stringMatching(/rollForward\.dpd91_180 \(0\.3\) is not used/)]);
    expect(expandCompactRow(base).chargeOffAt).toBe('dpd151_180');
  });

  it('refuses the compact row beside monthly rows, and a charge-off inside 91–180 with the compact row', () => {
    expect(() => buildTransitionMatrix({ ...base, cure: { ...base.cure, dpd121_150: 0.1 } })).toThrow(/either the compact dpd91_180 row or the monthly rows/);
    expect(() => buildTransitionMatrix({ ...base, chargeOffAt: 'dpd121_150' })).toThrow(/needs the monthly rows/);
  });
});

describe('validateTransitionMatrix', () => {
  it('refuses a wrong size, a row not summing to 1, an entry outside [0, 1] and a non-absorbing charge-off', () => {
    expect(() => validateTransitionMatrix(new Float64Array(35))).toThrow(/35 entries, not 64/);
    const m = buildTransitionMatrix(base);
    const leaky = m.slice();
    leaky[0] = 0.96; // current row now sums to 0.99
    expect(() => validateTransitionMatrix(leaky)).toThrow(/row for current \(current\) sums to 0\.99/);
    const negative = m.slice();
    negative[9] = -0.1;
    expect(() => validateTransitionMatrix(negative)).toThrow(/P\(dpd1_30 → dpd1_30\) is -0\.1/);
    const revived = m.slice();
    revived[63] = 0.5;
    revived[56] = 0.5;
    expect(() => validateTransitionMatrix(revived)).toThrow(/absorbing/);
  });
});
