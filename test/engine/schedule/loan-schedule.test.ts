import { describe, expect, it } from 'vitest';
import { engineErrorCode } from '../../helpers/engine.ts';
import { levelPayment, loanSchedule, parseIsoDate, type AmortizationType, type LoanTerms } from '../../../engine/index.ts';

const d = parseIsoDate;
const rows = (values: Float64Array): number[] => Array.from(values, (v) => Math.round(v * 100) / 100);

describe('equal principal (等额本金), 30/360', () => {
  it('¥3,000 at 12% over 3 months: ¥1,000 principal a month, interest 1% of the balance', () => {
    // r = 0.12 / 12 = 0.01. Month 1: 3,000 × 0.01 = 30; month 2: 2,000 × 0.01 = 20; month 3: 1,000 × 0.01 = 10.
    const s = loanSchedule({ amortization: 'equal_principal', balance: 3_000, rateAnnual: 0.12, remainingTerm: 3 });
    expect(rows(s.beginningBalance)).toEqual([3_000, 2_000, 1_000]);
    expect(rows(s.scheduledPrincipal)).toEqual([1_000, 1_000, 1_000]);
    expect(rows(s.interest)).toEqual([30, 20, 10]);
    expect(rows(s.payment)).toEqual([1_030, 1_020, 1_010]);
    expect(rows(s.endingBalance)).toEqual([2_000, 1_000, 0]);
    expect(s.endingBalance[2]).toBe(0);
  });
});

describe('level payment (等额本息), 30/360', () => {
  it('¥12,000 at 18% over 12 months: a level ¥1,100.16; month 1 is ¥180.00 interest and ¥920.16 principal', () => {
    // A = 12,000 × 0.015 / (1 − 1.015^−12) = 1,100.1599…; interest 12,000 × 0.015 = 180; principal 920.1599…
    const s = loanSchedule({ amortization: 'level_payment', balance: 12_000, rateAnnual: 0.18, remainingTerm: 12 });
    for (const payment of s.payment) expect(payment).toBeCloseTo(1_100.159_914_874_75, 8);
    expect(s.interest[0]).toBeCloseTo(180, 10);
    expect(s.scheduledPrincipal[0]).toBeCloseTo(920.159_914_874_75, 8);
    expect(s.endingBalance[0]).toBeCloseTo(11_079.840_085_125, 7);
    expect(s.endingBalance[11]).toBe(0);
    // Total interest = 12 × A − P = 13,201.92 − 12,000 = 1,201.92
    expect(s.interest.reduce((a, b) => a + b, 0)).toBeCloseTo(12 * 1_100.159_914_874_75 - 12_000, 6);
  });

  it('re-amortizes after a prepayment: half the balance prepaid halves the next installment', () => {
    // Month 1: scheduled 920.16, prepayment 0.5 × (12,000 − 920.16) = 5,539.92. The 11 installments left on
    // 5,539.92 at 1.5% are exactly half the contractual 1,100.16 = 550.08 (the survivors' own installments).
    const smm = new Float64Array(12);
    smm[0] = 0.5;
    const s = loanSchedule({ amortization: 'level_payment', balance: 12_000, rateAnnual: 0.18, remainingTerm: 12 }, smm);
    expect(s.prepayment[0]).toBeCloseTo(0.5 * (12_000 - 920.159_914_874_75), 8);
    expect(s.payment[1]).toBeCloseTo(1_100.159_914_874_75 / 2, 8);
    expect(s.endingBalance[11]).toBe(0);
  });
});

describe('interest-only with bullet (先息后本)', () => {
  it('¥10,000 at 12% over 6 months, 30/360: ¥100 interest a month, all principal in month 6', () => {
    const s = loanSchedule({ amortization: 'interest_only', balance: 10_000, rateAnnual: 0.12, remainingTerm: 6 });
    expect(rows(s.interest)).toEqual([100, 100, 100, 100, 100, 100]);
    expect(rows(s.scheduledPrincipal)).toEqual([0, 0, 0, 0, 0, 10_000]);
    expect(rows(s.payment)).toEqual([100, 100, 100, 100, 100, 10_100]);
    expect(rows(s.endingBalance)).toEqual([10_000, 10_000, 10_000, 10_000, 10_000, 0]);
  });

  it('ACT/365 accrues actual days: ¥10,000 at 18.25% from 2025-03-15 pays 155.00, 150.00, 155.00', () => {
    // Daily rate 0.1825 / 365 = 0.05%: 31 days (Mar 15 → Apr 15) = 155.00, 30 (→ May 15) = 150.00, 31 (→ Jun 15) = 155.00.
    const s = loanSchedule({
      amortization: 'interest_only',
      balance: 10_000,
      rateAnnual: 0.1825,
      remainingTerm: 3,
      accrual: 'ACT/365',
      accrualStart: d('2025-03-15'),
      firstPaymentDate: d('2025-04-15'),
    });
    expect(rows(s.interest)).toEqual([155, 150, 155]);
    expect(rows(s.payment)).toEqual([155, 150, 10_155]);
  });
});

describe('flat fee (等本等息)', () => {
  it('¥12,000 over 12 months at a 0.6% monthly flat rate: ¥1,000 principal + ¥72 fee every month', () => {
    // Fee = original principal × flat rate = 12,000 × 0.006 = 72, unchanged as the balance falls; total fee 864.
    const s = loanSchedule({ amortization: 'flat_fee', balance: 12_000, rateAnnual: 0, remainingTerm: 12, flatRateMonthly: 0.006 });
    expect(rows(s.scheduledPrincipal)).toEqual(Array.from({ length: 12 }, () => 1_000));
    expect(rows(s.interest)).toEqual(Array.from({ length: 12 }, () => 72));
    expect(rows(s.payment)).toEqual(Array.from({ length: 12 }, () => 1_072));
    expect(s.interest.reduce((a, b) => a + b, 0)).toBeCloseTo(864, 9);
    expect(s.endingBalance[11]).toBeCloseTo(0, 9);
  });

  it('a seasoned loan keeps the fee on the ORIGINAL principal; prepaid loans stop paying it', () => {
    // 6 of 12 installments paid: balance 6,000, fee still 12,000 × 0.6% = 72. A 25% SMM in month 1 leaves
    // 75% of the loans: month 2 fee 72 × 0.75 = 54, principal (6,000 − 1,000) × 0.75 / 5 = 750.
    const smm = new Float64Array(6);
    smm[0] = 0.25;
    const s = loanSchedule({ amortization: 'flat_fee', balance: 6_000, rateAnnual: 0, remainingTerm: 6, flatRateMonthly: 0.006, originalPrincipal: 12_000 }, smm);
    expect(s.interest[0]).toBeCloseTo(72, 10);
    expect(s.prepayment[0]).toBeCloseTo(1_250, 10);
    expect(s.interest[1]).toBeCloseTo(54, 10);
    expect(s.scheduledPrincipal[1]).toBeCloseTo(750, 10);
  });
});

describe('level payment on ACT/365 (Chinese consumer loans)', () => {
  it('keeps the APR/12 annuity as the installment; the day count only moves the interest/principal split', () => {
    // ¥12,000 at 18%, disbursed 2025-01-15, due on the 15th. Installment 1,100.1599… (APR/12 annuity).
    // Month 1 (31 days): interest 12,000 × 0.18 × 31/365 = 183.4520548, principal 1,100.1599149 − 183.4520548 = 916.7078601.
    const s = loanSchedule({
      amortization: 'level_payment',
      balance: 12_000,
      rateAnnual: 0.18,
      remainingTerm: 12,
      accrual: 'ACT/365',
      accrualStart: d('2025-01-15'),
      firstPaymentDate: d('2025-02-15'),
    });
    expect(s.yearFraction[0]).toBeCloseTo(31 / 365, 15);
    expect(s.interest[0]).toBeCloseTo(183.452_054_794_5, 8);
    expect(s.payment[0]).toBeCloseTo(1_100.159_914_874_75, 8);
    expect(s.scheduledPrincipal[0]).toBeCloseTo(916.707_860_080_2, 7);
    // Month 2 (28 days) accrues less interest than 30/360 would: 11,083.2921399 × 0.18 × 28/365.
    expect(s.interest[1]).toBeCloseTo((12_000 - 916.707_860_080_2) * 0.18 * (28 / 365), 7);
    // Each later installment is re-amortized on the balance left, so the loan still ends at zero.
    expect(s.endingBalance[11]).toBe(0);
    expect(s.payment[1]).toBeCloseTo(levelPayment(s.beginningBalance[1] ?? 0, 0.015, 11), 9);
  });
});

describe('servicing strip', () => {
  it('takes strip × beginning balance × year fraction; the investor gets the rest of the interest', () => {
    // 30/360, strip 1%: month 1 fee 12,000 × 0.01 / 12 = 10, net interest 180 − 10 = 170 (= 12,000 × 17% / 12).
    const s = loanSchedule({ amortization: 'level_payment', balance: 12_000, rateAnnual: 0.18, remainingTerm: 12, servicingStripAnnual: 0.01 });
    expect(s.servicingFee[0]).toBeCloseTo(10, 10);
    expect(s.netInterest[0]).toBeCloseTo(170, 10);
  });
});

describe('input checks', () => {
  const base: LoanTerms = { amortization: 'level_payment', balance: 12_000, rateAnnual: 0.18, remainingTerm: 12 };
  it('refuses what it cannot project, with a stable code', () => {
    expect(engineErrorCode(() => loanSchedule({ ...base, amortization: 'balloon' as AmortizationType }))).toBe('UNKNOWN_AMORTIZATION');
    expect(engineErrorCode(() => loanSchedule({ ...base, balance: -1 }))).toBe('INVALID_AMOUNT');
    expect(engineErrorCode(() => loanSchedule({ ...base, rateAnnual: 18 }))).toBe('INVALID_RATE'); // 18, not 0.18
    expect(engineErrorCode(() => loanSchedule({ ...base, remainingTerm: 0 }))).toBe('INVALID_TERM');
    expect(engineErrorCode(() => loanSchedule({ ...base, remainingTerm: 11.5 }))).toBe('INVALID_TERM');
    expect(engineErrorCode(() => loanSchedule({ ...base, amortization: 'flat_fee' }))).toBe('INVALID_RATE'); // no flat rate
    expect(engineErrorCode(() => loanSchedule({ ...base, accrual: 'ACT/365' }))).toBe('MISSING_ACCRUAL_DATES');
    expect(engineErrorCode(() => loanSchedule(base, new Float64Array(11)))).toBe('SMM_VECTOR_SHORT');
    expect(engineErrorCode(() => loanSchedule(base, new Float64Array(12).fill(1.2)))).toBe('INVALID_SMM');
    expect(engineErrorCode(() => loanSchedule(base, new Float64Array(12).fill(Number.NaN)))).toBe('INVALID_SMM');
  });
});
