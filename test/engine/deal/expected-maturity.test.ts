import { describe, expect, it } from 'vitest';
import { dealIssues, runDeal, type Deal } from '../../../engine/index.ts';
import { DATES, note, poolOf } from './helpers.ts';

// Expected maturity (预期到期日) beside the legal final, and a trigger when a class is not repaid by it, by hand.
// Zero coupons so only principal moves. A 600,000 expected to be repaid by 2026-03-01 (payment date 2),
// B 400,000; principal pro rata by balance until the trigger switches it to sequential.
const deal: Deal = {
  dates: DATES,
  notes: [note('A', 1, 600_000, 0, { expectedMaturity: '2026-03-01' }), note('B', 2, 400_000, 0)],
  triggers: [{ id: 'aPastExpected', metric: 'expectedMaturityShortfall', notes: ['A'], breachedWhen: '>', threshold: 0, effects: ['sequential'] }],
  waterfall: {
    combined: [
      { kind: 'principal', rule: 'proRata' },
      { kind: 'residual', to: 'seller' },
    ],
  },
};

describe('expected maturity trigger (预期到期日)', () => {
  const result = runDeal(
    deal,
    poolOf(1_000_000, [
      { beginningBalance: 1_000_000, scheduledPrincipal: 100_000, endingBalance: 900_000 },
      { beginningBalance: 900_000, scheduledPrincipal: 100_000, endingBalance: 800_000 },
      { beginningBalance: 800_000, scheduledPrincipal: 100_000, endingBalance: 700_000 },
      { beginningBalance: 700_000, scheduledPrincipal: 700_000, endingBalance: 0 },
    ]),
  );
  const [p1, p2, p3, p4] = result.periods;

  it('before and on the expected maturity nothing is past it: 100,000 a date pro rata 60 : 40', () => {
    // Date 2 (2026-03-01) is A's expected maturity; its own test reads the balance left by date 1 (02-01): not yet due.
    expect(p1?.notes.map((n) => n.principalPaid)).toEqual([60_000, 40_000]);
    expect(p2?.triggers[0]).toMatchObject({ value: 0, unit: 'money', breached: false });
    expect(p2?.notes.map((n) => n.endingBalance)).toEqual([480_000, 320_000]);
  });

  it('the next date sees A’s 480,000 still outstanding after 03-01: breached, principal turns sequential', () => {
    expect(p3?.triggers[0]).toMatchObject({ metric: 'expectedMaturityShortfall', value: 480_000, unit: 'money', breached: true });
    expect(p3?.notes.map((n) => n.principalPaid)).toEqual([100_000, 0]);
    expect(result.triggerFirstBreach).toEqual({ aPastExpected: 3 });
    // Final date: A 380,000 then B 320,000 out of 700,000.
    expect(p4?.notes.map((n) => n.principalPaid)).toEqual([380_000, 320_000]);
  });

  it('the expected maturity lies between the first payment date and the legal final', () => {
    const late: Deal = { ...deal, notes: [note('A', 1, 600_000, 0, { expectedMaturity: '2036-01-01' }), note('B', 2, 400_000, 0)] };
    expect(dealIssues(late).map((i) => `${i.path}: ${i.rule}`)).toContain(
      'notes[0].expectedMaturity: the expected maturity must be on or after the first payment date and on or before the legal final maturity',
    );
  });
});
