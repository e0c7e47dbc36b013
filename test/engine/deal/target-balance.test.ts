import { describe, expect, it } from 'vitest';
import { dealIssues, runDeal, type Deal } from '../../../engine/index.ts';
import { DATES, note, poolOf } from './helpers.ts';

// A target-balance (controlled) amortisation schedule: A1 repaid to stated balances by date, worked by hand.
// Zero coupons so only principal moves. A1 300,000 scheduled to 250,000 after 2026-02-01, 150,000 after
// 03-01 and 0 after 04-01; the rest of the principal due goes sequentially to A2 500,000 then B 200,000.
const deal: Deal = {
  dates: DATES,
  notes: [note('A1', 1, 300_000, 0), note('A2', 2, 500_000, 0), note('B', 3, 200_000, 0)],
  waterfall: {
    combined: [
      {
        kind: 'principal',
        rule: 'sequential',
        notes: ['A1'],
        amount: 'targetBalance',
        targetBalances: [
          { date: '2026-02-01', balance: 250_000 },
          { date: '2026-03-01', balance: 150_000 },
          { date: '2026-04-01', balance: 0 },
        ],
      },
      { kind: 'principal', rule: 'sequential', notes: ['A2', 'B'] },
      { kind: 'residual', to: 'seller' },
    ],
  },
};

const rule = (d: unknown): string[] => dealIssues(d).map((i) => `${i.path}: ${i.rule}`);

describe('target-balance amortisation (A1 to stated balances by date)', () => {
  const result = runDeal(
    deal,
    poolOf(1_000_000, [
      { beginningBalance: 1_000_000, scheduledPrincipal: 80_000, endingBalance: 920_000 },
      { beginningBalance: 920_000, scheduledPrincipal: 80_000, endingBalance: 840_000 },
      { beginningBalance: 840_000, scheduledPrincipal: 200_000, endingBalance: 640_000 },
      { beginningBalance: 640_000, scheduledPrincipal: 640_000, endingBalance: 0 },
    ]),
  );
  const paid = result.periods.map((p) => p.notes.map((n) => n.principalPaid));

  it('pays A1 down to its schedule, the rest of the principal due to A2', () => {
    // 02-01: due 80,000; A1 300,000 → 250,000 takes 50,000, A2 30,000.
    // 03-01: due 80,000; A1 250,000 → 150,000 wants 100,000, gets all 80,000 (behind schedule at 170,000).
    // 04-01: due 200,000; A1 170,000 → 0 catches up with 170,000, A2 30,000.
    // 05-01 (final): 640,000; A2 500,000 − 30,000 − 30,000 = 440,000, B 200,000.
    expect(paid).toEqual([
      [50_000, 30_000, 0],
      [80_000, 0, 0],
      [170_000, 30_000, 0],
      [0, 440_000, 200_000],
    ]);
    expect(result.periods[1]?.notes[0]?.endingBalance).toBe(170_000);
  });

  it('needs an ascending schedule, and only amount targetBalance reads one', () => {
    const steps = 'combined' in deal.waterfall ? deal.waterfall.combined : [];
    const unordered = {
      ...deal,
      waterfall: {
        combined: [
          {
            ...steps[0],
            targetBalances: [
              { date: '2026-03-01', balance: 1 },
              { date: '2026-02-01', balance: 0 },
            ],
          },
          ...steps.slice(1),
        ],
      },
    };
    expect(rule(unordered)).toContain('waterfall.combined[0].targetBalances[1].date: the dates must be in ascending order');
    const stray = { ...deal, waterfall: { combined: [{ ...steps[0], amount: 'principalDue' }, ...steps.slice(1)] } };
    expect(rule(stray)).toContain("waterfall.combined[0].targetBalances: target balances are read only by amount 'targetBalance'");
  });
});
