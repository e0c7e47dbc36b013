import { describe, expect, it } from 'vitest';
import { dealIssues, EngineError, runDeal, validateDeal, type Deal } from '../../../engine/index.ts';
import { DATES, note, poolOf, twoNoteDeal } from './helpers.ts';

// A bad deal file is rejected before anything runs, with the JSON path of the offending value and
// the rule it breaks.

function firstIssue(deal: Deal): { code: string; path: string } {
  try {
    validateDeal(deal);
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    const e = error as EngineError;
    return { code: e.code, path: String(e.details.path) };
  }
  throw new Error('expected the deal to be rejected');
}

const asDeal = (value: unknown): Deal => value as Deal;
const trigger = (threshold: unknown): Deal => twoNoteDeal({ triggers: [{ id: 't', metric: 'poolFactor', breachedWhen: '<', threshold: threshold as number, effects: [] }] });

describe('validateDeal', () => {
  it('accepts the well-formed deal', () => {
    expect(dealIssues(twoNoteDeal())).toEqual([]);
  });

  it('unknown note in a step', () => {
    const deal = twoNoteDeal({
      waterfall: {
        combined: [
          { kind: 'interest', notes: ['A', 'Z'] },
          { kind: 'principal', rule: 'sequential' },
          { kind: 'residual', to: 'seller' },
        ],
      },
    });
    expect(firstIssue(deal)).toEqual({ code: 'DEAL_UNKNOWN_REFERENCE', path: 'waterfall.combined[0].notes[1]' });
  });

  it('unknown fee, trigger and residual recipient', () => {
    const deal = twoNoteDeal({
      waterfall: {
        interest: [{ kind: 'fee', fee: 'nobody' }],
        principal: [
          { kind: 'principal', rule: 'proRataThenSequential', triggers: ['t9'] },
          { kind: 'residual', to: 'Q' },
        ],
      },
    });
    expect(dealIssues(deal).map((i) => [i.code, i.path])).toEqual([
      ['DEAL_UNKNOWN_REFERENCE', 'waterfall.interest[0].fee'],
      ['DEAL_UNKNOWN_REFERENCE', 'waterfall.principal[0].triggers[0]'],
      ['DEAL_UNKNOWN_REFERENCE', 'waterfall.principal[1].to'],
    ]);
  });

  // Each field is checked against the deal's schema (engine/deal/schema.ts) before the rules that
  // span fields: a caller of the engine may hand it any JSON.
  it('trigger on an unknown metric, comparator or effect', () => {
    const deal = asDeal({ ...twoNoteDeal(), triggers: [{ id: 't', metric: 'moonPhase', breachedWhen: '!=', threshold: 1, effects: ['panic'] }] });
    expect(dealIssues(deal).map((i) => [i.code, i.path])).toEqual([
      ['DEAL_FIELD', 'triggers[0].metric'],
      ['DEAL_FIELD', 'triggers[0].breachedWhen'],
      ['DEAL_FIELD', 'triggers[0].effects[0]'],
    ]);
  });

  it('negative balance and a rate written as a percentage', () => {
    const deal = twoNoteDeal({ notes: [note('A', 1, 800_000, 4.5), note('B', 2, -1, 0.12)] });
    expect(dealIssues(deal).map((i) => [i.code, i.path])).toEqual([
      ['DEAL_FIELD', 'notes[0].coupon.rate'],
      ['DEAL_FIELD', 'notes[1].originalBalance'],
    ]);
  });

  it('not a deal at all', () => {
    expect(dealIssues(null)).toEqual([expect.objectContaining({ code: 'DEAL_FIELD', path: '$' })]);
  });

  it('reserve target above 100 % (a field), a floor above the cap (a rule)', () => {
    const target = { basis: 'currentNoteBalance', floor: 10, cap: 5 } as const;
    expect(dealIssues(twoNoteDeal({ reserve: { initialDeposit: 0, target: { ...target, percent: 1.5 } } }))).toEqual([
      { code: 'DEAL_FIELD', path: 'reserve.target.percent', rule: 'the reserve target cannot exceed 100% of the note balance' },
    ]);
    expect(dealIssues(twoNoteDeal({ reserve: { initialDeposit: 0, target: { ...target, percent: 0.02 } } })).map((i) => [i.code, i.path])).toEqual([['DEAL_RESERVE_TARGET', 'reserve.target.cap']]);
  });

  it('a floating coupon whose floor is above its cap', () => {
    const floater = note('A', 1, 800_000, null, { coupon: { type: 'floating', index: [0.03], margin: 0.01, floor: 0.05, cap: 0.04 } });
    expect(dealIssues(twoNoteDeal({ notes: [floater, note('B', 2, 200_000, 0.12)] })).map((i) => [i.code, i.path])).toEqual([['DEAL_RATE', 'notes[0].coupon.cap']]);
  });

  it('steps that never pay a note principal', () => {
    const deal = twoNoteDeal({
      waterfall: {
        combined: [
          { kind: 'principal', rule: 'sequential', notes: ['A'] },
          { kind: 'residual', to: 'seller' },
        ],
      },
    });
    const issue = dealIssues(deal)[0];
    expect(issue).toMatchObject({ code: 'DEAL_NO_PRINCIPAL', path: 'notes[1]' });
    expect(issue?.rule).toContain("'B'");
  });

  it('a revolving deal without a principal step paying the principal due (nothing would buy loans)', () => {
    const turboOnly = twoNoteDeal({ revolving: { periods: 6 }, waterfall: { combined: [{ kind: 'turbo' }, { kind: 'residual', to: 'seller' }] } });
    expect(dealIssues(turboOnly)).toContainEqual(expect.objectContaining({ code: 'DEAL_WATERFALL', path: 'revolving' }));
    expect(dealIssues(twoNoteDeal({ revolving: { periods: 6 } }))).toEqual([]);
  });

  it('duplicate ids', () => {
    expect(firstIssue(twoNoteDeal({ notes: [note('A', 1, 1, 0), note('A', 2, 1, 0)] }))).toEqual({ code: 'DEAL_DUPLICATE_ID', path: 'notes[1].id' });
  });

  it('threshold schedules with a gap, an overlap or a closed last band', () => {
    expect(
      firstIssue(
        trigger([
          { fromPeriod: 1, toPeriod: 12, threshold: 0.05 },
          { fromPeriod: 14, threshold: 0.08 },
        ]),
      ),
    ).toEqual({ code: 'DEAL_THRESHOLD_SCHEDULE', path: 'triggers[0].threshold[1].fromPeriod' });
    expect(firstIssue(trigger([{ fromPeriod: 2, threshold: 0.05 }]))).toEqual({ code: 'DEAL_THRESHOLD_SCHEDULE', path: 'triggers[0].threshold[0].fromPeriod' });
    expect(firstIssue(trigger([{ fromPeriod: 1, toPeriod: 12, threshold: 0.05 }]))).toEqual({ code: 'DEAL_THRESHOLD_SCHEDULE', path: 'triggers[0].threshold[0].toPeriod' });
    expect(
      dealIssues(
        trigger([
          { fromPeriod: 1, toPeriod: 12, threshold: 0.05 },
          { fromPeriod: 13, threshold: 0.08 },
        ]),
      ),
    ).toEqual([]);
  });

  it('waterfall shape: a residual step last, PDL cures only under PDL allocation, a top-up only with a reserve', () => {
    expect(firstIssue(twoNoteDeal({ waterfall: { combined: [{ kind: 'principal', rule: 'sequential' }] } }))).toEqual({ code: 'DEAL_WATERFALL', path: 'waterfall.combined' });
    const deal = twoNoteDeal({ waterfall: { combined: [{ kind: 'pdlCure' }, { kind: 'reserveTopUp' }, { kind: 'principal', rule: 'sequential' }, { kind: 'residual', to: 'seller' }] } });
    expect(dealIssues(deal).map((i) => i.path)).toEqual(['waterfall.combined[0]', 'waterfall.combined[1]']);
  });

  it('a date that is not on the calendar and a bad payment frequency (fields), dates out of order (a rule)', () => {
    const bad = twoNoteDeal({ dates: { cutoff: '2026-01-01', closing: '2026-03-01', firstPaymentDate: '2026-02-30', legalFinalMaturity: '2025-01-01', paymentFrequencyMonths: 0 } });
    expect(dealIssues(bad).map((i) => [i.code, i.path, i.rule])).toEqual([
      ['DEAL_FIELD', 'dates.firstPaymentDate', 'not a calendar date'],
      ['DEAL_FIELD', 'dates.paymentFrequencyMonths', expect.any(String)],
    ]);
    const disordered = twoNoteDeal({ dates: { cutoff: '2026-03-02', closing: '2026-03-01', firstPaymentDate: '2026-03-01', legalFinalMaturity: '2026-02-01' } });
    expect(dealIssues(disordered).map((i) => [i.code, i.path])).toEqual([
      ['DEAL_DATES', 'dates.closing'],
      ['DEAL_DATES', 'dates.firstPaymentDate'],
      ['DEAL_DATES', 'dates.legalFinalMaturity'],
    ]);
  });

  it('a payment-date roll names its calendar; an unknown calendar or convention is a field error', () => {
    expect(dealIssues(twoNoteDeal({ dates: { ...DATES, businessDayConvention: 'following' } })).map((i) => [i.code, i.path])).toEqual([['DEAL_FIELD', 'dates.calendar']]);
    expect(dealIssues(twoNoteDeal({ dates: { ...DATES, businessDayConvention: 'modifiedFollowing', calendar: 'CN' } }))).toEqual([]);
    expect(dealIssues(twoNoteDeal({ dates: { ...DATES, businessDayConvention: 'none' } }))).toEqual([]);
    const unknown = twoNoteDeal({ dates: { ...DATES, calendar: 'UK' as 'CN', businessDayConvention: 'preceding' as 'following' } });
    expect(dealIssues(unknown).map((i) => i.path)).toEqual(['dates.businessDayConvention', 'dates.calendar']);
  });

  it('runDeal validates first and reports every issue in the details', () => {
    const deal = twoNoteDeal({ notes: [note('A', 1, -5, 0.06), note('B', 0, 1, 0.12)] });
    let caught: unknown;
    try {
      runDeal(deal, poolOf(1, [{ beginningBalance: 1, endingBalance: 0, scheduledPrincipal: 1 }]));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EngineError);
    const e = caught as EngineError;
    expect(e.code).toBe('DEAL_FIELD');
    expect(e.details.path).toBe('notes[0].originalBalance');
    expect((e.details.issues as unknown[]).length).toBe(2); // and notes[1].seniority
  });
});

describe('bad pool flows', () => {
  it('a negative or non-finite pool amount is an error naming the month and the column', () => {
    const deal = twoNoteDeal();
    const rows = [
      { beginningBalance: 1_000_000, interest: 5_000, scheduledPrincipal: 100_000, endingBalance: 900_000 },
      { beginningBalance: 900_000, interest: Number.NaN, scheduledPrincipal: 900_000, endingBalance: 0 },
    ];
    let caught: unknown;
    try {
      runDeal(deal, poolOf(1_000_000, rows));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EngineError);
    expect((caught as EngineError).code).toBe('POOL_FLOWS');
    expect((caught as EngineError).details).toMatchObject({ month: 2, column: 'interest' });
  });

  it('a revolving purchase needs the purchase profile', () => {
    const deal = twoNoteDeal({ revolving: { periods: 1 } });
    const rows = [
      { beginningBalance: 1_000_000, scheduledPrincipal: 100_000, endingBalance: 900_000 },
      { beginningBalance: 900_000, scheduledPrincipal: 900_000, endingBalance: 0 },
    ];
    expect(() => runDeal(deal, poolOf(1_000_000, rows))).toThrow(EngineError);
  });
});
