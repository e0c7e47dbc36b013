import { assert as checkProperty, array, constantFrom, double, integer, property, record } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AMORTIZATION_TYPES, fromDayNumber, loanSchedule, toDayNumber, parseIsoDate, type LoanTerms } from '../../../engine/index.ts';

// Invariants of every schedule, any amortization type, accrual and prepayment vector:
// balances never go negative; scheduled principal + prepayment + ending balance = beginning balance;
// the balance is zero after the last installment.

const BASE_DAY = toDayNumber(parseIsoDate('2020-01-01'));
const smmValue = double({ min: 0, max: 1, noNaN: true }).map((s) => (s < 0.3 ? 0 : s > 0.95 ? 1 : s));

const loan = record({
  amortization: constantFrom(...AMORTIZATION_TYPES),
  balance: double({ min: 0, max: 1e7, noNaN: true }),
  rateAnnual: double({ min: 0, max: 0.36, noNaN: true }),
  remainingTerm: integer({ min: 1, max: 60 }),
  flatRateMonthly: double({ min: 0, max: 0.02, noNaN: true }),
  act365: constantFrom(false, true),
  startDay: integer({ min: 0, max: 3_000 }),
  firstPaymentLag: integer({ min: 1, max: 45 }),
  smm: array(smmValue, { minLength: 60, maxLength: 60 }),
});

function terms(l: {
  amortization: LoanTerms['amortization'];
  balance: number;
  rateAnnual: number;
  remainingTerm: number;
  flatRateMonthly: number;
  act365: boolean;
  startDay: number;
  firstPaymentLag: number;
}): LoanTerms {
  return {
    amortization: l.amortization,
    balance: l.balance,
    rateAnnual: l.rateAnnual,
    remainingTerm: l.remainingTerm,
    flatRateMonthly: l.flatRateMonthly,
    accrual: l.act365 ? 'ACT/365' : '30/360',
    accrualStart: fromDayNumber(BASE_DAY + l.startDay),
    firstPaymentDate: fromDayNumber(BASE_DAY + l.startDay + l.firstPaymentLag),
  };
}

describe('loan schedule invariants (fast-check)', () => {
  it('balances never go negative, and principal + prepayment + ending balance = beginning balance every month', () => {
    checkProperty(
      property(loan, (l) => {
        const s = loanSchedule(terms(l), new Float64Array(l.smm));
        for (let t = 0; t < s.months; t++) {
          const begin = s.beginningBalance[t] ?? Number.NaN;
          const end = s.endingBalance[t] ?? Number.NaN;
          expect(begin).toBeGreaterThanOrEqual(0);
          expect(end).toBeGreaterThanOrEqual(0);
          expect(s.scheduledPrincipal[t]).toBeGreaterThanOrEqual(0);
          expect(s.prepayment[t]).toBeGreaterThanOrEqual(0);
          const sum = (s.scheduledPrincipal[t] ?? 0) + (s.prepayment[t] ?? 0) + end;
          expect(Math.abs(sum - begin)).toBeLessThanOrEqual(1e-9 * begin + 1e-9);
        }
        expect(s.endingBalance[s.months - 1]).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('without prepayments, scheduled principal repays exactly the balance', () => {
    checkProperty(
      property(loan, (l) => {
        const s = loanSchedule(terms(l));
        const repaid = s.scheduledPrincipal.reduce((a, b) => a + b, 0);
        expect(Math.abs(repaid - l.balance)).toBeLessThanOrEqual(1e-9 * l.balance + 1e-9);
        for (const p of s.prepayment) expect(p).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
