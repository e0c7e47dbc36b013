import { describe, expect, it } from 'vitest';
import { accrualYearFractions, formatIsoDate, parseIsoDate, paymentDueDates, EngineError } from '../../../engine/index.ts';

const d = parseIsoDate;

describe('payment due dates', () => {
  it('fall monthly from the first payment date, clamped to month end without drifting (Jan 31 → Feb 28 → Mar 31)', () => {
    expect(paymentDueDates(d('2025-01-31'), 5).map(formatIsoDate)).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31']);
    expect(paymentDueDates(d('2023-12-30'), 3).map(formatIsoDate)).toEqual(['2023-12-30', '2024-01-30', '2024-02-29']);
  });
});

describe('accrual year fractions', () => {
  it('30/360: every installment period is 1/12 of a year', () => {
    expect(Array.from(accrualYearFractions('30/360', 3))).toEqual([1 / 12, 1 / 12, 1 / 12]);
  });

  it('ACT/365: actual days from disbursement to the first due date, then between due dates, over 365', () => {
    // Disbursed 2025-01-15, due on the 15th: 31 (Jan 15 → Feb 15), 28 (→ Mar 15), 31 (→ Apr 15) days.
    const fractions = accrualYearFractions('ACT/365', 3, d('2025-01-15'), d('2025-02-15'));
    expect(Array.from(fractions, (f) => Math.round(f * 365))).toEqual([31, 28, 31]);
    // A short first period: disbursed 2025-03-20, first due 2025-04-15 = 26 days.
    expect(accrualYearFractions('ACT/365', 1, d('2025-03-20'), d('2025-04-15'))[0]).toBeCloseTo(26 / 365, 15);
  });

  it('ACT/365 refuses to guess the dates', () => {
    expect(() => accrualYearFractions('ACT/365', 3)).toThrow(EngineError);
    expect(() => accrualYearFractions('ACT/365', 3, d('2025-01-15'))).toThrow(/accrual start date and the first payment date/);
  });
});
