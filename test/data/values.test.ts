import { assert as checkProperty, boolean, option, property, stringMatching, tuple } from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PARSERS,
  dailyToAnnualRate,
  parseAmortization,
  parseAnnualRate,
  parseBoolean,
  parseDailyRate,
  parseDate,
  parseFrequency,
  parseInteger,
  parseMoney,
  parseNumber,
  parseSegment,
  type Parsed,
} from '../../data/tape/values/index.ts';

type Case<T> = readonly [input: string, expected: T];

/** Why a loan tape refuses a date in January–February 1900 (data/tape/values/dates.ts parseTapeDate): Excel's day `serial`. */
const early = (date: string, serial: number): string =>
  `${date} is Excel day ${serial}: no loan dates from January–February 1900 — most likely a number (a term, a count) formatted or typed as a date`;
const day60 =
  '1900-02-29 is Excel day 60, a day that did not exist (Excel counts 1900 as a leap year), and no loan dates from January–February 1900 — most likely a number (a term, a count) formatted or typed as a date';

function value<T>(result: Parsed<T>): T | null {
  if (!result.ok) throw new Error(`expected a value, got: ${result.reason}`);
  return result.value;
}

function reason<T>(result: Parsed<T>): string {
  if (result.ok) throw new Error(`expected a failure, got: ${JSON.stringify(result.value)}`);
  return result.reason;
}

const MISSING_CELLS = ['', '   ', '\t', '-', '--', 'N/A', 'n/a', 'NA', 'null', 'NULL', '无', '空', '#N/A', '—'];

describe('missing cells', () => {
  it.each(Object.entries(PARSERS))('%s: a blank cell or a missing marker (-, --, N/A, NA, null, 无, 空) is a missing value, not an error', (_kind, parse) => {
    for (const cell of MISSING_CELLS) expect(parse(cell), JSON.stringify(cell)).toEqual({ ok: true, value: null });
  });
});

describe('parseDate → ISO YYYY-MM-DD', () => {
  const accepted: Case<string>[] = [
    ['2025-01-05', '2025-01-05'],
    ['  2025-01-05 ', '2025-01-05'],
    ['2025-1-5', '2025-01-05'],
    ['2025/01/05', '2025-01-05'],
    ['2025/1/5', '2025-01-05'],
    ['2025.1.5', '2025-01-05'],
    ['20250105', '2025-01-05'],
    ['2025年1月5日', '2025-01-05'],
    ['2025年01月05号', '2025-01-05'],
    ['２０２５－０１－０５', '2025-01-05'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
  ];
  it.each(accepted)('year-first numeric forms: %j → %s', (input, expected) => {
    expect(value(parseDate(input))).toBe(expected);
  });

  const withTime: Case<string>[] = [
    ['2025-01-05 00:00:00', '2025-01-05'],
    ['2025-01-05T00:00:00', '2025-01-05'],
    ['2025/1/5 0:00', '2025-01-05'],
    ['2025/01/05 08:00:00', '2025-01-05'],
    ['2025.1.5 12:00', '2025-01-05'],
    ['2025-01-05 23:59:59.999', '2025-01-05'],
    ['2025-01-05T16:00:00Z', '2025-01-05'],
    ['2025-01-05T16:00:00+08:00', '2025-01-05'],
    ['2025年1月5日 10:30', '2025-01-05'],
    ['Jan 5, 2025 10:30 PM', '2025-01-05'],
  ];
  it.each(withTime)('a time of day is dropped as written, with no time-zone shift: %j → %s', (input, expected) => {
    expect(value(parseDate(input))).toBe(expected);
  });

  // Excel 1900 date system: serial 1 = 1900-01-01; Excel's phantom 1900-02-29 is serial 60, so
  // from 61 on the count runs from 1899-12-30 (45662 = 2025-01-05, as Excel's DATE(2025,1,5);
  // checked against new Date(Date.UTC(1899, 11, 30) + n × 86,400,000)).
  const serials: Case<string>[] = [
    ['1', '1900-01-01'],
    ['59', '1900-02-28'],
    ['61', '1900-03-01'],
    ['45292', '2024-01-01'],
    ['45662', '2025-01-05'],
    ['45662.75', '2025-01-05'],
    ['99999', '2173-10-13'],
  ];
  it.each(serials)('Excel serial day numbers (1900 leap-year bug honoured): %j → %s', (input, expected) => {
    expect(value(parseDate(input))).toBe(expected);
  });

  it('Excel serial 60 (the non-existent 1900-02-29) and serial 0 are rejected', () => {
    expect(reason(parseDate('60'))).toBe('not a calendar date (Excel day 60 is 1900-02-29, which did not exist)');
    expect(reason(parseDate('0'))).toMatch(/before 1900-01-01/);
  });

  const dayMonth: Case<string>[] = [
    ['13/01/2025', '2025-01-13'], // DD/MM/YYYY: 13 cannot be a month
    ['01/13/2025', '2025-01-13'], // MM/DD/YYYY: 13 cannot be a month
    ['31.12.2025', '2025-12-31'],
    ['12-31-2025', '2025-12-31'],
    ['05/05/2025', '2025-05-05'], // the same date in either order
  ];
  it.each(dayMonth)('DD/MM/YYYY or MM/DD/YYYY only when one part is > 12 (or both are equal): %j → %s', (input, expected) => {
    expect(value(parseDate(input))).toBe(expected);
  });

  const english: Case<string>[] = [
    ['05-Jan-2025', '2025-01-05'],
    ['5-JAN-2025', '2025-01-05'],
    ['Jan 5, 2025', '2025-01-05'],
    ['January 5 2025', '2025-01-05'],
    ['5 Jan 2025', '2025-01-05'],
    ['5 September 2025', '2025-09-05'],
    ['Sept. 5, 2025', '2025-09-05'],
    ['2025-Jan-05', '2025-01-05'],
    ['Jan 5th, 2025', '2025-01-05'],
    ['Sunday, 5 January 2025', '2025-01-05'],
  ];
  it.each(english)('English month names and abbreviations: %j → %s', (input, expected) => {
    expect(value(parseDate(input))).toBe(expected);
  });

  const rejected: Case<string>[] = [
    ['01/05/2025', 'ambiguous day/month order: use YYYY-MM-DD'],
    ['1/2/2025', 'ambiguous day/month order: use YYYY-MM-DD'],
    ['2025-02-30', 'not a calendar date (February has 28 days in 2025)'],
    ['2024-02-30', 'not a calendar date (February has 29 days in 2024)'],
    // What Excel shows for its serial 60, a day its 1900 calendar adds (Lotus 1-2-3's leap year).
    ['1900-02-29', 'not a calendar date (Excel day 60 is 1900-02-29, which did not exist)'],
    ['2025-04-31', 'not a calendar date (April has 30 days)'],
    ['2025-13-01', 'not a calendar date (there is no month 13)'],
    ['2025-00-10', 'not a calendar date (there is no month 0)'],
    ['2025-01-00', 'not a calendar date (there is no day 0)'],
    ['2025年2月29日', 'not a calendar date (February has 28 days in 2025)'],
    ['20250230', 'not a calendar date (February has 28 days in 2025)'],
    ['02/30/2025', 'not a calendar date (February has 28 days in 2025)'],
    ['13/14/2025', 'not a calendar date (neither 13 nor 14 can be a month)'],
    ['1899-12-31', 'year 1899 is outside 1900–2200'],
    ['2201-01-01', 'year 2201 is outside 1900–2200'],
    ['25-01-05', 'two-digit year is ambiguous: use YYYY-MM-DD'],
    ['05/01/25', 'two-digit year is ambiguous: use YYYY-MM-DD'],
    ['05-Jan-25', 'two-digit year is ambiguous: use YYYY-MM-DD'],
    ['05012025', 'not a date (8 digits are read as YYYYMMDD)'],
    ['Mon 5 Jan 2025', 'not a consistent date (2025-01-05 is a Sunday, not a Monday)'],
    ['Foo 5, 2025', 'not a date (unknown month name "foo")'],
    ['2025-01-05 25:00', 'not a date (the time of day is unreadable)'],
    ['08:24', 'not a date (a time of day without a date)'],
    ['8:24:30', 'not a date (a time of day without a date)'],
    // Elapsed time, as Excel shows 30.5 under [h]:mm, [h]:mm:ss and [mm]:ss (data/tape/xlsx-duration.ts).
    ['732:00', 'not a date (a duration: 732:00 is elapsed time, as Excel shows a number under a format such as [h]:mm — give the column a date format)'],
    ['732:00:00', 'not a date (a duration: 732:00:00 is elapsed time, as Excel shows a number under a format such as [h]:mm — give the column a date format)'],
    ['43920:00', 'not a date (a duration: 43920:00 is elapsed time, as Excel shows a number under a format such as [h]:mm — give the column a date format)'],
    ['-36:00', 'not a date (a duration: -36:00 is elapsed time, as Excel shows a number under a format such as [h]:mm — give the column a date format)'],
    ['24:00', 'not a date (a duration: 24:00 is elapsed time, as Excel shows a number under a format such as [h]:mm — give the column a date format)'],
    ['732:0', 'not a date (expected YYYY-MM-DD)'],
    ['732:00:00:00', 'not a date (expected YYYY-MM-DD)'],
    ['abc', 'not a date (expected YYYY-MM-DD)'],
    ['2025-01', 'not a date (expected YYYY-MM-DD)'],
    ['2025-01/05', 'not a date (expected YYYY-MM-DD)'],
    ['2025/2/30 10:00', 'not a calendar date (February has 28 days in 2025)'],
    ['2025-1-123', 'not a date (expected YYYY-MM-DD)'],
    ['123456', 'not a date (expected YYYY-MM-DD)'],
  ];
  it.each(rejected)('rejects %j: %s', (input, expected) => {
    expect(reason(parseDate(input))).toBe(expected);
  });
});

describe('parseTapeDate → a loan tape’s date: January–February 1900 is out of range', () => {
  // Excel's serials 1–60 are 1900-01-01 to its 1900-02-29; no loan dates from then, however the
  // date is written (the XLSX readers give such a cell as Excel shows it: docs/xlsx-import.md).
  const outOfRange: Case<string>[] = [
    ['1900-01-01', early('1900-01-01', 1)],
    ['1', early('1900-01-01', 1)],
    ['1900/1/15', early('1900-01-15', 15)],
    ['15', early('1900-01-15', 15)],
    ['36.5', early('1900-02-05', 36)],
    ['1900年2月28日', early('1900-02-28', 59)],
    ['59', early('1900-02-28', 59)],
    ['1900-02-29', day60],
    ['60', day60],
  ];
  it.each(outOfRange)('refuses %j under the rule range: %s', (input, expected) => {
    const parsed = PARSERS.date(input);
    expect(reason(parsed)).toBe(expected);
    expect(!parsed.ok && parsed.outOfRange).toBe(true);
  });

  it('reads 1900-03-01 (serial 61) on, blanks and every other date as parseDate does', () => {
    for (const input of ['1900-03-01', '61', '2025-01-05', '45662', '', '-']) expect(PARSERS.date(input)).toEqual(parseDate(input));
    expect(PARSERS.date('2025-02-30')).toEqual(parseDate('2025-02-30'));
    expect(PARSERS.date('732:00')).toEqual(parseDate('732:00'));
  });
});

describe('parseMoney → float amount (not rounded)', () => {
  const accepted: Case<number>[] = [
    ['12345.67', 12345.67],
    ['0', 0],
    ['.5', 0.5],
    ['12,345.67', 12345.67],
    ['1,234,567.89', 1234567.89],
    ['¥12,345.67', 12345.67],
    ['￥12345', 12345],
    ['RMB 12,345', 12345],
    ['rmb12345', 12345],
    ['CNY12345', 12345],
    ['人民币1000', 1000],
    ['12345.67元', 12345.67],
    ['12,345.67 元', 12345.67],
    ['$1,234.50', 1234.5],
    ['1.5E+05', 150000],
    ['1.5e5', 150000],
    ['2E-2', 0.02],
    ['(1,234.00)', -1234], // accounting negative
    ['(¥1,234.00)', -1234],
    ['-1234', -1234],
    ['-¥1,234', -1234],
    ['¥-1,234', -1234],
    ['+1234', 1234],
    ['１２３４', 1234], // full-width digits
    ['１２，３４５．６７', 12345.67],
    ['1234,56', 1234.56], // decimal comma: one comma, 1–2 final digits, no dot
    ['1234,5', 1234.5],
    ['1.234,56', 1234.56], // dot thousands, comma decimal
    ['1.234.567,89', 1234567.89],
    ['1.234.567', 1234567], // several dots can only group thousands
    ['1 234 567,89', 1234567.89],
    ['1,234', 1234], // a comma before 3 digits groups thousands
    ['-12,345.67', -12345.67],
    ['1,23', 1.23], // one comma then 2 final digits: a decimal comma
    ['12345678901234567.5', Number('12345678901234567.5')], // beyond 15 digits: read by Number(), the same double
    ['1.2万', 12000], // 万 = 10^4
    ['1.2万元', 12000],
    ['1.1万', 11000], // exact: the decimal exponent is shifted, not multiplied in float
    ['3亿', 300_000_000],
  ];
  it.each(accepted)('%j → %d', (input, expected) => {
    expect(value(parseMoney(input))).toBe(expected);
  });

  const rejected: Case<string>[] = [
    ['12,34,5', 'not a number (thousands separators must separate groups of 3 digits)'],
    ['1,2345', 'not a number (thousands separators must separate groups of 3 digits)'],
    ['1.2.3', 'not a number (more than one decimal point)'],
    ['1,234.5.6', 'not a number (more than one decimal point)'],
    ['abc', 'not a number'],
    ['12a', 'not a number'],
    ['¥', 'not a number'],
    ['(-5)', 'not a number'],
    ['--5', 'not a number'],
    ['15%', 'not a number'],
    ['1e999', 'number too large'],
  ];
  it.each(rejected)('rejects %j: %s', (input, expected) => {
    expect(reason(parseMoney(input))).toBe(expected);
  });
});

describe('plain decimals (the fast path) read exactly as JavaScript reads them', () => {
  // The fast path builds an integer mantissa m < 2^53 and divides by an exact 10^k (k ≤ 22):
  // IEEE division rounds correctly, so the result must be bit-identical to Number(text).
  const plainDecimal = tuple(boolean(), stringMatching(/^[0-9]{1,12}$/), option(stringMatching(/^[0-9]{0,8}$/))).map(
    ([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`,
  );

  it('parseMoney(text) and parseNumber(text) are Object.is-equal to Number(text)', () => {
    checkProperty(
      property(plainDecimal, (text) => {
        expect(Object.is(value(parseMoney(text)), Number(text))).toBe(true);
        expect(Object.is(value(parseNumber(text)), Number(text))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('with comma thousands groups (12,345.67) the value is that of the digits without commas', () => {
    checkProperty(
      property(plainDecimal, (text) => {
        const [whole = '', fraction] = text.replace('-', '').split('.');
        const grouped = `${text.startsWith('-') ? '-' : ''}${BigInt(whole).toLocaleString('en-US')}${fraction === undefined ? '' : `.${fraction}`}`;
        expect(Object.is(value(parseMoney(grouped)), Number(text.replace(/^(-?)0+(?=\d)/, '$1')))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('a bare annual rate ≥ 1 is exactly Number(`${text}e-2`): the percent shifts the exponent, no float division', () => {
    checkProperty(
      property(stringMatching(/^[1-9][0-9]?(\.[0-9]{1,6})?$/), (text) => {
        expect(value(parseAnnualRate(text))).toBe(Number(`${text}e-2`));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseNumber → any finite number', () => {
  it.each([
    ['680', 680],
    ['-1.5', -1.5],
    ['1,234.5', 1234.5],
    ['1.234,5', 1234.5],
    ['6.8E+02', 680],
    ['６８０', 680],
  ] as Case<number>[])('%j → %d', (input, expected) => {
    expect(value(parseNumber(input))).toBe(expected);
  });

  it.each([
    ['abc', 'not a number'],
    ['¥680', 'not a number'],
    ['1.2.3', 'not a number (more than one decimal point)'],
    ['1e999', 'number too large'],
  ] as Case<string>[])('rejects %j: %s', (input, expected) => {
    expect(reason(parseNumber(input))).toBe(expected);
  });
});

describe('parseAnnualRate → annual rate as a decimal', () => {
  const accepted: Case<number>[] = [
    ['15%', 0.15],
    ['0.15', 0.15],
    ['15', 0.15], // a bare number ≥ 1 is a percentage
    ['15.6', 0.156],
    ['0.156', 0.156], // a bare number < 1 is a decimal
    ['0.1560', 0.156],
    ['1', 0.01], // ≥ 1, so 1%, not 100%
    ['0.99', 0.99],
    ['100', 1],
    ['100%', 1],
    ['0', 0],
    ['15 %', 0.15],
    ['１５％', 0.15], // full-width digits and ％
    ['年化15%', 0.15],
    ['年化利率15.6%', 0.156],
    ['15%/年', 0.15],
    ['15% p.a.', 0.15],
    ['15,6%', 0.156],
    ['150‰', 0.15],
    ['1500bp', 0.15],
  ];
  it.each(accepted)('%j → %d', (input, expected) => {
    expect(value(parseAnnualRate(input))).toBe(expected);
  });

  const rejected: Case<string>[] = [
    ['150%', 'rate 150% is outside 0–100%'],
    ['150', 'rate 150% is outside 0–100%'],
    ['100.5', 'rate 100.5% is outside 0–100%'],
    ['-5%', 'rate -5% is negative'],
    ['-0.05', 'rate -5% is negative'],
    ['abc', 'not a rate'],
    ['15%%', 'not a rate'],
  ];
  it.each(rejected)('rejects %j: %s', (input, expected) => {
    expect(reason(parseAnnualRate(input))).toBe(expected);
  });
});

describe('parseDailyRate → DAILY rate as a decimal', () => {
  const accepted: Case<number>[] = [
    ['0.05%', 0.0005],
    ['0.0005', 0.0005], // a bare number < 0.01 is a daily decimal rate
    ['0.05', 0.0005], // a bare number ≥ 0.01 would be ≥ 1% a day (365% APR): read as a percentage
    ['0.01', 0.0001],
    ['0.009%', 0.00009],
    ['万分之五', 0.0005],
    ['万分之5', 0.0005],
    ['万分之三点五', 0.00035],
    ['万分之十八', 0.0018],
    ['千分之一', 0.001],
    ['日息0.05%', 0.0005],
    ['日利率0.05%', 0.0005],
    ['0.05%/日', 0.0005],
    ['每日万分之五', 0.0005],
    ['０．０５％', 0.0005],
    ['5‱', 0.0005],
    ['5bp', 0.0005],
  ];
  it.each(accepted)('%j → %d', (input, expected) => {
    expect(value(parseDailyRate(input))).toBe(expected);
  });

  const rejected: Case<string>[] = [
    ['1%', 'daily rate 1% is 365% a year (× 365), outside 0–100%'],
    ['0.5', 'daily rate 0.5% is 182.5% a year (× 365), outside 0–100%'],
    ['0.009', 'daily rate 0.9% is 328.5% a year (× 365), outside 0–100%'], // < 0.01, so a decimal: 0.9% a day
    ['-0.05%', 'daily rate -0.05% is negative'],
    ['万分之', 'not a rate'],
    ['万分之abc', 'not a rate'],
    ['abc', 'not a rate'],
  ];
  it.each(rejected)('rejects %j: %s', (input, expected) => {
    expect(reason(parseDailyRate(input))).toBe(expected);
  });

  it('the highest daily rate accepted is 1/365 (100% APR on ACT/365)', () => {
    expect(value(parseDailyRate('0.27%'))).toBe(0.0027);
    expect(reason(parseDailyRate('0.28%'))).toBe('daily rate 0.28% is 102.2% a year (× 365), outside 0–100%');
  });

  it('dailyToAnnualRate: ACT/365, daily rate × 365 = APR (万分之五 a day = 18.25% APR)', () => {
    expect(dailyToAnnualRate(0.0005)).toBeCloseTo(0.1825, 15);
    expect(dailyToAnnualRate(1 / 365)).toBeCloseTo(1, 15);
    expect(dailyToAnnualRate(0)).toBe(0);
  });
});

describe('parseInteger → whole number', () => {
  const accepted: Case<number>[] = [
    ['12', 12],
    ['0', 0],
    ['007', 7],
    ['12期', 12],
    ['12个月', 12],
    ['12月', 12],
    ['12 months', 12],
    ['12 Months', 12],
    ['12m', 12],
    ['30天', 30],
    ['30 days', 30],
    ['12.0', 12],
    ['1,200', 1200],
    ['１２', 12],
    ['１２期', 12],
    ['1.2E+01', 12],
    ['-3', -3],
  ];
  it.each(accepted)('%j → %d', (input, expected) => {
    expect(value(parseInteger(input))).toBe(expected);
  });

  const rejected: Case<string>[] = [
    ['12.5', 'not a whole number'],
    ['12.5期', 'not a whole number'],
    ['abc', 'not a number'],
    ['12年', 'not a number'], // years are not silently taken as months
    ['1e20', 'number too large'],
  ];
  it.each(rejected)('rejects %j: %s', (input, expected) => {
    expect(reason(parseInteger(input))).toBe(expected);
  });
});

describe('parseAmortization → AmortizationType', () => {
  const accepted: Case<string>[] = [
    ['等额本息', 'level_payment'],
    ['等额本息还款', 'level_payment'],
    ['按月等额本息', 'level_payment'],
    ['level payment', 'level_payment'],
    ['Level Payment', 'level_payment'],
    ['LEVEL_PAYMENT', 'level_payment'],
    ['level-payment', 'level_payment'],
    ['level', 'level_payment'],
    ['annuity', 'level_payment'],
    ['mortgage', 'level_payment'],
    ['French', 'level_payment'],
    ['等额本金', 'equal_principal'],
    ['equal principal', 'equal_principal'],
    ['equal_principal', 'equal_principal'],
    ['straight line', 'equal_principal'],
    ['Linear', 'equal_principal'],
    ['先息后本', 'interest_only'],
    ['按月付息到期还本', 'interest_only'],
    ['按月付息', 'interest_only'],
    ['到期还本', 'interest_only'],
    ['一次性还本', 'interest_only'],
    ['利随本清', 'interest_only'],
    ['到期一次还本付息', 'interest_only'],
    ['interest only', 'interest_only'],
    ['Interest-Only', 'interest_only'],
    ['interest_only', 'interest_only'],
    ['IO', 'interest_only'],
    ['bullet', 'interest_only'],
    ['Balloon', 'interest_only'],
    ['等本等息', 'flat_fee'],
    ['等额等息', 'flat_fee'],
    ['平息', 'flat_fee'],
    ['flat', 'flat_fee'],
    ['flat fee', 'flat_fee'],
    ['flat_fee', 'flat_fee'],
    ['Flat Rate', 'flat_fee'],
    ['add-on', 'flat_fee'],
    ['add on', 'flat_fee'],
    [' 等额本息 ', 'level_payment'],
  ];
  it.each(accepted)('case, space, underscore and hyphen do not matter: %j → %s', (input, expected) => {
    expect(value(parseAmortization(input))).toBe(expected);
  });

  it('rejects an unknown method, listing the accepted Chinese names', () => {
    const why = reason(parseAmortization('随借随还'));
    for (const name of ['等额本息', '等额本金', '先息后本', '等本等息']) expect(why).toContain(name);
    expect(parseAmortization('随借随还')).toEqual(parseAmortization('随借随还')); // memoized results are stable
  });
});

describe('parseFrequency → PaymentFrequency', () => {
  const accepted: Case<string>[] = [
    ['按月', 'monthly'],
    ['每月', 'monthly'],
    ['月', 'monthly'],
    ['月付', 'monthly'],
    ['monthly', 'monthly'],
    ['Month', 'monthly'],
    ['M', 'monthly'],
    ['1M', 'monthly'],
    ['双周', 'biweekly'],
    ['每两周', 'biweekly'],
    ['biweekly', 'biweekly'],
    ['Bi-Weekly', 'biweekly'],
    ['fortnightly', 'biweekly'],
    ['每周', 'weekly'],
    ['周', 'weekly'],
    ['weekly', 'weekly'],
    ['W', 'weekly'],
    ['按季', 'quarterly'],
    ['每季', 'quarterly'],
    ['季', 'quarterly'],
    ['quarterly', 'quarterly'],
    ['Q', 'quarterly'],
    ['3M', 'quarterly'],
    ['一次性', 'bullet'],
    ['到期一次性', 'bullet'],
    ['bullet', 'bullet'],
    ['At Maturity', 'bullet'],
  ];
  it.each(accepted)('%j → %s', (input, expected) => {
    expect(value(parseFrequency(input))).toBe(expected);
  });

  it('rejects an unknown frequency, listing the accepted names', () => {
    expect(reason(parseFrequency('半月'))).toBe('unknown payment frequency: use 按月 (monthly), 双周 (biweekly), 每周 (weekly), 按季 (quarterly) or 一次性 (bullet)');
  });
});

describe('parseSegment → salaried | self_employed | gig | the tape’s own text', () => {
  const known: Case<string>[] = [
    ...['工薪', '工薪族', '工薪阶层', '受薪', '上班族', '白领', '企业员工', '公务员', '事业单位', '国企员工', 'salaried', 'Employed', 'employee', 'wage earner'].map((s): Case<string> => [
      s,
      'salaried',
    ]),
    ...['自雇', '自雇人士', '个体', '个体户', '个体工商户', '私营业主', '小微企业主', '企业主', 'self-employed', 'Self Employed', 'self_employed', 'business owner', 'sole proprietor'].map(
      (s): Case<string> => [s, 'self_employed'],
    ),
    ...['灵活就业', '零工', '临时工', '自由职业', '外卖骑手', '网约车司机', 'gig', 'temporary', 'temp', 'freelance', 'Freelancer', 'contractor'].map((s): Case<string> => [s, 'gig']),
  ];
  it.each(known)('%j → %s', (input, expected) => {
    expect(value(parseSegment(input))).toBe(expected);
  });

  it('keeps any other non-empty text as written (trimmed): segments are open-ended, so it never fails', () => {
    expect(value(parseSegment('  农户 '))).toBe('农户');
    expect(value(parseSegment('Retired'))).toBe('Retired');
  });
});

describe('parseBoolean → restructured flag', () => {
  const accepted: Case<boolean>[] = [
    ['是', true],
    ['否', false],
    ['已重组', true],
    ['未重组', false],
    ['重组', true],
    ['非重组', false],
    ['Y', true],
    ['n', false],
    ['yes', true],
    ['NO', false],
    ['true', true],
    ['False', false],
    ['1', true],
    ['0', false],
    ['T', true],
    ['f', false],
  ];
  it.each(accepted)('%j → %s', (input, expected) => {
    expect(value(parseBoolean(input))).toBe(expected);
  });

  it.each(['maybe', '2', '是的'])('rejects %j', (input) => {
    expect(reason(parseBoolean(input))).toBe('not a yes/no value: use 是/否, Y/N, 1/0 or true/false');
  });
});
