import { describe, expect, it } from 'vitest';
import { poolColumns, poolLedger, runDeal, type Deal, type DealResult, type RevolvingSpec } from '../../../engine/index.ts';
import { DATES, note } from './helpers.ts';

// Revolving purchases: cash is not principal. A purchase at price q spends cash C and buys principal
// C ÷ q (half-up to cents); the pool ledger, the pool balance and factor, the write-down collateral
// and the cumulative default rate's denominator count principal, the waterfall pays cash. The
// convention of the trust deeds of Chinese revolving consumer-loan ABS (循环购买价格 = 购买价格 per
// yuan of 未偿本金余额): docs/deals.md, "Revolving purchases". Every figure below is worked by hand.

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const cents = (x: number): number => Math.round(x * 100);

// One yuan of the purchase profile: 1 % interest in its first month and all its principal (a bullet).
const bullet = poolColumns(1, [{ beginningBalance: 1, interest: 0.01, scheduledPrincipal: 1, endingBalance: 0 }]);

/** Revolving 2 periods at `price`, A 900,000 at 6 % (30/360), equity E 100,000; PDL allocation (no covering principal due). */
const priceDeal = (price: number): Deal => ({
  dates: DATES,
  notes: [note('A', 1, 900_000, 0.06), note('E', 2, 100_000, null)],
  revolving: { periods: 2, price },
  lossAllocation: 'pdl',
  waterfall: {
    combined: [
      { kind: 'interest', notes: ['A'] },
      { kind: 'principal', rule: 'sequential' },
      { kind: 'residual', to: 'seller' },
    ],
  },
});

/** A 9,000 and E 1,000, no coupons, a monitored cumulative default rate trigger. */
const smallDeal = (revolving: RevolvingSpec): Deal => ({
  dates: DATES,
  notes: [note('A', 1, 9000, 0), note('E', 2, 1000, null)],
  revolving,
  triggers: [{ id: 'cdr', metric: 'cumulativeDefaultRate', breachedWhen: '>', threshold: 1, effects: [] }],
  waterfall: {
    combined: [
      { kind: 'principal', rule: 'sequential' },
      { kind: 'residual', to: 'seller' },
    ],
  },
});

/** A 900,000 and E 100,000, no coupons, write-down allocation. */
const refusalDeal = (revolving: RevolvingSpec): Deal => ({
  dates: DATES,
  notes: [note('A', 1, 900_000, 0), note('E', 2, 100_000, null)],
  revolving,
  waterfall: {
    combined: [
      { kind: 'principal', rule: 'sequential' },
      { kind: 'residual', to: 'seller' },
    ],
  },
});

describe('the pool balance runs on principal at any price (no clean-up call)', () => {
  // Cutoff 1,000,000, 1 % interest a month: 99,000 / 99,000 / 802,000 of principal, then nothing.
  const base = poolColumns(1_000_000, [
    { beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 99_000, endingBalance: 901_000 },
    { beginningBalance: 901_000, interest: 9010, scheduledPrincipal: 99_000, endingBalance: 802_000 },
    { beginningBalance: 802_000, interest: 8020, scheduledPrincipal: 802_000, endingBalance: 0 },
    {},
  ]);
  // By hand, for each price q:
  //  P1: cash C1 = month 1's 99,000 of principal; principal bought B1 = 99,000 ÷ q.
  //  P2: cash C2 = 99,000 + B1 (the first cohort repays in month 2); B2 = C2 ÷ q.
  //  P3: the pool repays 802,000 + B2 and is empty; P4 collects nothing.
  //  q = 0.9: B1 = 110,000.00, C2 = 209,000, B2 = 232,222.22 (232,222.222… half-up)
  //  q = 1:   B1 =  99,000.00, C2 = 198,000, B2 = 198,000.00
  //  q = 1.1: B1 =  90,000.00, C2 = 189,000, B2 = 171,818.18 (171,818.1818…)
  const cases = [
    { price: 0.9, b1: 110_000, c2: 209_000, b2: 232_222.22 },
    { price: 1, b1: 99_000, c2: 198_000, b2: 198_000 },
    { price: 1.1, b1: 90_000, c2: 189_000, b2: 171_818.18 },
  ];
  for (const { price, b1, c2, b2 } of cases) {
    it(`price ${price}: the pool reaches zero when its cash flows stop, and its principal adds up to cutoff + principal bought`, () => {
      const result: DealResult = runDeal(
        priceDeal(price),
        poolLedger(base, () => bullet),
      );
      const pools = result.periods.map((p) => p.pool);
      expect(pools.map((p) => p.purchasesCash)).toEqual([99_000, c2, 0, 0]);
      expect(pools.map((p) => p.principalPurchased)).toEqual([b1, b2, 0, 0]);
      // Month 2 ends at 901,000 + B1 − 99,000 − B1 = 802,000 whatever the price; month 3 at 0.
      expect(pools.map((p) => cents(p.beginningBalance))).toEqual([1_000_000, 901_000 + b1, 802_000 + b2, 0].map(cents));
      expect(pools.map((p) => p.endingBalance)).toEqual([901_000, 802_000, 0, 0]);
      expect(pools.map((p) => p.poolFactor)).toEqual([0.901, 0.802, 0, 0]);
      // The bought loans pay interest on principal: month 2 = 9,010 + 1 % × B1, month 3 = 8,020 + 1 % × B2.
      expect(pools.map((p) => p.interest)).toEqual([10_000, 9010 + b1 / 100, cents(8020 + b2 / 100) / 100, 0]);
      // The last cash flow is in period 3, the period the balance reaches zero.
      const lastFlow = result.periods.findLast((p) => p.pool.scheduledPrincipal + p.pool.prepayments + p.pool.defaults + p.pool.interest > 0)?.period;
      expect(lastFlow).toBe(3);
      expect(result.periods.find((p) => p.pool.endingBalance === 0)?.period).toBe(3);
      // Σ scheduled + prepaid + defaulted + called = cutoff + Σ principal bought, to the cent.
      const principalOut = sum(pools.map((p) => cents(p.scheduledPrincipal) + cents(p.prepayments) + cents(p.defaults) + cents(p.cleanUpProceeds)));
      expect(principalOut).toBe(cents(1_000_000 + b1 + b2));
    });
  }
});

describe('a purchase at price 0.9: cash 900 buys principal 1,000', () => {
  // Cutoff 10,000, no interest; month 1 repays 900, month 2 defaults 101 and repays the rest.
  const base = poolColumns(10_000, [
    { beginningBalance: 10_000, scheduledPrincipal: 900, endingBalance: 9100 },
    { beginningBalance: 9100, scheduledPrincipal: 8999, defaults: 101, losses: 101, endingBalance: 0 },
    {},
  ]);
  const result = runDeal(
    { ...smallDeal({ periods: 1, price: 0.9 }), cumulativeRatioDenominator: 'initialPoolPlusPurchases' },
    poolLedger(base, () => bullet),
  );
  const [p1, p2] = result.periods;

  it('period 1: the 900 collected buys 900 ÷ 0.9 = 1,000 of principal', () => {
    expect(p1?.pool).toMatchObject({ purchasesCash: 900, principalPurchased: 1000, purchaseRefused: { cash: 0, reasons: [] } });
    expect(p1?.notes.map((n) => n.writeDown)).toEqual([0, 0]);
  });

  it('period 2: the pool starts at 9,100 + 1,000; the cumulative default rate is 101 ÷ (10,000 + 1,000)', () => {
    expect(p2?.pool.beginningBalance).toBe(10_100);
    // The bought loans repay their 1,000 of principal (a bullet) with the base pool's 8,999.
    expect(p2?.pool.scheduledPrincipal).toBe(9999);
    expect(result.cumulativeDefaultRate[1]).toBe(101 / 11_000);
    expect(p2?.triggers[0]?.value).toBe(101 / 11_000);
  });

  it('under the NAFMII denominator (the default) the pool when revolving ended counts principal too: 101 ÷ (9,100 + 1,000)', () => {
    const nafmii = runDeal(
      smallDeal({ periods: 1, price: 0.9 }),
      poolLedger(base, () => bullet),
    );
    expect(nafmii.cumulativeDefaultRate[1]).toBe(101 / 10_100);
  });

  it('at 1.1 the premium is lost: cash 1,100 buys 1,000, the collateral 8,900 + 1,000 < notes 10,000 writes E down by 100', () => {
    const premium = poolColumns(10_000, [{ beginningBalance: 10_000, scheduledPrincipal: 1100, endingBalance: 8900 }, { beginningBalance: 8900, scheduledPrincipal: 8900, endingBalance: 0 }, {}]);
    const run = runDeal(
      smallDeal({ periods: 1, price: 1.1 }),
      poolLedger(premium, () => bullet),
    );
    expect(run.periods[0]?.pool).toMatchObject({ purchasesCash: 1100, principalPurchased: 1000 });
    expect(run.periods[0]?.notes.map((n) => [n.writeDown, n.endingBalance])).toEqual([
      [0, 9000],
      [100, 900],
    ]);
  });
});

describe('refused purchases: the cash stays in the principal account', () => {
  // Cutoff 1,000,000, no interest: 100,000 a month for three months, then 700,000. Price 1.
  const base = poolColumns(1_000_000, [
    { beginningBalance: 1_000_000, scheduledPrincipal: 100_000, endingBalance: 900_000 },
    { beginningBalance: 900_000, scheduledPrincipal: 100_000, endingBalance: 800_000 },
    { beginningBalance: 800_000, scheduledPrincipal: 100_000, endingBalance: 700_000 },
    { beginningBalance: 700_000, scheduledPrincipal: 700_000, endingBalance: 0 },
  ]);

  it('a cap by period: 60,000 on date 1, 150,000 after; what is not bought carries to the next date', () => {
    const purchaseCap = [
      { fromPeriod: 1, toPeriod: 1, amount: 60_000 },
      { fromPeriod: 2, amount: 150_000 },
    ];
    const result = runDeal(
      refusalDeal({ periods: 2, purchaseCap }),
      poolLedger(base, () => bullet),
    );
    const [p1, p2, p3, p4] = result.periods;
    // P1: 100,000 collected, 60,000 bought, 40,000 kept (the cap).
    expect(p1?.pool).toMatchObject({ purchasesCash: 60_000, principalPurchased: 60_000, purchaseRefused: { cash: 40_000, reasons: ['cap'] } });
    // P2: 100,000 + the first cohort's 60,000 + 40,000 carried = 200,000; 150,000 bought, 50,000 kept
    // (interest: 1 % of the 60,000 bought, to the seller).
    expect(p2?.availableFunds).toEqual({ interest: 600, principal: 200_000, principalCarried: 40_000 });
    expect(p2?.pool).toMatchObject({ endingBalance: 800_000, purchasesCash: 150_000, principalPurchased: 150_000, purchaseRefused: { cash: 50_000, reasons: ['cap'] } });
    // Collateral after P1 and P2: pool 960,000 + account 40,000, pool 950,000 + account 50,000 = the notes: nothing written down.
    expect([p1, p2].flatMap((p) => p?.notes.map((n) => n.writeDown))).toEqual([0, 0, 0, 0]);
    // P3 (amortising): 100,000 + the second cohort's 150,000 + 50,000 carried = 300,000 to A.
    expect(p3?.availableFunds).toEqual({ interest: 1500, principal: 300_000, principalCarried: 50_000 });
    expect(p3?.notes.map((n) => n.principalPaid)).toEqual([300_000, 0]);
    expect(p4?.notes.map((n) => [n.principalPaid, n.writeDown])).toEqual([
      [600_000, 0],
      [100_000, 0],
    ]);
  });

  it('eligibility: a line under the minimum rate and a line over the maximum term are refused, their shares kept', () => {
    const profile = [
      { segment: 'salaried', amortization: 'level_payment', rate: 0.18, originalTerm: 12, share: 2 },
      { segment: 'gig', amortization: 'level_payment', rate: 0.1, originalTerm: 12, share: 1 },
      { segment: 'salaried', amortization: 'level_payment', rate: 0.2, originalTerm: 36, share: 1 },
    ] as const;
    const result = runDeal(
      refusalDeal({ periods: 1, profile, eligibility: { minRate: 0.12, maxRemainingTerm: 24 } }),
      poolLedger(base, () => bullet),
    );
    // Shares 2 : 1 : 1 of 100,000: 50,000 bought; 25,000 (rate 10 % < 12 %) and 25,000 (36 months > 24) kept.
    expect(result.periods[0]?.pool).toMatchObject({ purchasesCash: 50_000, principalPurchased: 50_000, purchaseRefused: { cash: 50_000, reasons: ['minRate', 'maxRemainingTerm'] } });
    // P2 does not revolve: 100,000 + the cohort's 50,000 + 50,000 carried = 200,000 to A.
    expect(result.periods[1]?.notes[0]?.principalPaid).toBe(200_000);
  });

  it('a segment share limit: gig at most 12 % of the pool after the purchase', () => {
    // At month 1's end the pool is 900,000, of which gig 100,000 (the base pool's balance by segment).
    const gig = Float64Array.from([100_000, 90_000, 80_000, 0]);
    const profile = [
      { segment: 'salaried', amortization: 'level_payment', rate: 0.18, originalTerm: 12, share: 1 },
      { segment: 'gig', amortization: 'level_payment', rate: 0.24, originalTerm: 12, share: 1 },
    ] as const;
    const result = runDeal(
      refusalDeal({ periods: 1, profile, eligibility: { maxSegmentShare: { gig: 0.12 } } }),
      poolLedger(base, { unitCohort: () => bullet, segmentEndingBalance: new Map([['gig', gig]]) }),
    );
    // Offer 50,000 each. Gig may buy a with (100,000 + a) = 12 % × (900,000 + 50,000 + a):
    // a = (0.12 × 950,000 − 100,000) ÷ 0.88 = 14,000 ÷ 0.88 = 15,909.0909…; bought 50,000 + 15,909.09 = 65,909.09.
    // Check: 115,909.09 ÷ 965,909.09 = 12.0000 %. Kept: 100,000 − 65,909.09 = 34,090.91.
    expect(result.periods[0]?.pool).toMatchObject({ purchasesCash: 65_909.09, principalPurchased: 65_909.09, purchaseRefused: { cash: 34_090.91, reasons: ['segmentShare'] } });
    expect(result.periods[1]?.pool.beginningBalance).toBe(965_909.09);
  });
});
