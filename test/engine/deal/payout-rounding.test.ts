import { describe, expect, it } from 'vitest';
import { runDeal, type Deal } from '../../../engine/index.ts';
import { DATES, note, poolOf } from './helpers.ts';

// Payout rounding per RMB 100 of face, truncated to the fen, the remainder carried (和享 2017-5 附件一: 每百元面额
// 兑付本金额 去尾法取位到分, 转存下期本金还款金额), every period reconciling to the cent. Worked by hand.
// Zero coupons: A 1,000,000 (10,000 certificates of 100), B 300,000; principal sequential.
const deal: Deal = {
  dates: DATES,
  notes: [note('A', 1, 1_000_000, 0), note('B', 2, 300_000, 0)],
  payoutRounding: { faceUnit: 100 },
  waterfall: {
    combined: [
      { kind: 'principal', rule: 'sequential' },
      { kind: 'residual', to: 'seller' },
    ],
  },
};

describe('payout rounding per 100 of face (每百元面额, 去尾法)', () => {
  const result = runDeal(
    deal,
    poolOf(1_300_000, [
      { beginningBalance: 1_300_000, scheduledPrincipal: 123_456.78, endingBalance: 1_176_543.22 },
      { beginningBalance: 1_176_543.22, scheduledPrincipal: 100_000, endingBalance: 1_076_543.22 },
      { beginningBalance: 1_076_543.22, scheduledPrincipal: 1_076_543.22, endingBalance: 0 },
    ]),
  );
  const [p1, p2, p3] = result.periods;

  it('period 1: 123,456.78 ÷ 10,000 certificates = 12.345678 → 12.34 each; 123,400 paid, 56.78 carried', () => {
    expect(p1?.notes[0]).toMatchObject({ principalPaid: 123_400, endingBalance: 876_600, writeDown: 0 });
    expect(p1?.principalRoundingCarried).toBe(56.78);
  });

  it('period 2: the 56.78 joins 100,000: 10.005678 → 10.00 each; 100,000 paid, 56.78 carried again', () => {
    expect(p2?.availableFunds.principalCarried).toBe(56.78);
    expect(p2?.notes[0]).toMatchObject({ principalPaid: 100_000, endingBalance: 776_600 });
    expect(p2?.principalRoundingCarried).toBe(56.78);
  });

  it('final period: paid exactly — 1,076,543.22 + 56.78 = 1,076,600 repays A 776,600 and B 300,000', () => {
    expect(p3?.notes.map((n) => [n.principalPaid, n.endingBalance])).toEqual([
      [776_600, 0],
      [300_000, 0],
    ]);
    expect(p3?.principalRoundingCarried).toBe(0);
    expect(p3?.residualToSeller).toBe(0);
  });
});
