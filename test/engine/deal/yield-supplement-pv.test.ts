import { describe, expect, it } from 'vitest';
import { dealIssues, poolColumns, poolLedger, runDeal, yieldSupplementAmount, type Deal, type YieldSupplementLine } from '../../../engine/index.ts';
import { amortizingRows, DATES, note } from './helpers.ts';

// The YSOC computed at a required rate (GM Financial Consumer Automobile Receivables Trust 2025-2,
// 424(h) of 1 May 2025, Summary — "Yield Supplement Overcollateralization Amount"): for each
// receivable with an APR below the Required Rate, its principal balance less the present value of its
// scheduled payments discounted at the Required Rate, payments at month ends, 30-day months.
//
// By hand, for a 0 % APR line (level principal: payment = balance ÷ n) at 12 % (j = 1 % a month):
//   ä(1 %, 12) = (1 − 1.01^−12) ÷ 0.01 = (1 − 0.887449225) ÷ 0.01 = 11.2550775; PV per unit = ä ÷ 12 = 0.937923123
//   ä(1 %, 11) = (1 − 1.01^−11) ÷ 0.01 = (1 − 0.896323717) ÷ 0.01 = 10.3676283; PV per unit = ä ÷ 11 = 0.942511659
//   ä(1 %, 10) = (1 − 1.01^−10) ÷ 0.01 = 9.47130453;  PV per unit = 0.947130453
//   ä(0.5 %, 10) = (1 − 1.005^−10) ÷ 0.005 = 9.73041186; PV per unit = 0.973041186

function zeroAprLine(cutoffBalance: number, remainingTerm: number, startMonth = 1): YieldSupplementLine {
  // 0 % APR, no prepayments: the balance falls by cutoff ÷ term a month from its start month.
  const step = cutoffBalance / remainingTerm;
  const endingBalance = Float64Array.from({ length: remainingTerm + startMonth }, (_, k) => Math.max(0, cutoffBalance - step * Math.max(0, k + 1 - (startMonth - 1))));
  return { rateAnnual: 0, remainingTerm, startMonth, cutoffBalance, endingBalance };
}

function deal(afterRate?: number): Deal {
  return {
    dates: DATES,
    notes: [note('S', 1, 100_000, 0), note('A', 2, 1_062_753.87, 0)],
    waterfall: {
      combined: [
        { kind: 'principal', rule: 'sequential', amount: 'targetOC', ocFloor: 0.01 },
        { kind: 'residual', to: 'seller' },
      ],
    },
    yieldSupplementOCFromPool: { requiredRate: 0.12, ...(afterRate === undefined ? {} : { afterNotesPaid: { notes: ['S'], requiredRate: afterRate } }) },
  };
}

describe('yield supplement OC at a required rate', () => {
  it('is balance − PV of the scheduled payments at the required rate, for receivables below it only', () => {
    const low = zeroAprLine(10_000, 12);
    const high: YieldSupplementLine = { ...zeroAprLine(10_000, 12), rateAnnual: 0.15 };
    // Cutoff: 10,000 × (1 − 0.937923123) = 620.77; the 15 % line is above the 12 % rate and adds nothing.
    expect(yieldSupplementAmount([low, high], 0, 0.12)).toBeCloseTo(620.77, 2);
    // After one payment: 9,166.67 × (1 − 0.942511659) = 526.98.
    expect(yieldSupplementAmount([low], 1, 0.12)).toBeCloseTo(526.98, 2);
    // A rate at or below the APR: nothing.
    expect(yieldSupplementAmount([low], 0, 0)).toBe(0);
  });

  it('discounts a line that starts later by the months before its first payment', () => {
    const late = zeroAprLine(10_000, 12, 3);
    // Cutoff, first payment at the end of month 3: PV = 0.937923123 ÷ 1.01² → 10,000 × (1 − 0.919442332) = 805.58.
    expect(yieldSupplementAmount([late], 0, 0.12)).toBeCloseTo(805.58, 2);
    // End of month 1: one month nearer → 10,000 × (1 − 0.937923123 ÷ 1.01) = 713.63.
    expect(yieldSupplementAmount([late], 1, 0.12)).toBeCloseTo(713.63, 2);
    // End of month 3: its first payment made, 11 left on 9,166.67 → 526.98 (as a line that started in month 1, one month on).
    expect(yieldSupplementAmount([late], 3, 0.12)).toBeCloseTo(526.98, 2);
  });

  // Pool 1,200,000, 100,000 principal a month, 1 % interest a month; half of it (600,000) a 0 % APR line
  // over 12 months (50,000 a month). Required rate 12 %, then 6 % once note S is paid.
  //   Cutoff YSOC = 600,000 × (1 − 0.937923123) = 37,246.13; adjusted cutoff pool 1,162,753.87;
  //   OC target = 1 % × 1,162,753.87 = 11,627.54 (on the adjusted cutoff pool, ocFloor).
  //   P1: YSOC = 550,000 × (1 − 0.942511659) = 31,618.59; adjusted pool 1,100,000 − 31,618.59 = 1,068,381.41;
  //       target notes 1,056,753.87 → principal 1,162,753.87 − 1,056,753.87 = 106,000 of the 112,000 funds; seller 6,000.
  //   P2 (S paid at the start: 6 %): YSOC = 500,000 × (1 − 0.973041186) = 13,479.41; adjusted 986,520.59;
  //       target 974,893.05 → A pays 1,056,753.87 − 974,893.05 = 81,860.82 of the 111,000 funds; seller 29,139.18.
  //       (At 12 % throughout: 500,000 × (1 − 0.947130453) = 26,434.77 → target 961,937.69, A pays 94,816.18.)
  const rows = amortizingRows(1_200_000, [{ scheduled: 100_000 }, { scheduled: 100_000 }, { scheduled: 100_000 }, { scheduled: 100_000 }]);
  const pool = () => poolLedger(poolColumns(1_200_000, rows), { yieldSupplementLines: [zeroAprLine(600_000, 12)] });
  it('pays the notes down to the adjusted pool less the OC target, the YSOC computed each period', () => {
    const result = runDeal(deal(0.06), pool());
    expect(result.periods[0]?.notes.map((n) => n.principalPaid)).toEqual([100_000, 6_000]);
    expect(result.periods[0]?.residualToSeller).toBe(6_000);
    expect(result.periods[1]?.notes.map((n) => n.principalPaid)).toEqual([0, 81_860.82]);
    expect(result.periods[1]?.residualToSeller).toBe(29_139.18);
  });

  it('keeps the first required rate without a step-down', () => {
    const result = runDeal(deal(), pool());
    expect(result.periods[1]?.notes[1]?.principalPaid).toBe(94_816.18);
  });

  it('needs the pool lines, and is refused beside a printed schedule', () => {
    expect(() => runDeal(deal(), poolLedger(poolColumns(1_200_000, rows)))).toThrow(/yield supplement OC computed from the pool/);
    expect(dealIssues({ ...deal(), yieldSupplementOC: { atCutoff: 1, byPeriod: [1] } })).toEqual([
      {
        code: 'DEAL_FIELD',
        path: 'yieldSupplementOCFromPool',
        rule: 'give the yield supplement OC either as a schedule (yieldSupplementOC) or computed from the pool (yieldSupplementOCFromPool), not both',
        coded: expect.objectContaining({ code: 'deal.yieldSupplementTwice' }),
      },
    ]);
    expect(dealIssues({ ...deal(), yieldSupplementOCFromPool: { requiredRate: 0.12, afterNotesPaid: { notes: ['Z'], requiredRate: 0.06 } } })).toEqual([
      {
        code: 'DEAL_UNKNOWN_REFERENCE',
        path: 'yieldSupplementOCFromPool.afterNotesPaid.notes[0]',
        rule: "unknown note 'Z'",
        coded: { code: 'deal.unknownNote', params: { note: 'Z' }, message: "unknown note 'Z'" },
      },
    ]);
  });
});
