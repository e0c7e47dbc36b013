import { describe, expect, it } from 'vitest';
import { runDeal, type Deal } from '../../../engine/index.ts';
import { DATES, note, poolOf } from './helpers.ts';

// Two constructs of AmeriCredit 2024-1's ABS tables (docs/prospectus-tables.md), by hand.
//
// (1) The servicing fee's first-period fraction stated in days (firstPeriodDays): "one-twelfth (or in
//     the case of the first distribution date, a fraction equal to the number of days from and
//     including April 15, 2024 through and including May 31, 2024, over 360) times 2.25% times the
//     aggregate principal balance" (Summary, p. 14).
// (2) An OC target less the reserve's required amount: "14.75% of the aggregate principal balance …
//     minus the amount required to be on deposit in the reserve account" (p. 16), with the reserve at
//     1.00% of the cutoff pool: ocPercent 0.1475, ocInitialPercent −0.01.
//
// Pool 1,000,000, interest 40,000 a month, scheduled principal 50,000 a month; one note A 950,000
// without coupon; the first payment date carries two collection months.

const rows = Array.from({ length: 6 }, (_, i) => ({ beginningBalance: 1_000_000 - 50_000 * i, interest: 40_000, scheduledPrincipal: 50_000, endingBalance: 1_000_000 - 50_000 * (i + 1) }));

const deal = (firstPeriodDays?: number, ocInitialPercent = -0.01): Deal => ({
  dates: { ...DATES, firstPeriodCollectionMonths: 2 },
  notes: [note('A', 1, 950_000, 0)],
  fees: [{ id: 'servicing', basis: { type: 'poolBalance', rateAnnual: 0.0225, accrueOver: 'collectionMonths', ...(firstPeriodDays !== undefined ? { firstPeriodDays } : {}) } }],
  reserve: { initialDeposit: 10_000, target: { basis: 'initialPoolBalance', percent: 0.01 } },
  waterfall: {
    combined: [
      { kind: 'fee', fee: 'servicing' },
      { kind: 'reserveTopUp' },
      { kind: 'principal', rule: 'sequential', amount: 'targetOC', ocPercent: 0.1475, ocInitialPercent },
      { kind: 'residual', to: 'seller' },
    ],
  },
});

/** Each period's servicing fee due. */
const fee = (d: Deal) => runDeal(d, poolOf(1_000_000, rows)).periods.map((p) => p.fees[0]?.due);

describe('AmeriCredit constructs: a first-period servicing fraction in days, an OC target less the reserve', () => {
  it('the first date pays 1,000,000 × 2.25% × 47/360 = 2,937.50 (not 2/12: 3,750); the second 900,000 × 2.25% ÷ 12 = 1,687.50', () => {
    expect(fee(deal(47)).slice(0, 2)).toEqual([2937.5, 1687.5]);
    expect(fee(deal()).slice(0, 2)).toEqual([3750, 1687.5]);
  });

  it('the target OC is 14.75% of the pool less 1% of the cutoff pool; excess spread turbos the note toward it', () => {
    const [p1, p2] = runDeal(deal(47), poolOf(1_000_000, rows)).periods;
    // Period 1 (months 1–2): pool after 900,000; target OC 0.1475 × 900,000 − 0.01 × 1,000,000 = 122,750;
    // target note 900,000 − 122,750 = 777,250, so 950,000 − 777,250 = 172,750 is paid out of the pot of
    // 80,000 + 100,000 − 2,937.50 = 177,062.50, and 4,312.50 goes to the seller (the reserve is at its 10,000).
    expect(p1?.notes[0]?.principalPaid).toBe(172_750);
    expect(p1?.residualToSeller).toBe(4312.5);
    // Period 2 (month 3): pool after 850,000; target OC 125,375 − 10,000 = 115,375; target note 734,625;
    // 777,250 − 734,625 = 42,625 paid of the pot of 40,000 + 50,000 − 1,687.50 = 88,312.50.
    expect(p2?.notes[0]?.principalPaid).toBe(42_625);
    // Without the reserve subtracted (target OC 132,750 in period 1) the note is due 182,750: the whole pot pays it.
    expect(runDeal(deal(47, 0), poolOf(1_000_000, rows)).periods[0]?.notes[0]?.principalPaid).toBe(177_062.5);
  });
});
