import { describe, expect, it } from 'vitest';
import { runDeal, type Deal } from '../../../engine/index.ts';
import { amortizingRows, DATES, note, poolOf } from './helpers.ts';

// A reserve sized on the initial pool, as US auto prospectuses state it ("the Specified Reserve Account
// Balance … 0.25% of the Pool Balance as of the Cutoff Date"; Ford Credit: "0.25% of the initial
// adjusted pool balance"). Worked by hand: pool 1,000,000 at the cutoff, 100,000 principal and 1 %
// interest a month; note A 950,000 at 0 %; the reserve starts empty and is topped up after interest.
//   initialPoolBalance 0.5 %: target 0.5 % × 1,000,000 = 5,000 → deposit 5,000 from the 110,000 of
//   period 1; principal due 100,000 paid; seller 5,000.
//   initialAdjustedPoolBalance 0.5 % with a YSOC of 50,000 at the cutoff: 0.5 % × 950,000 = 4,750 →
//   deposit 4,750; seller 5,250.

const rows = amortizingRows(1_000_000, [{ scheduled: 100_000 }, { scheduled: 100_000 }, { scheduled: 100_000 }]);

function deal(basis: 'initialPoolBalance' | 'initialAdjustedPoolBalance', extra: Partial<Deal> = {}): Deal {
  return {
    dates: DATES,
    notes: [note('A', 1, 950_000, 0)],
    reserve: { initialDeposit: 0, target: { basis, percent: 0.005 } },
    waterfall: { combined: [{ kind: 'interest', notes: ['A'] }, { kind: 'reserveTopUp' }, { kind: 'principal', rule: 'sequential' }, { kind: 'residual', to: 'seller' }] },
    ...extra,
  };
}

describe('a reserve sized as a percentage of the initial pool', () => {
  it('targets the cutoff pool balance', () => {
    const first = runDeal(deal('initialPoolBalance'), poolOf(1_000_000, rows)).periods[0];
    expect(first?.reserve?.deposits).toBe(5000);
    expect(first?.notes[0]?.principalPaid).toBe(100_000);
    expect(first?.residualToSeller).toBe(5000);
  });

  it('or the cutoff pool less the yield supplement OC', () => {
    const first = runDeal(deal('initialAdjustedPoolBalance', { yieldSupplementOC: { atCutoff: 50_000, byPeriod: [0] } }), poolOf(1_000_000, rows)).periods[0];
    expect(first?.reserve?.deposits).toBe(4750);
    expect(first?.residualToSeller).toBe(5250);
  });
});
