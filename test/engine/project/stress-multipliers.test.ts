import { describe, expect, it } from 'vitest';
import {
  allocateLoanArrays,
  amortizationCode,
  buildTransitionMatrix,
  delinquencyCode,
  projectPool,
  stressedCures,
  type LoanArrays,
  type PoolAssumptions,
  type RollState,
  type SegmentAssumptions,
} from '../../../engine/index.ts';
import { engineErrorCode } from '../../helpers/engine.ts';

/**
 * Static scenario multipliers (engine/project/stress-multipliers.ts), each checked on a ¥10,000
 * interest-only loan at 0% (nothing is scheduled, so every move of the balance is the stress's):
 * the expected figures are worked by hand in each comment.
 */
function oneLoan(state: RollState = 'current', segment = 0): LoanArrays {
  const loans = allocateLoanArrays(1);
  loans.currentPrincipal[0] = 10_000;
  loans.originalPrincipal[0] = 10_000;
  loans.rateAnnual[0] = 0;
  loans.remainingTerm[0] = 12;
  loans.originalTerm[0] = 12;
  loans.amortization[0] = amortizationCode('interest_only');
  loans.delinquency[0] = delinquencyCode(state);
  loans.segment[0] = segment;
  return loans;
}

/** Row 1–30 DPD of an 8×8 row-major matrix. */
const row1 = (m: Float64Array): number[] => Array.from(m.subarray(8, 16));
const month1 = (column: Float64Array): number => column[0] ?? Number.NaN;
const pool = (segment: SegmentAssumptions): PoolAssumptions => ({ pool: segment });
const MDR_1PCT: SegmentAssumptions = { default: { kind: 'monthly', rates: [0.01] } };

describe('scenario multipliers on one segment', () => {
  it('default scales every MDR, capped at 100%, and multiplies a breakeven’s default multiplier', () => {
    // MDR 1% of 10,000 = 100; × 3 = 300; × 200 = 200% → capped at 100%: the whole 10,000.
    expect(month1(projectPool(oneLoan(), pool(MDR_1PCT), { months: 1 }).defaults)).toBeCloseTo(100, 9);
    expect(month1(projectPool(oneLoan(), pool({ ...MDR_1PCT, multipliers: { default: 3 } }), { months: 1 }).defaults)).toBeCloseTo(300, 9);
    expect(month1(projectPool(oneLoan(), pool({ ...MDR_1PCT, multipliers: { default: 200 } }), { months: 1 }).defaults)).toBeCloseTo(10_000, 9);
    // Scenario × 2 and breakeven stress × 1.5: MDR 1% × 3 = 3% → 300.
    expect(month1(projectPool(oneLoan(), pool({ ...MDR_1PCT, multipliers: { default: 2 } }), { months: 1, defaultMultiplier: 1.5 }).defaults)).toBeCloseTo(300, 9);
  });

  it('default scales the rates solved from a default-timing curve (solved unstressed)', () => {
    // 12% of cutoff over 12 months evenly = 1% of 10,000 = 100 in month 1; × 2 = 200.
    const timing = { cumulativeDefaultRate: 0.12, timingPct: [100], monthsPerPeriod: 12 };
    expect(month1(projectPool(oneLoan(), pool({ defaultTiming: timing }), { months: 12 }).defaults)).toBeCloseTo(100, 6);
    expect(month1(projectPool(oneLoan(), pool({ defaultTiming: timing, multipliers: { default: 2 } }), { months: 12 }).defaults)).toBeCloseTo(200, 6);
  });

  it('rollIn scales the roll from current into 1–30 DPD; staying current absorbs it, capped at the whole row', () => {
    // 2% of current loans roll to 1–30 a month: 200 of 10,000; × 3 → 600; × 100 → 200% capped: all 10,000.
    const rollRates = buildTransitionMatrix({ rollForward: { current: 0.02, dpd1_30: 0.5, dpd31_60: 0.5, dpd61_90: 0.5, dpd91_180: 1 } });
    const at = (rollIn: number): { late: number; current: number } => {
      const flows = projectPool(oneLoan(), pool({ rollRates, multipliers: { rollIn } }), { months: 1 });
      return { late: month1(flows.balanceByState.dpd1_30), current: month1(flows.balanceByState.current) };
    };
    expect(at(1).late).toBeCloseTo(200, 9);
    expect(at(3).late).toBeCloseTo(600, 9);
    expect(at(3).current).toBeCloseTo(9_400, 9);
    expect(at(100).late).toBeCloseTo(10_000, 9);
    expect(at(100).current).toBeCloseTo(0, 9);
  });

  it('cure scales delinquent → current; the bucket’s other moves keep their proportions and the row sums to 1', () => {
    // 1–30 DPD: cure 0.4, roll forward 0.3, stay 0.3 (1 − 0.4 − 0.3).
    const rollRates = buildTransitionMatrix({ rollForward: { current: 0.01, dpd1_30: 0.3, dpd31_60: 0.5, dpd61_90: 0.5, dpd91_180: 1 }, cure: { dpd1_30: 0.4 } });
    // × 0.5: cure 0.2; the other 0.6 becomes 0.8, each × 0.8 / 0.6 = 4/3 → stay 0.4, forward 0.4.
    const half = stressedCures(rollRates, 0.5);
    expect(row1(half)[0]).toBeCloseTo(0.2, 12);
    expect(row1(half)[1]).toBeCloseTo(0.4, 12);
    expect(row1(half)[2]).toBeCloseTo(0.4, 12);
    // × 2: cure 0.8; the other 0.6 becomes 0.2, each × 1/3 → stay 0.1, forward 0.1.
    const double = stressedCures(rollRates, 2);
    expect(
      row1(double)
        .slice(0, 3)
        .map((p) => Number(p.toFixed(12))),
    ).toEqual([0.8, 0.1, 0.1]);
    // × 3: 1.2 capped at 1; nothing stays or rolls.
    expect(row1(stressedCures(rollRates, 3)).slice(0, 3)).toEqual([1, 0, 0]);
    // Every row of the stressed matrices still sums to 1; the current row is untouched.
    for (const m of [half, double]) {
      for (let s = 0; s < 8; s++) expect(Array.from(m.subarray(s * 8, s * 8 + 8)).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(Array.from(m.subarray(0, 8))).toEqual(Array.from(rollRates.subarray(0, 8)));
    }
    // Through the projection: a 1–30 DPD loan of 10,000 cures 0.2 × 10,000 = 2,000, keeps 4,000 in 1–30 and rolls 4,000 to 31–60.
    const flows = projectPool(oneLoan('dpd1_30'), pool({ rollRates, multipliers: { cure: 0.5 } }), { months: 1 });
    expect(month1(flows.balanceByState.current)).toBeCloseTo(2_000, 9);
    expect(month1(flows.balanceByState.dpd1_30)).toBeCloseTo(4_000, 9);
    expect(month1(flows.balanceByState.dpd31_60)).toBeCloseTo(4_000, 9);
  });

  it('a bucket that was all cure keeps what a lower cure removes in the bucket', () => {
    const rollRates = buildTransitionMatrix({ rollForward: { current: 0.01, dpd1_30: 0, dpd31_60: 0.5, dpd61_90: 0.5, dpd91_180: 1 }, cure: { dpd1_30: 1 } });
    const row = Array.from(stressedCures(rollRates, 0.25).subarray(8, 11));
    expect(row).toEqual([0.25, 0.75, 0]);
  });

  it('prepayment scales every SMM, capped at 1', () => {
    // SMM 1% of 10,000 = 100; × 2 = 200; × 150 = 150% → capped: all 10,000 prepaid.
    const smm: SegmentAssumptions = { prepayment: { kind: 'monthly', rates: [0.01] } };
    expect(month1(projectPool(oneLoan(), pool({ ...smm, multipliers: { prepayment: 2 } }), { months: 1 }).prepayments)).toBeCloseTo(200, 9);
    expect(month1(projectPool(oneLoan(), pool({ ...smm, multipliers: { prepayment: 150 } }), { months: 1 }).prepayments)).toBeCloseTo(10_000, 9);
  });

  it('recovery scales the recovery rate, capped at 1', () => {
    // Defaults 100 (MDR 1%), recovery 40% → 40; × 0.5 → 20; × 4 = 160% → capped at 100%: 100.
    const base: SegmentAssumptions = { ...MDR_1PCT, recoveryRate: 0.4 };
    expect(month1(projectPool(oneLoan(), pool(base), { months: 1 }).recoveries)).toBeCloseTo(40, 9);
    expect(month1(projectPool(oneLoan(), pool({ ...base, multipliers: { recovery: 0.5 } }), { months: 1 }).recoveries)).toBeCloseTo(20, 9);
    expect(month1(projectPool(oneLoan(), pool({ ...base, multipliers: { recovery: 4 } }), { months: 1 }).recoveries)).toBeCloseTo(100, 9);
  });

  it('a segment’s own multipliers replace the pool’s; a negative factor is refused', () => {
    // Pool default × 2, segment 1 × 5: loan in segment 0 defaults 200, in segment 1 500.
    const assumptions: PoolAssumptions = { pool: { ...MDR_1PCT, multipliers: { default: 2 } }, segments: [undefined, { multipliers: { default: 5 } }] };
    expect(month1(projectPool(oneLoan('current', 0), assumptions, { months: 1 }).defaults)).toBeCloseTo(200, 9);
    expect(month1(projectPool(oneLoan('current', 1), assumptions, { months: 1 }).defaults)).toBeCloseTo(500, 9);
    expect(engineErrorCode(() => projectPool(oneLoan(), pool({ ...MDR_1PCT, multipliers: { cure: -1 } }), { months: 1 }))).toBe('INVALID_SPEED');
  });
});
