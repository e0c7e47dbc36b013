import { describe, expect, it } from 'vitest';
import { interbankPriceAtYield, interbankYieldAtPrice, yieldAtPrice, yieldQuotesAtPrice, type CashFlowLeg } from '../../../engine/index.ts';
import { bulletLeg, errorCode, levelPayLeg } from './legs.ts';

// China interbank yield (the CFETS / ChinaBond standard, engine/analytics/interbank.ts):
//   n > 1 payments left: PV = Σ CF_k / (1 + y/f)^(d/TS + k − 1), d and TS in actual days;
//   n = 1 (final period): PV = FV / (1 + y × D/TY), TY the actual days of the interest year ending on the payment.

// A quarterly amortising note of 100 with a 4% coupon (1% a quarter), in the coupon period
// 2025-01-15 → 2025-04-15, settled on 2025-02-14; it repays 40 / 30 / 30 on 15 April, July, October.
// Cash flows: 40 + 1.0 = 41, 30 + 0.6 = 30.6, 30 + 0.3 = 30.3.
const amortising: CashFlowLeg = {
  originalBalance: 100,
  settlementDate: '2025-02-14',
  paymentsPerYear: 4,
  paymentDates: ['2025-04-15', '2025-07-15', '2025-10-15'],
  principal: [40, 30, 30],
  interest: [1, 0.6, 0.3],
};
const periodStart = '2025-01-15';

describe('China interbank yield', () => {
  it('compounds at the coupon frequency on actual days before the final period', () => {
    // TS = 2025-01-15 → 2025-04-15 = 16 + 28 + 31 + 15 = 90 days; d = 2025-02-14 → 2025-04-15 = 14 + 31 + 15 = 60 days; d/TS = 2/3.
    // At y = 5%, y/f = 1.25%:
    //   41   / 1.0125^(2/3) = 40.66185326
    //   30.6 / 1.0125^(5/3) = 29.97296501
    //   30.3 / 1.0125^(8/3) = 29.31270361
    //   PV = 99.94752189 (full price, per 100 of face)
    expect(interbankPriceAtYield(amortising, 0.05, { periodStart })).toBeCloseTo(99.94752189, 7);
    expect(interbankYieldAtPrice(amortising, 99.94752189, { periodStart })).toBeCloseTo(0.05, 9);
  });

  it('is simple interest on actual days in the final period', () => {
    // Settled 2025-08-14 with 30 of face left and only the 30.3 of 2025-10-15 to come:
    // D = 17 + 30 + 15 = 62 days; TY = 2024-10-15 → 2025-10-15 = 365 days.
    const final: CashFlowLeg = { originalBalance: 100, balanceAtSettlement: 30, settlementDate: '2025-08-14', paymentsPerYear: 4, paymentDates: ['2025-10-15'], principal: [30], interest: [0.3] };
    // At 5%: PV = 30.3 / (1 + 0.05 × 62/365) = 30.3 / 1.00849315 = 30.04482478, i.e. 100.14941592 per 100 of 30.
    expect(interbankPriceAtYield(final, 0.05, { periodStart: '2025-07-15' })).toBeCloseTo(100.14941592, 7);
    // At a full price of 100.5 (30.15): y = (30.3 − 30.15)/30.15 ÷ (62/365) = 0.00497512 / 0.16986301 = 2.9289039%.
    expect(interbankYieldAtPrice(final, 100.5, { periodStart: '2025-07-15' })).toBeCloseTo(0.029289039, 9);
  });

  it('takes TY = 366 when the final interest year holds a 29 February', () => {
    // 101 paid 2024-04-15, settled 2024-02-15: D = 14 + 31 + 15 = 60; TY = 2023-04-15 → 2024-04-15 = 366.
    // At 4%: 101 / (1 + 0.04 × 60/366) = 101 / 1.00655738 = 100.34201954.
    const leap: CashFlowLeg = { originalBalance: 100, settlementDate: '2024-02-15', paymentsPerYear: 1, paymentDates: ['2024-04-15'], principal: [100], interest: [1] };
    expect(interbankPriceAtYield(leap, 0.04)).toBeCloseTo(100.34201954, 7);
  });

  it('counts the payments up to the last with cash: a note paid off early is priced on its own life', () => {
    // The same flows followed by two empty quarters (a deal's later periods) price the same.
    const padded: CashFlowLeg = { ...amortising, paymentDates: [...amortising.paymentDates, '2026-01-15', '2026-04-15'], principal: [40, 30, 30, 0, 0], interest: [1, 0.6, 0.3, 0, 0] };
    expect(interbankPriceAtYield(padded, 0.05, { periodStart })).toBeCloseTo(99.94752189, 7);
  });

  it('at closing (d = TS) equals the nominal yield at the payment frequency', () => {
    const mortgage = levelPayLeg(100_000, 0.06, 36);
    expect(interbankYieldAtPrice(mortgage, 100)).toBeCloseTo(0.06, 12);
    expect(interbankYieldAtPrice(mortgage, 98)).toBeCloseTo(yieldAtPrice(mortgage, 98, 'nominal'), 12);
  });

  it('refuses a period start after settlement and a bad price', () => {
    expect(errorCode(() => interbankPriceAtYield(amortising, 0.05, { periodStart: '2025-03-01' }))).toBe('INTERBANK_PERIOD_START');
    expect(errorCode(() => interbankYieldAtPrice(amortising, 0, { periodStart }))).toBe('INVALID_PRICE');
  });
});

describe('yieldQuotesAtPrice', () => {
  it('quotes a quarterly 4% bullet at par in every convention', () => {
    // r = 1% a quarter. BEY = 2 × (1.01² − 1) = 4.02%; MEY = 12 × (1.01^(1/3) − 1) = 3.98674025%;
    // China interbank at closing = 4 × 1% = 4%; annual effective on ACT/365 dates ≈ 1.01⁴ − 1 = 4.0604%.
    const quotes = yieldQuotesAtPrice(bulletLeg(100, 0.04, 12, 4), 100);
    expect(quotes.bondEquivalent).toBeCloseTo(0.0402, 12);
    expect(quotes.mortgageEquivalent).toBeCloseTo(0.03986740251, 10);
    expect(quotes.chinaInterbank).toBeCloseTo(0.04, 12);
    expect(quotes.annualEffective).toBeCloseTo(0.0406, 3);
  });
});
