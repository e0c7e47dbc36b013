import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../renderer/app/i18n.tsx';
import { dateProblem } from '../../renderer/components/DateField.tsx';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';

// Chinese is a chunk of its own (renderer/app/catalogues.ts): loaded once here, so chooseLanguage switches within its call.
beforeAll(() => loadCatalogue('zh-CN'));

describe('the YYYY-MM-DD date field refuses what is not a date, in words, in both languages', () => {
  const en = translator('en');
  const zh = translator('zh-CN');

  it('takes a calendar date and an empty field', () => {
    expect(dateProblem('2026-09-30', true, en)).toBeNull();
    // 2028 is a leap year (divisible by 4, not by 100), so 29 February is on its calendar.
    expect(dateProblem('2028-02-29', true, en)).toBeNull();
    expect(dateProblem('', true, en)).toBeNull();
  });

  it('refuses a date off the calendar: 2027 is no leap year, April has 30 days', () => {
    expect(dateProblem('2027-02-29', false, en)).toBe('2027-02-29 is not a date on the calendar.');
    expect(dateProblem('2026-04-31', false, zh)).toBe('2026-04-31 不是日历上存在的日期。');
    expect(dateProblem('2026-13-01', false, en)).toBe('2026-13-01 is not a date on the calendar.');
  });

  it('refuses another form (the US picker’s 01/20/2027) once typed out or the field is left, not while typing', () => {
    expect(dateProblem('01/20/2027', false, en)).toBe('“01/20/2027” is not a date in the form YYYY-MM-DD (e.g. 2026-09-30).');
    expect(dateProblem('2026-9-30', true, zh)).toBe('“2026-9-30”不是 YYYY-MM-DD 格式的日期（例如 2026-09-30）。');
    expect(dateProblem('2026-0', false, en)).toBeNull();
  });
});
