import { describe, expect, it } from 'vitest';
import { runDeal, type Deal } from '../../../engine/index.ts';
import { amortizingRows, DATES, note, poolOf } from './helpers.ts';

// Redemption once the reserve plus the available funds cover the notes (US auto indentures: the notes
// are paid in full from the reserve account on the payment date its balance plus available
// collections would pay every note). Worked by hand: pool 1,000,000, 100,000 principal and 1 % interest
// a month; note A 250,000 at 0 %; a reserve of 100,000 (target 40 % of the initial note balance, so
// never released before); principal = the principal collected.
//   Period 1: reserve 100,000 + funds 110,000 = 210,000 < 250,000 → A pays 100,000, 150,000 left.
//   Period 2: 100,000 + 9,000 + 100,000 = 209,000 ≥ 150,000 → final: the reserve is released, A pays
//             150,000 and the seller gets 209,000 − 150,000 = 59,000; the run ends.
// Without the option period 2 pays 100,000 and A runs to period 3.

const rows = amortizingRows(1_000_000, [{ scheduled: 100_000 }, { scheduled: 100_000 }, { scheduled: 100_000 }, { scheduled: 100_000 }]);

function deal(redeemWhenCovered: boolean): Deal {
  return {
    dates: DATES,
    notes: [note('A', 1, 250_000, 0)],
    reserve: { initialDeposit: 100_000, target: { basis: 'initialNoteBalance', percent: 0.4 }, redeemWhenCovered },
    waterfall: { combined: [{ kind: 'interest', notes: ['A'] }, { kind: 'reserveTopUp' }, { kind: 'principal', rule: 'sequential' }, { kind: 'residual', to: 'seller' }] },
  };
}

describe('redemption when the reserve covers the notes', () => {
  it('redeems the notes on the first payment date the reserve plus available funds pay them in full', () => {
    const result = runDeal(deal(true), poolOf(1_000_000, rows));
    expect(result.periods.map((p) => p.notes[0]?.principalPaid)).toEqual([100_000, 150_000]);
    expect(result.periods[1]?.reserve?.release).toBe(100_000);
    expect(result.periods[1]?.residualToSeller).toBe(59_000);
  });

  it('without the option the notes amortise with the pool', () => {
    const result = runDeal(deal(false), poolOf(1_000_000, rows));
    expect(result.periods.slice(0, 3).map((p) => p.notes[0]?.principalPaid)).toEqual([100_000, 100_000, 50_000]);
  });
});
