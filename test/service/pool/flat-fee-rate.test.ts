import { describe, expect, it } from 'vitest';
import { projectPool } from '../../../engine/index.ts';
import { readPoolFile } from '../../../service/files/pool-file.ts';

const line = { amortization: 'flat_fee', balance: 12_000, originalTerm: 12, remainingTerm: 12 } as const;

function monthlyFlows(extra: Record<string, unknown>): { fee: number[]; principal: number[] } {
  const input = readPoolFile({ cutoffDate: '2025-01-31', lines: [{ ...line, ...extra }] });
  const flows = projectPool(input.loans, { pool: {} }, { months: 12, cutoffDate: input.cutoffDate });
  return { fee: Array.from(flows.interestCollected, (x) => Number(x.toFixed(6))), principal: Array.from(flows.scheduledPrincipal, (x) => Number(x.toFixed(6))) };
}

describe('a flat-fee line entered by its published fee rate', () => {
  it('12 installments on 12,000 at 0.6% a month: fee 72 and principal 1,000 every month (by hand: 12,000 × 0.6%, 12,000 ÷ 12)', () => {
    const flows = monthlyFlows({ feeRateMonthly: 0.006 });
    expect(flows.fee).toEqual(Array.from({ length: 12 }, () => 72));
    expect(flows.principal).toEqual(Array.from({ length: 12 }, () => 1000));
  });

  it('reads the circulars’ annualised quote (monthly × 12): 7.2% a year is 0.6% a month', () => {
    expect(monthlyFlows({ feeRateAnnual: 0.072 }).fee).toEqual(Array.from({ length: 12 }, () => 72));
  });

  it('refuses a fee rate on a line that is not flat_fee, two rates at once, and no rate at all, naming the path', () => {
    expect(() => readPoolFile({ cutoffDate: '2025-01-31', lines: [{ ...line, amortization: 'level_payment', feeRateMonthly: 0.006 }] })).toThrow(
      /\$\.lines\[0\]\.feeRateMonthly: a fee rate is the charge of a flat_fee/,
    );
    expect(() => readPoolFile({ cutoffDate: '2025-01-31', lines: [{ ...line, rate: 0.13, feeRateMonthly: 0.006 }] })).toThrow(
      /\$\.lines\[0\]\.rate: give one of rate, feeRateMonthly and feeRateAnnual/,
    );
    expect(() => readPoolFile({ cutoffDate: '2025-01-31', lines: [{ ...line }] })).toThrow(/\$\.lines\[0\]\.rate: give the line’s rate/);
  });
});
