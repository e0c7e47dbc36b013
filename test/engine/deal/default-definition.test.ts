import { describe, expect, it } from 'vitest';
import { engineErrorCode } from '../../helpers/engine.ts';
import { dealIssues, runDeal, type Deal } from '../../../engine/index.ts';
import { DATES, note, poolOf } from './helpers.ts';

// The cumulative default rate by the deal's own default definition (和享2017-5 circular, definition (64)
// pp. 112–113; the cumulative default rate, definition (99) p. 120): each loan counted once at its
// balance when it first meets the definition ÷ the cutoff pool.

// A ¥25,000 loan passes 90 days past due in month 1 (counted at 25,000 then); it is written off in
// month 2 at 20,000 (what was left after it paid some arrears) and a ¥10,000 loan charges off in
// month 1 straight from a default curve (counted at once, as a write-off).
const pool = (withCount: boolean) =>
  poolOf(1_000_000, [
    { beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 90_000, defaults: 10_000, endingBalance: 900_000, ...(withCount ? { definitionDefaults: 35_000 } : {}) },
    { beginningBalance: 900_000, interest: 9000, scheduledPrincipal: 80_000, defaults: 20_000, endingBalance: 800_000, ...(withCount ? { definitionDefaults: 0 } : {}) },
    { beginningBalance: 800_000, interest: 8000, scheduledPrincipal: 800_000, endingBalance: 0, ...(withCount ? { definitionDefaults: 0 } : {}) },
  ]);

const deal = (extra: Partial<Deal>): Deal => ({
  dates: DATES,
  notes: [note('A', 1, 900_000, 0.06), note('B', 2, 100_000, 0.1)],
  triggers: [{ id: 'cdr', metric: 'cumulativeDefaultRate', breachedWhen: '>', threshold: 0.03, effects: ['sequential'] }],
  waterfall: {
    combined: [
      { kind: 'interest', notes: ['A'] },
      { kind: 'interest', notes: ['B'] },
      { kind: 'principal', rule: 'sequential' },
      { kind: 'residual', to: 'seller' },
    ],
  },
  ...extra,
});

const hexiang = { daysPastDue: 90, writeOff: true, restructured: true, curable: false } as const;

describe('cumulative default rate by the deal’s default definition', () => {
  it('without a definition: gross defaults ÷ cutoff (1 %, 3 %, 3 %); with one: the balance counted by it (3.5 % from period 1)', () => {
    // Gross: 10,000 ÷ 1,000,000 = 1 %; (10,000 + 20,000) ÷ 1,000,000 = 3 %. By definition: 35,000 ÷ 1,000,000 = 3.5 %, and the
    // later write-off of the loan already counted adds nothing.
    expect(runDeal(deal({}), pool(true)).cumulativeDefaultRate).toEqual([0.01, 0.03, 0.03]);
    const counted = runDeal(deal({ defaultDefinition: hexiang }), pool(true));
    expect(counted.cumulativeDefaultRate).toEqual([0.035, 0.035, 0.035]);
    // The trigger (> 3 %) reads it: breached on the first payment date, not never.
    expect(counted.periods.map((p) => p.triggers[0]?.breached)).toEqual([true, true, true]);
    expect(runDeal(deal({}), pool(true)).periods.map((p) => p.triggers[0]?.breached)).toEqual([false, false, false]);
  });

  it('the net loss rate still reads gross defaults less recoveries', () => {
    const counted = runDeal(deal({ defaultDefinition: hexiang, triggers: [{ id: 'cnl', metric: 'cumulativeNetLossRate', breachedWhen: '>', threshold: 1, effects: [] }] }), pool(true));
    expect(counted.periods.map((p) => p.triggers[0]?.value)).toEqual([0.01, 0.03, 0.03]);
  });

  it('a deal with a definition over a pool that counts none is an error, not a zero rate', () => {
    expect(engineErrorCode(() => runDeal(deal({ defaultDefinition: hexiang }), pool(false)))).toBe('DEFAULT_DEFINITION');
  });

  it('refuses a threshold off the roll-rate buckets and a definition that leaves out write-offs, naming the field', () => {
    const at45 = dealIssues(deal({ defaultDefinition: { ...hexiang, daysPastDue: 45 } }));
    expect(at45).toEqual([expect.objectContaining({ path: 'defaultDefinition.daysPastDue', rule: expect.stringContaining('30, 60, 90, 120, 150, 180') })]);
    const noWriteOff = dealIssues({ ...deal({}), defaultDefinition: { ...hexiang, writeOff: false } });
    expect(noWriteOff).toEqual([expect.objectContaining({ path: 'defaultDefinition.writeOff', rule: expect.stringContaining('writeOff must be true') })]);
  });
});
