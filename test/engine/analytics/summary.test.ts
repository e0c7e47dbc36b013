import { describe, expect, it } from 'vitest';
import { durationsAtYield, priceAtYield, trancheSummary, yieldAtPrice, type CashFlowLeg } from '../../../engine/index.ts';
import { bulletLeg, paymentDates } from './legs.ts';

// A monthly note of 1000 settling 2025-01-01, paid 1 Feb–1 May 2025 (31, 59, 90, 120 days),
// repaid 400 / 300 / 200 and written down 100 in the last month.
const impaired: CashFlowLeg = {
  originalBalance: 1000,
  settlementDate: '2025-01-01',
  paymentsPerYear: 12,
  paymentDates: paymentDates('2025-01-01', 4, 12),
  principal: [0, 400, 300, 200],
  interest: [5, 5, 3, 1.5],
  writeDown: [0, 0, 0, 100],
  endingBalance: [1000, 600, 300, 0],
  interestShortfall: [0, 0, 0.5, 0],
};

describe('trancheSummary', () => {
  it('quotes no yield (null, not an error) for a note worth less than par even at −100%', () => {
    // 4 of 1000 paid 31 days after settlement, the rest written off: (1 + y)^(31/365) = 0.004 gives
    // y = −1 + 0.004^(365/31) ≈ −1 + 5 × 10⁻²⁹, which a double cannot tell from −100%.
    const wiped: CashFlowLeg = {
      originalBalance: 1000,
      settlementDate: '2025-01-01',
      paymentsPerYear: 12,
      paymentDates: ['2025-02-01'],
      principal: [0],
      interest: [4],
      writeDown: [1000],
      endingBalance: [0],
    };
    expect(() => yieldAtPrice(wiped, 100, 'annualEffective')).toThrow(/No sign change/);
    const s = trancheSummary(wiped);
    expect(s.yield).toBeNull();
    expect(s.modifiedDurationYears).toBeNull();
    expect(s.totals.lossRate).toBe(1);
  });

  it('bundles WAL, window, expected final, totals, yield at par and durations', () => {
    const s = trancheSummary(impaired);
    // WAL, ACT/365 from settlement: (400 × 59 + 300 × 90 + 200 × 120)/900/365 = 74600/328500 = 0.2270928…
    expect(s.walYears).toBeCloseTo(74_600 / 328_500, 15);
    expect(s.walBasis).toBe('ACT/365');
    expect(s.principalWindow).toEqual({ first: { period: 2, date: '2025-03-01' }, last: { period: 4, date: '2025-05-01' }, periods: 3 });
    expect(s.expectedFinalPayment).toEqual({ period: 4, date: '2025-05-01' });
    expect(s.totals).toEqual({
      totalPrincipal: 900,
      totalInterest: 14.5,
      totalCashFlow: 914.5,
      totalLoss: 100,
      lossRate: 0.1, // 100 / 1000
      interestShortfallAtEnd: 0,
      finalBalance: 0,
    });
    // At par the holder gets 914.5 back for 1000: a negative yield, annual effective on ACT/365 by default.
    expect(s.pricePct).toBe(100);
    expect(s.yieldConvention).toBe('annualEffective');
    expect(s.yield).toBeLessThan(0);
    expect(s.yield).toBe(yieldAtPrice(impaired, 100, 'annualEffective'));
    expect(priceAtYield(impaired, s.yield ?? 0, 'annualEffective')).toBeCloseTo(100, 9);
    const d = durationsAtYield(impaired, s.yield ?? 0, 'annualEffective');
    expect(s.macaulayDurationYears).toBe(d.macaulayYears);
    expect(s.modifiedDurationYears).toBe(d.modifiedYears);
  });

  it('3-year 10% annual bond at par: WAL 3, yield 10%, Macaulay 2.7355, modified 2.4869', () => {
    const s = trancheSummary(bulletLeg(100, 0.1, 3, 1));
    expect(s.walYears).toBeCloseTo(3, 15);
    expect(s.yield).toBeCloseTo(0.1, 12);
    expect(s.macaulayDurationYears).toBeCloseTo(2.73553719, 9);
    expect(s.modifiedDurationYears).toBeCloseTo(2.486851991, 9);
  });

  it('takes the price, yield convention and WAL basis as options', () => {
    const s = trancheSummary(bulletLeg(100, 0.1, 3, 1), { pricePct: 95.1963374636, yieldConvention: 'nominal', walBasis: 'periods' });
    expect(s.yield).toBeCloseTo(0.12, 10); // 10/1.12 + 10/1.12² + 110/1.12³ = 95.1963374636
    expect(s.yieldConvention).toBe('nominal');
    expect(s.pricePct).toBe(95.1963374636);
    // 'periods' WAL of the impaired note: (2 × 400 + 3 × 300 + 4 × 200)/900/12 = 2500/10800
    expect(trancheSummary(impaired, { walBasis: 'periods' }).walYears).toBeCloseTo(2500 / 10_800, 15);
  });

  it('leaves undefined figures null instead of throwing', () => {
    // An interest-only strip bought at 1% of its notional: no principal, so no WAL and no window, but a yield.
    const io: CashFlowLeg = { ...impaired, principal: [0, 0, 0, 0], writeDown: undefined, endingBalance: undefined };
    const ioSummary = trancheSummary(io, { pricePct: 1 });
    expect(ioSummary.walYears).toBeNull();
    expect(ioSummary.principalWindow).toBeNull();
    expect(ioSummary.yield).toBeGreaterThan(0); // 14.5 back for 10 within four months
    // A note written off in full without a payment: no yield, no duration, no final payment.
    const wiped: CashFlowLeg = { ...impaired, principal: [0, 0, 0, 0], interest: [0, 0, 0, 0], writeDown: [0, 0, 0, 1000] };
    const wipedSummary = trancheSummary(wiped);
    expect(wipedSummary.yield).toBeNull();
    expect(wipedSummary.macaulayDurationYears).toBeNull();
    expect(wipedSummary.modifiedDurationYears).toBeNull();
    expect(wipedSummary.expectedFinalPayment).toBeNull();
    expect(wipedSummary.totals.lossRate).toBe(1);
  });
});
