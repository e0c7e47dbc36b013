import { beforeAll, describe, expect, it } from 'vitest';
import { messagesZhCN } from '../../messages/messages-zh-CN.ts';
import { placeholdersOf, pluralFormIn, pluralsIn } from '../../messages/plural.ts';
import { progressCountIn } from '../../messages/progress.ts';
import { interpolate, registerCatalogue, sayCodedIn } from '../../messages/say.ts';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';
import { translator } from '../../renderer/app/i18n.tsx';
import { en } from '../../renderer/i18n/en.ts';

// Chinese is a chunk of its own (renderer/app/catalogues.ts), and the coded messages' catalogue with it.
beforeAll(async () => {
  await loadCatalogue('zh-CN');
  registerCatalogue('zh-CN', messagesZhCN);
});

/**
 * Every count a screen says takes the plural its language has (CLDR plural rules through
 * Intl.PluralRules, messages/plural.ts): English "1 cell" and "0 cells", "1,200 cells"; Chinese
 * one form with its measure word. A catalogue message counts in ICU MessageFormat's plural
 * ('{n, plural, one {# cell} other {# cells}}'), the same helper a job's progress uses.
 */

const enT = translator('en');
const zhT = translator('zh-CN');

describe('the plural helper', () => {
  it('picks English one for exactly 1 and other for 0, 2 and 1,200; Chinese other always — the rule progress counts use too', () => {
    expect([0, 1, 2, 1200].map((n) => pluralFormIn('en', n))).toEqual(['other', 'one', 'other', 'other']);
    expect([0, 1, 2].map((n) => pluralFormIn('zh-CN', n))).toEqual(['other', 'other', 'other']);
    expect(progressCountIn('en', 'cells', 1)).toBe('1 cell');
  });

  it('says a plural block in the form of its count, # the count grouped, a count given as formatCount’s text read back, =N before the category', () => {
    const cells = '{n, plural, one {# cell} other {# cells}} in {seconds}';
    expect(interpolate(cells, { n: 1, seconds: '2 s' })).toBe('1 cell in 2 s');
    expect(interpolate(cells, { n: 0, seconds: '2 s' })).toBe('0 cells in 2 s');
    expect(interpolate(cells, { n: 1200, seconds: '2 s' })).toBe('1,200 cells in 2 s');
    expect(interpolate(cells, { n: '1,200', seconds: '2 s' })).toBe('1,200 cells in 2 s');
    expect(interpolate('{n, plural, =0 {none} one {one} other {#}}', { n: 0 })).toBe('none');
    // Forms may name other parameters; a missing count leaves the block visible, as a missing placeholder is.
    expect(interpolate('{n, plural, one {# problem in {file}} other {# problems in {file}}}', { n: 2, file: 'a.json' })).toBe('2 problems in a.json');
    expect(pluralsIn('{n, plural, one {# cell} other {# cells}}', {}, 'en')).toBe('{n, plural, one {# cell} other {# cells}}');
    expect(placeholdersOf('{a} of {n, plural, one {# row} other {# rows}} {n, plural, one {was} other {were}} in {file}')).toEqual(['a', 'file', 'n']);
  });
});

describe('counts on the screens', () => {
  it('says a 1×1 grid, a single breakeven run and a set of one scenario in the singular (they read "1 cells", "1 runs", "1 scenarios")', () => {
    expect(enT('grid.cellCount', { n: 1 })).toBe(' 1 cell.');
    expect(enT('grid.cellCount', { n: 12 })).toBe(' 12 cells.');
    expect(enT('deal.runsIn', { runs: 1, seconds: '0.20 s' })).toBe('. 1 run in 0.20 s.');
    expect(enT('deal.runsIn', { runs: 37, seconds: '0.20 s' })).toBe('. 37 runs in 0.20 s.');
    expect(enT('compare.validScenarios', { length: 1 })).toBe('✓ Valid: 1 scenario');
    expect(enT('compare.validScenarios', { length: 7 })).toBe('✓ Valid: 7 scenarios');
    // Chinese: one form, the measure word kept.
    expect(zhT('grid.cellCount', { n: 1 })).toBe('共 1 个单元格。');
    expect(zhT('deal.runsIn', { runs: 1, seconds: '0.20 s' })).toBe('。运行 1 次，用时 0.20 s。');
    expect(zhT('compare.validScenarios', { length: 1 })).toBe('✓ 有效：1 个情景');
  });

  it('says every other count of the screens by the same rule: runs, rows, loans, paths, periods, problems', () => {
    expect(enT('runs.onCellsInEach', { dealName: 'D', poolName: 'P', value: 1, seconds: '1 s', parameter: 'a', parameter2: 'b' })).toMatch(/^D on P · 1 cell in 1 s\./);
    expect(enT('tapes.ofRowsOfWere', { rowsRejected: '1', rowsRead: '1', sourceFile: 'a.csv' })).toMatch(/^1 of 1 row of a\.csv was not imported\./);
    expect(enT('tapes.ofRowsOfWere', { rowsRejected: '2', rowsRead: '1,200', sourceFile: 'a.csv' })).toMatch(/^2 of 1,200 rows of a\.csv were not imported\./);
    expect(enT('deal.pathsTooltip', { n: 1 })).toBe('1 path');
    expect(enT('compare.problems', { n: 1 })).toBe('One problem');
    expect(enT('compare.problems', { n: 3 })).toBe('3 problems');
    expect(enT('deal.editor.problems2', { problems: 1 })).toBe('a problem');
    expect(enT('deal.editor.itStillHasProblem', { problems: 1 })).toBe('It still has 1 problem: fix it before running it.');
    expect(enT('deal.editor.itStillHasProblem', { problems: 2 })).toBe('It still has 2 problems: fix them before running it.');
    expect(enT('deal.coverageAxisCut', { top: '4.2', count: 1 })).toContain(': 1 period above it, as the senior class pays down, runs off the top.');
    expect(enT('pool.loanMaturedBeforeThe', { matured: '1', cutoffDate: '2026-01-01', balance: '¥1.00' })).toMatch(/^1 loan matured before the cutoff 2026-01-01 \(¥1\.00\): past its term/);
    expect(enT('model.revolving', { periods: 1, lines: 1, price: 1 })).toBe('1 period buying 1 purchase line at price 1');
    expect(enT('model.everyMonths', { n: 3 })).toBe('every 3 months');
    expect(enT('deal.validNotesInTotal', { notes: 1, originalBalance: '$1.00' })).toBe('✓ Valid: 1 note, $1.00 in total');
    expect(enT('deal.poolLoansScenarioCutoff', { poolName: 'P', modeLabel: 'loan level', loans: '1', scenarioLabel: 's', cutoffDate: 'c', closingDate: 'd', seconds: '1 s' })).toContain(
      '(loan level, 1 loan)',
    );
    expect(zhT('tapes.ofRowsOfWere', { rowsRejected: '1', rowsRead: '1', sourceFile: 'a.csv' })).toBe('a.csv 的 1 行中有 1 行未导入。行号为文件本身的行号（表头为第 1 行）。');
  });

  it('says a coded message’s count by the rule too, in the screens’ language (a Monte Carlo job of one path)', () => {
    const title = { code: 'jobTitle.dealMonteCarlo', params: { paths: '1', deal: 'D' }, message: 'Monte Carlo (1 paths) of D' };
    expect(sayCodedIn('en', title)).toBe('Monte Carlo (1 path) of D');
    expect(sayCodedIn('en', { ...title, params: { paths: '1,000', deal: 'D' } })).toBe('Monte Carlo (1,000 paths) of D');
    expect(sayCodedIn('zh-CN', title)).toBe('D的蒙特卡洛模拟（1 条路径）');
  });

  it('leaves no count of the screens’ catalogue glued to a plural noun: each says its count with a plural rule', () => {
    // "{n} cells" and the like, outside a plural block. A quantity with decimals ("1.50 years", CLDR: plural), a bucket label ("1–30 days") and a
    // count always above one (a tape's columns over the limit, February's days) are not singular counts; the coded messages chosen by count in
    // the service (tapeNote.*: a …One code for one loan) have their own.
    const glued = /\{(\w+)\}[ -](cells|runs|scenarios|loans|lines|rows|paths|periods|months|days|notes|problems|vintages|sheets|borrowers|parts|values|dates)\b/;
    const notCounts = new Set(['runs.years', 'compare.diff.years', 'pool.days', 'grid.valuesOf', 'msg.tape.tooWide', 'msg.tapeValue.februaryDays', 'msg.tapeValue.monthDays', 'msg.notation.tooLong']);
    const chosenByCode = /^msg\.tapeNote\./;
    // A progress unit is itself a form of its plural (progress.<unit>.one / .other).
    const progress = /^progress\./;
    const found = Object.entries(en).filter(
      ([key, text]) => glued.test(text.replace(/\{\w+, plural,(?:[^{}]|\{(?:[^{}]|\{\w+\})*\})*\}/g, '')) && !notCounts.has(key) && !chosenByCode.test(key) && !progress.test(key),
    );
    expect(found.map(([key]) => key)).toEqual([]);
    // Without a tape chosen yet, the count is left out (=0), in English and Chinese (it read "共笔").
    expect(enT('results.loanLevelProjectsEach', { loans: 0 })).toMatch(/^\. Loan level projects each of the tape’s loans \(seconds/);
    expect(enT('results.loanLevelProjectsEach', { loans: 1 })).toMatch(/^\. Loan level projects each of the tape’s 1 loan \(seconds/);
    expect(zhT('results.loanLevelProjectsEach', { loans: 0 })).toMatch(/^。逐笔模式预测资产清单中的每笔贷款（大型资产清单需数秒/);
    expect(zhT('results.loanLevelProjectsEach', { loans: 10_000 })).toMatch(/^。逐笔模式预测资产清单中的每笔贷款（共 10,000 笔；大型/);
  });
});
