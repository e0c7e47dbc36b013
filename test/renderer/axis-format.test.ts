import { describe, expect, it } from 'vitest';
import { axisProps, chartExtent, chartMoneyAxis, formatIsoDate, formatMoneyAxis, isIsoDate, localeOf, moneyAxis } from '../../renderer/app/axis-format.ts';

describe('money on chart axes in the reader’s scale words', () => {
  it('Chinese counts in 万 (10^4) and 亿 (10^8)', () => {
    expect(formatMoneyAxis(83_000_000, 'zh')).toBe('8300万'); // 83,000,000 ÷ 10^4 = 8300
    expect(formatMoneyAxis(400_000_000, 'zh')).toBe('4亿'); // ÷ 10^8 = 4
    expect(formatMoneyAxis(123_456_789, 'zh')).toBe('1.2亿'); // 1.23456789 → 1.2
    expect(formatMoneyAxis(15_000, 'zh')).toBe('1.5万');
    expect(formatMoneyAxis(9_000, 'zh')).toBe('9000'); // below 万: whole yuan
    expect(formatMoneyAxis(9_999, 'zh')).toBe('1万'); // 0.9999万 rounds to 1.0万
    expect(formatMoneyAxis(99_999_999, 'zh')).toBe('1亿'); // 0.99999999亿 rounds to 1.0, not "10000万"
    expect(formatMoneyAxis(-25_000, 'zh')).toBe('-2.5万');
  });

  it('English counts in K, M and B', () => {
    expect(formatMoneyAxis(83_000_000, 'en')).toBe('83M');
    expect(formatMoneyAxis(1_250_000_000, 'en')).toBe('1.3B'); // 1.25 → 1.3 (toFixed, 1 decimal)
    expect(formatMoneyAxis(350_000, 'en')).toBe('350K');
    expect(formatMoneyAxis(999_999, 'en')).toBe('1M');
    expect(formatMoneyAxis(0, 'en')).toBe('0');
    expect(formatMoneyAxis(512, 'en')).toBe('512');
    expect(formatMoneyAxis(-1_500_000, 'en')).toBe('-1.5M');
    expect(formatMoneyAxis(Number.NaN, 'en')).toBe('—');
  });

  it('reads the locale from a language tag', () => {
    expect(localeOf('zh-CN')).toBe('zh');
    expect(localeOf('zh-Hans-CN')).toBe('zh');
    expect(localeOf('ZH')).toBe('zh');
    expect(localeOf('en-GB')).toBe('en');
    expect(localeOf('zu')).toBe('en');
    expect(localeOf(undefined)).toBe('en');
  });
});

/** A money axis's tick labels, as the chart shows them. */
function labels(min: number, max: number, locale: 'zh' | 'en'): string[] {
  const axis = moneyAxis(min, max, locale);
  return axis.ticks.map(axis.format);
}

describe('a money axis: round ticks in one unit, labelled exactly', () => {
  it('steps of 1, 2 or 5 × 10^n, at most five intervals, from 0 past the largest value', () => {
    // The walkthrough's pool of 3.4亿 read 0 / 8500万 / 1.7亿 / 2.5亿 / 3.4亿, where "2.5亿" stood for 2.55亿.
    // 340,000,000 ÷ 5 = 68,000,000 → the next step of 1, 2 or 5 × 10^n is 100,000,000.
    expect(moneyAxis(0, 340_000_000, 'zh').ticks).toEqual([0, 1e8, 2e8, 3e8, 4e8]);
    expect(labels(0, 340_000_000, 'zh')).toEqual(['0', '1亿', '2亿', '3亿', '4亿']);
    expect(moneyAxis(0, 340_000_000, 'zh').domain).toEqual([0, 4e8]);
    // 83,000,000 ÷ 5 = 16,600,000 → 20,000,000.
    expect(moneyAxis(0, 83_000_000, 'en').ticks).toEqual([0, 2e7, 4e7, 6e7, 8e7, 1e8]);
  });

  it('one unit for the whole axis, the largest scale word not above the largest tick, with the step’s decimals', () => {
    // 万 and 亿 never mix: 2000万 is 0.2亿 on an axis that reaches 1亿.
    expect(labels(0, 83_000_000, 'zh')).toEqual(['0', '0.2亿', '0.4亿', '0.6亿', '0.8亿', '1亿']);
    expect(labels(0, 83_000_000, 'en')).toEqual(['0', '20M', '40M', '60M', '80M', '100M']);
    expect(labels(0, 1_300_000_000, 'en')).toEqual(['0', '0.5B', '1B', '1.5B']);
    expect(labels(0, 9_000, 'zh')).toEqual(['0', '0.2万', '0.4万', '0.6万', '0.8万', '1万']);
    expect(labels(0, 800, 'en')).toEqual(['0', '200', '400', '600', '800']);
  });

  it('reaches below zero when a value does, and an empty chart still has an axis', () => {
    expect(labels(-25_000, 1_234_567, 'zh')).toEqual(['-50万', '0', '50万', '100万', '150万']);
    expect(labels(0, 0, 'en')).toEqual(['0', '1']);
  });
});

describe('a chart’s money axis spans what the chart draws', () => {
  // Two dates of a stacked chart: A 2.1亿 + B 0.5亿 = 2.6亿 on the first, 1.8亿 + 0.4亿 on the second.
  const rows = [
    { date: '2027-01-26', a: 210_000_000, b: 50_000_000, line: 30_000_000 },
    { date: '2027-02-26', a: 180_000_000, b: 40_000_000, line: null },
  ];

  it('a stack reaches its total, a series alone its own largest value', () => {
    expect(chartExtent(rows, [['a', 'b']])).toEqual({ min: 0, max: 260_000_000 });
    expect(chartExtent(rows, [['a'], ['b']])).toEqual({ min: 0, max: 210_000_000 });
    // A gap in a line (null) is skipped; the stack still decides.
    expect(chartExtent(rows, [['a', 'b'], ['line']])).toEqual({ min: 0, max: 260_000_000 });
    // Running sums, as recharts stacks: 100 then −300 reaches −200 below zero.
    expect(chartExtent([{ x: 100, y: -300 }], [['x', 'y']])).toEqual({ min: -200, max: 100 });
    expect(chartExtent([], [['a']])).toEqual({ min: 0, max: 0 });
  });

  it('stacked: the axis reaches past the tallest stack, not only the largest series', () => {
    const stacked = chartMoneyAxis(rows, [['a', 'b']], 'zh');
    // 260,000,000 ÷ 5 = 52,000,000 → step 100,000,000; last tick ⌈2.6⌉ = 3亿.
    expect(stacked.ticks.map(stacked.format)).toEqual(['0', '1亿', '2亿', '3亿']);
    const tall = chartMoneyAxis([{ a: 190_000_000, b: 190_000_000 }], [['a', 'b']], 'zh');
    expect(tall.domain).toEqual([0, 4e8]); // 3.8亿 stacked, not 1.9亿
    const apart = chartMoneyAxis([{ a: 190_000_000, b: 190_000_000 }], [['a'], ['b']], 'zh');
    expect(apart.ticks.map(apart.format)).toEqual(['0', '0.5亿', '1亿', '1.5亿', '2亿']);
  });

  it('as recharts axis props: the ticks, the domain they span, their labels', () => {
    const props = axisProps(moneyAxis(0, 340_000_000, 'en'));
    expect(props.ticks).toEqual([0, 1e8, 2e8, 3e8, 4e8]);
    expect(props.domain).toEqual([0, 4e8]);
    expect(props.ticks.map(props.tickFormatter)).toEqual(['0', '100M', '200M', '300M', '400M']);
  });
});

describe('one date form: ISO 8601', () => {
  it('keeps the calendar date of a date or a date-time', () => {
    expect(formatIsoDate('2026-03-26')).toBe('2026-03-26');
    expect(formatIsoDate('2026-03-26T08:00:00.000Z')).toBe('2026-03-26');
    expect(formatIsoDate('not a date')).toBe('not a date');
  });
});

describe('a typed date in the app’s one form', () => {
  it('is YYYY-MM-DD and on the calendar', () => {
    expect(isIsoDate('2027-02-10')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true); // 2028 is a leap year (divisible by 4, not by 100)
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-02-30')).toBe(false);
    expect(isIsoDate('2027-13-01')).toBe(false);
  });
  it('is not the browser picker’s locale form, nor a date without its leading zeros', () => {
    expect(isIsoDate('01/20/2027')).toBe(false);
    expect(isIsoDate('2027/01/20')).toBe(false);
    expect(isIsoDate('2027-1-20')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
});
