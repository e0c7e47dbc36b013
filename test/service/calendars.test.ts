import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isBusinessDay, parseIsoDate, rollDate, runDeal, type Deal, type PoolPeriodFlows } from '../../engine/index.ts';
import { chinaCalendar, cnCalendarOf, dealCalendar } from '../../service/calendars/index.ts';
import { poolOf } from '../engine/deal/helpers.ts';

// The shipped China calendar (templates/calendars/cn.json) against the State Council notices it cites
// (国务院办公厅关于2024年部分节假日安排的通知, 国办发明电〔2023〕7号: “国庆节：10月1日至7日放假调休，共7天。
// 9月29日（星期日）、10月12日（星期六）上班。”).
const cn = chinaCalendar();
const open = (iso: string): boolean => isBusinessDay(cn, parseIsoDate(iso));
const rolled = (iso: string, convention: 'following' | 'modifiedFollowing'): string => {
  const d = rollDate(parseIsoDate(iso), convention, cn);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
};

describe('China business-day calendar (templates/calendars/cn.json)', () => {
  it('covers 2017–2026, each year citing its notice', () => {
    expect([cn.firstYear, cn.lastYear]).toEqual([2017, 2026]);
  });

  it('2024 National Day: Oct 1–7 closed; Sunday Sep 29 and Saturday Oct 12 are make-up working days', () => {
    for (let day = 1; day <= 7; day++) expect(open(`2024-10-0${day}`)).toBe(false);
    expect(open('2024-09-29')).toBe(true);
    expect(open('2024-10-12')).toBe(true);
    expect(open('2024-10-08')).toBe(true);
    expect(open('2024-10-13')).toBe(false); // an ordinary Sunday
  });

  it('兑付日顺延 following: a payment date on 2024-10-01 is paid on 2024-10-08', () => {
    expect(rolled('2024-10-01', 'following')).toBe('2024-10-08');
  });

  it('modifiedFollowing: a month-end inside a holiday rolls back into its own month', () => {
    // 2023: 中秋节、国庆节 9月29日至10月6日; 10月7日（星期六）上班. Saturday 2023-09-30:
    // following = Saturday 2023-10-07 (a make-up working day, in October) → back to Thursday 2023-09-28.
    expect(rolled('2023-09-30', 'following')).toBe('2023-10-07');
    expect(rolled('2023-09-30', 'modifiedFollowing')).toBe('2023-09-28');
    // 2025: 春节 1月28日至2月4日. Friday 2025-01-31 → following Wednesday 2025-02-05 → modifiedFollowing Monday 2025-01-27.
    expect(rolled('2025-01-31', 'modifiedFollowing')).toBe('2025-01-27');
  });

  it('the 2020 Spring Festival as extended (国办发明电〔2020〕1号): Jan 31 closed, Saturday Feb 1 no longer a working day', () => {
    expect(open('2020-01-31')).toBe(false);
    expect(open('2020-02-01')).toBe(false);
    expect(open('2020-02-03')).toBe(true);
  });

  it('refuses a payment date in a year the file does not cover', () => {
    expect(() => rolled('2027-02-01', 'following')).toThrow(/does not cover/);
    expect(() => open('2016-12-30')).toThrow(/does not cover/);
  });
});

describe('the calendar file is checked as it is read', () => {
  const good = JSON.parse(readFileSync('templates/calendars/cn.json', 'utf8')) as { years: Record<string, { workingWeekends: string[] }>; lastYear: number };

  it('a make-up working day on a weekday is refused with its JSON path', () => {
    const bad = structuredClone(good);
    bad.years['2024']?.workingWeekends.push('2024-10-08');
    expect(() => cnCalendarOf(bad, 'cn.json')).toThrow('cn.json: years.2024.workingWeekends[8]: 2024-10-08 is a weekday');
  });

  it('a covered year without its notice is refused', () => {
    const bad = structuredClone(good);
    bad.lastYear = 2027;
    expect(() => cnCalendarOf(bad, 'cn.json')).toThrow('cn.json: years.2027: missing');
  });

  it('a year without a cited source is refused', () => {
    const bad = structuredClone(good) as unknown as { years: Record<string, { sources: unknown[] }> };
    if (bad.years['2019']) bad.years['2019'].sources = [];
    expect(() => cnCalendarOf(bad, 'cn.json')).toThrow('cn.json: years.2019.sources: cite at least one notice');
  });
});

// A deal run on rolled dates. Note A 1,000,000 at 3 % ACT/365, monthly on the 1st from closing
// 2024-08-01; the pool repays nothing until month 3, so A's balance is 1,000,000 in every period.
//   Scheduled: 09-01, 10-01, 11-01 → 31, 30, 31 days.
//   Following on CN: 09-01 (Sun) → 09-02; 10-01 (National Day) → 10-08; 11-01 (Fri) stays → 32, 36, 24 days.
//   Interest = 1,000,000 × 0.03 × days ÷ 365, half-up to cents:
//     31 d 2,547.945… → 2,547.95   30 d 2,465.753… → 2,465.75
//     32 d 2,630.136… → 2,630.14   36 d 2,958.904… → 2,958.90   24 d 1,972.602… → 1,972.60
//   Period 2 changes by 2,958.90 − 2,465.75 = +493.15.
describe('a deal run on rolled payment dates (ACT/365 on the rolled dates)', () => {
  const dates: Deal['dates'] = { cutoff: '2024-08-01', closing: '2024-08-01', firstPaymentDate: '2024-09-01', legalFinalMaturity: '2026-12-01' };
  const deal = (extra: Partial<Deal['dates']>): Deal => ({
    dates: { ...dates, ...extra },
    notes: [{ id: 'A', seniority: 1, originalBalance: 1_000_000, dayCount: 'ACT/365', coupon: { type: 'fixed', rate: 0.03 } }],
    waterfall: {
      combined: [
        { kind: 'interest', notes: ['A'] },
        { kind: 'principal', rule: 'sequential' },
        { kind: 'residual', to: 'seller' },
      ],
    },
  });
  const rows: Partial<PoolPeriodFlows>[] = [
    { beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 0, endingBalance: 1_000_000 },
    { beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 0, endingBalance: 1_000_000 },
    { beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 1_000_000, endingBalance: 0 },
  ];
  const run = (d: Deal) => runDeal(d, poolOf(1_000_000, rows), dealCalendar(d) ? { calendar: dealCalendar(d) } : {});

  it('without a convention (the default) the scheduled dates are paid', () => {
    const result = run(deal({}));
    expect(result.periods.map((p) => p.paymentDate)).toEqual(['2024-09-01', '2024-10-01', '2024-11-01']);
    expect(result.periods.map((p) => p.notes[0]?.interestDue)).toEqual([2547.95, 2465.75, 2547.95]);
  });

  it('following on CN pays on 09-02, 10-08, 11-01 with interest on 32, 36 and 24 days', () => {
    const unrolled = run(deal({}));
    const result = run(deal({ businessDayConvention: 'following', calendar: 'CN' }));
    expect(result.periods.map((p) => p.paymentDate)).toEqual(['2024-09-02', '2024-10-08', '2024-11-01']);
    expect(result.periods.map((p) => p.notes[0]?.interestDue)).toEqual([2630.14, 2958.9, 1972.6]);
    const change = Math.round(((result.periods[1]?.notes[0]?.interestDue ?? 0) - (unrolled.periods[1]?.notes[0]?.interestDue ?? 0)) * 100) / 100;
    expect(change).toBe(493.15);
  });

  it('accrualDates scheduledDates: paid on the rolled dates, accrued on the scheduled ones (和享2017-5’s 计息日)', () => {
    const result = run(deal({ businessDayConvention: 'following', calendar: 'CN', accrualDates: 'scheduledDates' }));
    expect(result.periods.map((p) => p.paymentDate)).toEqual(['2024-09-02', '2024-10-08', '2024-11-01']);
    expect(result.periods.map((p) => p.notes[0]?.interestDue)).toEqual([2547.95, 2465.75, 2547.95]);
  });

  it('modifiedFollowing on US-FED: Labor Day 2024-09-02 is rolled over, month ends roll back', () => {
    // Monthly on the 31st (clamped to month end) from 2024-08-31: 08-31 Sat → Mon 09-02 is Labor Day → Tue 09-03 is
    // in September → back to Fri 08-30; 09-30 Mon open; 11-30 Sat → Mon 12-02 in December → back to Fri 11-29.
    const d = deal({ closing: '2024-07-31', cutoff: '2024-07-31', firstPaymentDate: '2024-08-31', businessDayConvention: 'modifiedFollowing', calendar: 'US-FED' });
    const long = [...rows.slice(0, 2), ...rows.slice(0, 2), rows[2] ?? {}];
    const result = runDeal(d, poolOf(1_000_000, long), { calendar: dealCalendar(d) });
    expect(result.periods.map((p) => p.paymentDate)).toEqual(['2024-08-30', '2024-09-30', '2024-10-31', '2024-11-29', '2024-12-31']);
    // ACT/365 on the rolled dates: 07-31 → 08-30 is 30 days: 1,000,000 × 0.03 × 30 / 365 = 2,465.753… → 2,465.75.
    expect(result.periods[0]?.notes[0]?.interestDue).toBe(2465.75);
  });

  it('refuses to run a rolling deal without its calendar', () => {
    expect(() => runDeal(deal({ businessDayConvention: 'following', calendar: 'CN' }), poolOf(1_000_000, rows))).toThrow(/no calendar/);
  });
});
