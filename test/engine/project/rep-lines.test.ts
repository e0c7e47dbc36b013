import { describe, expect, it } from 'vitest';
import { sampleTapeLoans } from '../../../data/sample/loan-arrays.ts';
import {
  allocateLoanArrays,
  amortizationCode,
  buildTransitionMatrix,
  DEFAULT_RATE_BUCKET,
  groupRepLines,
  loanCount,
  parseVector,
  projectPool,
  type LoanArrays,
  type PoolAssumptions,
  type PoolCashFlows,
} from '../../../engine/index.ts';
import { engineErrorCode } from '../../helpers/engine.ts';

/** The sample tape's loans, segments coded salaried 0, self_employed 1, gig 2 (the assumptions below rely on it). */
function sampleLoans(count: number, seed: number): LoanArrays {
  const { loans, segmentNames } = sampleTapeLoans(count, seed);
  const order = ['salaried', 'self_employed', 'gig'];
  const recode = segmentNames.map((name) => (order.includes(name) ? order.indexOf(name) : order.length));
  for (let i = 0; i < loanCount(loans); i++) loans.segment[i] = recode[loans.segment[i] ?? 0] ?? 0;
  return loans;
}

const vector = (text: string, purpose: 'prepayment' | 'default') => ({ kind: 'notation' as const, notation: parseVector(text, { purpose }) });

/** The shipped example's shape: ramped CPR, CDR, roll rates by segment, recoveries with a lag, 罚息. */
const ASSUMPTIONS: PoolAssumptions = {
  pool: {
    prepayment: vector('2 ramp 8 6 CPR', 'prepayment'),
    default: vector('1 CDR', 'default'),
    rollRates: buildTransitionMatrix({
      rollForward: { current: 0.015, dpd1_30: 0.35, dpd31_60: 0.55, dpd61_90: 0.7, dpd91_180: 0.3 },
      cure: { dpd1_30: 0.45, dpd31_60: 0.2, dpd61_90: 0.1, dpd91_180: 0.02 },
      chargeOffAt: 'dpd91_180',
    }),
    recoveryRate: 0.15,
    recoveryLagMonths: 6,
    penaltyMultiple: 1.5,
    servicingFeeRate: 0.01,
  },
  segments: [
    undefined,
    { rollRates: buildTransitionMatrix({ rollForward: { current: 0.05, dpd1_30: 0.45, dpd31_60: 0.6, dpd61_90: 0.75, dpd91_180: 0.35 } }) },
    { prepayment: vector('4 CPR', 'prepayment'), default: vector('100 SDA', 'default') },
  ],
};

const MONEY: readonly (keyof PoolCashFlows)[] = ['scheduledInterest', 'interestCollected', 'scheduledPrincipal', 'prepayments', 'defaults', 'recoveries', 'endingBalance'];

function sum(a: Float64Array): number {
  return a.reduce((x, y) => x + y, 0);
}

function relativeGap(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-9);
}

describe('representative lines (groupRepLines)', () => {
  const loans = sampleLoans(20_000, 7);
  const months = 24;

  it('groups the sample tape into far fewer lines that keep every loan and every yuan', () => {
    const { lines, counts, lineOfLoan } = groupRepLines(loans);
    const n = loanCount(lines);
    expect(n).toBeLessThan(loanCount(loans) / 4);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(loanCount(loans));
    expect(sum(lines.currentPrincipal)).toBeCloseTo(sum(loans.currentPrincipal), 4);
    expect(sum(lines.overduePrincipal)).toBeCloseTo(sum(loans.overduePrincipal), 4);
    expect(sum(lines.overdueInterest)).toBeCloseTo(sum(loans.overdueInterest), 4);
    // Every loan's line shares its key attributes.
    for (let i = 0; i < loanCount(loans); i += 97) {
      const j = lineOfLoan[i] ?? 0;
      expect(lines.segment[j]).toBe(loans.segment[i]);
      expect(lines.amortization[j]).toBe(loans.amortization[i]);
      expect(lines.delinquency[j]).toBe(loans.delinquency[i]);
      expect(lines.remainingTerm[j]).toBe(loans.remainingTerm[i]);
      expect(lines.originalTerm[j]).toBe(loans.originalTerm[i]);
      expect(Math.abs((lines.rateAnnual[j] ?? 0) - (loans.rateAnnual[i] ?? 0))).toBeLessThan(DEFAULT_RATE_BUCKET);
    }
  });

  it('stays within 0.5% of loan level on total principal and interest every month of the sample tape', () => {
    const loanLevel = projectPool(loans, ASSUMPTIONS, { months });
    const repLine = projectPool(groupRepLines(loans).lines, ASSUMPTIONS, { months });
    let worst = 0;
    for (let k = 0; k < months; k++) {
      const principal = (f: PoolCashFlows): number => (f.scheduledPrincipal[k] ?? 0) + (f.prepayments[k] ?? 0);
      const interest = (f: PoolCashFlows): number => (f.interestCollected[k] ?? 0) + (f.penaltyInterest[k] ?? 0);
      // Months where the pool has all but run off carry too little money for a ratio to mean anything.
      if (principal(loanLevel) > loanLevel.cutoffBalance * 1e-4) worst = Math.max(worst, relativeGap(principal(repLine), principal(loanLevel)));
      if (interest(loanLevel) > loanLevel.cutoffBalance * 1e-5) worst = Math.max(worst, relativeGap(interest(repLine), interest(loanLevel)));
    }
    expect(worst).toBeLessThan(0.005);
    // Month 1 balances and arrears are exact by construction.
    expect(repLine.beginningBalance[0]).toBeCloseTo(loanLevel.beginningBalance[0] ?? 0, 3);
    for (const column of MONEY) {
      const a = repLine[column] as Float64Array;
      const b = loanLevel[column] as Float64Array;
      expect(relativeGap(sum(a), sum(b))).toBeLessThan(0.005);
    }
  });

  it('projects exactly like loan level when every line holds identical loans', () => {
    const twins = allocateLoanArrays(6);
    for (let i = 0; i < 6; i++) {
      twins.currentPrincipal[i] = 1000 + 500 * (i % 2);
      twins.originalPrincipal[i] = 3000;
      twins.rateAnnual[i] = 0.18;
      twins.originalTerm[i] = 12;
      twins.remainingTerm[i] = i < 3 ? 6 : 9;
      twins.ageMonths[i] = i < 3 ? 6 : 3;
      twins.amortization[i] = amortizationCode(i % 3 === 0 ? 'flat_fee' : 'level_payment');
    }
    const lines = groupRepLines(twins);
    const a = projectPool(twins, ASSUMPTIONS, { months: 12 });
    const b = projectPool(lines.lines, ASSUMPTIONS, { months: 12 });
    for (const column of MONEY) {
      const x = a[column] as Float64Array;
      const y = b[column] as Float64Array;
      for (let k = 0; k < 12; k++) expect(y[k]).toBeCloseTo(x[k] ?? 0, 6);
    }
  });

  it('rejects nonsensical buckets', () => {
    expect(engineErrorCode(() => groupRepLines(loans, { rateBucket: 0 }))).toBe('REP_LINE_OPTIONS');
    expect(engineErrorCode(() => groupRepLines(loans, { ageBucketMonths: 1.5 }))).toBe('REP_LINE_OPTIONS');
  });
});
