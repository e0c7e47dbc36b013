import { describe, expect, it } from 'vitest';
import { addMonths, dayCountDays, dayOfWeek, daysInMonth, parseIsoDate, yearFraction, EngineError, formatIsoDate, actualDays, fromDayNumber } from '../../engine/index.ts';

const d = parseIsoDate;

describe('dates', () => {
  it('rejects impossible calendar dates', () => {
    expect(() => d('2025-02-29')).toThrow(EngineError);
    expect(() => d('2024-13-01')).toThrow(/valid calendar date/);
    expect(d('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('adds months clamping to month end (Jan 31 + 1M = Feb 29 in a leap year)', () => {
    expect(formatIsoDate(addMonths(d('2024-01-31'), 1))).toBe('2024-02-29');
    expect(formatIsoDate(addMonths(d('2023-01-31'), 1))).toBe('2023-02-28');
    expect(formatIsoDate(addMonths(d('2023-11-15'), 3))).toBe('2024-02-15');
    expect(formatIsoDate(addMonths(d('2024-03-31'), -1))).toBe('2024-02-29');
  });

  it('counts actual days across a leap day', () => {
    expect(actualDays(d('2024-02-01'), d('2024-03-01'))).toBe(29);
    expect(actualDays(d('2023-12-31'), d('2024-12-31'))).toBe(366);
  });

  // Gregorian leap years: every 4th year, except centuries not divisible by 400 (1900 is not, 2000 is).
  it('counts the days of a month, February by the leap-year rule, 0 outside 1–12', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect([daysInMonth(2024, 2), daysInMonth(1900, 2), daysInMonth(2000, 2), daysInMonth(2100, 2)]).toEqual([29, 28, 29, 28]);
    expect([daysInMonth(2024, 0), daysInMonth(2024, 13)]).toEqual([0, 0]);
  });

  // 0 = Sunday, as JavaScript's getUTCDay; the dates are checked against a printed calendar.
  it('names the day of the week (1970-01-01 was a Thursday; 1900-01-01 a Monday)', () => {
    expect(dayOfWeek(d('1970-01-01'))).toBe(4);
    expect(dayOfWeek(d('1900-01-01'))).toBe(1);
    expect(dayOfWeek(d('2000-01-01'))).toBe(6);
    expect(dayOfWeek(d('2024-02-29'))).toBe(4);
    expect(dayOfWeek(d('2025-01-05'))).toBe(0);
    for (let day = -80_000; day <= 80_000; day += 997) {
      expect(dayOfWeek(fromDayNumber(day))).toBe(new Date(day * 86_400_000).getUTCDay());
    }
  });
});

describe('day counts', () => {
  // 30/360 US Bond Basis (ISDA 2006 §4.16(f)): days = 360ΔY + 30ΔM + ΔD with D1=31→30, D2=31→30 if D1≥30.
  it('30/360 counts every whole month as 30 days', () => {
    expect(dayCountDays('30/360', d('2024-01-15'), d('2024-02-15'))).toBe(30);
    expect(dayCountDays('30/360', d('2024-01-31'), d('2024-03-31'))).toBe(60); // both 31sts become 30
    expect(dayCountDays('30/360', d('2024-01-30'), d('2024-02-29'))).toBe(29); // Feb end is not adjusted in Bond Basis
    expect(dayCountDays('30/360', d('2024-01-15'), d('2024-01-31'))).toBe(16); // D2=31 kept because D1 < 30
    expect(yearFraction('30/360', d('2024-01-01'), d('2025-01-01'))).toBe(1);
  });

  it('ACT/365 accrues a 31-day month as 31/365 of the APR (daily rate × 365 = APR)', () => {
    // A ¥10,000 balance at 18% APR for March 2025 (31 days): 10000 × 0.18 × 31/365 = 152.876712…
    const fraction = yearFraction('ACT/365', d('2025-03-01'), d('2025-04-01'));
    expect(fraction).toBeCloseTo(31 / 365, 15);
    expect(10_000 * 0.18 * fraction).toBeCloseTo(152.8767, 4);
  });

  it('ACT/360 divides actual days by 360', () => {
    expect(yearFraction('ACT/360', d('2025-01-01'), d('2025-04-01'))).toBeCloseTo(90 / 360, 15);
  });

  it('refuses an end date before the start date', () => {
    expect(() => yearFraction('ACT/365', d('2025-02-01'), d('2025-01-01'))).toThrow(/before start/);
  });
});
