import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sayCoded } from '../../renderer/app/coded.ts';
import { chooseLanguage } from '../../renderer/app/language.ts';
import type { Parsed } from '../../data/tape/values/index.ts';
import { parseAmortization, parseAnnualRate, parseBoolean, parseDailyRate, parseDate, parseInteger, parseMoney } from '../../data/tape/values/index.ts';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';

// Chinese is a chunk of its own (renderer/app/catalogues.ts): loaded once here, so chooseLanguage switches within its call.
beforeAll(() => loadCatalogue('zh-CN'));

/**
 * A value reader's own reason (data/tape/values/reasons.ts) from the real readers: its English as
 * before (the CLI's and the rejected-rows CSV's) and in Chinese, params as the cell wrote them.
 */

function said(result: Parsed<unknown>): [string, string] {
  if (result.ok) throw new Error('expected a failure');
  void chooseLanguage('en');
  const english = sayCoded(result.coded);
  void chooseLanguage('zh-CN');
  const chinese = sayCoded(result.coded);
  void chooseLanguage('en');
  expect(english).toBe(result.reason); // the English screen says what the CLI says
  return [result.reason, chinese];
}

describe('a value reader’s reason by code', () => {
  afterEach(() => chooseLanguage('en'));

  it('dates: a month that does not exist, February in a leap year, a month’s length, an ambiguous order, a wrong weekday', () => {
    expect(said(parseDate('2025-13-01'))).toEqual(['not a calendar date (there is no month 13)', '不是有效日期（不存在 13 月）']);
    // 2024 is a leap year: February has 29 days
    expect(said(parseDate('2024-02-30'))).toEqual(['not a calendar date (February has 29 days in 2024)', '不是有效日期（2024 年 2 月只有 29 天）']);
    expect(said(parseDate('2025-04-31'))).toEqual(['not a calendar date (April has 30 days)', '不是有效日期（April 只有 30 天）']);
    expect(said(parseDate('05/06/2025'))).toEqual(['ambiguous day/month order: use YYYY-MM-DD', '日、月顺序有歧义：请用 YYYY-MM-DD']);
    // 2025-01-06 is a Monday (day count from 1970-01-01, a Thursday: 20,094 days later, 20,094 mod 7 = 4 → Monday)
    expect(said(parseDate('Tuesday, January 6, 2025'))).toEqual(['not a consistent date (2025-01-06 is a Monday, not a Tuesday)', '日期前后矛盾（2025-01-06 是 Monday，不是 Tuesday）']);
  });

  it('numbers and rates: the rate as the cell wrote it in percent; a daily rate with its ACT/365 annual rate', () => {
    expect(said(parseMoney('1.234.567,8.9'))).toEqual(['not a number (more than one decimal point)', '不是数字（小数点多于一个）']);
    expect(said(parseInteger('12.5'))).toEqual(['not a whole number', '不是整数']);
    expect(said(parseAnnualRate('abc'))).toEqual(['not a rate', '不是利率']);
    expect(said(parseAnnualRate('150%'))).toEqual(['rate 150% is outside 0–100%', '利率 150% 超出 0–100%']);
    // 0.5% a day × 365 = 182.5% a year
    expect(said(parseDailyRate('0.5%'))).toEqual(['daily rate 0.5% is 182.5% a year (× 365), outside 0–100%', '日利率 0.5% 折合年利率 182.5%（× 365），超出 0–100%']);
  });

  it('categories and flags', () => {
    expect(said(parseAmortization('随便')).at(1)).toBe('无法识别的还款方式：请用 等额本息、等额本金、先息后本 或 等本等息');
    expect(said(parseBoolean('maybe'))).toEqual(['not a yes/no value: use 是/否, Y/N, 1/0 or true/false', '不是是/否值：请用 是/否、Y/N、1/0 或 true/false']);
  });
});
