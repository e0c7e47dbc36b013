import { describe, expect, it } from 'vitest';
import { dealIssues, runDeal, type Deal } from '../../../engine/index.ts';
import { DATES, note, poolOf } from './helpers.ts';

// A fixed fee due every n-th payment period (`everyPeriods`): on period 1 and every n-th after —
// a yearly fee paid in advance on the first payment date and each anniversary of it (Ford Credit
// Auto Owner Trust 2025-A's ABS tables, docs/prospectus-tables.md "Golden test 2").
//
// One note A 1,000,000 without coupon; 26 months of 10,000 interest and 30,000 scheduled principal.
// Fees: "trust" 16,000 every 12 periods, "audit" 500 every period (everyPeriods absent = 1).

const months = 26;
const rows = Array.from({ length: months }, (_, i) => ({
  beginningBalance: 1_000_000 - 30_000 * i,
  interest: 10_000,
  scheduledPrincipal: 30_000,
  endingBalance: 1_000_000 - 30_000 * (i + 1),
}));

const deal: Deal = {
  dates: DATES,
  notes: [note('A', 1, 1_000_000, 0)],
  fees: [
    { id: 'trust', basis: { type: 'fixed', amount: 16_000, everyPeriods: 12 } },
    { id: 'audit', basis: { type: 'fixed', amount: 500 } },
  ],
  waterfall: {
    combined: [
      { kind: 'fee', fee: 'trust' },
      { kind: 'fee', fee: 'audit' },
      { kind: 'principal', rule: 'sequential' },
      { kind: 'residual', to: 'seller' },
    ],
  },
};

describe('a fixed fee every n-th period (everyPeriods)', () => {
  const result = runDeal(deal, poolOf(1_000_000, rows));
  const due = (id: string) => result.periods.map((p) => p.fees.find((f) => f.id === id)?.due ?? 0);

  it('is due on periods 1, 13 and 25 only: 16,000 each, nothing between', () => {
    const trust = due('trust');
    const expected = Array.from({ length: trust.length }, (_, i) => ([0, 12, 24].includes(i) ? 16_000 : 0));
    expect(trust).toEqual(expected);
  });

  it('leaves the every-period fee as it was: 500 on each period', () => {
    expect(due('audit').every((x) => x === 500)).toBe(true);
  });

  it('by hand: period 1 pays A 40,000 − 16,000 − 500 = 23,500; period 2 pays the 6,500 carried with its 30,000', () => {
    // Combined pot 10,000 interest + 30,000 principal = 40,000; fees 16,500; principal due 30,000 is paid
    // 23,500 (all that is left), so A ends at 1,000,000 − 23,500 = 976,500 and the seller gets nothing.
    const p1 = result.periods[0];
    expect(p1?.notes[0]?.principalPaid).toBe(23_500);
    expect(p1?.residualToSeller).toBe(0);
    // Period 2: 40,000 − 500 = 39,500 in the pot; principal due 30,000 + the 6,500 shortfall carried = 36,500, paid in full.
    expect(result.periods[1]?.notes[0]?.principalPaid).toBe(36_500);
  });

  it('refuses everyPeriods below 1', () => {
    const bad = { ...deal, fees: [{ id: 'trust', basis: { type: 'fixed', amount: 16_000, everyPeriods: 0 } }] } as unknown as Deal;
    expect(dealIssues(bad).some((i) => i.path.includes('everyPeriods'))).toBe(true);
  });
});
