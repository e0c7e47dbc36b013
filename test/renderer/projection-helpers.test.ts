import { beforeAll, describe, expect, it } from 'vitest';
import type { ProjectionResult, ProjectionRow } from '../../service/api/contract.ts';
import { csvDocument, csvNumber, csvText } from '../../renderer/app/csv.ts';
import { getIn, percentMessage, percentText, readNumber, setIn, withChargeOffAt } from '../../renderer/areas/assumptions/model.ts';
import { periodOf } from '../../renderer/areas/results/columns.ts';
import { headline } from '../../renderer/areas/results/metrics.ts';
import { chooseLanguage } from '../../renderer/app/language.ts';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';

// Chinese is a chunk of its own (renderer/app/catalogues.ts): loaded once here, so chooseLanguage switches within its call.
beforeAll(() => loadCatalogue('zh-CN'));

describe('assumption editor numbers: percentages shown, decimals stored', () => {
  it('shows decimals as percentages without float fuzz', () => {
    expect(percentText(0.015)).toBe('1.5');
    expect(percentText(0.35)).toBe('35'); // 0.35 × 100 = 35.00000000000001 in float64
    expect(percentText(0.0095)).toBe('0.95');
    expect(percentText(undefined)).toBe('');
    expect(percentText('abc')).toBe('abc'); // a string in the JSON is shown as typed, for the check to flag
  });

  it('reads what an analyst types', () => {
    expect(readNumber('1.5', true)).toBe(0.015);
    expect(readNumber('35%', true)).toBe(0.35);
    expect(readNumber('０.５', true)).toBe(0.005); // full-width digits from a Chinese IME
    expect(readNumber('  ', true)).toBeUndefined();
    expect(readNumber('6', false)).toBe(6);
    expect(readNumber('1.2.3', false)).toEqual({ error: '“1.2.3” is not a number' });
    expect(readNumber('6%', false)).toEqual({ error: '“6%” is not a number' });
  });

  it('states a decimal bound as a percentage', () => {
    expect(percentMessage('Too big: expected number to be <=1')).toBe('Must be at most 100%.');
    expect(percentMessage('Too big: expected number to be <=0.2')).toBe('Must be at most 20%.');
    expect(percentMessage('Too small: expected number to be >=0')).toBe('Must be at least 0%.');
    expect(percentMessage('a rule of the service')).toBe('a rule of the service');
    void chooseLanguage('zh-CN');
    expect(percentMessage('Too big: expected number to be <=0.2')).toBe('不得超过 20%。');
    expect(readNumber('1.2.3', false)).toEqual({ error: '“1.2.3”不是数字' });
    void chooseLanguage('en');
  });
});

describe('assumption file edits', () => {
  it('sets and removes keys immutably, creating objects on the way', () => {
    const file = { months: 24, pool: { prepayment: '6 CPR' } };
    const next = setIn(file, ['segments', 'gig', 'prepayment'], '8 CPR');
    expect(getIn(next, ['segments', 'gig', 'prepayment'])).toBe('8 CPR');
    expect(file).toEqual({ months: 24, pool: { prepayment: '6 CPR' } });
    expect(setIn(next, ['pool', 'prepayment'], undefined)).toEqual({ months: 24, pool: {}, segments: { gig: { prepayment: '8 CPR' } } });
  });

  it('drops the probabilities of buckets an earlier charge-off makes unreachable (the engine refuses them)', () => {
    const rollRates = {
      rollForward: { current: 0.02, dpd1_30: 0.3, dpd31_60: 0.5, dpd61_90: 0.7, dpd91_180: 0.3 },
      cure: { dpd1_30: 0.4, dpd91_180: 0.02 },
      rollBack: { dpd91_180: 0.1 },
    };
    expect(withChargeOffAt(rollRates, 'dpd61_90')).toEqual({
      rollForward: { current: 0.02, dpd1_30: 0.3, dpd31_60: 0.5, dpd61_90: 0.7 },
      cure: { dpd1_30: 0.4 },
      rollBack: {},
      chargeOffAt: 'dpd61_90',
    });
    // The default policy (charge off from 91–180) is left implicit, as in the example file.
    expect(withChargeOffAt({ rollForward: {}, chargeOffAt: 'dpd61_90' }, 'dpd91_180')).toEqual({ rollForward: {} });
  });
});

describe('projection months as calendar months', () => {
  it('counts month 1 as the month after the cutoff', () => {
    expect(periodOf('2026-09-30', 1)).toBe('2026-10');
    expect(periodOf('2026-09-30', 3)).toBe('2026-12');
    expect(periodOf('2026-09-30', 4)).toBe('2027-01');
    expect(periodOf('2026-12-31', 24)).toBe('2028-12');
  });
});

describe('results CSV', () => {
  it('guards cells a spreadsheet would read as formulas and quotes separators', () => {
    expect(csvText('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvText('-1')).toBe(`"'-1"`);
    expect(csvText('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvText('Beginning balance (yuan)')).toBe('Beginning balance (yuan)');
    expect(csvText('a,b')).toBe('"a,b"');
    // Numbers are written as numbers, negative ones included.
    expect(csvNumber(-12.5, 2)).toBe('-12.50');
    expect(csvNumber(null)).toBe('');
    expect(csvDocument(['Month', '+x'], [['1', '2']])).toBe(`Month,"'+x"\n1,2\n`);
  });
});

/** A projected month with only the principal figures set (the rest zero). */
function row(month: number, scheduledPrincipal: number, prepayments: number, extra: Partial<ProjectionRow> = {}): ProjectionRow {
  const zero = {
    beginningBalance: 0,
    scheduledInterest: 0,
    interestCollected: 0,
    penaltyInterest: 0,
    penaltyForgone: 0,
    capitalisedInterest: 0,
    defaults: 0,
    recoveries: 0,
    losses: 0,
    endingBalance: 0,
    current: 0,
    dpd1_30: 0,
    dpd31_60: 0,
    dpd61_90: 0,
    dpd91_180: 0,
    overdueTotal: 0,
    servicingFee: 0,
    poolFactor: 0,
    smm: 0,
    cpr: 0,
    mdr: 0,
    cdr: 0,
    cumulativeDefaultRate: 0,
    cumulativeNetLoss: 0,
  };
  return { ...zero, month, scheduledPrincipal, prepayments, ...extra };
}

describe('headline figures', () => {
  it('WAL = Σ t·P(t) ÷ Σ P(t) ÷ 12 over scheduled principal and prepayments', () => {
    // By hand: principal 600 in month 1, 300 in month 2, 100 in month 3:
    // (1×600 + 2×300 + 3×100) / 1000 = 1.5 months = 0.125 years.
    const result = {
      cutoffBalance: 1000,
      rows: [row(1, 500, 100), row(2, 300, 0), row(3, 50, 50, { cumulativeDefaultRate: 0.02, cumulativeNetLoss: 17, poolFactor: 0 })],
    } as unknown as ProjectionResult;
    const figures = headline(result);
    expect(figures.walYears).toBeCloseTo(0.125, 12);
    expect(figures.cumulativeDefaultRate).toBe(0.02);
    expect(figures.netLossRate).toBe(0.017);
    expect(figures.principalCollected).toBe(1000);
  });
});
