import { describe, expect, it } from 'vitest';
import { assert as checkProperty, integer, property } from 'fast-check';
import { addMonths, dayCountDays, dayOfWeek, daysInMonth, parseIsoDate, yearFraction, EngineError, formatIsoDate, actualDays, fromDayNumber, toDayNumber } from '../../engine/index.ts';

const d = parseIsoDate;

/** Day numbers as Date.UTC gives them (the reference for toDayNumber). */
const dateUtcDayNumber = (year: number, month: number, day: number): number => Math.round(Date.UTC(year, month - 1, day) / 86_400_000);

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

  // Day numbers by hand: 2000-01-01 is 30 years of 365 days and 7 leap days (1972 … 1996) after 1970-01-01,
  // 30 × 365 + 7 = 10,957; 2000-03-01 is 31 + 29 days later (2000 is a leap year: divisible by 400), 11,017;
  // 1900-03-01 is 70 × 365 + 17 leap days (1904 … 1968; 1900 is not one) + 31 + 28 days before 1970-01-01.
  it('numbers days from 1970-01-01 as Date.UTC does, a day past a month’s end running into the next', () => {
    expect([toDayNumber(d('1970-01-01')), toDayNumber(d('2000-01-01')), toDayNumber(d('2000-03-01'))]).toEqual([0, 10_957, 11_017]);
    expect(toDayNumber(d('1900-03-01'))).toBe(-(70 * 365 + 17) + 31 + 28);
    expect(toDayNumber({ year: 2023, month: 2, day: 30 })).toBe(toDayNumber(d('2023-03-02')));
    expect(toDayNumber({ year: 2024, month: 3, day: 0 })).toBe(toDayNumber(d('2024-02-29')));
    // Years 0–99 are Date.UTC's 1900–1999, as before.
    expect(toDayNumber({ year: 50, month: 1, day: 1 })).toBe(toDayNumber(d('1950-01-01')));
    checkProperty(
      property(integer({ min: 1, max: 9999 }), integer({ min: 1, max: 12 }), integer({ min: -40, max: 80 }), (year, month, day) => {
        expect(toDayNumber({ year, month, day })).toBe(dateUtcDayNumber(year, month, day));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the same frozen date for the same text, and still refuses a bad one every time', () => {
    const first = d('2027-02-26');
    expect(d('2027-02-26')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => d('2025-02-29')).toThrow(EngineError);
    expect(() => d('2025-02-29')).toThrow(EngineError);
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

  // The four 30/360 variants differ only at month ends. Each row is worked by hand from the rule its
  // source states (docs/deals.md, "Day counts"): Bond Basis, ISDA 2006 §4.16(f): D1 = 31 → 30; D2 = 31 → 30
  // when D1 is then 30. US (SIA, Standard Securities Calculation Methods): D2 → 30 when D1 and D2 are both
  // the last day of February; D1 = last day of February → 30; then as Bond Basis. 30E/360, §4.16(g): a 31st
  // → 30 on either date. 30E/360 ISDA, §4.16(h): a month's last day → 30 on either date, save a February
  // termination date. days = 360·ΔY + 30·ΔM + (D2 − D1).
  it.each([
    // start, end, Bond Basis, US, 30E/360, 30E/360 ISDA (termination elsewhere)
    ['2025-01-31', '2025-02-28', 28, 28, 28, 30], // D1 31 → 30 (all); only 30E ISDA lifts Feb 28 to 30: 30 − 30 + 30
    ['2025-02-28', '2025-03-31', 33, 30, 32, 30], // Bond: 30 + 31 − 28; US: D1 → 30 then D2 31 → 30; 30E: 30 + 30 − 28
    ['2024-02-29', '2025-02-28', 359, 360, 359, 360], // both Feb ends: US and 30E ISDA count a whole year; Bond and 30E 360 + 28 − 29
    ['2025-03-15', '2025-03-31', 16, 16, 15, 15], // D1 < 30 keeps D2 = 31 under Bond and US; 30E and 30E ISDA make it 30
    ['2025-03-30', '2025-04-30', 30, 30, 30, 30], // 30 Mar is no month end; 30 Apr is, and is the 30th anyway
    ['2025-01-15', '2025-02-15', 30, 30, 30, 30], // mid-month dates: every variant counts a whole month as 30
  ] as const)('30/360 family from %s to %s: Bond Basis %i, US %i, 30E %i, 30E ISDA %i days', (start, end, bond, us, euro, isda) => {
    expect([dayCountDays('30/360', d(start), d(end)), dayCountDays('30/360 US', d(start), d(end)), dayCountDays('30E/360', d(start), d(end)), dayCountDays('30E/360 ISDA', d(start), d(end))]).toEqual([
      bond,
      us,
      euro,
      isda,
    ]);
    expect(yearFraction('30E/360', d(start), d(end))).toBe(euro / 360);
  });

  it('30E/360 ISDA keeps a February termination date’s own day (§4.16(h)), and only then', () => {
    // 29 Feb 2024 → 28 Feb 2025 ending on the termination date: 360 + 28 − 30 = 358; elsewhere 360.
    expect(dayCountDays('30E/360 ISDA', d('2024-02-29'), d('2025-02-28'), d('2025-02-28'))).toBe(358);
    expect(dayCountDays('30E/360 ISDA', d('2024-02-29'), d('2025-02-28'), d('2026-02-28'))).toBe(360);
    // A termination date at another month's end is still the 30th: 31 Jan → 31 Mar = 60.
    expect(dayCountDays('30E/360 ISDA', d('2025-01-31'), d('2025-03-31'), d('2025-03-31'))).toBe(60);
    // The other conventions ignore it.
    expect(dayCountDays('30/360 US', d('2024-02-29'), d('2025-02-28'), d('2025-02-28'))).toBe(360);
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
