import { describe, expect, it } from 'vitest';
import { dealIssues, runDeal, type Deal } from '../../../engine/index.ts';
import { DATES, note, poolOf } from './helpers.ts';

// Each step kind on a small pool, numbers by hand. 30/360 throughout: a monthly period accrues
// 30/360 = 1/12 of the annual rate; amounts are rounded half-up to cents.

const flatPool = (months: number, interest: number, balance = 1_000_000) =>
  poolOf(
    balance,
    Array.from({ length: months }, (_, k) => ({ beginningBalance: balance, interest, endingBalance: k === months - 1 ? 0 : balance, scheduledPrincipal: k === months - 1 ? balance : 0 })),
  );

describe('interest step', () => {
  const deal: Deal = {
    dates: DATES,
    notes: [note('A1', 1, 600_000, 0.12, { interestOnShortfall: true }), note('A2', 1, 400_000, 0.06)],
    waterfall: {
      combined: [
        { kind: 'interest', notes: ['A1', 'A2'] },
        { kind: 'principal', rule: 'sequential' },
        { kind: 'residual', to: 'seller' },
      ],
    },
  };
  const result = runDeal(
    deal,
    poolOf(1_000_000, [
      { beginningBalance: 1_000_000, interest: 5_000, endingBalance: 1_000_000 },
      { beginningBalance: 1_000_000, interest: 10_000, endingBalance: 1_000_000 },
      { beginningBalance: 1_000_000, interest: 0, scheduledPrincipal: 1_000_000, endingBalance: 0 },
    ]),
  );

  it('pays several notes pro rata by interest due and carries the shortfall', () => {
    // Due: A1 600,000 × 1 % = 6,000; A2 400,000 × 0.5 % = 2,000. 5,000 split 6:2 = 3,750 / 1,250.
    const [a1, a2] = result.periods[0]?.notes ?? [];
    expect(a1).toMatchObject({ interestDue: 6000, interestPaid: 3750, interestShortfall: 2250 });
    expect(a2).toMatchObject({ interestDue: 2000, interestPaid: 1250, interestShortfall: 750 });
  });

  it('accrues interest on the shortfall only where the note says so, and splits by largest remainder', () => {
    // A1: 6,000 + 2,250 + 2,250 × 1 % = 8,272.50; A2: 2,000 + 750 = 2,750. Total 11,022.50, paid 10,000:
    // A1 share 7,505.1032… → 7,505.10, A2 2,494.8968… → 2,494.89 + the leftover cent (larger remainder) = 2,494.90.
    const [a1, a2] = result.periods[1]?.notes ?? [];
    expect(a1).toMatchObject({ interestDue: 8272.5, interestPaid: 7505.1, interestShortfall: 767.4 });
    expect(a2).toMatchObject({ interestDue: 2750, interestPaid: 2494.9, interestShortfall: 255.1 });
  });

  it('pays interest before principal from a combined pot, and writes off what the final period cannot pay', () => {
    // Final period, combined pot 1,000,000: A1 6,000 + 767.40 + 767.40 × 1 % (7.674 → 7.67) = 6,775.07;
    // A2 2,000 + 255.10 = 2,255.10; paid in full. Principal 990,969.83 to the one class pro rata 6:4:
    // 594,581.898 → 594,581.89 + the leftover cent = 594,581.90; 396,387.932 → 396,387.93. The rest is written down.
    const [a1, a2] = result.periods[2]?.notes ?? [];
    expect(a1).toMatchObject({ interestDue: 6775.07, interestPaid: 6775.07, principalPaid: 594_581.9, writeDown: 5418.1, endingBalance: 0 });
    expect(a2).toMatchObject({ interestDue: 2255.1, interestPaid: 2255.1, principalPaid: 396_387.93, writeDown: 3612.07, endingBalance: 0 });
    expect(result.periods).toHaveLength(3);
  });
});

describe('fee step', () => {
  it('accrues each basis, carries unpaid fees forward without interest', () => {
    const deal: Deal = {
      dates: DATES,
      notes: [note('A', 1, 1_000_000, 0)],
      fees: [
        { id: 'setup', basis: { type: 'oneOff', amount: 3_000 } },
        { id: 'trustee', basis: { type: 'noteBalance', rateAnnual: 0.012, notes: ['A'], dayCount: '30/360' } },
        { id: 'custodian', basis: { type: 'fixed', amount: 100 }, senior: false },
      ],
      waterfall: {
        interest: [
          { kind: 'fee', fee: 'setup' },
          { kind: 'fee', fee: 'trustee' },
          { kind: 'fee', fee: 'custodian' },
        ],
        principal: [
          { kind: 'principal', rule: 'sequential' },
          { kind: 'residual', to: 'seller' },
        ],
      },
    };
    const result = runDeal(deal, flatPool(3, 2_000));
    // Period 1: setup 3,000 gets the whole 2,000; trustee 1,000,000 × 1.2 % / 12 = 1,000 unpaid; custodian 100 unpaid.
    expect(result.periods[0]?.fees).toEqual([
      { id: 'setup', due: 3000, paid: 2000, unpaid: 1000 },
      { id: 'trustee', due: 1000, paid: 0, unpaid: 1000 },
      { id: 'custodian', due: 100, paid: 0, unpaid: 100 },
    ]);
    // Period 2: setup 1,000 carried; trustee 1,000 + 1,000; custodian 100 + 100. 2,000 pays setup 1,000 and trustee 1,000.
    expect(result.periods[1]?.fees).toEqual([
      { id: 'setup', due: 1000, paid: 1000, unpaid: 0 },
      { id: 'trustee', due: 2000, paid: 1000, unpaid: 1000 },
      { id: 'custodian', due: 200, paid: 0, unpaid: 200 },
    ]);
    // Liquidity coverage counts senior fees only: 2,000 / (1,000 + 2,000); A has no coupon.
    expect(result.periods[1]?.liquidityCoverage).toBeCloseTo(2 / 3, 12);
    expect(result.periods[1]?.seniorDue).toBe(3000); // custodian (subordinated) left out
  });
});

describe('reserve account: draw, top-up, release', () => {
  // A 1,000,000 at 6 % (interest 0.5 % a month); reserve 20,000 at closing, target 2 % of the
  // current note balance, covering A's interest; separate waterfalls.
  const deal: Deal = {
    dates: DATES,
    notes: [note('A', 1, 1_000_000, 0.06)],
    reserve: { initialDeposit: 20_000, target: { basis: 'currentNoteBalance', percent: 0.02, floor: 5_000 } },
    waterfall: {
      interest: [{ kind: 'interest', notes: ['A'] }, { kind: 'reserveTopUp' }],
      principal: [
        { kind: 'principal', rule: 'sequential' },
        { kind: 'residual', to: 'seller' },
      ],
    },
  };
  const rows = [
    { beginningBalance: 1_000_000, interest: 1_000, scheduledPrincipal: 100_000, endingBalance: 900_000 },
    { beginningBalance: 900_000, interest: 10_000, scheduledPrincipal: 100_000, endingBalance: 800_000 },
    { beginningBalance: 800_000, interest: 10_000, scheduledPrincipal: 100_000, endingBalance: 700_000 },
    { beginningBalance: 700_000, interest: 7_000, scheduledPrincipal: 700_000, endingBalance: 0 },
  ];
  const result = runDeal(deal, poolOf(1_000_000, rows));
  const reserve = result.periods.map((p) => p.reserve);

  it('draws the interest shortfall at the interest step', () => {
    // A due 5,000, interest pot 1,000: 4,000 drawn.
    expect(reserve[0]).toEqual({ beginningBalance: 20_000, target: 20_000, release: 0, draws: 4000, deposits: 0, endingBalance: 16_000 });
    expect(result.periods[0]?.notes[0]).toMatchObject({ interestPaid: 5000, interestShortfall: 0 });
    expect(result.periods[0]?.steps[0]).toBe(5000);
  });

  it('tops up to the target from excess interest', () => {
    // Target 2 % × 900,000 = 18,000; A 4,500; top-up 2,000; 3,500 left goes down the principal waterfall to the seller.
    expect(reserve[1]).toEqual({ beginningBalance: 16_000, target: 18_000, release: 0, draws: 0, deposits: 2000, endingBalance: 18_000 });
    expect(result.periods[1]?.residualToSeller).toBe(3500);
  });

  it('releases the excess when the target falls', () => {
    // Target 2 % × 800,000 = 16,000: 2,000 released into the interest pot; 12,000 − A's 4,000 = 8,000 to the seller.
    expect(reserve[2]).toEqual({ beginningBalance: 18_000, target: 16_000, release: 2000, draws: 0, deposits: 0, endingBalance: 16_000 });
    expect(result.periods[2]?.residualToSeller).toBe(8000);
  });

  it('releases everything at the final period and is not topped up', () => {
    // 7,000 + 16,000 − A's 3,500 = 19,500 to the seller after A's 700,000.
    expect(reserve[3]).toEqual({ beginningBalance: 16_000, target: 14_000, release: 16_000, draws: 0, deposits: 0, endingBalance: 0 });
    expect(result.periods[3]?.notes[0]).toMatchObject({ principalPaid: 700_000, endingBalance: 0 });
    expect(result.periods[3]?.residualToSeller).toBe(19_500);
  });
});

describe('principal steps', () => {
  it('pro rata splits by balance, leftover cents by largest remainder', () => {
    const deal: Deal = {
      dates: DATES,
      notes: [note('A1', 1, 600_000, 0), note('A2', 2, 400_000, 0)],
      waterfall: {
        combined: [
          { kind: 'principal', rule: 'proRata' },
          { kind: 'residual', to: 'seller' },
        ],
      },
    };
    const result = runDeal(
      deal,
      poolOf(1_000_000, [
        { beginningBalance: 1_000_000, scheduledPrincipal: 100.01, endingBalance: 999_899.99 },
        { beginningBalance: 999_899.99, scheduledPrincipal: 999_899.99, endingBalance: 0 },
      ]),
    );
    // 100.01 × 0.6 = 60.006 → 60.00 + the leftover cent (remainder .6 beats .4) = 60.01; A2 40.00.
    expect(result.periods[0]?.notes.map((n) => n.principalPaid)).toEqual([60.01, 40]);
  });

  it('turbo pays all remaining funds as principal, sequentially', () => {
    const deal: Deal = {
      dates: DATES,
      notes: [note('A', 1, 900_000, 0), note('E', 2, 100_000, null)],
      waterfall: {
        combined: [
          { kind: 'principal', rule: 'sequential', notes: ['A'] },
          { kind: 'turbo', notes: ['A'] },
          { kind: 'principal', rule: 'sequential', notes: ['E'] },
          { kind: 'residual', to: 'E' },
        ],
      },
    };
    const result = runDeal(
      deal,
      poolOf(1_000_000, [
        { beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 50_000, endingBalance: 950_000 },
        { beginningBalance: 950_000, interest: 9_500, scheduledPrincipal: 950_000, endingBalance: 0 },
      ]),
    );
    // Pot 60,000: A 50,000 (principal due) then the 10,000 of interest by turbo.
    expect(result.periods[0]?.notes[0]).toMatchObject({ principalPaid: 60_000, endingBalance: 840_000 });
    expect(result.periods[0]?.steps.slice(0, 4)).toEqual([50_000, 10_000, 0, 0]);
    // Final: pot 959,500 pays A 840,000 and E 100,000; the 19,500 left is E's residual.
    expect(result.periods[1]?.notes[1]).toMatchObject({ principalPaid: 100_000, residualPaid: 19_500, endingBalance: 0 });
  });

  it('target OC pays the senior note down to pool − max(OC % × pool, floor × cutoff)', () => {
    const deal: Deal = {
      dates: DATES,
      notes: [note('A', 1, 900_000, 0), note('E', 2, 100_000, null)],
      waterfall: {
        combined: [
          { kind: 'principal', rule: 'sequential', notes: ['A'], amount: 'targetOC', ocPercent: 0.15, ocFloor: 0.05 },
          { kind: 'principal', rule: 'sequential', notes: ['E'] },
          { kind: 'residual', to: 'seller' },
        ],
      },
    };
    const result = runDeal(
      deal,
      poolOf(1_000_000, [
        { beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 50_000, endingBalance: 950_000 },
        { beginningBalance: 950_000, interest: 30_000, scheduledPrincipal: 50_000, endingBalance: 900_000 },
        { beginningBalance: 900_000, interest: 0, scheduledPrincipal: 900_000, endingBalance: 0 },
      ]),
    );
    // P1: OC target max(142,500, 50,000) → A down to 807,500 wants 92,500; the pot holds 60,000.
    expect(result.periods[0]?.notes[0]).toMatchObject({ principalPaid: 60_000, endingBalance: 840_000 });
    // P2: OC target 135,000 → A to 765,000: 75,000 of the 80,000 pot; E's principal due (50,000) is used up; 5,000 to the seller.
    expect(result.periods[1]?.notes[0]).toMatchObject({ principalPaid: 75_000, endingBalance: 765_000 });
    expect(result.periods[1]?.notes[1]?.principalPaid).toBe(0);
    expect(result.periods[1]?.residualToSeller).toBe(5000);
  });
  // The "sum" OC target (a Targeted Overcollateralization Amount "equal to the sum of 28.00% of the Pool Balance as of the
  // last day of the related Collection Period and 3.50% of the Pool Balance as of the Cut-Off Date", lawinsider.com,
  // "Targeted Overcollateralization Amount"; docs/deals.md "Target OC"): target = max(x × pool + y × cutoff, floor × cutoff).
  it('target OC as the sum of a share of the current pool and a share of the cutoff pool', () => {
    const result = runDeal(sumTargetDeal(0.1, 0.02, 0.05), sumTargetPool());
    // P1: OC target = max(10% × 950,000 + 2% × 1,000,000 = 115,000, 5% × 1,000,000 = 50,000) = 115,000;
    // A down to 950,000 − 115,000 = 835,000 wants 65,000; the pot (10,000 + 50,000) holds 60,000.
    expect(result.periods[0]?.notes[0]).toMatchObject({ principalPaid: 60_000, endingBalance: 840_000 });
    // P2: OC target = 90,000 + 20,000 = 110,000 → A to 900,000 − 110,000 = 790,000: 50,000 of the 80,000 pot;
    // E's principal due (50,000) is used up by A; 30,000 to the seller. (The greater-of form, max(90,000, 50,000), would pay A 30,000.)
    expect(result.periods[1]?.notes[0]).toMatchObject({ principalPaid: 50_000, endingBalance: 790_000 });
    expect(result.periods[1]?.notes[1]?.principalPaid).toBe(0);
    expect(result.periods[1]?.residualToSeller).toBe(30_000);
  });

  it('the sum OC target is floored at a share of the cutoff pool', () => {
    const result = runDeal(sumTargetDeal(0.01, 0.02, 0.05), sumTargetPool());
    // P1: max(1% × 950,000 + 2% × 1,000,000 = 29,500, 5% × 1,000,000 = 50,000) = 50,000 → A's target 900,000: A is paid nothing;
    // E takes its principal due of 50,000 and the seller the 10,000 left.
    expect(result.periods[0]?.notes[0]).toMatchObject({ principalPaid: 0, endingBalance: 900_000 });
    expect(result.periods[0]?.notes[1]).toMatchObject({ principalPaid: 50_000, endingBalance: 50_000 });
    expect(result.periods[0]?.residualToSeller).toBe(10_000);
  });

  it('refuses ocInitialPercent on a principal step that does not target OC', () => {
    const deal = sumTargetDeal(0.1, 0.02, 0.05);
    const waterfall = {
      combined: [
        { kind: 'principal' as const, rule: 'sequential' as const, ocInitialPercent: 0.02 },
        { kind: 'residual' as const, to: 'seller' },
      ],
    };
    expect(dealIssues({ ...deal, waterfall })).toEqual([
      {
        code: 'DEAL_WATERFALL',
        path: 'waterfall.combined[0].ocInitialPercent',
        rule: 'ocInitialPercent is part of an OC target: it needs amount "targetOC"',
        coded: expect.objectContaining({ code: 'deal.ocInitialNeedsTargetOc', params: {} }),
      },
    ]);
  });
});

function sumTargetDeal(ocPercent: number, ocInitialPercent: number, ocFloor: number): Deal {
  return {
    dates: DATES,
    notes: [note('A', 1, 900_000, 0), note('E', 2, 100_000, null)],
    waterfall: {
      combined: [
        { kind: 'principal', rule: 'sequential', notes: ['A'], amount: 'targetOC', ocPercent, ocInitialPercent, ocFloor },
        { kind: 'principal', rule: 'sequential', notes: ['E'] },
        { kind: 'residual', to: 'seller' },
      ],
    },
  };
}

function sumTargetPool(): ReturnType<typeof poolOf> {
  return poolOf(1_000_000, [
    { beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 50_000, endingBalance: 950_000 },
    { beginningBalance: 950_000, interest: 30_000, scheduledPrincipal: 50_000, endingBalance: 900_000 },
    { beginningBalance: 900_000, interest: 0, scheduledPrincipal: 900_000, endingBalance: 0 },
  ]);
}
