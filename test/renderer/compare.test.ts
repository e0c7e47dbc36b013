import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScenarioRunRow, ScenarioSetRunResult, TrancheRow } from '../../service/api/contract.ts';
import { readScenarioSet } from '../../service/files/scenario-file.ts';
import { addRow, duplicateRow, fieldPath, formOfSet, plainMessage, removeRow, setOfForm, updateRow } from '../../renderer/areas/compare/form.ts';
import { chartData, compareCsv, compareRows, oneCurrency } from '../../renderer/areas/compare/table.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { translator } from '../../renderer/app/i18n.tsx';

const json = (path: string): unknown => JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8'));
const { $schema: _s1, ...SHIPPED } = json('templates/scenarios/cn-consumer-revolving.json') as Record<string, unknown>;
const { $schema: _s2, ...DOWNTURN } = json('docs/examples/scenario-set-downturn.json') as Record<string, unknown>;

describe('the Compare screen’s set form ↔ the scenario-set file', () => {
  it('gives back the shipped consumer set and the documented downturn set exactly (segment multipliers, recovery rate, index rates kept)', () => {
    for (const file of [SHIPPED, DOWNTURN]) {
      const set = readScenarioSet(file);
      expect(readScenarioSet(setOfForm(formOfSet(set)))).toEqual(set);
    }
  });

  it('shows factors as typed text, blank where the file has none (1 = unchanged)', () => {
    const form = formOfSet(readScenarioSet(SHIPPED));
    expect(form.rows.map((r) => r.name)).toEqual(['Base', 'Stress 1.5x', 'Stress 2x', 'Stress 3x', 'Stress 4x', 'Prepay 0.5x', 'Prepay 2x']);
    expect(form.rows[4]?.factors).toEqual({ default: '4', rollIn: '4', cure: '0.25', prepayment: '', recovery: '0.5' });
    expect(form.rows[0]?.factors).toEqual({ default: '', rollIn: '', cure: '', prepayment: '', recovery: '' });
  });

  it('writes blanks as absent keys, numbers as numbers, and keeps a typo (or a decimal comma: 1,5 is not guessed) as text for the check to name at its path', () => {
    let form = formOfSet(readScenarioSet({ name: 'Mine', scenarios: [{ name: 'Base' }] }));
    form = updateRow(form, 0, { factors: { default: '1.5', rollIn: ' ', cure: '0.5', prepayment: 'abc', recovery: '' }, recoveryLagMonths: '9', defaultCurve: ' 2 CDR ', prepaymentCurve: '' });
    expect(setOfForm(form)).toEqual({
      name: 'Mine',
      scenarios: [{ name: 'Base', multipliers: { pool: { default: 1.5, cure: 0.5, prepayment: 'abc' } }, recoveryLagMonths: 9, default: '2 CDR' }],
    });
    expect(() => readScenarioSet(setOfForm(form))).toThrow(/\$\.scenarios\[0\]\.multipliers\.pool\.prepayment/);
    const comma = updateRow(form, 0, { factors: { default: '1,5', rollIn: '', cure: '', prepayment: '', recovery: '' } });
    expect(setOfForm(comma).scenarios).toEqual([{ name: 'Base', multipliers: { pool: { default: '1,5' } }, recoveryLagMonths: 9, default: '2 CDR' }]);
    // An unstressed row is only its name.
    expect(setOfForm(addRow(formOfSet(readScenarioSet({ name: 'Mine', scenarios: [{ name: 'Base' }] })))).scenarios).toEqual([{ name: 'Base' }, { name: 'Scenario' }]);
  });

  it('adds, duplicates (right after, a free name) and removes rows', () => {
    let form = formOfSet(readScenarioSet({ name: 'S', scenarios: [{ name: 'Base' }, { name: 'Stress', multipliers: { pool: { default: 2 } } }] }));
    form = duplicateRow(form, 1);
    form = duplicateRow(form, 1);
    expect(form.rows.map((r) => r.name)).toEqual(['Base', 'Stress', 'Stress copy (2)', 'Stress copy']);
    expect(form.rows[2]?.factors.default).toBe('2');
    expect(new Set(form.rows.map((r) => r.key)).size).toBe(4);
    form = addRow(addRow(removeRow(form, 0)));
    expect(form.rows.map((r) => r.name)).toEqual(['Stress', 'Stress copy (2)', 'Stress copy', 'Scenario', 'Scenario (2)']);
  });

  it('names each field by the JSON path the service reports, and says the service’s generic words plainly', () => {
    expect(fieldPath(2, 'default')).toBe('$.scenarios[2].multipliers.pool.default');
    expect(fieldPath(2, 'defaultCurve')).toBe('$.scenarios[2].default');
    expect(fieldPath(0, 'recoveryLagMonths')).toBe('$.scenarios[0].recoveryLagMonths');
    const at = '$.scenarios[2].multipliers.pool.default';
    expect(plainMessage(at, 'Too big: expected number to be <=100', '200')).toBe('200 is not allowed: a multiplier is a factor from 0 to 100 (1 = unchanged)');
    expect(plainMessage(at, 'Invalid input: expected number, received string', 'two')).toBe('“two” is not a number: a multiplier is a factor from 0 to 100 (1 = unchanged)');
    expect(plainMessage('$.scenarios[0].recoveryLagMonths', 'recoveryLagMonths must be a whole number from 0 to 120', '2.5')).toBe(
      '2.5 is not allowed: the recovery lag is a whole number of months from 0 to 120',
    );
    // A specific message is the service's own.
    expect(plainMessage('$.scenarios[1].name', '"Base" is also the name of scenarios[0]; names must be unique', 'Base')).toBe('"Base" is also the name of scenarios[0]; names must be unique');
  });
});

function tranche(id: string, seniority: number, patch: Partial<TrancheRow>): TrancheRow {
  return {
    id,
    name: id,
    seniority,
    originalBalance: 100,
    coupon: '3.00% fixed',
    walYears: 1.5,
    walBasis: 'ACT/365',
    walFrom: '2027-01-20',
    firstPrincipal: { period: 1, date: '2027-02-26' },
    lastPrincipal: { period: 12, date: '2028-01-26' },
    expectedFinal: null,
    totalInterest: 0,
    totalPrincipal: 100,
    totalResidual: 0,
    writeDown: 0,
    lossRate: 0,
    interestShortfall: 0,
    yieldAtParAnnualEffective: 0.0304,
    yieldAtParBondEquivalent: null,
    yieldAtParMortgageEquivalent: null,
    yieldAtParChinaInterbank: null,
    modifiedDurationYears: null,
    irr: null,
    creditEnhancementAtClosing: 0.1,
    ...patch,
  };
}

function scenario(name: string, patch: Partial<ScenarioRunRow>): ScenarioRunRow {
  return {
    name,
    description: null,
    tranches: [],
    cumulativeDefaultRate: 0,
    cumulativeNetLoss: 0,
    cumulativeNetLossRate: 0,
    reserveDraws: 0,
    triggerFirstBreach: {},
    revolvingEnd: null,
    cleanUpPeriod: null,
    warnings: [],
    ...patch,
  };
}

// Two notes, two scenarios; the figures are written out by hand below.
const RUN: ScenarioSetRunResult = {
  setName: 'Test',
  dealName: 'Deal',
  poolName: 'Pool',
  mode: 'repline',
  cutoffDate: '2026-12-31',
  closingDate: '2027-01-20',
  poolBalance: 1000,
  cumulativeRatioDenominator: 'initialPool',
  scenarios: [
    scenario('Base', {
      tranches: [tranche('B', 2, { irr: 0.25, yieldAtParAnnualEffective: null }), tranche('A', 1, {})],
      cumulativeDefaultRate: 0.05,
      cumulativeNetLoss: 43.1,
      cumulativeNetLossRate: 0.0431,
      triggerFirstBreach: { cdr: null },
    }),
    scenario('=Stress', {
      tranches: [
        tranche('A', 1, { walYears: 2.345, firstPrincipal: { period: 3, date: '2027-04-26' }, lastPrincipal: { period: 3, date: '2027-04-26' } }),
        tranche('B', 2, { lossRate: 0.155555, writeDown: 15.5555, interestShortfall: 1234.5, irr: -0.5, yieldAtParAnnualEffective: null }),
      ],
      cumulativeDefaultRate: 0.1887,
      cumulativeNetLoss: 139.7,
      cumulativeNetLossRate: 0.1397,
      reserveDraws: 12.34,
      triggerFirstBreach: { cdr: 11 },
      revolvingEnd: { period: 11, paymentDate: '2027-12-26', reason: 'trigger', trigger: 'cdr' },
    }),
  ],
};

describe('the side-by-side table', () => {
  it('lists each note’s five figures by seniority, then the pool’s, one cell per scenario, every figure naming its unit', () => {
    const rows = compareRows(RUN, translator('en'), oneCurrency(RUN, 'CNY'));
    // 2 notes × 5 figures + cumulative default, net loss, net loss %, reserve draws + 1 trigger + revolving end.
    expect(rows).toHaveLength(2 * 5 + 4 + 1 + 1);
    expect(rows.slice(0, 5).map((r) => `${r.subject} | ${r.figure}`)).toEqual([
      'A | WAL (years, ACT/365 from closing)',
      'A | Principal window (first – last payment date)',
      'A | Yield at par, annual effective (ACT/365, as XIRR) / residual IRR',
      'A | Loss (% of original balance)',
      'A | Interest shortfall at the end (deal currency)',
    ]);
    const cells = (key: string): string[] => rows.find((r) => r.key === key)?.cells.map((c) => c.text) ?? [];
    expect(cells('A:wal')).toEqual(['1.50', '2.35']);
    expect(cells('A:window')).toEqual(['2027-02-26 – 2028-01-26', '2027-04-26']);
    expect(cells('A:yield')).toEqual(['3.04%', '3.04%']);
    expect(cells('B:yield')).toEqual(['IRR 25.00%', 'IRR -50.00%']);
    expect(cells('B:loss')).toEqual(['0.00%', '15.56%']);
    // Amounts in the deal's currency, as the Deal screen writes them (its file's currency CNY).
    expect(cells('B:shortfall')).toEqual(['¥0.00', '¥1,234.50']);
    expect(rows.find((r) => r.key === 'pool:cdr')?.figure).toBe('Cumulative default rate (% of the cutoff pool, last period)');
    expect(cells('pool:cdr')).toEqual(['5.00%', '18.87%']);
    expect(cells('pool:cnlRate')).toEqual(['4.31%', '13.97%']);
    expect(cells('pool:reserve')).toEqual(['¥0.00', '¥12.34']);
    expect(cells('pool:cnl')).toEqual(['¥43.10', '¥139.70']);
    expect(cells('pool:trigger:cdr')).toEqual(['not breached', 'period 11']);
    expect(cells('pool:revolving')).toEqual(['none', 'period 11']);
  });

  it('writes CSV with rates as decimals and amounts without separators; a scenario name a spreadsheet would read as a formula is guarded', () => {
    const csv = compareCsv(RUN, compareRows(RUN, translator('en'), oneCurrency(RUN, 'USD'))).split('\n');
    expect(csv[0]).toBe(`Note,Figure,Base,"'=Stress"`);
    expect(csv).toContain('B,Loss (% of original balance),0,0.155555');
    expect(csv).toContain('B,Interest shortfall at the end (deal currency),0,1234.5');
    expect(csv).toContain('A,Principal window (first – last payment date),2027-02-26 – 2028-01-26,2027-04-26');
    expect(csv).toContain('Pool,First breach of trigger “cdr” (payment period),,11');
  });

  it('charts each note’s loss and the pool’s cumulative default in percent, by scenario', () => {
    const { notes, rows } = chartData(RUN);
    expect(notes.map((n) => n.id)).toEqual(['A', 'B']);
    expect(rows[1]).toEqual({ scenario: '=Stress', cumulativeDefaultPct: 18.87, 'loss:A': 0, 'loss:B': 15.5555 });
  });
});
