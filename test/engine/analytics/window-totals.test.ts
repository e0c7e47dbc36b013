import { describe, expect, it } from 'vitest';
import { expectedFinalPayment, legTotals, principalWindow, type CashFlowLeg } from '../../../engine/index.ts';
import { paymentDates } from './legs.ts';

// A mezzanine-style monthly note: locked out for two months, repaid in months 3–4, a write-down in
// month 4, and a shortfall of interest carried forward and paid late in month 5.
const mezz: CashFlowLeg = {
  originalBalance: 100,
  settlementDate: '2025-01-01',
  paymentsPerYear: 12,
  paymentDates: paymentDates('2025-01-01', 6, 12), // 2025-02-01 … 2025-07-01
  principal: [0, 0, 30, 60, 0, 0],
  interest: [0.5, 0.5, 0.5, 0.1, 0.3, 0],
  writeDown: [0, 0, 0, 10, 0, 0],
  endingBalance: [100, 100, 70, 0, 0, 0],
  interestShortfall: [0, 0, 0, 0.25, 0.05, 0.05],
};

describe('principalWindow and expectedFinalPayment', () => {
  it('spans the first and last periods that repay principal', () => {
    expect(principalWindow(mezz)).toEqual({
      first: { period: 3, date: '2025-04-01' },
      last: { period: 4, date: '2025-05-01' },
      periods: 2,
    });
  });

  it('ends the expected final payment at the last period paying principal or interest', () => {
    // Month 5 pays late interest only, month 6 pays nothing: the expected final is month 5.
    expect(expectedFinalPayment(mezz)).toEqual({ period: 5, date: '2025-06-01' });
  });

  it('is null when nothing is repaid or paid', () => {
    const interestOnly: CashFlowLeg = { ...mezz, principal: [0, 0, 0, 0, 0, 0] };
    expect(principalWindow(interestOnly)).toBeNull();
    expect(expectedFinalPayment(interestOnly)).toEqual({ period: 5, date: '2025-06-01' });
    const nothing: CashFlowLeg = { ...interestOnly, interest: [0, 0, 0, 0, 0, 0] };
    expect(expectedFinalPayment(nothing)).toBeNull();
  });

  it('a one-period window when a single period repays everything', () => {
    const bullet: CashFlowLeg = { ...mezz, principal: [0, 0, 0, 0, 0, 100] };
    expect(principalWindow(bullet)).toEqual({ first: { period: 6, date: '2025-07-01' }, last: { period: 6, date: '2025-07-01' }, periods: 1 });
  });
});

describe('legTotals', () => {
  it('sums principal, interest and loss, and reads the shortfall and balance left at the end', () => {
    const totals = legTotals(mezz);
    expect(totals.totalPrincipal).toBe(90); // 30 + 60
    expect(totals.totalInterest).toBeCloseTo(1.9, 12); // 0.5 × 3 + 0.1 + 0.3
    expect(totals.totalCashFlow).toBeCloseTo(91.9, 12);
    expect(totals.totalLoss).toBe(10);
    expect(totals.lossRate).toBeCloseTo(0.1, 15); // 10 / 100 original balance
    expect(totals.interestShortfallAtEnd).toBe(0.05);
    expect(totals.finalBalance).toBe(0);
  });

  it('without optional columns: no loss, shortfall unknown (null), balance derived', () => {
    const bare: CashFlowLeg = { originalBalance: 100, settlementDate: '2025-01-01', paymentsPerYear: 12, paymentDates: paymentDates('2025-01-01', 2, 12), principal: [20, 30], interest: [1, 0.8] };
    const totals = legTotals(bare);
    expect(totals.totalLoss).toBe(0);
    expect(totals.lossRate).toBe(0);
    expect(totals.interestShortfallAtEnd).toBeNull();
    expect(totals.finalBalance).toBe(50); // 100 − 20 − 30
    // A seasoned note: the balance left is measured from the balance at settlement.
    expect(legTotals({ ...bare, balanceAtSettlement: 60 }).finalBalance).toBe(10);
  });

  it('a zero-face note (e.g. a residual certificate) has a loss rate of 0, not NaN', () => {
    const residual: CashFlowLeg = { originalBalance: 0, settlementDate: '2025-01-01', paymentsPerYear: 12, paymentDates: ['2025-02-01'], principal: [0], interest: [3] };
    expect(legTotals(residual).lossRate).toBe(0);
  });
});
