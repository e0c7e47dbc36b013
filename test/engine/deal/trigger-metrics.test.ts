import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dealIssues, poolColumns, poolLedger, runDeal, type Deal, type TriggerSpec } from '../../../engine/index.ts';
import { DATES, note, poolOf } from './helpers.ts';

// Trigger metrics and how a trigger reads them (issue 16, "Trigger metrics"). Every expected value
// is worked by hand below; 30/360, a month = 1/12 year. Sources of each convention: docs/deals.md.

const template = (name: string): Deal => JSON.parse(readFileSync(new URL(`../../../templates/deals/${name}.json`, import.meta.url), 'utf8')) as Deal;

/** A trigger that only watches (no effects). */
const watch = (t: Omit<TriggerSpec, 'effects'>): TriggerSpec => ({ effects: [], ...t });

// Two revolving periods; PDL allocation so that principal due is scheduled principal only:
// P1 buys 90,000; P2 buys 80,000 + 45,000 (half of P1's purchase) = 125,000.
// Pool when revolving ends (the start of month 3): 800,000 + 45,000 + 125,000 = 970,000.
// Cumulative defaults: 10,000, 30,000, 60,000, 60,000.
const revolvingDeal = (extra: Partial<Deal>): Deal => ({
  dates: DATES,
  notes: [note('A', 1, 900_000, 0.06), note('E', 2, 100_000, null)],
  revolving: { periods: 2 },
  lossAllocation: 'pdl',
  waterfall: {
    combined: [
      { kind: 'interest', notes: ['A'] },
      { kind: 'principal', rule: 'sequential' },
      { kind: 'residual', to: 'seller' },
    ],
  },
  ...extra,
});

// Defaults 10,000 and 20,000; recoveries 4,000 (month 2) and 6,000 (month 3).
// Net loss: 10,000, 26,000, 20,000 ÷ 1,000,000 (a static pool: every denominator is the cutoff balance).
const netLossPool = () =>
  poolOf(1_000_000, [
    { beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 90_000, defaults: 10_000, endingBalance: 900_000 },
    { beginningBalance: 900_000, interest: 9_000, scheduledPrincipal: 80_000, defaults: 20_000, recoveries: 4000, endingBalance: 800_000 },
    { beginningBalance: 800_000, interest: 8_000, scheduledPrincipal: 800_000, recoveries: 6000, endingBalance: 0 },
  ]);
const netLossDeal = (triggers: TriggerSpec[]): Deal => ({
  dates: DATES,
  notes: [note('A', 1, 900_000, 0.06), note('B', 2, 100_000, 0.1)],
  triggers,
  waterfall: {
    combined: [
      { kind: 'interest', notes: ['A'] },
      { kind: 'interest', notes: ['B'] },
      { kind: 'principal', rule: 'sequential' },
      { kind: 'residual', to: 'seller' },
    ],
  },
});

// 61+ DPD ÷ pool at each period end: 8,000 ÷ 800,000 = 1 %, 24,000 ÷ 600,000 = 4 %, 1,600 ÷ 400,000 = 0.4 %, 0.
const dqPool = () =>
  poolOf(1_000_000, [
    { beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 200_000, endingBalance: 800_000, delinquent60Plus: 8000 },
    { beginningBalance: 800_000, interest: 8000, scheduledPrincipal: 200_000, endingBalance: 600_000, delinquent60Plus: 24_000 },
    { beginningBalance: 600_000, interest: 6000, scheduledPrincipal: 200_000, endingBalance: 400_000, delinquent60Plus: 1600 },
    { beginningBalance: 400_000, interest: 4000, scheduledPrincipal: 400_000, endingBalance: 0 },
  ]);
const dqDeal = (triggers: TriggerSpec[]): Deal => ({
  dates: DATES,
  notes: [note('A', 1, 500_000, 0.06), note('B', 2, 500_000, 0.06)],
  triggers,
  waterfall: {
    combined: [
      { kind: 'interest', notes: ['A', 'B'] },
      { kind: 'principal', rule: 'proRataThenSequential', triggers: ['cdr'] },
      { kind: 'residual', to: 'seller' },
    ],
  },
});
/** Trigger row i of every period of the delinquency deal. */
const dqRows = (triggers: TriggerSpec[], i = 0) => runDeal(dqDeal(triggers), dqPool()).periods.map((p) => p.triggers[i]);

describe('cumulative default rate: the denominator is a deal parameter', () => {
  // Cutoff pool 1,000,000; defaults 10,000 / 20,000 / 30,000 / 0 in months 1–4.
  const base = poolColumns(1_000_000, [
    { beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 90_000, defaults: 10_000, endingBalance: 900_000 },
    { beginningBalance: 900_000, interest: 9_000, scheduledPrincipal: 80_000, defaults: 20_000, endingBalance: 800_000 },
    { beginningBalance: 800_000, interest: 8_000, scheduledPrincipal: 70_000, defaults: 30_000, endingBalance: 700_000 },
    { beginningBalance: 700_000, interest: 7_000, scheduledPrincipal: 700_000, endingBalance: 0 },
  ]);
  // One yuan bought: 1 % interest a month, repaid in two halves, no defaults.
  const unit = poolColumns(1, [
    { beginningBalance: 1, interest: 0.01, scheduledPrincipal: 0.5, endingBalance: 0.5 },
    { beginningBalance: 0.5, interest: 0.005, scheduledPrincipal: 0.5, endingBalance: 0 },
  ]);
  const run = (extra: Partial<Deal>) =>
    runDeal(
      revolvingDeal(extra),
      poolLedger(base, () => unit),
    );

  it('initialPool: ÷ the cutoff pool balance', () => {
    expect(run({ cumulativeRatioDenominator: 'initialPool' }).cumulativeDefaultRate).toEqual([0.01, 0.03, 0.06, 0.06]);
  });

  it("initialPoolPlusPurchases: ÷ cutoff balance + principal bought on earlier payment dates (the engine's earlier rule)", () => {
    const result = run({ cumulativeRatioDenominator: 'initialPoolPlusPurchases' });
    expect(result.periods.map((p) => p.pool.principalPurchased)).toEqual([90_000, 125_000, 0, 0]);
    expect(result.cumulativeDefaultRate).toEqual([10_000 / 1_000_000, 30_000 / 1_090_000, 60_000 / 1_215_000, 60_000 / 1_215_000]);
  });

  it('initialPoolThenRevolvingEnd (NAFMII 2019, the default): ÷ cutoff while revolving, then ÷ the pool when revolving ended', () => {
    // Period 3 is the first collection period after the last purchase (payment date 2).
    const expected = [0.01, 0.03, 60_000 / 970_000, 60_000 / 970_000];
    expect(run({ cumulativeRatioDenominator: 'initialPoolThenRevolvingEnd' }).cumulativeDefaultRate).toEqual(expected);
    expect(run({}).cumulativeDefaultRate).toEqual(expected);
    // The result says which denominator its rates use.
    expect(run({}).cumulativeRatioDenominator).toBe('initialPoolThenRevolvingEnd');
    expect(run({ cumulativeRatioDenominator: 'initialPool' }).cumulativeRatioDenominator).toBe('initialPool');
  });

  it('initialPoolThenRevolvingEnd after a trigger ends revolving: the breaching date tests on the cutoff balance', () => {
    // P2: 30,000 ÷ 1,000,000 = 3 % > 2.5 % ends revolving on payment date 2 (nothing bought then);
    // the pool when revolving ended = month 3's beginning = 800,000 + 45,000 = 845,000.
    const result = run({ triggers: [{ id: 'cdr', metric: 'cumulativeDefaultRate', breachedWhen: '>', threshold: 0.025, effects: ['endRevolving'] }] });
    expect(result.revolvingEnd).toMatchObject({ period: 2, reason: 'trigger' });
    expect(result.periods.map((p) => p.pool.principalPurchased)).toEqual([90_000, 0, 0, 0]);
    expect(result.cumulativeDefaultRate).toEqual([0.01, 0.03, 60_000 / 845_000, 60_000 / 845_000]);
  });

  it('the consumer template states the NAFMII denominator, and its cdr trigger reads it', () => {
    // The template's cdr trigger run on the small deal above: P3 = 60,000 ÷ 970,000 (not ÷ 1,215,000).
    // Its first band (periods 1–6) is 2 %: P1's 1 % is not above it, P2's 3 % and P3's 6.19 % are.
    const consumer = template('cn-consumer-revolving');
    expect(consumer.cumulativeRatioDenominator).toBe('initialPoolThenRevolvingEnd');
    const cdr = consumer.triggers?.find((t) => t.id === 'cdr');
    const result = run({ cumulativeRatioDenominator: consumer.cumulativeRatioDenominator, triggers: cdr ? [{ ...cdr, effects: [] }] : [] });
    expect(result.periods.map((p) => p.triggers[0]?.value)).toEqual([0.01, 0.03, 60_000 / 970_000, 60_000 / 970_000]);
    expect(result.periods.map((p) => p.triggers[0]?.tested)).toEqual([false, true, true, true]);
  });
});

describe('cumulative net loss rate: defaults less recoveries', () => {
  it('measures cumulative defaults less cumulative recoveries over the cutoff balance', () => {
    const result = runDeal(netLossDeal([watch({ id: 'cnl', metric: 'cumulativeNetLossRate', breachedWhen: '>', threshold: 0.025, curable: true })]), netLossPool());
    expect(result.periods.map((p) => p.triggers[0]?.value)).toEqual([0.01, 0.026, 0.02]);
    expect(result.periods.map((p) => p.triggers[0]?.breached)).toEqual([false, true, false]);
  });

  it("the US auto template's cnl trigger measures net loss, not gross defaults", () => {
    // Its thresholds: 1.5 % in periods 1–12. Gross defaults reach 3 % in P2, net loss 2.6 % — breached
    // either way; in P1 both are 1 %. So test the metric and the value: net, not gross.
    const auto = template('us-auto-oc-turbo');
    const cnl = auto.triggers?.find((t) => t.id === 'cnl');
    expect(cnl?.metric).toBe('cumulativeNetLossRate');
    const result = runDeal(netLossDeal(cnl ? [{ ...cnl, effects: [] }] : []), netLossPool());
    expect(result.periods.map((p) => p.triggers[0]?.value)).toEqual([0.01, 0.026, 0.02]);
  });
});

describe('interest shortfall of a class as a metric', () => {
  // Separate waterfalls. P1 interest 5,000: A 800,000 × 0.5 % = 4,000 paid, B 200,000 × 1 % = 2,000
  // due, 1,000 paid: 1,000 carried. P2 interest 20,000 pays A 700,000 × 0.5 % = 3,500 and B 2,000 + 1,000.
  const pool = poolOf(1_000_000, [
    { beginningBalance: 1_000_000, interest: 5000, scheduledPrincipal: 100_000, endingBalance: 900_000 },
    { beginningBalance: 900_000, interest: 20_000, scheduledPrincipal: 100_000, endingBalance: 800_000 },
    { beginningBalance: 800_000, interest: 8000, scheduledPrincipal: 800_000, endingBalance: 0 },
  ]);
  const deal: Deal = {
    dates: DATES,
    notes: [note('A', 1, 800_000, 0.06), note('B', 2, 200_000, 0.12)],
    triggers: [
      watch({ id: 'shortB', metric: 'interestShortfall', notes: ['B'], breachedWhen: '>', threshold: 0, curable: true }),
      watch({ id: 'shortA', metric: 'interestShortfall', notes: ['A'], breachedWhen: '>', threshold: 0, curable: true }),
    ],
    waterfall: {
      interest: [
        { kind: 'interest', notes: ['A'] },
        { kind: 'interest', notes: ['B'] },
      ],
      principal: [
        { kind: 'principal', rule: 'sequential' },
        { kind: 'residual', to: 'seller' },
      ],
    },
  };

  it('seen on the next determination date: the unpaid interest carried from the previous payment date, in money', () => {
    const result = runDeal(deal, pool);
    expect(result.periods[0]?.notes[1]).toMatchObject({ interestPaid: 1000, interestShortfall: 1000 });
    expect(result.periods.map((p) => p.triggers[0]?.value)).toEqual([0, 1000, 0]);
    expect(result.periods.map((p) => p.triggers[0]?.breached)).toEqual([false, true, false]);
    expect(result.periods.map((p) => p.triggers[1]?.value)).toEqual([0, 0, 0]);
    // Read as money on the screen and in reports, not as a ratio.
    expect(result.periods[1]?.triggers.map((t) => t.unit)).toEqual(['money', 'money']);
  });

  it('needs the notes it reads', () => {
    const missing: Deal = { ...deal, triggers: [watch({ id: 'short', metric: 'interestShortfall', breachedWhen: '>', threshold: 0 })] };
    expect(dealIssues(missing).map((i) => [i.code, i.path])).toEqual([['DEAL_FIELD', 'triggers[0].notes']]);
  });
});

describe('averaged metrics, consecutive breaches, early-warning levels', () => {
  const dq = (extra: Partial<TriggerSpec>): TriggerSpec => watch({ id: 'dq', metric: 'delinquency60Plus', breachedWhen: '>', threshold: 0.02, curable: true, ...extra });
  const cdrWatch = watch({ id: 'cdr', metric: 'cumulativeDefaultRate', breachedWhen: '>', threshold: 1 });

  it('a 3-period average tests the mean of this and the two previous values (fewer at the start)', () => {
    // P1 1 %; P2 (1 + 4) ÷ 2 = 2.5 % > 2 %; P3 (1 + 4 + 0.4) ÷ 3 = 1.8 %; P4 (4 + 0.4 + 0) ÷ 3 = 1.4667 %.
    const r = dqRows([cdrWatch, dq({ averageOver: 3 })], 1);
    expect(r.map((t) => t?.value)).toEqual([0.01, expect.closeTo(0.025, 15), expect.closeTo(0.018, 15), expect.closeTo(0.044 / 3, 15)]);
    expect(r.map((t) => t?.breached)).toEqual([false, true, false, false]);
  });

  it('a 2-period average drops the oldest value', () => {
    // P3 (4 + 0.4) ÷ 2 = 2.2 % > 2 %: still breached; a 3-period average is not (1.8 %).
    const r = dqRows([cdrWatch, dq({ averageOver: 2 })], 1);
    expect(r.map((t) => t?.value)).toEqual([0.01, expect.closeTo(0.025, 15), expect.closeTo(0.022, 15), expect.closeTo(0.002, 15)]);
    expect(r.map((t) => t?.breached)).toEqual([false, true, true, false]);
  });

  it('breached only after the test holds on N consecutive determination dates', () => {
    // > 0.3 %: holds in P1, P2, P3 (1 %, 4 %, 0.4 %), fails in P4 (0). Two in a row: breached from P2.
    const r = dqRows([cdrWatch, dq({ threshold: 0.003, consecutivePeriods: 2 })], 1);
    expect(r.map((t) => t?.tested)).toEqual([true, true, true, false]);
    expect(r.map((t) => t?.breached)).toEqual([false, true, true, false]);
    // Non-curable: stays breached in P4.
    const sticky = dqRows([cdrWatch, dq({ threshold: 0.003, consecutivePeriods: 2, curable: false })], 1);
    expect(sticky.map((t) => t?.breached)).toEqual([false, true, true, true]);
    // Three in a row: breached from P3 only.
    const three = dqRows([cdrWatch, dq({ threshold: 0.003, consecutivePeriods: 3 })], 1);
    expect(three.map((t) => t?.breached)).toEqual([false, false, true, false]);
  });

  it('an early-warning level is reported in the trigger row and changes nothing', () => {
    // dq > 2 % would switch the pro-rata step to sequential; a 3 % threshold with a 0.5 % warning does not.
    const warned = runDeal(dqDeal([{ ...cdrWatch }, { ...dq({ threshold: 0.03, warning: 0.005 }), effects: ['sequential'] }]), dqPool());
    // P2 4 % > 3 %: breached and sequential; take P1 (1 %): warning only.
    expect(warned.periods[0]?.triggers[1]).toEqual({
      id: 'dq',
      metric: 'delinquency60Plus',
      value: 0.01,
      threshold: 0.03,
      unit: 'ratio',
      tested: false,
      breached: false,
      warningThreshold: 0.005,
      warning: true,
    });
    expect(warned.periods[2]?.triggers[1]).toMatchObject({ value: 0.004, warning: false });
    // P1 pays pro rata 100,000 / 100,000 as without a warning level.
    const plain = runDeal(dqDeal([{ ...cdrWatch }, { ...dq({ threshold: 0.03 }), effects: ['sequential'] }]), dqPool());
    expect(warned.periods[0]?.notes.map((n) => n.principalPaid)).toEqual([100_000, 100_000]);
    expect(warned.periods.map((p) => p.notes.map((n) => n.principalPaid))).toEqual(plain.periods.map((p) => p.notes.map((n) => n.principalPaid)));
    expect(plain.periods[0]?.triggers[1]).not.toHaveProperty('warning');
  });

  it('warning levels by period, checked like the threshold bands', () => {
    const bad = dqDeal([cdrWatch, dq({ warning: [{ fromPeriod: 2, threshold: 0.01 }] })]);
    expect(dealIssues(bad).map((i) => i.path)).toEqual(['triggers[1].warning[0].fromPeriod']);
  });
});
