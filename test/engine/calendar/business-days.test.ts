import { describe, expect, it } from 'vitest';
import { EngineError, type HolidayCalendar, isBusinessDay, parseIsoDate, rollDate } from '../../../engine/index.ts';

// A hand-made calendar (the engine takes the calendar as data): one closed week spanning a month end,
// with a Saturday make-up working day after it, in the style of China's 调休.
//   2030-05-27 Mon … 2030-06-02 Sun closed; 2030-06-08 Saturday a working day.
const calendar: HolidayCalendar = {
  name: 'TEST',
  firstYear: 2030,
  lastYear: 2030,
  holidays: new Set(['2030-05-27', '2030-05-28', '2030-05-29', '2030-05-30', '2030-05-31', '2030-06-01', '2030-06-02']),
  workingWeekends: new Set(['2030-06-08']),
};
const roll = (iso: string, convention: 'none' | 'following' | 'modifiedFollowing'): string => {
  const d = rollDate(parseIsoDate(iso), convention, calendar);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
};

describe('business days and payment-date rolls', () => {
  it('weekends are closed unless declared working days; holidays close weekdays', () => {
    expect(isBusinessDay(calendar, parseIsoDate('2030-05-24'))).toBe(true); // Friday
    expect(isBusinessDay(calendar, parseIsoDate('2030-05-27'))).toBe(false);
    expect(isBusinessDay(calendar, parseIsoDate('2030-06-08'))).toBe(true); // make-up Saturday
    expect(isBusinessDay(calendar, parseIsoDate('2030-06-09'))).toBe(false); // plain Sunday
  });

  it('none pays on the scheduled date; following takes the next business day', () => {
    expect(roll('2030-05-29', 'none')).toBe('2030-05-29');
    expect(roll('2030-05-29', 'following')).toBe('2030-06-03');
    expect(roll('2030-06-07', 'following')).toBe('2030-06-07');
  });

  it('modifiedFollowing rolls back when following crosses into the next month', () => {
    // 2030-05-31 (Fri, closed): following = Mon 2030-06-03 (June) → preceding business day Fri 2030-05-24.
    expect(roll('2030-05-31', 'following')).toBe('2030-06-03');
    expect(roll('2030-05-31', 'modifiedFollowing')).toBe('2030-05-24');
    // 2030-06-01 (Sat): following stays in June, so modifiedFollowing = following.
    expect(roll('2030-06-01', 'modifiedFollowing')).toBe('2030-06-03');
  });

  it('refuses a date outside the years the calendar covers, and a roll that would look past them', () => {
    expect(() => isBusinessDay(calendar, parseIsoDate('2031-01-02'))).toThrow(EngineError);
    expect(() => roll('2029-12-31', 'following')).toThrow(/does not cover/);
    try {
      roll('2031-03-03', 'following');
    } catch (error) {
      expect(error).toMatchObject({ code: 'CALENDAR_YEAR_NOT_COVERED', details: { date: '2031-03-03', calendar: 'TEST', covers: '2030–2030' } });
    }
    expect.assertions(3);
  });
});
