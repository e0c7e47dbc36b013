import { describe, expect, it } from 'vitest';
import { buildTransitionMatrix, EngineError, ROLL_STATES, ROW_SUM_TOLERANCE, transitionProbability, validateTransitionMatrix, type RollRateSpec, type RollState } from '../../../engine/index.ts';

// Monthly roll-rate model over current, 1–30, 31–60, 61–90, 91–180 dpd and charged off (absorbing).
// Row = state this month, column = state next month, row-major 6×6; whatever does not move stays.
const base: RollRateSpec = {
  rollForward: { current: 0.03, dpd1_30: 0.35, dpd31_60: 0.55, dpd61_90: 0.7, dpd91_180: 0.3 },
  cure: { dpd1_30: 0.45, dpd31_60: 0.2, dpd61_90: 0.1, dpd91_180: 0.05 },
  rollBack: { dpd31_60: 0.1, dpd61_90: 0.05 },
};

const p = (matrix: Float64Array, from: RollState, to: RollState): number => transitionProbability(matrix, from, to);

function rowSums(matrix: Float64Array): number[] {
  return ROLL_STATES.map((_, row) => matrix.slice(row * 6, row * 6 + 6).reduce((a, b) => a + b, 0));
}

/** A spec as it might arrive from a JSON file, past the type checker. */
const loose = (spec: object): RollRateSpec => spec as RollRateSpec;

describe('buildTransitionMatrix', () => {
  it('places roll-forward, cure and roll-back, and keeps the rest in the bucket', () => {
    const m = buildTransitionMatrix(base);
    expect(m).toHaveLength(36);
    expect(p(m, 'current', 'dpd1_30')).toBe(0.03);
    expect(p(m, 'current', 'current')).toBeCloseTo(0.97, 15); // 1 − 0.03
    expect(p(m, 'dpd1_30', 'dpd31_60')).toBe(0.35);
    expect(p(m, 'dpd1_30', 'current')).toBe(0.45);
    expect(p(m, 'dpd1_30', 'dpd1_30')).toBeCloseTo(0.2, 15); // 1 − 0.35 − 0.45
    expect(p(m, 'dpd31_60', 'dpd1_30')).toBe(0.1); // roll back one bucket
    expect(p(m, 'dpd31_60', 'dpd31_60')).toBeCloseTo(0.15, 15); // 1 − 0.55 − 0.2 − 0.1
    expect(p(m, 'dpd61_90', 'dpd91_180')).toBe(0.7);
    expect(p(m, 'dpd91_180', 'chargedOff')).toBe(0.3); // the default chargeOffAt is 91–180
    expect(p(m, 'dpd91_180', 'dpd91_180')).toBeCloseTo(0.65, 15); // 1 − 0.3 − 0.05
    expect(p(m, 'chargedOff', 'chargedOff')).toBe(1);
  });

  it('is row-stochastic within 1e-12 and charged off is absorbing', () => {
    const m = buildTransitionMatrix(base);
    for (const sum of rowSums(m)) expect(Math.abs(sum - 1)).toBeLessThanOrEqual(ROW_SUM_TOLERANCE);
    expect(Array.from(m.slice(30))).toEqual([0, 0, 0, 0, 0, 1]);
    expect(() => validateTransitionMatrix(m)).not.toThrow();
  });

  it('charges off from 61–90 under a 90+ write-off policy; 91–180 then charges off at once', () => {
    const { dpd91_180: _forward, ...rollForward } = base.rollForward;
    const { dpd91_180: _cure, ...cure } = base.cure ?? {};
    const m = buildTransitionMatrix({ ...base, rollForward, cure, chargeOffAt: 'dpd61_90' });
    expect(p(m, 'dpd61_90', 'chargedOff')).toBe(0.7);
    expect(p(m, 'dpd61_90', 'dpd91_180')).toBe(0);
    expect(p(m, 'dpd91_180', 'chargedOff')).toBe(1); // unreachable bucket: a loan there at cutoff is written off
    for (const sum of rowSums(m)) expect(Math.abs(sum - 1)).toBeLessThanOrEqual(ROW_SUM_TOLERANCE);
  });

  it('treats missing cure and roll-back as 0', () => {
    const m = buildTransitionMatrix({ rollForward: { current: 0.1, dpd1_30: 0.5, dpd31_60: 0.5, dpd61_90: 0.5, dpd91_180: 0.5 } });
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

describe('validateTransitionMatrix', () => {
  it('refuses a wrong size, a row not summing to 1, an entry outside [0, 1] and a non-absorbing charge-off', () => {
    expect(() => validateTransitionMatrix(new Float64Array(35))).toThrow(/35 entries, not 36/);
    const m = buildTransitionMatrix(base);
    const leaky = m.slice();
    leaky[0] = 0.96; // current row now sums to 0.99
    expect(() => validateTransitionMatrix(leaky)).toThrow(/row for current \(current\) sums to 0\.99/);
    const negative = m.slice();
    negative[7] = -0.1;
    expect(() => validateTransitionMatrix(negative)).toThrow(/P\(dpd1_30 → dpd1_30\) is -0\.1/);
    const revived = m.slice();
    revived[35] = 0.5;
    revived[30] = 0.5;
    expect(() => validateTransitionMatrix(revived)).toThrow(/absorbing/);
  });
});
