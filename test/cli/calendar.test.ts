import { describe, expect, it } from 'vitest';
import { runAbs } from '../helpers/cli.ts';

// Hand checks from the cited notices and rules (docs/deals.md, Business-day calendars).
describe('abs calendar check', () => {
  it('CN 2024 National Day: 10-01 closed, rolled to 10-08; Sunday 09-29 a make-up working day; 2023-09-30 rolls back under modifiedFollowing', () => {
    const run = runAbs(['calendar', 'check', '2024-10-01', '2024-09-29', '2023-09-30', '--calendar', 'cn']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        '2024-10-01  CN  closed  following 2024-10-08  modifiedFollowing 2024-10-08',
        '2024-09-29  CN  business day  following 2024-09-29  modifiedFollowing 2024-09-29',
        '2023-09-30  CN  closed  following 2023-10-07  modifiedFollowing 2023-09-28',
        '',
      ].join('\n'),
    );
  });

  it('US-SIFMA as JSON: Good Friday 2026-04-03 closed, paid Monday 04-06', () => {
    const run = runAbs(['calendar', 'check', '2026-04-03', '--calendar', 'US-SIFMA', '--json']);
    expect(JSON.parse(run.stdout)).toEqual({ calendar: 'US-SIFMA', dates: [{ date: '2026-04-03', businessDay: false, following: '2026-04-06', modifiedFollowing: '2026-04-06' }] });
  });

  it('a date outside the China file’s years, a bad date and an unknown calendar are user errors (exit 1, one line)', () => {
    expect(runAbs(['calendar', 'check', '2027-01-04', '--calendar', 'CN'])).toMatchObject({
      status: 1,
      stdout: '',
      stderr: 'abs calendar: 2027-01-04 is outside the years the CN calendar covers (2017–2026)\n',
    });
    expect(runAbs(['calendar', 'check', '2024-13-01', '--calendar', 'CN'])).toMatchObject({ status: 1, stderr: "abs calendar: '2024-13-01' is not a date YYYY-MM-DD\n" });
    expect(runAbs(['calendar', 'check', '2024-10-01', '--calendar', 'UK'])).toMatchObject({ status: 1, stderr: 'abs calendar: --calendar must be one of CN, US-SIFMA, US-FED\n' });
  });
});
