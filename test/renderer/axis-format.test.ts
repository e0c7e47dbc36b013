import { describe, expect, it } from 'vitest';
import { formatIsoDate, formatMoneyAxis, isIsoDate, localeOf } from '../../renderer/app/axis-format.ts';

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
