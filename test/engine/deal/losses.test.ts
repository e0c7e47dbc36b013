import { describe, expect, it } from 'vitest';
import { runDeal, type Deal } from '../../../engine/index.ts';
import { DATES, note, poolOf } from './helpers.ts';

// Loss allocation in reverse seniority, numbers by hand (30/360: a month accrues 1/12 of the rate).

describe('principal deficiency ledger', () => {
  // PDL debited with gross defaults on the determination date, junior sub-ledger first; the cure step
  // (after A's interest) clears debits from the interest pot and pays them as principal.
  const deal: Deal = {
    dates: DATES,
    notes: [note('A', 1, 800_000, 0.06), note('B', 2, 200_000, 0.12)],
    lossAllocation: 'pdl',
    waterfall: {
      interest: [{ kind: 'interest', notes: ['A'] }, { kind: 'pdlCure' }, { kind: 'interest', notes: ['B'] }],
      principal: [
        { kind: 'principal', rule: 'sequential' },
        { kind: 'residual', to: 'seller' },
      ],
    },
  };
  const result = runDeal(
    deal,
    poolOf(1_000_000, [
      { beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 50_000, defaults: 30_000, endingBalance: 920_000 },
      { beginningBalance: 920_000, interest: 10_000, scheduledPrincipal: 50_000, defaults: 250_000, endingBalance: 620_000 },
      { beginningBalance: 620_000, interest: 6_200, scheduledPrincipal: 620_000, endingBalance: 0 },
    ]),
  );
  const [p1, p2, p3] = result.periods;

  it('period 1: 30,000 debited to B; 6,000 of excess interest cures it and pays A', () => {
    // Interest pot 10,000 − A 4,000 = 6,000 cure; B's 2,000 unpaid. Principal 50,000 + 6,000 to A.
    expect(p1?.pdlCured).toBe(6000);
    expect(p1?.notes[0]).toMatchObject({ interestPaid: 4000, principalPaid: 56_000, endingBalance: 744_000, pdlBalance: 0 });
    expect(p1?.notes[1]).toMatchObject({ interestPaid: 0, interestShortfall: 2000, endingBalance: 200_000, pdlBalance: 24_000, writeDown: 0 });
  });

  it("period 2: debits beyond B fill A's sub-ledger", () => {
    // PDL 24,000 + 250,000 = 274,000; cure 10,000 − A 3,720 = 6,280 → 267,720: B 200,000, A 67,720.
    expect(p2?.notes[0]).toMatchObject({ interestPaid: 3720, principalPaid: 56_280, endingBalance: 687_720, pdlBalance: 67_720 });
    expect(p2?.notes[1]).toMatchObject({ interestDue: 4000, interestPaid: 0, pdlBalance: 200_000, endingBalance: 200_000 });
  });

  it('final period: what principal cannot pay is written down, the PDL cleared', () => {
    // A interest 687,720 × 0.5 % = 3,438.60; cure 2,761.40; principal 620,000 + 2,761.40 = 622,761.40 to A.
    expect(p3?.notes[0]).toMatchObject({ interestPaid: 3438.6, principalPaid: 622_761.4, writeDown: 64_958.6, endingBalance: 0, pdlBalance: 0 });
    expect(p3?.notes[1]).toMatchObject({ interestDue: 6000, interestPaid: 0, principalPaid: 0, writeDown: 200_000, endingBalance: 0 });
  });
});

describe('write-down', () => {
  it('writes the notes down to the pool balance, most junior class first, pro rata within a class', () => {
    const deal: Deal = {
      dates: DATES,
      notes: [note('A', 1, 600_000, 0), note('B1', 2, 100_000, 0), note('B2', 2, 300_000, 0), note('C', 3, 50_000, 0)],
      waterfall: {
        combined: [
          { kind: 'principal', rule: 'sequential' },
          { kind: 'residual', to: 'seller' },
        ],
      },
    };
    const result = runDeal(
      deal,
      poolOf(1_050_000, [
        { beginningBalance: 1_050_000, defaults: 300_000, endingBalance: 750_000 },
        { beginningBalance: 750_000, scheduledPrincipal: 750_000, endingBalance: 0 },
      ]),
    );
    // Notes 1,050,000 − pool 750,000 = 300,000: C 50,000; class B 250,000 split 1:3 = 62,500 / 187,500.
    expect(result.periods[0]?.notes.map((n) => n.writeDown)).toEqual([0, 62_500, 187_500, 50_000]);
    expect(result.periods[1]?.notes.map((n) => n.principalPaid)).toEqual([600_000, 37_500, 112_500, 0]);
    expect(result.legs.map((leg) => leg.writeDown.reduce((a, b) => a + b, 0))).toEqual([0, 62_500, 187_500, 50_000]);
  });
});
