import { describe, expect, it } from 'vitest';
import { buildTransitionMatrix, cprByAgeNotation, parseVector, fitStaticPool, scheduledBalanceFactors, type VintageHistory } from '../../../engine/index.ts';

const history = (over: Partial<VintageHistory>): VintageHistory => ({
  vintage: '2024-01',
  originalBalance: 1_000_000,
  cumulativeDefault: [],
  cumulativePrepayment: [],
  delinquency: { dpd1_30: [], dpd31_60: [], dpd61_90: [] },
  ...over,
});

describe('scheduled balance factors', () => {
  it('level payment over 2 months at 12% APR: a1 = (1.01² − 1.01) / (1.01² − 1) = 0.0101 / 0.0201', () => {
    // By hand: installment 0.01 / (1 − 1.01⁻²) = 0.5075124; interest 0.01, principal 0.4975124, balance 0.5024876.
    const a = scheduledBalanceFactors({ amortization: 'level_payment', termMonths: 2, rateAnnual: 0.12 });
    expect(a[0]).toBe(1);
    expect(a[1]).toBeCloseTo(0.0101 / 0.0201, 14);
    expect(a[2]).toBeCloseTo(0, 14);
  });
  it('equal principal over 4 months: 1, 0.75, 0.5, 0.25, 0', () => {
    expect(Array.from(scheduledBalanceFactors({ amortization: 'equal_principal', termMonths: 4, rateAnnual: 0.2 }))).toEqual([1, 0.75, 0.5, 0.25, 0]);
  });
});

describe('CPR from cumulative prepayment', () => {
  it('takes defaults on the beginning balance, then SMM on what is left after scheduled principal (worked by hand)', () => {
    // Interest only (no scheduled principal), cumulative default 1%, 2%; cumulative prepaid 5%, 9.75%.
    // Month 1: MDR = 0.01 / 1; prepayable 1·0.99 = 0.99; SMM1 = 0.05 / 0.99; s1 = 0.99 − 0.05 = 0.94.
    // Month 2: defaults 0.01 of 0.94; prepayable 0.94 − 0.01 = 0.93; SMM2 = 0.0475 / 0.93.
    const fit = fitStaticPool([history({ cumulativeDefault: [0.01, 0.02], cumulativePrepayment: [0.05, 0.0975] })], {
      amortisation: { amortization: 'interest_only', termMonths: 12, rateAnnual: 0.1 },
    });
    expect(fit.smm[0]).toBeCloseTo(0.05 / 0.99, 14);
    expect(fit.smm[1]).toBeCloseTo(0.0475 / 0.93, 14);
    expect(fit.cpr[0]).toBeCloseTo(1 - (1 - 0.05 / 0.99) ** 12, 14);
  });

  it('refuses a prepayment larger than the balance the schedule leaves, naming vintage and month', () => {
    // Equal principal over 2 months: after month 1's scheduled principal only 50% is owed; 60% prepaid cannot be.
    expect(() =>
      fitStaticPool([history({ vintage: '2023-05', cumulativeDefault: [0, 0], cumulativePrepayment: [0.6, 0.6] })], {
        amortisation: { amortization: 'equal_principal', termMonths: 2, rateAnnual: 0.1 },
      }),
    ).toThrow(/vintage 2023-05, month on book 1: 60\.0000% of the original balance prepaid, but only 50\.0000% was left/);
  });

  it('caps the MDR where defaults exceed the scheduled balance (delinquent loans do not amortise) and says so', () => {
    // Equal principal over 2 months: 50% is owed after month 1; 60% defaulting in month 2 is more than the schedule leaves.
    const fit = fitStaticPool([history({ cumulativeDefault: [0, 0.6], cumulativePrepayment: [0, 0] })], { amortisation: { amortization: 'equal_principal', termMonths: 2, rateAnnual: 0 } });
    expect(fit.notes.join(' ')).toContain("At 1 vintage-month(s) the month's defaults exceeded the balance the loans' schedule leaves (first: vintage 2024-01, month on book 2)");
  });

  it('writes the curve in the vector notation by age, runs compressed', () => {
    // A month with no estimate (the null at month 6) takes the month before's 12.5; the trailing null is dropped.
    const text = cprByAgeNotation([null, 0.1, 0.1, 0.1, 0.125, null, 0.13, null], 2);
    expect(text).toBe('0 10 for 3, 12.5 for 2, 13 CPR by age');
    expect(parseVector(text)).toMatchObject({ basis: 'age' });
  });
});

describe('net-flow roll rates from bucket balances (worked by hand)', () => {
  // One vintage, no amortisation or prepayment; shares of the original balance at months 1–3:
  //   1–30: 2%, 1%, 1%;  31–60: 0, 1%, 0.5%;  61–90: 0, 0.2%, 0.4%;  cumulative default 0, 0, 0.1%.
  // Balance 1, 1, 0.999 (the default leaves); current = balance − delinquent: month 0: 1, month 1: 0.98, month 2: 0.978.
  //   current → 1–30: (2 + 1 + 1)% / (1 + 0.98 + 0.978) = 0.04 / 2.958
  //   1–30 → 31–60:   (0 + 1 + 0.5)% / (0 + 2 + 1)%     = 0.5
  //   31–60 → 61–90:  (0 + 0.2 + 0.4)% / (0 + 0 + 1)%   = 0.6   (month 1 → 2 adds 0.2% over a 0 base)
  //   61–90 → default: (0 + 0 + 0.1)% / (0 + 0 + 0.2)%  = 0.5
  const fit = fitStaticPool([history({ cumulativeDefault: [0, 0, 0.001], delinquency: { dpd1_30: [0.02, 0.01, 0.01], dpd31_60: [0, 0.01, 0.005], dpd61_90: [0, 0.002, 0.004] } })]);
  it('estimates each roll as a ratio of sums', () => {
    expect(fit.rollRates?.rates.current).toBeCloseTo(0.04 / 2.958, 14);
    expect(fit.rollRates?.rates.dpd1_30).toBeCloseTo(0.5, 14);
    expect(fit.rollRates?.rates.dpd31_60).toBeCloseTo(0.6, 14);
    expect(fit.rollRates?.rates.dpd61_90).toBeCloseTo(0.5, 14);
  });
  it('gives a spec the 8-state matrix builder takes: cure = 1 − roll forward, charge-off from 61–90', () => {
    const spec = fit.rollRates?.spec;
    expect(spec?.chargeOffAt).toBe('dpd61_90');
    expect(spec?.cure?.dpd31_60).toBeCloseTo(0.4, 14);
    const matrix = buildTransitionMatrix(spec ?? { rollForward: {} });
    // Row 61–90 (index 3): 0.5 to charged off (index 7), 0.5 back to current.
    expect(matrix[3 * 8 + 7]).toBeCloseTo(0.5, 14);
    expect(matrix[3 * 8 + 0]).toBeCloseTo(0.5, 14);
  });
  it('reports the one-step prediction error: 31–60 predicted 0.5 × 1–30 a month before', () => {
    // Pairs: (0 → 0), (0.02 → 0.01), (0.01 → 0.005): predictions 0, 0.01, 0.005 → all exact.
    expect(fit.rollRates?.rmse.dpd31_60).toBeCloseTo(0, 14);
    // 61–90: predictions 0.6 × (0, 0, 0.01) = 0, 0, 0.006 vs 0, 0.002, 0.004 → √((0.002² + 0.002²) / 3).
    expect(fit.rollRates?.rmse.dpd61_90).toBeCloseTo(Math.sqrt((2 * 0.002 ** 2) / 3), 14);
  });
});

describe('roll rates where the buckets run longer than the rates', () => {
  it('takes the balance of months with buckets but no cumulative rate from the survival so far', () => {
    // Defaults for month 1 only, buckets for months 1–3; no prepayment: the balance stays 1 (bullet), so current is
    // 1 at month 0, 1 − 1% at month 1 and 1 − 2% at month 2 (not 0 for want of a rate), and
    // current → 1–30 = (1% + 2% + 3%) / (1 + 0.99 + 0.98).
    const fit = fitStaticPool([history({ cumulativeDefault: [0], delinquency: { dpd1_30: [0.01, 0.02, 0.03], dpd31_60: [0, 0, 0], dpd61_90: [0, 0, 0] } })]);
    expect(fit.rollRates?.rates.current).toBeCloseTo(0.06 / 2.97, 14);
  });
});
