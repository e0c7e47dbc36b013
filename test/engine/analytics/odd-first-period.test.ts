import { describe, expect, it } from 'vitest';
import { durationsAtYield, notePriceYield, parseIsoDate, periodsToFirstPayment, priceAtYield, yieldAtPrice, type CashFlowLeg } from '../../../engine/index.ts';

// An odd first period (closing to the first payment date is not one regular period): the periodic
// quotes count it in quasi-periods back from the first payment date (SIA's odd-first-coupon rule, as
// Excel's ODDFYIELD states it), with actual days in the quasi-period settlement falls in
// (docs/deals.md, "Yield conventions"). Every expectation below is worked by hand.

const d = parseIsoDate;

describe('periods from settlement to an odd first payment', () => {
  it.each([
    // settlement, first payment, payments a year, periods (by hand)
    ['2027-01-26', '2027-02-26', 12, 1], // a regular period
    ['2027-01-20', '2027-02-26', 12, 1 + 6 / 31], // long: 26 Jan → 26 Feb whole, 20 → 26 Jan is 6 of 26 Dec → 26 Jan's 31 days
    ['2025-01-29', '2025-02-15', 12, 17 / 31], // short (US auto: closing 29 Jan, first payment 15 Feb): 17 of 15 Jan → 15 Feb's 31 days
    ['2025-01-10', '2025-02-28', 12, 1 + 18 / 31], // 28 Jan → 28 Feb whole; 10 → 28 Jan is 18 of 28 Dec → 28 Jan's 31 days
    ['2027-01-20', '2027-04-26', 4, 1 + 6 / 92], // quarterly: 26 Jan → 26 Apr whole; 6 of 26 Oct → 26 Jan's 92 days
    ['2025-03-31', '2025-06-30', 4, 91 / 92], // short: 30 Jun − 3 months = 30 Mar ≤ 31 Mar, so 91 of 30 Mar → 30 Jun's 92 days
  ] as const)('%s → %s, %i a year: %f periods', (settlement, first, perYear, periods) => {
    expect(periodsToFirstPayment(d(settlement), d(first), perYear)).toBeCloseTo(periods, 14);
  });
});

// A monthly note of 1,000 at 6 % ACT/365: closing 20 Jan 2027, paid on the 26th — 37 days of interest on
// 26 Feb (6.08), 28 days and the principal on 26 Mar (4.60 + 1,000).
const leg: CashFlowLeg = {
  originalBalance: 1_000,
  settlementDate: '2027-01-20',
  paymentsPerYear: 12,
  paymentDates: ['2027-02-26', '2027-03-26'],
  principal: [0, 1_000],
  interest: [6.08, 4.6],
};

describe('yields and durations on an odd first period', () => {
  const w = 1 + 6 / 31;

  it('prices at a mortgage-equivalent yield with the first payment w periods away', () => {
    // MEY 6 %: r = 0.5 % a month; PV = 6.08 ÷ 1.005^w + 1,004.60 ÷ 1.005^(w + 1).
    const pv = 6.08 / 1.005 ** w + 1_004.6 / 1.005 ** (w + 1);
    expect(priceAtYield(leg, 0.06, 'mortgageEquivalent')).toBeCloseTo(pv / 10, 10);
    expect(yieldAtPrice(leg, pv / 10, 'mortgageEquivalent')).toBeCloseTo(0.06, 10);
  });

  it('the bond-equivalent quote restates the same monthly rate, and Macaulay counts w + k − 1 periods', () => {
    // BEY 6 %: r = 1.03^(1/6) − 1 a month.
    const r = 1.03 ** (1 / 6) - 1;
    const pv1 = 6.08 / (1 + r) ** w;
    const pv2 = 1_004.6 / (1 + r) ** (w + 1);
    expect(priceAtYield(leg, 0.06, 'bondEquivalent')).toBeCloseTo((pv1 + pv2) / 10, 10);
    const macaulayYears = (w * pv1 + (w + 1) * pv2) / (pv1 + pv2) / 12;
    expect(durationsAtYield(leg, 0.06, 'bondEquivalent').macaulayYears).toBeCloseTo(macaulayYears, 12);
  });

  it('at par: 65 days of interest over 2 + 6/31 periods, not over 2', () => {
    // Solved by hand (bisection on 6.08 ÷ (1 + r)^w + 1,004.60 ÷ (1 + r)^(w + 1) = 1,000): r = 0.486817 % a
    // month, MEY 5.8418 %. Counting 20 Jan → 26 Feb as one whole period (w = 1) read 6.4104 %: 37 days
    // of interest in one month.
    expect(yieldAtPrice(leg, 100, 'mortgageEquivalent')).toBeCloseTo(0.05841803419, 9);
  });

  it('the price/yield panel settling inside the odd first period counts from the quasi-period settlement falls in', () => {
    // Settling 1 Feb 2027: 26 Jan ≤ 1 Feb, so w = 25 ÷ 31 (1 Feb → 26 Feb of 26 Jan → 26 Feb), not 25 ÷ 37.
    const note = {
      originalBalance: 1_000,
      closingDate: '2027-01-20',
      paymentsPerYear: 12,
      dayCount: 'ACT/365' as const,
      paymentDates: leg.paymentDates,
      principal: leg.principal,
      interest: leg.interest,
      endingBalance: [1_000, 0],
      couponRate: [0.06, 0.06],
    };
    const at = notePriceYield(note, '2027-02-01', 'mortgageEquivalent', { yield: 0.06 });
    const v = 25 / 31;
    const dirty = (6.08 / 1.005 ** v + 1_004.6 / 1.005 ** (v + 1)) / 10;
    expect(at.dirtyPrice).toBeCloseTo(dirty, 10);
  });
});
