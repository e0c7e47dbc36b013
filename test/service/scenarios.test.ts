import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DealFile, ScenarioSetRunRequest, ScenarioSetRunResult } from '../../service/api/contract.ts';
import { checkAssumptions } from '../../service/files/assumption-file.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { scenarioSetJsonSchema } from '../../service/files/json-schemas.ts';
import { indexPathOf, readScenarioSet } from '../../service/files/scenario-file.ts';
import { scenarioSetRunOf } from '../../service/jobs/job-manager.ts';
import { dealRunResult } from '../../service/runs/deal-run.ts';
import { prepareDeal } from '../../service/runs/prepare-deal.ts';
import { repLineInput, tapeInput } from '../../service/runs/projection.ts';
import { runScenarioSet, scenarioRow } from '../../service/runs/scenario-set.ts';
import { scenarioOverridesOf, withIndexRates } from '../../service/runs/scenario.ts';
import type { Service } from '../../service/service.ts';
import { expectPeriodsReconciled } from '../helpers/reconcile.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useSampleTape } from '../helpers/service.ts';

const TEMPLATES = ['cn-consumer-revolving', 'cn-credit-card-installment', 'us-auto-oc-turbo', 'pass-through', 'us-cmo-sequential'] as const;
const json = (path: string): unknown => JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8'));
const template = (name: string): DealFile => readDealFile(json(`templates/deals/${name}.json`));
const shippedSet = (name: string): unknown => json(`templates/scenarios/${name}.json`);

/** The BAD_REQUEST a read throws: its first path and message. */
function problem(run: () => unknown): { path: unknown; message: string } {
  try {
    run();
  } catch (error) {
    const e = error as { message: string; details?: { path?: unknown } };
    return { path: e.details?.path, message: e.message };
  }
  throw new Error('expected a problem');
}

const SET = { name: 'Test', scenarios: [{ name: 'Base' }] };

describe('the scenario-set file', () => {
  it('refuses what it cannot read at the JSON path; a segment the pool lacks stresses no loan and is no error', () => {
    const names = { segments: ['salaried', 'self_employed', 'gig'] };
    // A run warns of it (service/runs/scenario.ts withMultipliers; test/service/unmatched-segments.test.ts).
    const unknown = { ...SET, scenarios: [{ name: 'Gig', multipliers: { segments: { gigs: { default: 3 } } } }] };
    expect(readScenarioSet(unknown, names)).toEqual(unknown);
    expect(problem(() => readScenarioSet({ ...SET, scenarios: [{ name: 'A' }, { name: 'A' }] })).path).toBe('$.scenarios[1].name');
    expect(problem(() => readScenarioSet({ ...SET, scenarios: [{ name: 'A', multipliers: { pool: { cure: -0.5 } } }] })).path).toBe('$.scenarios[0].multipliers.pool.cure');
    expect(problem(() => readScenarioSet({ ...SET, scenarios: [{ name: 'A', multipliers: { pool: { defaults: 2 } } }] })).path).toBe('$.scenarios[0].multipliers.pool.defaults');
    expect(problem(() => readScenarioSet({ ...SET, scenarios: [{ name: 'A', prepayment: '3 CDR' }] })).path).toBe('$.scenarios[0].prepayment');
    expect(problem(() => readScenarioSet({ ...SET, scenarios: [{ name: 'A', indexRates: { path: '150 PSA' } }] })).path).toBe('$.scenarios[0].indexRates.path');
    // Event blocks are an assumption file's (docs/assumptions.md, Event stresses), checked at their path in the set.
    expect(problem(() => readScenarioSet({ ...SET, scenarios: [{ name: 'A', events: [{ kind: 'outage' }] }] })).path).toBe('$.scenarios[0].events[0].type');
    const outage = { type: 'outage', segment: 3, month: 3, days: 15, share: 0.5, cureShare: 1 };
    expect(problem(() => readScenarioSet({ ...SET, scenarios: [{ name: 'A' }, { name: 'B', events: [outage] }] }, names))).toEqual({
      path: '$.scenarios[1].events[0].segment',
      message: 'Scenario set $.scenarios[1].events[0].segment: the pool has no segment at position 3 (its segments: 0: salaried, 1: self_employed, 2: gig)',
    });
    expect(problem(() => readScenarioSet({ ...SET, scenarios: [] })).path).toBe('$.scenarios');
    expect(problem(() => readScenarioSet(JSON.parse('{"name":"T","scenarios":[{"name":"A","multipliers":{"segments":{"__proto__":{}}}}]}'))).path).toBe(
      '$.scenarios[0].multipliers.segments.__proto__',
    );
    expect(readScenarioSet({ ...SET, scenarios: [{ name: 'A', events: [] }] }).scenarios[0]?.events).toEqual([]);
  });

  it('publishes its JSON Schema from the same definition, and the shipped sets name it', () => {
    expect(readFileSync(join(REPO_ROOT, 'docs', 'schemas', 'scenario-set.schema.json'), 'utf8')).toBe(scenarioSetJsonSchema());
    for (const name of TEMPLATES) expect((shippedSet(name) as { $schema: string }).$schema).toBe('../../docs/schemas/scenario-set.schema.json');
  });

  it('reads an index path in notation as percent per annum by payment period', () => {
    // "2 for 2, 2 ramp 4 3": 2%, 2%, then a 3-period ramp 2% → 3% → 4%.
    expect(indexPathOf('2 for 2, 2 ramp 4 3', '$').map((r) => Number(r.toFixed(12)))).toEqual([0.02, 0.02, 0.02, 0.03, 0.04]);
    expect(indexPathOf([0.01, -0.002], '$')).toEqual([0.01, -0.002]);
  });
});

describe('a scenario on top of the base', () => {
  it('a segment multiplier equals editing that segment’s assumptions by hand', () => {
    // gig's roll from current into 1–30 DPD is 2.25% a month; rollIn × 3 → 6.75%, as if the file said so.
    const deal = template('cn-consumer-revolving');
    const base = deal.assumptions!;
    const gig = base.segments!['gig']!;
    const edited = { ...base, segments: { ...base.segments, gig: { ...gig, rollRates: { ...gig.rollRates!, rollForward: { ...gig.rollRates!.rollForward, current: 0.0675 } } } } };
    const byScenario = dealRunResult(prepareDeal(deal, null, undefined, { multipliers: { segments: { gig: { rollIn: 3 } } } }), 'repline');
    const byHand = dealRunResult(prepareDeal(deal, null, checkAssumptions(edited).assumptions), 'repline');
    expect(byScenario.cumulativeDefaultRate.at(-1)).toBeGreaterThan(dealRunResult(prepareDeal(deal, null, undefined), 'repline').cumulativeDefaultRate.at(-1) ?? Infinity);
    byScenario.tranches.forEach((t, i) => {
      expect(t.writeDown).toBeCloseTo(byHand.tranches[i]?.writeDown ?? NaN, 2);
      expect(t.walYears).toBeCloseTo(byHand.tranches[i]?.walYears ?? NaN, 9);
    });
    expect(byScenario.cumulativeNetLoss.at(-1)).toBeCloseTo(byHand.cumulativeNetLoss.at(-1) ?? NaN, 2);
  });

  it('a scenario’s event stresses run as if the base assumption file held them, after its own', () => {
    // A 3-month payment holiday (interest waived) for a quarter of gig borrowers from month 2, and a
    // half-month outage in month 3 curing in full: through the scenario, and written into the file.
    const deal = template('cn-consumer-revolving');
    const events = [
      { type: 'paymentHoliday', segment: 'gig', share: 0.25, fromMonth: 2, months: 3, interest: 'waived' },
      { type: 'outage', month: 3, days: 15, share: 0.5, cureShare: 1, waivePenalty: true },
    ] as const;
    const set = { name: 'Events', scenarios: [{ name: 'Base' }, { name: 'Holiday and outage', events }] };
    const [base, stressed] = runScenarioSet({ file: deal, tapeInput: null, mode: 'repline', base: undefined, overrides: {}, set }).scenarios;
    const byHand = dealRunResult(prepareDeal(deal, null, checkAssumptions({ ...deal.assumptions!, events }).assumptions), 'repline');
    expect(stressed?.tranches).toEqual(scenarioRow('x', null, byHand).tranches);
    expect(stressed?.tranches).not.toEqual(base?.tranches);
    expectPeriodsReconciled(byHand.periods);
  });

  it('a segment’s factor multiplies the pool’s; recovery × 0.5 equals half the recovery rate', () => {
    const deal = template('cn-consumer-revolving');
    const composed = dealRunResult(prepareDeal(deal, null, undefined, { multipliers: { pool: { rollIn: 1.5 }, segments: { gig: { rollIn: 2 } } } }), 'repline');
    const gigOnly = dealRunResult(prepareDeal(deal, null, undefined, { multipliers: { pool: { rollIn: 1.5 }, segments: { gig: { rollIn: 1 } } } }), 'repline');
    expect(composed.cumulativeDefaultRate.at(-1)).toBeGreaterThan(gigOnly.cumulativeDefaultRate.at(-1) ?? Infinity);
    // Recovery rate 15% × 0.5 = 7.5%: the same run as recoveryRate 0.075 written in the scenario.
    const halved = dealRunResult(prepareDeal(deal, null, undefined, { multipliers: { pool: { recovery: 0.5 } } }), 'repline');
    const replaced = dealRunResult(prepareDeal(deal, null, undefined, { recoveryRate: 0.075 }), 'repline');
    expect(halved.cumulativeNetLoss).toEqual(replaced.cumulativeNetLoss);
  });

  it('an index-rate shock moves a floating note’s coupon by exactly the shock', () => {
    // The pass-through certificate as a floating note: index 5.5% + margin 2% = 7.5% (its fixed coupon);
    // a +100 bp shock pays 8.5%: period 1's interest rises by 400,000,000 × 1% × 30/360 = 333,333.33.
    const fixed = template('pass-through');
    const floating = readDealFile({ ...fixed, notes: fixed.notes.map((n) => ({ ...n, coupon: { type: 'floating', index: [0.055], margin: 0.02 } })) });
    const base = dealRunResult(prepareDeal(floating, null, undefined), 'repline');
    const shocked = dealRunResult(prepareDeal(floating, null, undefined, { indexRates: { shockBps: 100 } }), 'repline');
    const interest = (r: typeof base): number => r.periods[0]?.notes[0]?.interestDue ?? NaN;
    expect(base.periods[0]?.notes[0]?.couponRate).toBeCloseTo(0.075, 12);
    expect(shocked.periods[0]?.notes[0]?.couponRate).toBeCloseTo(0.085, 12);
    expect(interest(shocked) - interest(base)).toBeCloseTo(333_333.33, 2);
    // A path replaces the index, then the shock shifts it; fixed notes are untouched.
    const pathed = withIndexRates(floating, { path: [0.01, 0.02], shockBps: -50 });
    expect(pathed.notes[0]?.coupon).toEqual({ type: 'floating', index: [0.005, 0.015], margin: 0.02 });
    expect(withIndexRates(fixed, { shockBps: 100 }).notes).toEqual(fixed.notes);
  });
});

describe('the shipped scenario sets', () => {
  it.each(TEMPLATES)('%s: every scenario runs and reconciles to the cent; stresses raise the pool’s losses in order', (name) => {
    const deal = template(name);
    const set = readScenarioSet(shippedSet(name));
    expect(set.scenarios.map((s) => s.name)).toEqual(['Base', 'Stress 1.5x', 'Stress 2x', 'Stress 3x', 'Stress 4x', 'Prepay 0.5x', 'Prepay 2x']);
    const result = runScenarioSet({ file: deal, tapeInput: null, mode: 'repline', base: undefined, overrides: {}, set });
    set.scenarios.forEach((scenario, k) => {
      const run = dealRunResult(prepareDeal(deal, null, undefined, scenarioOverridesOf(scenario, `$.scenarios[${k}]`)), 'repline');
      expectPeriodsReconciled(run.periods, `${name} ${scenario.name}`);
      expect(result.scenarios[k]?.tranches).toEqual(run.tranches);
    });
    // Base is the deal's own run.
    expect(result.scenarios[0]?.tranches).toEqual(dealRunResult(prepareDeal(deal, null, undefined), 'repline').tranches);
    const netLoss = result.scenarios.slice(0, 5).map((s) => s.cumulativeNetLoss);
    for (let k = 1; k < netLoss.length; k++) expect(netLoss[k]).toBeGreaterThanOrEqual(netLoss[k - 1] ?? Infinity);
  });
});

describe('a scenario’s run by payment date (Compare overlays scenarios on dates)', () => {
  it('gives each payment date, the pool’s cumulative rates and each note’s balance after the date, ending on the row’s own figures', () => {
    const deal = template('cn-consumer-revolving');
    const set = readScenarioSet(shippedSet('cn-consumer-revolving'));
    const [, stress] = runScenarioSet({ file: deal, tapeInput: null, mode: 'repline', base: undefined, overrides: {}, set }).scenarios;
    const run = dealRunResult(prepareDeal(deal, null, undefined, scenarioOverridesOf(set.scenarios[1] ?? { name: '' }, '$.scenarios[1]')), 'repline');
    const series = stress?.series;
    expect(series?.dates).toEqual(run.periods.map((p) => p.paymentDate));
    // The last date's rates are the row's headline figures.
    expect(series?.cumulativeDefaultRate.at(-1)).toBe(stress?.cumulativeDefaultRate);
    expect(series?.cumulativeNetLossRate.at(-1)).toBe(stress?.cumulativeNetLossRate);
    // A note's balance after date 1 = its original balance − principal paid (net of reimbursed write-downs) − written down on date 1, by hand from the period's own figures.
    for (const note of run.periods[0]?.notes ?? []) {
      const original = run.tranches.find((t) => t.id === note.id)?.originalBalance ?? NaN;
      const after = Math.round((original - (note.principalPaid - note.writeDownReimbursed) - note.writeDown) * 100) / 100;
      expect(series?.noteBalances.find((b) => b.id === note.id)?.values[0]).toBe(after);
    }
    // Every note is paid down or written off by the last date.
    for (const balance of series?.noteBalances ?? []) expect(balance.values.at(-1)).toBe(0);
  });
});

async function runSetJob(service: Service, request: ScenarioSetRunRequest): Promise<ScenarioSetRunResult> {
  const job = await service.call('deal.runScenarios', request);
  if (!job.ok) throw new Error(job.error.message);
  const done = await service.jobs.wait(job.value.id);
  const ran = scenarioSetRunOf(done);
  if (!ran) throw new Error(done.error?.message ?? done.state);
  return ran.scenarios;
}

describe('deal.runScenarios on a tape (a job), loan level and representative lines', () => {
  const sample = useSampleTape({ loans: 2000, seed: 5 });
  it('runs the consumer set in both modes; the stresses lose more; scenarios.check answers with the set', async () => {
    const service = sample.service();
    const deal = template('cn-consumer-revolving');
    const checked = await service.call('scenarios.check', { scenarios: shippedSet('cn-consumer-revolving'), tapeId: sample.tapeId() });
    if (!checked.ok) throw new Error(checked.error.message);
    expect(checked.value.scenarios).toHaveLength(7);
    const summary = await service.call('pool.summary', { tapeId: sample.tapeId() });
    if (!summary.ok) throw new Error(summary.error.message);
    const pool = summary.value.currentBalance;
    const sized = { ...deal, notes: deal.notes.map((n, i) => ({ ...n, originalBalance: Math.round(pool * [0.8, 0.09, 0.11][i]! * 100) / 100 })) };
    for (const mode of ['loan', 'repline'] as const) {
      const result = await runSetJob(service, { deal: sized, tapeId: sample.tapeId(), mode, scenarios: checked.value.set });
      expect(result.mode).toBe(mode);
      expect(result.scenarios.map((s) => s.name)).toEqual(checked.value.scenarios);
      const [base, , , , worst] = result.scenarios;
      expect(worst?.cumulativeDefaultRate ?? 0).toBeGreaterThan(base?.cumulativeDefaultRate ?? Infinity);
      expect(worst?.cumulativeNetLossRate ?? 0).toBeGreaterThan(base?.cumulativeNetLossRate ?? Infinity);
    }
    // Every scenario reconciles to the cent on the tape, loan by loan and by representative lines.
    const loans = tapeInput(service.requireWorkspace().db, sample.tapeId());
    const file = readDealFile(sized);
    for (const [mode, input] of [
      ['loan', loans],
      ['repline', repLineInput(loans)],
    ] as const) {
      checked.value.set.scenarios.forEach((scenario, k) => {
        const run = dealRunResult(prepareDeal(file, input, undefined, scenarioOverridesOf(scenario, `$.scenarios[${k}]`)), mode);
        expectPeriodsReconciled(run.periods, `${mode} ${scenario.name}`);
      });
    }
    // A segment the tape lacks stresses no loan: the set reads, and each run warns of it.
    const farmers = { ...SET, scenarios: [{ name: 'X', multipliers: { segments: { farmers: { default: 2 } } } }] };
    expect((await service.call('scenarios.check', { scenarios: farmers, tapeId: sample.tapeId() })).ok).toBe(true);
    const farmed = dealRunResult(prepareDeal(file, loans, undefined, scenarioOverridesOf(farmers.scenarios[0]!, '$.scenarios[0]')), 'loan');
    expect(farmed.codedWarnings?.find((w) => w.code === 'assumptions.unmatchedSegments')?.params['paths']).toBe('$.multipliers.segments.farmers');
  });
});

describe('the documented example set', () => {
  it('docs/examples/scenario-set-downturn.json runs on the consumer template; the gig downturn loses more, the rate scenarios change nothing on fixed notes', () => {
    const deal = template('cn-consumer-revolving');
    const result = runScenarioSet({ file: deal, tapeInput: null, mode: 'repline', base: undefined, overrides: {}, set: json('docs/examples/scenario-set-downturn.json') });
    const [base, downturn, , shocked, pathed] = result.scenarios;
    expect(downturn?.cumulativeNetLoss).toBeGreaterThan(base?.cumulativeNetLoss ?? Infinity);
    expect(shocked?.tranches).toEqual(base?.tranches);
    expect(pathed?.tranches).toEqual(base?.tranches);
  });
});

describe('a set whose base is a saved assumption set', () => {
  const sample = useSampleTape({ loans: 200, seed: 3 });
  it('runs on the saved set named by `base`; an unknown name is NOT_FOUND at $.base, naming the saved sets', async () => {
    const service = sample.service();
    const deal = template('cn-consumer-revolving');
    const noRecoveries = { ...deal.assumptions!, pool: { ...deal.assumptions!.pool, recoveryRate: 0 } };
    const saved = await service.call('assumptions.save', { name: 'No recoveries', assumptions: noRecoveries });
    expect(saved.ok).toBe(true);
    const set = { name: 'On a saved base', base: 'No recoveries', scenarios: [{ name: 'Base' }] };
    const onSaved = await runSetJob(service, { deal, scenarios: readScenarioSet(set) });
    const own = await runSetJob(service, { deal, scenarios: readScenarioSet({ ...set, base: undefined }) });
    // Recovery 0: net loss = gross defaults, above the deal's own 15% recoveries.
    expect(onSaved.scenarios[0]?.cumulativeNetLoss).toBeGreaterThan(own.scenarios[0]?.cumulativeNetLoss ?? Infinity);
    const missing = await service.call('deal.runScenarios', { deal, scenarios: readScenarioSet({ ...set, base: 'Nope' }) });
    expect(missing.ok ? null : missing.error).toMatchObject({ code: 'NOT_FOUND', details: { path: '$.base' } });
    expect(missing.ok ? '' : missing.error.message).toContain('saved sets: "No recoveries"');
  });
});

describe('scenarios.templates', () => {
  const sample = useSampleTape({ loans: 50, seed: 5 });
  it('serves the five shipped sets, one per deal template, each the file in templates/scenarios/ as read (Base first, 7 scenarios)', async () => {
    const service = sample.service();
    const answer = await service.call('scenarios.templates', {});
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.value.map((t) => t.id)).toEqual([...TEMPLATES]);
    for (const t of answer.value) {
      expect(t.dealTemplate).toBe(t.id);
      const { $schema: _pointer, ...file } = shippedSet(t.id) as { $schema: string; name: string };
      expect(t.set).toEqual(readScenarioSet(file));
      expect(t.name).toBe(file.name);
      expect(t.set.scenarios.map((s) => s.name)).toEqual(['Base', 'Stress 1.5x', 'Stress 2x', 'Stress 3x', 'Stress 4x', 'Prepay 0.5x', 'Prepay 2x']);
      // What the screen sends back is accepted as it came.
      expect((await service.call('scenarios.check', { scenarios: t.set })).ok).toBe(true);
    }
  });
});
