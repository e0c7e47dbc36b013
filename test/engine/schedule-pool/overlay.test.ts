import { describe, expect, it } from 'vitest';
import { EngineError, scheduleFlows, type ScheduleRow } from '../../../engine/index.ts';

// A four-month run-off table (cutoff 2024-01-31 at close of business: pool month 1 is February),
// 1,000 of principal paid 250 a month with interest 2% of the opening balance.
const ROWS: ScheduleRow[] = [
  { periodEnd: '2024-02-29', openingBalance: 1000, scheduledPrincipal: 250, interest: 20 },
  { periodEnd: '2024-03-31', openingBalance: 750, scheduledPrincipal: 250, interest: 15 },
  { periodEnd: '2024-04-30', openingBalance: 500, scheduledPrincipal: 250, interest: 10 },
  { periodEnd: '2024-05-31', openingBalance: 250, scheduledPrincipal: 250, interest: 5 },
];
function close(values: Float64Array, expected: number[]): void {
  expected.forEach((x, i) => expect(values[i]).toBeCloseTo(x, 9));
}
const flat = (rate: number, n = 5): Float64Array => new Float64Array(n).fill(rate);

describe('scheduleFlows: a rating agency’s stress on a collection schedule (docs/schedule-pools.md)', () => {
  it('without a stress returns the schedule as printed', () => {
    const f = scheduleFlows(ROWS, '2024-01-31', 4);
    expect([...f.scheduledPrincipal]).toEqual([250, 250, 250, 250]);
    expect([...f.interestCollected]).toEqual([20, 15, 10, 5]);
    expect([...f.endingBalance]).toEqual([750, 500, 250, 0]);
    expect(f.cutoffBalance).toBe(1000);
  });

  it('MDR 1%, SMM 2%, 50% recovered one month later, 5% delinquent: worked by hand', () => {
    const f = scheduleFlows(ROWS, '2024-01-31', 5, { mdr: flat(0.01), smm: flat(0.02), recoveryRate: 0.5, recoveryLagMonths: 1, delinquencyRate: flat(0.05) });
    // Month 1: S = 1, B = 1000. D = 1% × 1000 = 10; f = 0.99 pays P = 0.99 × 250 = 247.5 and I = 0.99 × 20 = 19.8;
    // PP = 2% × 0.99 × (1000 − 250) = 14.85; S′ = 0.99 × 0.98 = 0.9702; ending 0.9702 × 750 = 727.65 = 1000 − 10 − 247.5 − 14.85.
    // Month 2: S = 0.9702, B = 750. D = 1% × 0.9702 × 750 = 7.2765; f = 0.960498: P = 240.1245, I = 14.40747,
    // PP = 2% × 0.960498 × 500 = 9.60498; S′ = 0.94128804; ending 470.64402.
    // Month 3: D = 1% × 0.94128804 × 500 = 4.7064402; f = 0.9318751596: P = 232.9687899, I = 9.318751596,
    // PP = 2% × f × 250 = 4.659375798; S′ = 0.913237656408; ending 228.309414102.
    // Month 4: D = 1% × 0.913237656408 × 250 = 2.28309414102; f = 0.90410527984392: P = 226.02631996098,
    // I = 4.5205263992196; nothing left to prepay; ending 0.
    close(f.defaults, [10, 7.2765, 4.7064402, 2.28309414102, 0]);
    close(f.scheduledPrincipal, [247.5, 240.1245, 232.9687899, 226.02631996098, 0]);
    close(f.interestCollected, [19.8, 14.40747, 9.318751596, 4.5205263992196, 0]);
    close(f.prepayments, [14.85, 9.60498, 4.659375798, 0, 0]);
    close(f.endingBalance, [727.65, 470.64402, 228.309414102, 0, 0]);
    // Recoveries: 50% of the previous month's defaults: 5, 3.63825, 2.3532201, 1.14154707051 (month 5, after the last row).
    close(f.recoveries, [0, 5, 3.63825, 2.3532201, 1.14154707051]);
    close(f.losses, [5, 3.63825, 2.3532201, 1.14154707051, 0]);
    // 61+ delinquent: 5% of each month's ending balance (reported to triggers; it moves no cash).
    close(f.balanceByState.dpd61_90, [36.3825, 23.532201, 11.4154707051, 0, 0]);
    // Balance identity each month: beginning = principal + prepayments + defaults + ending.
    for (let k = 0; k < 5; k++) {
      expect((f.beginningBalance[k] ?? 0) - (f.scheduledPrincipal[k] ?? 0) - (f.prepayments[k] ?? 0) - (f.defaults[k] ?? 0) - (f.endingBalance[k] ?? 0)).toBeCloseTo(0, 9);
    }
  });

  it('a three-month first collection period compounds the monthly rates: d = 1 − 0.99³', () => {
    // Cutoff 2023-12-01 at 0:00: the first row (to 2024-02-29) is months 1–3, like 和享 2017-5's first period (Oct 1 – Dec 31).
    const rows: ScheduleRow[] = [
      { periodEnd: '2024-02-29', openingBalance: 1000, scheduledPrincipal: 600, interest: 30 },
      { periodEnd: '2024-03-31', openingBalance: 400, scheduledPrincipal: 400, interest: 8 },
    ];
    const f = scheduleFlows(rows, '2023-12-01', 4, { mdr: flat(0.01, 4) });
    const d = 1 - 0.99 ** 3; // 0.029701
    expect(Array.from(f.defaults.slice(0, 2))).toEqual([0, 0]);
    expect(f.defaults[2]).toBeCloseTo(1000 * d, 9); // 29.701
    expect(f.scheduledPrincipal[2]).toBeCloseTo(600 * (1 - d), 9); // 582.1794
    expect(f.endingBalance[1]).toBe(1000); // months 1–2 carry the balance
    expect(f.defaults[3]).toBeCloseTo(0.01 * (1 - d) * 400, 9); // month 4: one month at 1% on 388.1196
  });

  it('a schedule’s own prepayments and defaults roll the balance; the overlay scales them by the survival', () => {
    const rows: ScheduleRow[] = [
      { periodEnd: '2024-02-29', openingBalance: 1000, scheduledPrincipal: 400, interest: 20, prepayment: 100, defaults: 100, recoveries: 0 },
      { periodEnd: '2024-03-31', openingBalance: 400, scheduledPrincipal: 400, interest: 8, recoveries: 40 },
    ];
    const f = scheduleFlows(rows, '2024-01-31', 2, { mdr: flat(0.1, 2) });
    // Month 1: D = 100 + 10% × (1000 − 100) = 190; f = 0.9: P = 360, PP = 90, I = 18; ending 0.9 × 400 = 360.
    expect([f.defaults[0], f.scheduledPrincipal[0], f.prepayments[0], f.interestCollected[0], f.endingBalance[0]].map((x) => Number((x ?? 0).toFixed(9)))).toEqual([190, 360, 90, 18, 360]);
    // Month 2: S = 0.9; D = 10% × 0.9 × 400 = 36; P = 0.81 × 400 = 324; recoveries S × 40 = 36.
    expect([f.defaults[1], f.scheduledPrincipal[1], f.recoveries[1]].map((x) => Number((x ?? 0).toFixed(9)))).toEqual([36, 324, 36]);
  });

  it('refuses rows out of order, naming the row', () => {
    const rows = [ROWS[1], ROWS[0]].filter((r): r is ScheduleRow => r !== undefined);
    expect(() => scheduleFlows(rows, '2024-01-31', 4)).toThrow(EngineError);
    try {
      scheduleFlows(rows, '2024-01-31', 4);
    } catch (error) {
      expect((error as EngineError).details).toMatchObject({ row: 2 });
    }
  });
});
