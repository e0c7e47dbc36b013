import { describe, expect, it } from 'vitest';
import { runDeal, type Deal } from '../../../engine/index.ts';
import { amortizingRows, note, poolOf } from './helpers.ts';

// Deal dates as a US auto prospectus states them (Toyota Auto Receivables 2025-A, 424(h) of
// 15 Jan 2025, "Weighted Average Lives of the Notes"): cutoff at the close of business on
// 30 Nov 2024, closing 29 Jan 2025, first payment 15 Feb 2025. The collections of December and
// January belong to the trust and are paid on the first payment date, which therefore carries two
// collection months; every later payment date carries one. The notes accrue interest from closing.
//
// Pool: 1,000,000 at the cutoff, 100,000 of scheduled principal a month, 1 % interest a month on
// the beginning balance (amortizingRows), four months.
//   month 1 (Dec): begin 1,000,000, interest 10,000, principal 100,000, end 900,000
//   month 2 (Jan): begin   900,000, interest  9,000, principal 100,000, end 800,000
//   month 3 (Feb): begin   800,000, interest  8,000, principal 100,000, end 700,000
//   month 4 (Mar): begin   700,000, interest  7,000, principal 100,000, end 600,000
// One note A of 1,000,000 at 6 % 30/360, principal = the principal collected (principalDue), the rest to the seller.

const dates: Deal['dates'] = {
  cutoff: '2024-11-30',
  cutoffTime: 'endOfDay',
  closing: '2025-01-29',
  firstPaymentDate: '2025-02-15',
  firstPeriodCollectionMonths: 2,
  legalFinalMaturity: '2030-01-15',
};

function deal(extra: Partial<Deal> = {}): Deal {
  return {
    dates,
    notes: [note('A', 1, 1_000_000, 0.06)],
    waterfall: {
      combined: [
        { kind: 'interest', notes: ['A'] },
        { kind: 'principal', rule: 'sequential' },
        { kind: 'residual', to: 'seller' },
      ],
    },
    ...extra,
  };
}

const rows = amortizingRows(1_000_000, [{ scheduled: 100_000 }, { scheduled: 100_000 }, { scheduled: 100_000 }, { scheduled: 100_000 }]);

describe('a first payment date carrying two collection months', () => {
  const result = runDeal(deal(), poolOf(1_000_000, rows));

  it('collects December and January on 15 Feb, then one month a payment date', () => {
    // Period 1: months 1–2 → principal 200,000, interest 10,000 + 9,000 = 19,000.
    // Period 2: month 3 → 100,000 and 8,000; period 3: month 4 → 100,000 and 7,000; then the pool horizon ends.
    expect(result.periods.map((p) => p.paymentDate)).toEqual(['2025-02-15', '2025-03-15', '2025-04-15']);
    expect(result.periods.map((p) => p.pool.scheduledPrincipal)).toEqual([200_000, 100_000, 100_000]);
    expect(result.periods.map((p) => p.pool.interest)).toEqual([19_000, 8_000, 7_000]);
    expect(result.periods.map((p) => p.pool.beginningBalance)).toEqual([1_000_000, 800_000, 700_000]);
    expect(result.periods.map((p) => p.pool.endingBalance)).toEqual([800_000, 700_000, 600_000]);
  });

  it('accrues the first coupon from closing to the first payment date on the note’s day count', () => {
    // 30/360 from 29 Jan to 15 Feb: (15 − 29) + 30 × (2 − 1) = 16 days → 1,000,000 × 6 % × 16/360 = 2,666.67.
    // Period 2: 15 Feb → 15 Mar, 30 days on 800,000 → 4,000.00.
    expect(result.periods[0]?.notes[0]?.interestPaid).toBe(2666.67);
    expect(result.periods[1]?.notes[0]?.interestPaid).toBe(4000);
    expect(result.periods[0]?.notes[0]?.principalPaid).toBe(200_000);
  });

  it('charges a servicing fee of 1/12 of the rate per collection month on the pool at the start of the collection period', () => {
    // 1 % ÷ 12 × 2 × 1,000,000 = 1,666.67 on 15 Feb (the prospectus' "2/12 of 1.00% … as of the Cutoff Date"),
    // then 1 % ÷ 12 × 800,000 = 666.67 on 15 Mar and 1 % ÷ 12 × 700,000 = 583.33 on 15 Apr.
    const withFee = runDeal(
      deal({
        fees: [{ id: 'servicing', basis: { type: 'poolBalance', rateAnnual: 0.01, accrueOver: 'collectionMonths' } }],
        waterfall: {
          combined: [
            { kind: 'fee', fee: 'servicing' },
            { kind: 'interest', notes: ['A'] },
            { kind: 'principal', rule: 'sequential' },
            { kind: 'residual', to: 'seller' },
          ],
        },
      }),
      poolOf(1_000_000, rows),
    );
    expect(withFee.periods.map((p) => p.fees[0]?.paid)).toEqual([1666.67, 666.67, 583.33]);
  });

  it('without the field, period p collects month p (one month a payment date, as before)', () => {
    const { firstPeriodCollectionMonths: _dropped, ...monthly } = dates;
    const plain = runDeal(deal({ dates: monthly }), poolOf(1_000_000, rows));
    expect(plain.periods.map((p) => p.pool.scheduledPrincipal)).toEqual([100_000, 100_000, 100_000, 100_000]);
  });
});
