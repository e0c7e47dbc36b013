import { assert as checkProperty, array, double, integer, property } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, formatIsoDate, xirr, xnpv, type DatedCashFlow } from '../../../engine/index.ts';
import { errorCode } from './legs.ts';

// The example of Microsoft's XIRR and XNPV documentation (support.microsoft.com, "XIRR function",
// "XNPV function"): XIRR = 0.373362535, XNPV at 9% = 2086.647602. Excel iterates XIRR only "until the
// result is accurate within 0.000001 percent", so its 0.373362535 matches the exact root
// 0.3733625335… (XNPV = 0 to 1e-8) to 8 places, not 9.
const excel: DatedCashFlow[] = [
  { date: '2008-01-01', amount: -10_000 },
  { date: '2008-03-01', amount: 2_750 },
  { date: '2008-10-30', amount: 4_250 },
  { date: '2009-02-15', amount: 3_250 },
  { date: '2009-04-01', amount: 2_750 },
];

// XNPV = Σ P_i / (1 + r)^((d_i − d_0)/365), XIRR: the r at which XNPV = 0 (annual effective, ACT/365).
describe('xnpv and xirr', () => {
  it("reproduce Excel's documented example", () => {
    expect(xirr(excel)).toBeCloseTo(0.373362535, 8);
    expect(xnpv(0.09, excel)).toBeCloseTo(2086.647602, 6);
    expect(xnpv(xirr(excel), excel)).toBeCloseTo(0, 8);
  });

  it('an equity note bought for 100 that returns 110 after 365 days earns 10%', () => {
    expect(
      xirr([
        { date: '2025-01-01', amount: -100 },
        { date: '2026-01-01', amount: 110 },
      ]),
    ).toBeCloseTo(0.1, 13);
  });

  it('a residual that returns half its cost after a year earns −50%', () => {
    expect(
      xirr([
        { date: '2025-01-01', amount: -100 },
        { date: '2026-01-01', amount: 50 },
      ]),
    ).toBeCloseTo(-0.5, 13);
  });

  it('an equity note that earns 400% in a year (far outside the starting bracket)', () => {
    expect(
      xirr([
        { date: '2025-01-01', amount: -100 },
        { date: '2026-01-01', amount: 500 },
      ]),
    ).toBeCloseTo(4, 11);
  });

  it('does not depend on the order of the flows (time zero is the earliest date)', () => {
    expect(xirr(excel.toReversed())).toBeCloseTo(xirr(excel), 14);
    expect(xnpv(0.09, excel.toReversed())).toBeCloseTo(2086.647602, 6);
  });

  it('accepts CalendarDate dates', () => {
    const flows: DatedCashFlow[] = [
      { date: { year: 2025, month: 1, day: 1 }, amount: -100 },
      { date: { year: 2026, month: 1, day: 1 }, amount: 110 },
    ];
    expect(xirr(flows)).toBeCloseTo(0.1, 13);
  });

  it('needs a negative and a positive flow, finite amounts and real dates', () => {
    expect(errorCode(() => xirr([]))).toBe('XIRR_SIGNS');
    expect(
      errorCode(() =>
        xirr([
          { date: '2025-01-01', amount: 100 },
          { date: '2026-01-01', amount: 110 },
        ]),
      ),
    ).toBe('XIRR_SIGNS');
    expect(
      errorCode(() =>
        xirr([
          { date: '2025-01-01', amount: -100 },
          { date: '2026-01-01', amount: 0 },
        ]),
      ),
    ).toBe('XIRR_SIGNS');
    expect(
      errorCode(() =>
        xirr([
          { date: '2025-01-01', amount: -100 },
          { date: '2026-01-01', amount: Number.NaN },
        ]),
      ),
    ).toBe('INVALID_AMOUNT');
    expect(
      errorCode(() =>
        xirr([
          { date: '2025-13-01', amount: -100 },
          { date: '2026-01-01', amount: 110 },
        ]),
      ),
    ).toBe('INVALID_DATE');
    expect(errorCode(() => xnpv(-1, excel))).toBe('YIELD_RANGE');
  });

  it('says so when no rate above −100% zeroes the flows', () => {
    // +100 today, −50 in a year, +100 in two years: XNPV = 100 − 50v + 100v² > 0 for every v > 0.
    const flows: DatedCashFlow[] = [
      { date: '2025-01-01', amount: 100 },
      { date: '2026-01-01', amount: -50 },
      { date: '2027-01-01', amount: 100 },
    ];
    expect(errorCode(() => xirr(flows))).toBe('ROOT_NOT_BRACKETED');
  });

  it('recovers the rate that priced the flows: buy at the XNPV of any positive payments', () => {
    checkProperty(
      property(
        double({ min: -0.5, max: 2, noNaN: true }),
        array(double({ min: 1, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 24 }),
        integer({ min: 1, max: 6 }),
        (rate, payments, monthsApart) => {
          const start = { year: 2025, month: 1, day: 31 };
          const flows: DatedCashFlow[] = payments.map((amount, k) => ({ date: formatIsoDate(addMonths(start, (k + 1) * monthsApart)), amount }));
          const price = xnpv(rate, [{ date: '2025-01-31', amount: 0 }, ...flows]);
          expect(xirr([{ date: '2025-01-31', amount: -price }, ...flows])).toBeCloseTo(rate, 9);
        },
      ),
    );
  });
});
