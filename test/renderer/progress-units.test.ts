import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PROGRESS_UNITS, type JobProgress, type ProgressUnit } from '../../service/api/contract.ts';
import { messagesEn } from '../../messages/messages-en.ts';
import { messagesZhCN } from '../../messages/messages-zh-CN.ts';
import { progressCountIn, progressCountsIn } from '../../messages/progress.ts';
import { ProgressBar } from '../../renderer/components/ProgressBar.tsx';
import { registerCatalogue } from '../../messages/say.ts';

/**
 * A job's progress count in words (messages/progress.ts): English has a singular and a plural
 * (CLDR: "one" for exactly 1, "other" for 0, 2, 1,200 …), Chinese one form with its measure word;
 * every unit the service counts (contract ProgressUnit) has both, and the progress bar says them
 * ("1 scenarios" was the unit glued to any count).
 */

/** Each unit as the analyst reads 1 and 2 of it: English singular and plural, Chinese with its measure word. */
const WORDS: Readonly<Record<ProgressUnit, { en: readonly [string, string]; zh: string }>> = {
  rows: { en: ['1 row', '2 rows'], zh: '2 行' },
  loans: { en: ['1 loan', '2 loans'], zh: '2 笔贷款' },
  runs: { en: ['1 run', '2 runs'], zh: '2 次运行' },
  scenarios: { en: ['1 scenario', '2 scenarios'], zh: '2 个情景' },
  cells: { en: ['1 cell', '2 cells'], zh: '2 个单元格' },
  paths: { en: ['1 path', '2 paths'], zh: '2 条路径' },
};

// The Chinese catalogue, registered as the renderer's Chinese chunk does when Chinese is chosen.
registerCatalogue('zh-CN', messagesZhCN);

/** The progress bar as rendered outside the language provider: it speaks its default, English (the Chinese words are the function's, above). */
const bar = (p: JobProgress): string => renderToStaticMarkup(createElement(ProgressBar, { progress: p, label: 'Report' }));

const progress = (done: number, unit: ProgressUnit, rate: number | null = null, fraction: number | null = null): JobProgress => ({ fraction, done, unit, rate, message: '' });

describe('progress counts in words', () => {
  it('says every unit the service counts in the singular for 1 and the plural otherwise, in English', () => {
    expect(Object.keys(WORDS).sort()).toEqual([...PROGRESS_UNITS].sort());
    for (const unit of PROGRESS_UNITS) {
      const [one, two] = WORDS[unit].en;
      expect(progressCountIn('en', unit, 1)).toBe(one);
      expect(progressCountIn('en', unit, 2)).toBe(two);
      expect(progressCountIn('en', unit, 0)).toBe(two.replace('2', '0'));
    }
    expect(progressCountIn('en', 'rows', 1_200_000)).toBe('1,200,000 rows');
  });

  it('says every unit in Chinese with its measure word, one form for any count', () => {
    for (const unit of PROGRESS_UNITS) {
      expect(progressCountIn('zh-CN', unit, 2)).toBe(WORDS[unit].zh);
      expect(progressCountIn('zh-CN', unit, 1)).toBe(WORDS[unit].zh.replace('2', '1'));
    }
  });

  it('has both forms of every unit in both catalogues', () => {
    const keys = PROGRESS_UNITS.flatMap((unit) => [`progress.${unit}.one`, `progress.${unit}.other`]);
    expect(keys.filter((key) => !(key in messagesEn))).toEqual([]);
    expect(keys.filter((key) => !(key in messagesZhCN))).toEqual([]);
  });

  it('says a rate in the same words, and a unit this build does not know as sent', () => {
    expect(progressCountsIn('en', progress(1, 'rows', 1))).toBe('1 row · 1 row/s');
    expect(progressCountsIn('en', progress(1_200, 'rows', 350_000.4))).toBe('1,200 rows · 350,000 rows/s');
    expect(progressCountsIn('zh-CN', progress(1_200, 'rows', 350_000))).toBe('1,200 行 · 每秒 350,000 行');
    expect(progressCountsIn('en', progress(7, 'scenarios'))).toBe('7 scenarios');
    expect(progressCountIn('en', 'widgets', 3)).toBe('3 widgets');
  });

  it('shows "1 scenario" (not "1 scenarios") on the screens’ progress bar', () => {
    expect(bar(progress(1, 'scenarios', null, 1 / 7))).toContain('>14% · 1 scenario<');
    expect(bar(progress(3, 'cells', 1))).toContain('>3 cells · 1 cell/s<');
  });
});
