import { describe, expect, it } from 'vitest';
import { easterSunday, isBusinessDay, parseIsoDate, rollDate, usCalendar, usHolidays } from '../../../engine/index.ts';

// Expected lists are copied by hand from the published schedules (addresses in docs/deals.md,
// “Business-day calendars”), not from the code.

describe('US-FED: Federal Reserve holidays (K.8)', () => {
  it('2024 as K.8 prints it, plus Juneteenth (June 19, from 2022)', () => {
    // K.8 2020–2024: Jan 1, Jan 15, Feb 19, May 27, Jul 4, Sep 2, Oct 14, Nov 11, Nov 28, Dec 25.
    expect(usHolidays(2024, 'US-FED')).toEqual([
      '2024-01-01',
      '2024-01-15',
      '2024-02-19',
      '2024-05-27',
      '2024-06-19',
      '2024-07-04',
      '2024-09-02',
      '2024-10-14',
      '2024-11-11',
      '2024-11-28',
      '2024-12-25',
    ]);
  });

  it('2026 as the Richmond Fed prints it: July 4 is a Saturday, so the Reserve Banks open Friday July 3', () => {
    expect(usHolidays(2026, 'US-FED')).toEqual(['2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25']);
  });

  it('2022: a Sunday holiday closes the Monday (Juneteenth June 20, Christmas Dec 26); New Year on Saturday closes nothing', () => {
    const days = usHolidays(2022, 'US-FED');
    expect(days).toContain('2022-06-20');
    expect(days).toContain('2022-12-26');
    expect(days).not.toContain('2021-12-31');
    expect(usHolidays(2021, 'US-FED')).not.toContain('2021-06-18'); // Juneteenth only from 2022
  });
});

describe('US-SIFMA: recommended full closes', () => {
  it('adds Good Friday: Easter by the Gregorian computus, Good Friday two days before', () => {
    expect(easterSunday(2024)).toEqual({ year: 2024, month: 3, day: 31 });
    expect(easterSunday(2025)).toEqual({ year: 2025, month: 4, day: 20 });
    // SIFMA press releases: Good Friday April 2, 2010; April 6, 2012; April 3, 2015.
    for (const [year, goodFriday] of [
      [2010, '2010-04-02'],
      [2012, '2012-04-06'],
      [2015, '2015-04-03'],
    ] as const)
      expect(usHolidays(year, 'US-SIFMA')).toContain(goodFriday);
    expect(usHolidays(2024, 'US-SIFMA')).toContain('2024-03-29');
  });

  it('a Saturday holiday closes the Friday before (2020: full close Friday July 3), except New Year (Dec 31, 2021 trades) and Veterans Day', () => {
    expect(usHolidays(2020, 'US-SIFMA')).toContain('2020-07-03');
    expect(usHolidays(2021, 'US-SIFMA')).toContain('2021-12-24');
    expect(usHolidays(2021, 'US-SIFMA')).not.toContain('2021-12-31');
    // Veterans Day on Saturday 2023-11-11: “The U.S. bond market will also trade normal” on Friday November 10.
    expect(usHolidays(2023, 'US-SIFMA')).not.toContain('2023-11-10');
    expect(usHolidays(2026, 'US-SIFMA')).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-04-03',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
  });

  it('rolls a payment date: Thanksgiving 2026-11-26 → Friday 27; Good Friday 2026-04-03 → Monday 6 on SIFMA, paid on the Fed calendar', () => {
    const sifma = usCalendar('US-SIFMA', 2026, 2026);
    const fed = usCalendar('US-FED', 2026, 2026);
    expect(rollDate(parseIsoDate('2026-11-26'), 'following', sifma)).toEqual(parseIsoDate('2026-11-27'));
    expect(rollDate(parseIsoDate('2026-04-03'), 'following', sifma)).toEqual(parseIsoDate('2026-04-06'));
    expect(isBusinessDay(fed, parseIsoDate('2026-04-03'))).toBe(true);
  });
});
