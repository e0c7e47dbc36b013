import { describe, expect, it } from 'vitest';
import { aprFromFlatFeeRate, flatFeeRateFromApr, flatFeeSchedule, levelPayment } from '../../../engine/index.ts';

describe('flat-fee (等本等息) installments entered by their published fee rate', () => {
  it('12 installments of 12,000 at 0.6% a month: principal 1,000 and fee 72 each month', () => {
    // Fee = 12,000 × 0.6% = 72; principal = 12,000 ÷ 12 = 1,000; total fees 864 (= 7.2% a year × 12,000, "monthly × 12").
    const plan = flatFeeSchedule(12_000, 12, 0.006);
    expect(plan).toHaveLength(12);
    expect(plan.every((row) => row.fee === 72 && row.principal === 1000)).toBe(true);
    expect(plan[11]?.openingBalance).toBe(1000);
    expect(plan.reduce((sum, row) => sum + row.fee, 0)).toBe(864);
  });

  it('rounds the principal to the fen, the last installment taking the remainder', () => {
    // 10,000 ÷ 3 = 3,333.33 twice, then 3,333.34; fee 10,000 × 0.75% = 75.
    expect(flatFeeSchedule(10_000, 3, 0.0075).map((row) => [row.principal, row.fee])).toEqual([
      [3333.33, 75],
      [3333.33, 75],
      [3333.34, 75],
    ]);
  });

  it('the APR of 0.6% a month over 12 months is the level-payment rate whose installment is 1,072', () => {
    const apr = aprFromFlatFeeRate(0.006, 12);
    // Installment 1,000 + 72 = 1,072 on 12,000: the annuity at r = APR/12 must give 1,072.
    expect(levelPayment(12_000, apr / 12, 12)).toBeCloseTo(1072, 8);
    expect(flatFeeRateFromApr(apr, 12)).toBeCloseTo(0.006, 14);
    // About 13.0% APR, not 7.2%: the fee is charged on the original principal while the balance runs down.
    expect(apr).toBeGreaterThan(0.129);
    expect(apr).toBeLessThan(0.131);
  });

  it('refuses a fee rate above that of a 100% APR', () => {
    expect(() => aprFromFlatFeeRate(0.2, 12)).toThrow(/flat fee rate/);
  });
});
