import { describe, expect, it } from 'vitest';
import { dealIssues, poolColumns, poolLedger, runDeal, type Deal, type TriggerSpec } from '../../../engine/index.ts';
import { DATES, note } from './helpers.ts';

// The purchase-shortfall trigger (循环购买不足, an early-amortisation event of revolving consumer-loan
// ABS; docs/deals.md, "Trigger metrics"): on determination date p the metric reads payment date
// p − 1's purchases — the cash the principal step could not spend (kept in the principal account)
// ÷ the principal funds it offered for purchase. Every figure is worked by hand below.

// Cutoff 1,000,000, no interest: 100,000 of principal a month for three months, then 700,000.
const base = poolColumns(1_000_000, [
  { beginningBalance: 1_000_000, scheduledPrincipal: 100_000, endingBalance: 900_000 },
  { beginningBalance: 900_000, scheduledPrincipal: 100_000, endingBalance: 800_000 },
  { beginningBalance: 800_000, scheduledPrincipal: 100_000, endingBalance: 700_000 },
  { beginningBalance: 700_000, scheduledPrincipal: 700_000, endingBalance: 0 },
]);
// One yuan bought: 1 % interest in its first month and all its principal (a bullet).
const bullet = poolColumns(1, [{ beginningBalance: 1, interest: 0.01, scheduledPrincipal: 1, endingBalance: 0 }]);

/** Revolving 3 periods, at most 60,000 of principal bought a date; A 900,000 and E 100,000, no coupons. */
const cappedDeal = (triggers: TriggerSpec[]): Deal => ({
  dates: DATES,
  notes: [note('A', 1, 900_000, 0), note('E', 2, 100_000, null)],
  revolving: { periods: 3, purchaseCap: 60_000 },
  triggers,
  waterfall: {
    combined: [
      { kind: 'principal', rule: 'sequential' },
      { kind: 'residual', to: 'seller' },
    ],
  },
});

// By hand, without the trigger acting:
//  P1: offered 100,000 (month 1's principal); 60,000 bought; 40,000 kept.
//  P2: offered 100,000 + the first cohort's 60,000 + 40,000 carried = 200,000; 60,000 bought; 140,000 kept.
//  Determination date 1 sees no earlier purchase: 0. Date 2 sees P1: 40,000 ÷ 100,000 = 0.4.
//  Date 3 sees P2: 140,000 ÷ 200,000 = 0.7.
describe('purchaseShortfall: cash kept ÷ principal funds offered, one payment date later', () => {
  const shortfall: TriggerSpec = { id: 'short', metric: 'purchaseShortfall', breachedWhen: '>', threshold: 0.3, consecutivePeriods: 2, effects: ['endRevolving'] };

  it('reads 0, 0.4 and 0.7, and ends revolving on date 3 after two dates in a row over 30 %', () => {
    const result = runDeal(
      cappedDeal([shortfall]),
      poolLedger(base, () => bullet),
    );
    const [p1, p2, p3, p4] = result.periods;
    expect(result.periods.slice(0, 3).map((p) => p.triggers[0]?.value)).toEqual([0, 0.4, 0.7]);
    expect(result.periods.slice(0, 3).map((p) => [p.triggers[0]?.tested, p.triggers[0]?.breached])).toEqual([
      [false, false],
      [true, false],
      [true, true],
    ]);
    expect(result.revolvingEnd).toEqual({ period: 3, paymentDate: p3?.paymentDate, reason: 'trigger', trigger: 'short' });
    expect(result.triggerFirstBreach).toEqual({ short: 3 });
    expect([p1, p2].map((p) => p?.pool.purchaseRefused.cash)).toEqual([40_000, 140_000]);
    // P3 amortises: month 3's 100,000 + the second cohort's 60,000 + 140,000 carried = 300,000 to A, nothing bought.
    expect(p3?.pool.purchasesCash).toBe(0);
    expect(p3?.availableFunds.principal).toBe(300_000);
    expect(p3?.notes.map((n) => n.principalPaid)).toEqual([300_000, 0]);
    // P4: the base pool's last 700,000 repays A's 600,000 and E's 100,000.
    expect(p4?.notes.map((n) => [n.principalPaid, n.endingBalance])).toEqual([
      [600_000, 0],
      [100_000, 0],
    ]);
  });

  it('without the trigger the deal revolves through date 3 and buys its 60,000', () => {
    const result = runDeal(
      cappedDeal([]),
      poolLedger(base, () => bullet),
    );
    expect(result.periods[2]?.pool.purchasesCash).toBe(60_000);
    expect(result.revolvingEnd?.reason).toBe('scheduled');
  });

  it('averaged over 2 dates: 0, (0 + 0.4) ÷ 2 = 0.2, (0.4 + 0.7) ÷ 2 = 0.55; a 50 % level is crossed on date 3 only', () => {
    const averaged: TriggerSpec = { id: 'avg', metric: 'purchaseShortfall', breachedWhen: '>', threshold: 0.5, averageOver: 2, effects: ['sequential'] };
    const result = runDeal(
      cappedDeal([averaged]),
      poolLedger(base, () => bullet),
    );
    const values = result.periods.slice(0, 3).map((p) => p.triggers[0]?.value ?? Number.NaN);
    expect(values[0]).toBe(0);
    expect(values[1]).toBeCloseTo(0.2, 15);
    expect(values[2]).toBeCloseTo(0.55, 15);
    expect(result.triggerFirstBreach).toEqual({ avg: 3 });
    // sequential alone does not end revolving.
    expect(result.revolvingEnd?.reason).toBe('scheduled');
  });

  it('purchaseShortfallAmount reads the cash kept in yuan: 0, 40,000, 140,000 (a money metric)', () => {
    const amount: TriggerSpec = { id: 'amt', metric: 'purchaseShortfallAmount', breachedWhen: '>=', threshold: 100_000, effects: [] };
    const result = runDeal(
      cappedDeal([amount]),
      poolLedger(base, () => bullet),
    );
    expect(result.periods.slice(0, 3).map((p) => [p.triggers[0]?.value, p.triggers[0]?.unit, p.triggers[0]?.breached])).toEqual([
      [0, 'money', false],
      [40_000, 'money', false],
      [140_000, 'money', true],
    ]);
  });

  it('no cap: every yuan offered is spent, the metric stays 0', () => {
    const deal = { ...cappedDeal([shortfall]), revolving: { periods: 3 } };
    const result = runDeal(
      deal,
      poolLedger(base, () => bullet),
    );
    expect(result.periods.slice(0, 4).map((p) => p.triggers[0]?.value)).toEqual([0, 0, 0, 0]);
  });

  it('a deal without a revolving section is refused at the metric', () => {
    const deal: Deal = { ...cappedDeal([shortfall]) };
    delete (deal as { revolving?: unknown }).revolving;
    expect(dealIssues(deal)).toContainEqual(expect.objectContaining({ path: 'triggers[0].metric', rule: expect.stringContaining('needs a revolving section') }));
  });
});
