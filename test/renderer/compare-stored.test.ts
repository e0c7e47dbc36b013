import { describe, expect, it } from 'vitest';
import type { GridCell, GridResult, ScenarioSeries } from '../../service/api/contract.ts';
import { differenceFromBase } from '../../renderer/areas/compare/differences.ts';
import { frontierColumns, heatColor, heatTextColor, shareOf, walScale } from '../../renderer/areas/compare/heatmap.ts';
import { overlayData } from '../../renderer/areas/compare/overlay.ts';
import { compareRows, type CompareRow } from '../../renderer/areas/compare/table.ts';
import { translate } from '../../renderer/app/i18n.tsx';

/** A grid cell of one note: loss, WAL, and whether principal was lost / timely interest first missed. */
function cell(lossRate: number, walYears: number | null, timely: number | null = null): GridCell {
  return {
    cumulativeDefaultRate: 0,
    cumulativeNetLossRate: 0,
    warnings: [],
    notes: [{ lossRate, walYears, yield: null, interestShortfall: 0, timelyShortfallPeriod: timely, maxInterestShortfall: 0, principalLost: lossRate > 0 }],
  };
}

const GRID: GridResult = {
  dealName: 'D',
  poolName: 'P',
  mode: 'repline',
  cutoffDate: '2026-01-01',
  closingDate: '2026-01-15',
  poolBalance: 100,
  cumulativeRatioDenominator: 'initialPool',
  rows: { parameter: 'defaultMult', values: [1, 2] },
  columns: { parameter: 'prepayMult', values: [0.5, 1, 1.5] },
  notes: [{ id: 'sub', name: 'Sub', seniority: 3, coupon: 'residual', walBasis: 'ACT/365' }],
  cells: [
    [cell(0, 1.5), cell(0, 1.25, 9), cell(0.1, 1)],
    [cell(0.2, 2.5, 4), cell(0.05, 2), cell(0, 1.75)],
  ],
  // The grid's own frontier (service/runs/grid.ts): the smallest column value with a hit per row.
  frontier: [{ noteId: 'sub', principalLoss: [1.5, 0.5], timelyInterest: [1, 0.5] }],
};

describe('the Compare grid heatmap', () => {
  it('colours 0 white and 1 the dark end, linearly in RGB (loss red 156,31,26; WAL blue 31,95,174)', () => {
    expect(heatColor(0, 'loss')).toBe('rgb(255, 255, 255)');
    expect(heatColor(1, 'loss')).toBe('rgb(156, 31, 26)');
    // Half way: 255 + (156 − 255) × 0.5 = 205.5 → 206; 255 − 224 × 0.5 = 143; 255 − 229 × 0.5 = 140.5 → 141.
    expect(heatColor(0.5, 'loss')).toBe('rgb(206, 143, 141)');
    // A quarter: 255 − 224 × 0.25 = 199; 255 − 160 × 0.25 = 215; 255 − 81 × 0.25 = 234.75 → 235.
    expect(heatColor(0.25, 'wal')).toBe('rgb(199, 215, 235)');
    // Outside the scale it is held at its ends.
    expect(heatColor(1.7, 'wal')).toBe('rgb(31, 95, 174)');
    expect(heatTextColor(0.3)).toBe('#1b1b1b');
    expect(heatTextColor(0.8)).toBe('#ffffff');
  });

  it('reads WAL from the grid’s shortest to its longest, and finds each row’s frontier cell', () => {
    expect(walScale(GRID, 0)).toEqual({ min: 1, max: 2.5 });
    // 1.75 years on 1…2.5: (1.75 − 1) ÷ 1.5 = 0.5.
    expect(shareOf(1.75, walScale(GRID, 0))).toBe(0.5);
    // Row 1 (×1): principal first lost at prepay 1.5 (column 2), timely interest first missed at 1 (column 1).
    expect(frontierColumns(GRID, 0, 0)).toEqual({ principal: 2, timely: 1 });
    expect(frontierColumns(GRID, 0, 1)).toEqual({ principal: 0, timely: 0 });
  });
});

const row = (key: string, values: (number | string | null)[]): CompareRow => ({ key, subject: 'A', figure: 'f', cells: values.map((v) => ({ text: String(v), value: v })) });

const series = (dates: string[], cdr: number[]): ScenarioSeries => ({
  dates,
  cumulativeDefaultRate: cdr,
  cumulativeNetLossRate: cdr.map((x) => x / 2),
  noteBalances: [{ id: 'a', values: cdr.map((x) => 100 - x * 100) }],
});

describe('the Compare differences from the base column', () => {
  it('says by how much in the figure’s unit, and nothing for the base column or an equal cell', () => {
    // 0.1556 − 0 = +15.56 pp; 0.7117 − 0.1556 would be another column's business: each against the first.
    expect(differenceFromBase(row('sub:loss', [0, 0.1556, 0]), 1)).toBe('+15.56 pp');
    expect(differenceFromBase(row('sub:loss', [0, 0.1556, 0]), 2)).toBeNull();
    expect(differenceFromBase(row('sub:loss', [0, 0.1556, 0]), 0)).toBeNull();
    // WAL 1.80 → 1.42 years: −0.38 years.
    expect(differenceFromBase(row('a:wal', [1.8, 1.42]), 1)).toBe('−0.38 years');
    // Money: under half a cent is no difference.
    expect(differenceFromBase(row('pool:reserve', [100, 100.004]), 1)).toBeNull();
    expect(differenceFromBase(row('pool:reserve', [100, 100.5]), 1)).toBe('+0.50');
    expect(differenceFromBase(row('a:window', ['2026-02-26', '2026-03-26']), 1)).toBe('2026-02-26 in the first column');
  });
});

/** A note's figures in one scenario: what the side-by-side table reads of a tranche row. */
const note = (yieldAtPar: number, walYears: number, interestShortfall: number) =>
  ({ id: 'a', name: 'Senior A', seniority: 1, walYears, walBasis: 'ACT/365', walFrom: '2026-01-15', yieldAtParAnnualEffective: yieldAtPar, irr: null, lossRate: 0, interestShortfall }) as never;
/** A scenario set's heading fields, as both tests' sets have them. */
const SET_HEAD = {
  setName: 's',
  dealName: 'd',
  poolName: 'p',
  mode: 'repline',
  cutoffDate: '2026-01-01',
  closingDate: '2026-01-15',
  poolBalance: 100,
  cumulativeRatioDenominator: 'initialPool',
} as const;
const setOf = (...tranches: never[]) =>
  ({
    ...SET_HEAD,
    scenarios: tranches.map((t, i) => ({ name: `S${i}`, tranches: [t], cumulativeDefaultRate: 0, cumulativeNetLoss: 0, cumulativeNetLossRate: 0, reserveDraws: 0, triggerFirstBreach: {} })),
  }) as never;
const cellsOf = (rows: CompareRow[], key: string) => {
  const r = rows.find((x) => x.key === key);
  if (!r) throw new Error(key);
  return { texts: r.cells.map((c) => c.text), differences: r.cells.map((_, k) => differenceFromBase(r, k)) };
};

describe('the Compare differences at the precision the cells show', () => {
  it('does not shade a cell that reads the same as its base (the walkthrough: 2.84% beside 2.84%, 1.64 beside 1.64)', () => {
    // Yields 2.8412% and 2.8438% both show 2.84%; WALs 1.6412 and 1.6449 both show 1.64.
    const rows = compareRows(setOf(note(0.028412, 1.6412, 0), note(0.028438, 1.6449, 0)), translate, [undefined, undefined]);
    expect(cellsOf(rows, 'a:yield')).toEqual({ texts: ['2.84%', '2.84%'], differences: [null, null] });
    expect(cellsOf(rows, 'a:wal')).toEqual({ texts: ['1.64', '1.64'], differences: [null, null] });
  });

  it('prints the difference of cells that read differently with as many decimals as show it', () => {
    // 2.8449% shows 2.84%, 2.8451% shows 2.85%: they read differently, by 0.0002 pp (not "+0.00 pp").
    // WAL 1.6449 shows 1.64, 1.6451 shows 1.65: by 0.0002 years. Ordinary differences keep 2 decimals.
    const rows = compareRows(setOf(note(0.028449, 1.6449, 0), note(0.028451, 1.6451, 0), note(0.0312, 1.2, 0)), translate, [undefined, undefined, undefined]);
    expect(cellsOf(rows, 'a:yield')).toEqual({ texts: ['2.84%', '2.85%', '3.12%'], differences: [null, '+0.0002 pp', '+0.28 pp'] });
    expect(cellsOf(rows, 'a:wal')).toEqual({ texts: ['1.64', '1.65', '1.20'], differences: [null, '+0.0002 years', '−0.44 years'] });
  });

  it('compares money to the cent, exactly, and says the difference in the cells’ currency', () => {
    // 1,000.00 against 1,000.01: one cent, shaded; 1,000.004 shows 1,000.00: not shaded.
    const rows = compareRows(setOf(note(0.03, 1, 1000), note(0.03, 1, 1000.01), note(0.03, 1, 1000.004), note(0.03, 1, 999.996)), translate, ['CNY', 'CNY', 'CNY', 'CNY']);
    expect(cellsOf(rows, 'a:shortfall')).toEqual({ texts: ['¥1,000.00', '¥1,000.01', '¥1,000.00', '¥1,000.00'], differences: [null, '+¥0.01', null, null] });
    // A deal file that states no currency: the amounts alone.
    const unstated = compareRows(setOf(note(0.03, 1, 1000), note(0.03, 1, 999.5)), translate, [undefined, undefined]);
    expect(cellsOf(unstated, 'a:shortfall')).toEqual({ texts: ['1,000.00', '999.50'], differences: [null, '−0.50'] });
  });

  it('writes each stored run’s amounts in its own deal’s currency, and does not subtract a dollar from a yuan', () => {
    // A yuan deal's run beside a dollar deal's: the same 1,000 is ¥1,000.00 in one column and $1,000.00 in the other —
    // not the same money, so the cell says what the first column reads instead of a difference (and is shaded).
    const rows = compareRows(setOf(note(0.03, 1, 1000), note(0.03, 1, 1000), note(0.03, 1, 1250)), translate, ['CNY', 'USD', 'CNY']);
    expect(cellsOf(rows, 'a:shortfall')).toEqual({ texts: ['¥1,000.00', '$1,000.00', '¥1,250.00'], differences: [null, '¥1,000.00 in the first column', '+¥250.00'] });
    expect(cellsOf(rows, 'pool:reserve').texts).toEqual(['¥0.00', '$0.00', '¥0.00']);
    // Rates have no currency: compared as before.
    expect(cellsOf(rows, 'a:yield').differences).toEqual([null, null, null]);
  });
});

describe('the Compare charts overlaid on payment dates', () => {
  it('puts every column on the union of its payment dates (ISO, sorted), each value on its own date', () => {
    const tranche = { id: 'a', name: 'A', seniority: 1 } as never;
    const run = {
      ...SET_HEAD,
      scenarios: [
        { name: 'Base', tranches: [tranche], series: series(['2026-02-26', '2026-03-26'], [0.01, 0.02]) },
        { name: 'Old', tranches: [tranche] },
        { name: 'Other deal', tranches: [tranche], series: series(['2026-03-26', '2026-04-27'], [0.03, 0.05]) },
      ],
    } as never;
    const data = overlayData(run);
    expect(data.columns).toEqual([
      { index: 0, name: 'Base' },
      { index: 2, name: 'Other deal' },
    ]);
    expect(data.cumulativeDefault).toEqual([
      { date: '2026-02-26', c0: 0.01 },
      { date: '2026-03-26', c0: 0.02, c2: 0.03 },
      { date: '2026-04-27', c2: 0.05 },
    ]);
    expect(data.balances[0]?.[2]).toEqual({ date: '2026-04-27', c2: 95 });
  });
});
