import { describe, expect, it } from 'vitest';
import { dealIssues, runDeal, type Deal } from '../../../engine/index.ts';
import { note, poolOf } from './helpers.ts';

// Servicer fees in tiers, as 和享 2017-5 pays them (docs/deals.md), worked by hand:
//  - a senior base fee (前端服务报酬, 500 a date) before A's interest;
//  - a back-end fee (后端服务报酬, 300 a date) after A's principal, before the subordinate's principal;
//  - the excess servicing fee (超额服务费 / 浮动服务报酬): the rest goes to Sub until its returns reach a 12%
//    expected cost, then 20% to Sub / 80% to the servicer until they reach a 15% cost, then all to the servicer.
// A 800,000 at 6% 30/360 (0.5% a month); Sub 200,000, no coupon, a 2% ACT/365 periodic return while A is out.
// Closing 2026-01-01; payment dates 02-01 (31 days), 03-01 (28 days, the pool's last month: final).
const deal: Deal = {
  dates: { cutoff: '2026-01-01', closing: '2026-01-01', firstPaymentDate: '2026-02-01', legalFinalMaturity: '2030-01-01' },
  notes: [note('A', 1, 800_000, 0.06), note('Sub', 2, 200_000, null)],
  fees: [
    { id: 'base', basis: { type: 'fixed', amount: 500 } },
    { id: 'backEnd', basis: { type: 'fixed', amount: 300 }, senior: false },
  ],
  waterfall: {
    interest: [
      { kind: 'fee', fee: 'base' },
      { kind: 'interest', notes: ['A'] },
      { kind: 'periodicReturn', note: 'Sub', rateAnnual: 0.02, whileOutstanding: ['A'] },
    ],
    principal: [
      { kind: 'principal', rule: 'sequential', notes: ['A'] },
      { kind: 'fee', fee: 'backEnd' },
      { kind: 'principal', rule: 'sequential', notes: ['Sub'] },
      {
        kind: 'excessServicing',
        note: 'Sub',
        tiers: [
          { hurdleRate: 0.12, noteShare: 1 },
          { hurdleRate: 0.15, noteShare: 0.2 },
        ],
      },
      { kind: 'residual', to: 'seller' },
    ],
  },
};

describe('servicer fees in tiers (前端 / 后端 / 超额服务费)', () => {
  const result = runDeal(
    deal,
    poolOf(1_000_000, [
      { beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 100_000, endingBalance: 900_000 },
      { beginningBalance: 900_000, interest: 9_000, scheduledPrincipal: 900_000, endingBalance: 0 },
    ]),
  );
  const [p1, p2] = result.periods;

  it('period 1: base fee, A, periodic return; back-end fee after A’s principal; the rest split across both hurdles', () => {
    // Income 10,000 − base 500 − A 4,000 − return 200,000 × 2% × 31/365 = 339.73 → 5,160.27 to principal.
    // Principal 105,160.27: A 100,000 (the principal due), back-end 300, Sub principal 0 (due paid); 4,860.27 left.
    // Sub's balance-days 200,000 × 31 = 6,200,000. 12% cost 6,200,000 × 0.12 / 365 = 2,038.356… → 2,038.36;
    // received 339.73 → tier 1 pays Sub 1,698.63 (share 1), 3,161.64 left.
    // 15% cost 6,200,000 × 0.15 / 365 = 2,547.945… → 2,547.95; short 2,547.95 − 339.73 − 1,698.63 = 509.59;
    // 20% of 3,161.64 = 632.33 > 509.59, so Sub 509.59 and the tier uses 509.59 / 0.2 = 2,547.95
    // (servicer 2,038.36); 613.69 beyond it all to the servicer.
    // Sub 1,698.63 + 509.59 = 2,208.22; servicer 2,038.36 + 613.69 = 2,652.05 (= 4,860.27 − 2,208.22).
    expect(p1?.fees.map((f) => f.paid)).toEqual([500, 300]);
    expect(p1?.notes[1]).toMatchObject({ periodicReturnPaid: 339.73, principalPaid: 0, residualPaid: 2208.22 });
    expect(p1?.excessServicing).toBe(2652.05);
    expect(p1?.residualToSeller).toBe(0);
  });

  it('final period: the hurdles count what Sub received on earlier dates; only 20% reaches it in tier 2', () => {
    // Income 9,000 − 500 − A 700,000 × 0.5% = 3,500 − return 200,000 × 2% × 28/365 = 306.85 → 4,693.15.
    // Principal 904,693.15: A 700,000, back-end 300, Sub 200,000; 4,393.15 left.
    // Balance-days 6,200,000 + 200,000 × 28 = 11,800,000; received 339.73 + 2,208.22 + 306.85 = 2,854.80.
    // 12%: 1,416,000 / 365 = 3,879.452… → 3,879.45, short 1,024.65 → Sub; 3,368.50 left.
    // 15%: 1,770,000 / 365 = 4,849.315… → 4,849.32, short 969.87; 20% of 3,368.50 = 673.70 ≤ 969.87,
    // so the tier takes it all: Sub 673.70, servicer 2,694.80. Sub 1,024.65 + 673.70 = 1,698.35.
    expect(p2?.notes[0]).toMatchObject({ interestPaid: 3500, principalPaid: 700_000, endingBalance: 0 });
    expect(p2?.notes[1]).toMatchObject({ periodicReturnPaid: 306.85, principalPaid: 200_000, residualPaid: 1698.35 });
    expect(p2?.excessServicing).toBe(2694.8);
  });

  it('the split takes everything left: only the residual may follow it, in the principal waterfall', () => {
    const principal = 'principal' in deal.waterfall ? deal.waterfall.principal : [];
    const misplaced = { ...deal, waterfall: { ...deal.waterfall, principal: [principal[3], ...principal.slice(0, 3), principal[4]] } };
    expect(dealIssues(misplaced).map((i) => `${i.path}: ${i.rule}`)).toContain('waterfall.principal[0]: an excess servicing split takes everything left: only the residual step may follow it');
  });
});
