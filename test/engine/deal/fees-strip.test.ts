import { describe, expect, it } from 'vitest';
import { dealIssues, runDeal, type DealPeriod, type Deal, type PoolPeriodFlows } from '../../../engine/index.ts';
import { poolOf, twoNoteDeal } from './helpers.ts';

// The servicing strip and the collections fee basis, worked by hand.
//
// Servicing strip (docs/deals.md "Servicing strip"): the servicer keeps strip × beginning balance ×
// year fraction (the projection's servicingFee) out of the interest it collects before remitting
// the rest to the trust — investors receive the gross rate less the servicing fee (Fabozzi, The
// Handbook of Mortgage-Backed Securities). The trust's interest pot is interest + penalty interest
// − strip + recoveries; the strip is capped at interest + penalty collected (the rest is forgone);
// money in is the pool's gross collections, so the strip is an outflow of the reconciliation.
//
// Two notes (A 800,000 at 6 %, B 200,000 at 12 %, 30/360: 1/12 of the annual rate a month), one
// combined waterfall: A interest, B interest, sequential principal, residual to the seller.

const stripMonths: Partial<PoolPeriodFlows>[] = [
  // Month 1: strip 1.5 % × 1,000,000 ÷ 12 = 1,250, below the 10,500 of interest + penalty collected.
  { beginningBalance: 1_000_000, interest: 10_000, penaltyInterest: 500, servicingFee: 1250, scheduledPrincipal: 100_000, endingBalance: 900_000 },
  // Month 2: strip 1.5 % × 900,000 ÷ 12 = 1,125, above the 200 of interest collected: capped at 200.
  { beginningBalance: 900_000, interest: 200, servicingFee: 1125, scheduledPrincipal: 900_000, endingBalance: 0 },
];

const cents = (x: number): number => Math.round(x * 100);

/** Money in (gross collections + reserve) and money out (strip + fees + notes + reserve deposits + purchases + cash kept in the principal account + seller) of a row, in cents. */
function moneyInOut(p: DealPeriod): { moneyIn: number; moneyOut: number } {
  const pool = p.pool;
  const moneyIn = [
    pool.interest,
    pool.penaltyInterest,
    pool.recoveries,
    pool.scheduledPrincipal,
    pool.prepayments,
    pool.cleanUpProceeds,
    p.availableFunds.principalCarried,
    p.reserve?.release ?? 0,
    p.reserve?.draws ?? 0,
  ];
  const moneyOut = [
    p.servicingStrip,
    ...p.fees.map((f) => f.paid),
    ...p.notes.flatMap((n) => [n.interestPaid, n.principalPaid, n.residualPaid]),
    p.reserve?.deposits ?? 0,
    pool.purchasesCash,
    pool.purchaseRefused.cash,
    p.residualToSeller,
  ];
  return { moneyIn: moneyIn.reduce((s, x) => s + cents(x), 0), moneyOut: moneyOut.reduce((s, x) => s + cents(x), 0) };
}

describe('the servicing strip leaves interest collections before the waterfall', () => {
  const result = runDeal(twoNoteDeal(), poolOf(1_000_000, stripMonths));
  const [p1, p2] = result.periods as [DealPeriod, DealPeriod];

  it('period 1: the interest pot is 10,000 + 500 − 1,250 = 9,250 and the seller gets 3,250, not 4,500', () => {
    // Coupons: A 800,000 × 6 % ÷ 12 = 4,000; B 200,000 × 12 % ÷ 12 = 2,000.
    // Principal due 100,000 (scheduled) to A. Combined pot 9,250 + 100,000 = 109,250;
    // seller = 109,250 − 4,000 − 2,000 − 100,000 = 3,250.
    expect(p1.servicingStrip).toBe(1250);
    expect(p1.availableFunds).toEqual({ interest: 9250, principal: 100_000, principalCarried: 0 });
    expect(p1.residualToSeller).toBe(3250);
    // Excess spread = 10,500 − 1,250 − 0 fees − 6,000 coupons = 3,250.
    expect(p1.excessSpread).toBe(3250);
  });

  it('period 2: the strip is capped at the 200 of interest collected; nothing of it is carried', () => {
    // Pot = 200 − 200 + 900,000 = 900,000. A interest 700,000 × 0.5 % = 3,500, B 2,000, then principal
    // 894,500: A 700,000, B 194,500; B written down 200,000 − 194,500 = 5,500 at the final period.
    expect(p2.servicingStrip).toBe(200);
    expect(p2.availableFunds.interest).toBe(0);
    expect(p2.notes.map((n) => [n.id, n.interestPaid, n.principalPaid, n.writeDown])).toEqual([
      ['A', 3500, 700_000, 0],
      ['B', 2000, 194_500, 5500],
    ]);
  });

  it('money in (gross collections) = money out with the strip as an outflow, every period', () => {
    // Period 1: in 10,000 + 500 + 100,000 = 110,500; out 1,250 + 4,000 + 2,000 + 100,000 + 3,250 = 110,500.
    expect(moneyInOut(p1)).toEqual({ moneyIn: 11_050_000, moneyOut: 11_050_000 });
    // Period 2: in 200 + 900,000 = 900,200; out 200 + 3,500 + 2,000 + 700,000 + 194,500 = 900,200.
    expect(moneyInOut(p2)).toEqual({ moneyIn: 90_020_000, moneyOut: 90_020_000 });
  });

  it('with no strip the pot is the whole interest collected', () => {
    const none = runDeal(
      twoNoteDeal(),
      poolOf(
        1_000_000,
        stripMonths.map((m) => ({ ...m, servicingFee: 0 })),
      ),
    );
    expect(none.periods[0]?.servicingStrip).toBe(0);
    expect(none.periods[0]?.availableFunds.interest).toBe(10_500);
  });
});

// Collections basis (docs/deals.md "Fees"): fee = rate × Σ the collection period's gross collections
// named in `of` (default interest + penalty interest; principal = scheduled + prepaid), rounded
// half-up to cents once. The tax example: 3.26 % = 3 % VAT (simplified method for asset-management
// products, 财税〔2017〕56号) × (1 + 7 % + 3 % + 2 % surcharges) ÷ 1.03 (VAT-inclusive income).

const feeMonths: Partial<PoolPeriodFlows>[] = [
  {
    beginningBalance: 1_000_000,
    interest: 10_000.17,
    penaltyInterest: 499.99,
    recoveries: 300,
    servicingFee: 1250,
    scheduledPrincipal: 100_000,
    prepayments: 20_000,
    defaults: 1000,
    endingBalance: 879_000,
  },
];

function feeDeal(fees: Deal['fees']): Deal {
  const base = twoNoteDeal();
  const combined = 'combined' in base.waterfall ? base.waterfall.combined : [];
  return { ...base, fees, waterfall: { combined: [...(fees ?? []).map((f) => ({ kind: 'fee' as const, fee: f.id })), ...combined] } };
}

describe('a fee on a share of the period’s collections', () => {
  it('VAT and surcharges: 3.26 % of interest + penalty interest, gross of the strip', () => {
    const result = runDeal(feeDeal([{ id: 'tax', basis: { type: 'collections', rate: 0.0326 } }]), poolOf(1_000_000, feeMonths));
    // (10,000.17 + 499.99) × 0.0326 = 10,500.16 × 0.0326 = 342.305216 → 342.31.
    expect(result.periods[0]?.fees[0]).toMatchObject({ id: 'tax', due: 342.31, paid: 342.31, unpaid: 0 });
  });

  it('the collections are a parameter: recoveries and principal (scheduled + prepaid)', () => {
    const result = runDeal(feeDeal([{ id: 'x', basis: { type: 'collections', rate: 0.001, of: ['recoveries', 'principal'] } }]), poolOf(1_000_000, feeMonths));
    // (300 + 100,000 + 20,000) × 0.1 % = 120.30.
    expect(result.periods[0]?.fees[0]?.due).toBe(120.3);
  });

  it('every kind of collections at once', () => {
    const result = runDeal(feeDeal([{ id: 'x', basis: { type: 'collections', rate: 0.01, of: ['interest', 'penaltyInterest', 'recoveries', 'principal'] } }]), poolOf(1_000_000, feeMonths));
    // (10,000.17 + 499.99 + 300 + 120,000) × 1 % = 130,800.16 × 1 % = 1,308.0016 → 1,308.00.
    expect(result.periods[0]?.fees[0]?.due).toBe(1308);
  });

  it('a collection named twice is refused with its JSON path', () => {
    const deal = feeDeal([{ id: 'tax', basis: { type: 'collections', rate: 0.0326, of: ['interest', 'interest'] } }]);
    expect(dealIssues(deal).map((i) => i.path)).toEqual(['fees[0].basis.of']);
  });
});
