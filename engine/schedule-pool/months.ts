import { assert } from '../errors.ts';
import { daysInMonth, parseIsoDate } from '../dates.ts';
import type { ScheduleRow } from './types.ts';

/**
 * The pool month (1 = the first collection month after the cutoff, as engine/project counts) in which
 * each schedule row's collection period ends. A cutoff on the last day of its month starts month 1
 * in the next month (a close-of-business cutoff, 2017-09-30); any other cutoff day starts it in the
 * cutoff's own month (2017-10-01 at 0:00). A row may span several months (a circular's first
 * collection period, 2017-10-01 to 2017-12-31, is months 1–3); rows must end in later and later months.
 */
export function scheduleRowMonths(rows: readonly ScheduleRow[], cutoffDate: string): number[] {
  const cutoff = parseIsoDate(cutoffDate);
  const startsNextMonth = cutoff.day === daysInMonth(cutoff.year, cutoff.month);
  const month1 = cutoff.year * 12 + cutoff.month - 1 + (startsNextMonth ? 1 : 0);
  let previous = 0;
  return rows.map((row, i) => {
    const end = parseIsoDate(row.periodEnd);
    const month = end.year * 12 + end.month - 1 - month1 + 1;
    assert(month > previous, 'SCHEDULE_POOL', {
      row: i + 1,
      periodEnd: row.periodEnd,
      reason: month < 1 ? 'the period ends before the cutoff' : 'the period ends in the same month as, or before, the previous one',
    });
    previous = month;
    return month;
  });
}
