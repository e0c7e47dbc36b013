import { describe, expect, it } from 'vitest';
import { addMonths, dayCountDays, parseIsoDate, yearFraction, EngineError, formatIsoDate, actualDays } from '../../engine/index.ts';

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
