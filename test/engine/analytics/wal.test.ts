import { assert as checkProperty, array, double, integer, property } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate, weightedAverageLife, type CashFlowLeg, type TimeBasis } from '../../../engine/index.ts';
import { errorCode, levelPayLeg, paymentDates } from './legs.ts';

// A quarterly note repaying 25 a quarter from settlement 2025-01-15.
const quarterly: CashFlowLeg = {
  originalBalance: 100,
  settlementDate: '2025-01-15',
  paymentsPerYear: 4,
  paymentDates: ['2025-04-15', '2025-07-15', '2025-10-15', '2026-01-15'],
  principal: [25, 25, 25, 25],
  interest: [1, 0.75, 0.5, 0.25],
};

// WAL = Σ principal_t × years_t / Σ principal_t, years from settlement on the chosen time basis.
describe('weightedAverageLife', () => {
  it("'periods': period number / payments a year (the textbook CMO convention)", () => {
    // (1 + 2 + 3 + 4)/4 × 25 / 100 = 0.625 years
    expect(weightedAverageLife(quarterly, 'periods')).toBeCloseTo(0.625, 15);
    // Monthly, principal 50 in months 3 and 4: (3 × 50 + 4 × 50)/100 = 3.5 months = 3.5/12 years
    const monthly: CashFlowLeg = { ...quarterly, paymentsPerYear: 12, paymentDates: paymentDates('2025-01-15', 4, 12), principal: [0, 0, 50, 50] };
    expect(weightedAverageLife(monthly, 'periods')).toBeCloseTo(3.5 / 12, 15);
  });

  it('ACT/365 by default, on the actual days from settlement', () => {
    // Days from 2025-01-15: Apr 15 = 90, Jul 15 = 181, Oct 15 = 273, 2026-01-15 = 365.
    // WAL = 25 × (90 + 181 + 273 + 365)/365 / 100 = 909/1460 = 0.62260273…
    expect(weightedAverageLife(quarterly)).toBeCloseTo(909 / 1460, 15);
    expect(weightedAverageLife(quarterly, 'ACT/365')).toBe(weightedAverageLife(quarterly));
    // ACT/360: 909/4/360 = 0.63125
    expect(weightedAverageLife(quarterly, 'ACT/360')).toBeCloseTo(0.63125, 15);
    // 30/360: 90, 180, 270, 360 days → 0.625, the same as the period count on a regular schedule
    expect(weightedAverageLife(quarterly, '30/360')).toBeCloseTo(0.625, 15);
  });

  it('ignores written-down principal (it is never repaid)', () => {
    // 60 repaid at 0.25 years, 40 written down at 0.5 years: WAL = 0.25, not 0.35.
    const leg: CashFlowLeg = { ...quarterly, paymentDates: quarterly.paymentDates.slice(0, 2), principal: [60, 0], interest: [1, 0], writeDown: [0, 40] };
    expect(weightedAverageLife(leg, 'periods')).toBeCloseTo(0.25, 15);
  });

  it('level-pay mortgage: 30-year 6% at 100% of schedule has a WAL of 19.3 years', () => {
    // Scheduled principal of month k is P·v^(n−k+1) with v = 1/1.005, so by hand
    // WAL (months) = Σ k v^(n−k+1) / Σ v^(n−k+1) = n + 1 − Σ j v^j / Σ v^j  (j = n − k + 1)
    //             = 361 − [(1+i)/i − n/((1+i)^n − 1)] = 361 − 129.3236218900 = 231.6763781100 months
    // (the bracket is the annuity's Macaulay duration in months, 1.005^360 = 6.0225752122629865).
    expect(weightedAverageLife(levelPayLeg(100_000, 0.06, 360), 'periods')).toBeCloseTo(231.67637811 / 12, 9);
  });

  it('accepts CalendarDate and typed-array columns', () => {
    const leg: CashFlowLeg = {
      ...quarterly,
      settlementDate: parseIsoDate('2025-01-15'),
      paymentDates: quarterly.paymentDates.map((date) => (typeof date === 'string' ? parseIsoDate(date) : date)),
      principal: Float64Array.from([25, 25, 25, 25]),
    };
    expect(weightedAverageLife(leg)).toBe(weightedAverageLife(quarterly));
  });

  it('refuses malformed legs with a stable code', () => {
    expect(errorCode(() => weightedAverageLife({ ...quarterly, principal: [0, 0, 0, 0] }))).toBe('LEG_NO_PRINCIPAL');
    expect(errorCode(() => weightedAverageLife({ ...quarterly, principal: [25, 25, 25] }))).toBe('LEG_COLUMNS');
    expect(errorCode(() => weightedAverageLife({ ...quarterly, writeDown: [0] }))).toBe('LEG_COLUMNS');
    expect(errorCode(() => weightedAverageLife({ ...quarterly, paymentDates: [], principal: [], interest: [] }))).toBe('LEG_EMPTY');
    expect(errorCode(() => weightedAverageLife({ ...quarterly, principal: [25, -25, 25, 25] }))).toBe('INVALID_AMOUNT');
    expect(errorCode(() => weightedAverageLife({ ...quarterly, interest: [1, Number.NaN, 1, 1] }))).toBe('INVALID_AMOUNT');
    expect(errorCode(() => weightedAverageLife({ ...quarterly, originalBalance: -1 }))).toBe('INVALID_AMOUNT');
    expect(errorCode(() => weightedAverageLife({ ...quarterly, paymentsPerYear: 0 }))).toBe('LEG_FREQUENCY');
    expect(errorCode(() => weightedAverageLife({ ...quarterly, paymentsPerYear: 2.5 }))).toBe('LEG_FREQUENCY');
    expect(errorCode(() => weightedAverageLife({ ...quarterly, settlementDate: '2025-02-30' }))).toBe('INVALID_DATE');
    expect(errorCode(() => weightedAverageLife({ ...quarterly, paymentDates: ['2025-04-15', '2025-04-15', '2025-10-15', '2026-01-15'] }))).toBe('LEG_DATES');
    // A payment on the settlement date is not after it.
    expect(errorCode(() => weightedAverageLife({ ...quarterly, settlementDate: '2025-04-15' }))).toBe('LEG_DATES');
    expect(errorCode(() => weightedAverageLife(quarterly, 'ACT/ACT' as TimeBasis))).toBe('UNKNOWN_TIME_BASIS');
  });

  it('lies between the first and last principal times and ignores the scale of principal', () => {
    checkProperty(
      property(array(double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }), integer({ min: 1, max: 1000 }), (amounts, scale) => {
        const principal = amounts.map((a, t) => (t === 0 ? a + 1 : a)); // at least some principal
        const leg: CashFlowLeg = {
          originalBalance: principal.reduce((s, a) => s + a, 0),
          settlementDate: '2025-01-01',
          paymentsPerYear: 12,
          paymentDates: paymentDates('2025-01-01', principal.length, 12),
          principal,
          interest: principal.map(() => 0),
        };
        const wal = weightedAverageLife(leg, 'periods');
        const times = principal.flatMap((a, t) => (a > 0 ? [(t + 1) / 12] : []));
        expect(wal).toBeGreaterThanOrEqual(Math.min(...times) - 1e-12);
        expect(wal).toBeLessThanOrEqual(Math.max(...times) + 1e-12);
        const scaled = weightedAverageLife({ ...leg, principal: principal.map((a) => a * scale) }, 'periods');
        expect(scaled).toBeCloseTo(wal, 10);
      }),
    );
  });
});
