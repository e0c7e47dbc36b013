import { describe, expect, it } from 'vitest';
import type { AssumptionFile, AssumptionSetRecord, DealCheck, DealFile } from '../../service/api/contract.ts';
import { OWN } from '../../renderer/app/deal.ts';
import { chooseDealRun, type RunChoiceInputs } from '../../renderer/areas/deal/run-choice.ts';

// The Deal screen's rule for what a run uses (renderer/areas/deal/run-choice.ts), case by case.
// A run sends the deal as deal.validate read it (the check's `deal`).
const deal: DealFile = {
  name: '消费贷 2027-1',
  dates: { cutoff: '2026-12-31', closing: '2027-01-20', firstPaymentDate: '2027-02-26', legalFinalMaturity: '2031-12-26' },
  notes: [{ id: 'A', seniority: 1, originalBalance: 400_000_000, coupon: { type: 'fixed', rate: 0.028 } }],
  waterfall: {
    combined: [
      { kind: 'interest', notes: ['A'] },
      { kind: 'principal', rule: 'sequential' },
      { kind: 'residual', to: 'seller' },
    ],
  },
};
const check = (hasPool: boolean, hasAssumptions: boolean): DealCheck => ({
  name: '消费贷 2027-1',
  notes: 1,
  originalBalance: 400_000_000,
  hasPool,
  hasAssumptions,
  statedPoolBalance: 400_000_000,
  deal,
});
/** A saved set's scenario, told apart by its speed. */
const scenarioOf = (name: string): AssumptionFile => ({ months: 24, pool: { prepayment: name === 'stress' ? '20 CPR' : '10 CPR' } });
const set = (name: string): AssumptionSetRecord => ({ name, assumptions: scenarioOf(name), updatedAt: '2026-12-01T00:00:00Z' });
const tape = { id: 7, name: 'originator-a-2026-09' };
const sets = [set('base'), set('stress')];

function inputs(patch: Partial<RunChoiceInputs>): RunChoiceInputs {
  return { check: check(true, true), pool: 'own', scenario: OWN, mode: 'repline', tape, sets, ...patch };
}

describe('the pool a deal runs on', () => {
  it('is the deal’s own lines when chosen and the deal has them', () => {
    const run = chooseDealRun(inputs({}));
    expect(run.pool).toBe('own');
    expect(run.poolReady).toBe(true);
    expect(run.request).toEqual({ deal });
    expect(run.poolLabel).toBe('the deal’s own lines');
  });

  it('falls back to the chosen tape when the deal has no pool of its own', () => {
    const run = chooseDealRun(inputs({ check: check(false, true) }));
    expect(run.pool).toBe('tape');
    expect(run.request).toEqual({ deal, tapeId: 7, mode: 'repline' });
    expect(run.poolLabel).toBe('originator-a-2026-09 (representative lines)');
  });

  it('stays on the own lines, not ready, when the deal has none and there is no tape', () => {
    const run = chooseDealRun(inputs({ check: check(false, true), tape: null }));
    expect(run.pool).toBe('own');
    expect(run.poolReady).toBe(false);
    expect(run.request).toBeNull();
  });

  it('is the tape when the analyst chose it, projected in the chosen mode', () => {
    const run = chooseDealRun(inputs({ pool: 'tape', mode: 'loan' }));
    expect(run.pool).toBe('tape');
    expect(run.request).toEqual({ deal, tapeId: 7, mode: 'loan' });
    expect(run.poolLabel).toBe('originator-a-2026-09 (loan level)');
  });

  it('is not ready when a tape was chosen but the workspace has none', () => {
    const run = chooseDealRun(inputs({ pool: 'tape', tape: null }));
    expect(run.pool).toBe('tape');
    expect(run.poolReady).toBe(false);
    expect(run.request).toBeNull();
    expect(run.poolLabel).toBe('tape (representative lines)');
  });
});

describe('the scenario a deal runs under', () => {
  it('is the deal’s own scenario when chosen and present: the request carries no assumptions', () => {
    const run = chooseDealRun(inputs({}));
    expect(run.scenario).toBe(OWN);
    expect(run.request).not.toHaveProperty('assumptions');
    expect(run.scenarioLabel).toBe('the deal file’s assumptions');
  });

  it('is the saved set named, sent as the request’s assumptions', () => {
    const run = chooseDealRun(inputs({ scenario: 'stress' }));
    expect(run.scenario).toBe('stress');
    expect(run.request).toEqual({ deal, assumptions: scenarioOf('stress'), scenarioName: 'stress' });
    expect(run.scenarioLabel).toBe('“stress”');
  });

  it('falls back to the deal’s own scenario when the named set is gone', () => {
    const run = chooseDealRun(inputs({ scenario: 'deleted set' }));
    expect(run.scenario).toBe(OWN);
    expect(run.request).toEqual({ deal });
  });

  it('falls back to the first saved set when the deal has no scenario of its own', () => {
    for (const scenario of [OWN, 'deleted set']) {
      const run = chooseDealRun(inputs({ check: check(true, false), scenario }));
      expect(run.scenario).toBe('base');
      expect(run.request).toEqual({ deal, assumptions: scenarioOf('base'), scenarioName: 'base' });
    }
  });

  it('is missing, and nothing runs, when the deal has none and no set is saved (or the sets are still loading)', () => {
    for (const saved of [[], null]) {
      const run = chooseDealRun(inputs({ check: check(true, false), sets: saved }));
      expect(run.scenario).toBeNull();
      expect(run.scenarioReady).toBe(false);
      expect(run.request).toBeNull();
      expect(run.scenarioLabel).toBe('“”');
    }
  });
});

describe('a deal not (yet) valid', () => {
  it('runs nothing, whatever is chosen', () => {
    const run = chooseDealRun(inputs({ check: null, pool: 'tape', scenario: 'base' }));
    expect(run.request).toBeNull();
    expect(run.pool).toBe('tape');
    expect(run.scenario).toBe('base');
  });

  it('offers no own pool or scenario: a tape and the first saved set stand in', () => {
    const run = chooseDealRun(inputs({ check: null }));
    expect(run.pool).toBe('tape');
    expect(run.scenario).toBe('base');
  });
  /**
   * The walkthrough added a note no principal step pays ("No principal or turbo step ever pays
   * note 'B2'"): Pool switched to the tape, the deal's own scenario vanished and the notes were
   * re-sized against the tape. The last valid check of the deal keeps its own pool and scenario chosen.
   */
  it('keeps the own pool and scenario its last valid check offered while an edit leaves it invalid, and runs nothing', () => {
    const run = chooseDealRun(inputs({ check: null, lastValid: check(true, true) }));
    expect([run.pool, run.scenario, run.poolReady, run.scenarioReady]).toEqual(['own', OWN, true, true]);
    expect(run.poolLabel).toBe('the deal’s own lines');
    expect(run.scenarioLabel).toBe('the deal file’s assumptions');
    expect(run.request).toBeNull();
  });

  it('keeps the analyst’s tape and saved set too, and a deal without its own pool still falls to the tape', () => {
    const chosen = chooseDealRun(inputs({ check: null, lastValid: check(true, true), pool: 'tape', scenario: 'stress' }));
    expect([chosen.pool, chosen.scenario, chosen.request]).toEqual(['tape', 'stress', null]);
    const noOwnPool = chooseDealRun(inputs({ check: null, lastValid: check(false, true) }));
    expect([noOwnPool.pool, noOwnPool.scenario]).toEqual(['tape', OWN]);
  });

  it('follows the current check once the deal reads again, not the last one', () => {
    const run = chooseDealRun(inputs({ check: check(false, false), lastValid: check(true, true) }));
    expect([run.pool, run.scenario]).toEqual(['tape', 'base']);
  });
});

describe('a tape and a saved set together', () => {
  it('make one request with both', () => {
    const run = chooseDealRun(inputs({ check: check(false, false), pool: 'tape', scenario: 'stress', mode: 'loan' }));
    expect(run.request).toEqual({ deal, tapeId: 7, mode: 'loan', assumptions: scenarioOf('stress'), scenarioName: 'stress' });
  });
});

describe('a deal on a schedule pool (docs/schedule-pools.md)', () => {
  const scheduled: DealFile = { ...deal, schedulePool: { rows: [{ periodEnd: '2027-01-31', openingBalance: 400_000_000, scheduledPrincipal: 400_000_000, interest: 1_000_000 }] } };
  const scheduleCheck: DealCheck = { ...check(true, true), deal: scheduled };

  it('runs on its own schedule and stress even when the screen has a tape and a saved set chosen', () => {
    const choice = chooseDealRun(inputs({ check: scheduleCheck, pool: 'tape', scenario: 'stress' }));
    expect(choice.request).toEqual({ deal: scheduled });
    expect([choice.pool, choice.poolLabel, choice.scenarioLabel]).toEqual(['own', 'the deal’s collection schedule', 'the schedule’s stress']);
  });
});
