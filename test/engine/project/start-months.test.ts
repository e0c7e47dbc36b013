import { describe, expect, it } from 'vitest';
import { engineErrorCode } from '../../helpers/engine.ts';
import { allocateLoanArrays, amortizationCode, delinquencyCode, parseVector, projectPool, type LoanArrays, type PoolAssumptions } from '../../../engine/index.ts';

// Lines that start later than month 1 (ProjectionOptions.startMonths): a prospectus's hypothetical
// pools with a later "assumed cutoff date" (GM Financial Consumer Automobile Receivables Trust 2025-2,
// 424(h) of 1 May 2025, "Yield and Prepayment Considerations", assumption (vii): "the first due date
// for each automobile loan contract is the last day of the month of the assumed cutoff date"; pools
// cut off 1 April beside pools cut off 1 March). Level payment, 30/360 (interest = APR / 12 a month).

interface Line {
  balance: number;
  rateAnnual: number;
  remainingTerm: number;
  originalTerm?: number;
  state?: 'current' | 'dpd1_30';
}

function lines(rows: readonly Line[]): LoanArrays {
  const loans = allocateLoanArrays(rows.length);
  rows.forEach((row, i) => {
    loans.currentPrincipal[i] = row.balance;
    loans.originalPrincipal[i] = row.balance;
    loans.rateAnnual[i] = row.rateAnnual;
    loans.remainingTerm[i] = row.remainingTerm;
    loans.originalTerm[i] = row.originalTerm ?? row.remainingTerm;
    loans.ageMonths[i] = (row.originalTerm ?? row.remainingTerm) - row.remainingTerm;
    loans.amortization[i] = amortizationCode('level_payment');
    loans.delinquency[i] = delinquencyCode(row.state ?? 'current');
  });
  return loans;
}

const NOTHING: PoolAssumptions = { pool: {} };

describe('lines with their own start month', () => {
  it('a line starting in month 2 is held at its balance in month 1 and amortises from month 2 (hand computation)', () => {
    // A: 1,200 at 12 % over 2 months from month 1: payment P = 1,200 × 0.01 × 1.01² / (1.01² − 1) = 12.2412 / 0.0201.
    // B:   600 at  6 % over 2 months from month 2: payment Q =   600 × 0.005 × 1.005² / (1.005² − 1) = 3.030075 / 0.010025.
    const P = 12.2412 / 0.0201;
    const Q = 3.030075 / 0.010025;
    const a1 = P - 12; // A's month-1 principal (interest 1,200 × 1 % = 12)
    const b2 = Q - 3; // B's month-2 principal (interest 600 × 0.5 % = 3)
    const flows = projectPool(
      lines([
        { balance: 1200, rateAnnual: 0.12, remainingTerm: 2 },
        { balance: 600, rateAnnual: 0.06, remainingTerm: 2 },
      ]),
      NOTHING,
      {
        months: 3,
        startMonths: Uint16Array.from([1, 2]),
      },
    );
    expect(flows.cutoffBalance).toBe(1800);
    // Month 1: only A pays; B (600) stays in the pool untouched.
    expect(flows.interestCollected[0]).toBeCloseTo(12, 9);
    expect(flows.scheduledPrincipal[0]).toBeCloseTo(a1, 9);
    expect(flows.endingBalance[0]).toBeCloseTo(1800 - a1, 9);
    expect(flows.balanceByState.current[0]).toBeCloseTo(1800 - a1, 9);
    // Month 2: A's last payment (interest 1 % of 1,200 − a1) and B's first.
    expect(flows.interestCollected[1]).toBeCloseTo((1200 - a1) * 0.01 + 3, 9);
    expect(flows.scheduledPrincipal[1]).toBeCloseTo(1200 - a1 + b2, 9);
    expect(flows.endingBalance[1]).toBeCloseTo(600 - b2, 9);
    // Month 3: B's last payment.
    expect(flows.interestCollected[2]).toBeCloseTo((600 - b2) * 0.005, 9);
    expect(flows.scheduledPrincipal[2]).toBeCloseTo(600 - b2, 9);
    expect(flows.endingBalance[2]).toBeCloseTo(0, 9);
  });

  it('a later line reads a period-based curve from its start month and is not prepaid before it', () => {
    // SMM by period 10 %, 20 %, 30 %, applied after the scheduled principal. 0 % APR: level principal.
    // C: 300 over 3 months from month 1. B: 600 over 2 months from month 2.
    // Month 1: C pays 100, prepays 10 % × 200 = 20 (180 left); B idle at 600.
    // Month 2: C pays 90 (0.9 of the scheduled 100), prepays 20 % × 90 = 18 (72 left); B pays 300, prepays 20 % × 300 = 60 (240 left).
    // Month 3: C pays 72, B pays 240: nothing left.
    const assumptions: PoolAssumptions = { pool: { prepayment: { kind: 'monthly', rates: [0.1, 0.2, 0.3] } } };
    const flows = projectPool(
      lines([
        { balance: 300, rateAnnual: 0, remainingTerm: 3 },
        { balance: 600, rateAnnual: 0, remainingTerm: 2 },
      ]),
      assumptions,
      {
        months: 3,
        startMonths: Uint16Array.from([1, 2]),
      },
    );
    expect(Array.from(flows.scheduledPrincipal, (x) => Math.round(x * 1e6) / 1e6)).toEqual([100, 390, 312]);
    expect(Array.from(flows.prepayments, (x) => Math.round(x * 1e6) / 1e6)).toEqual([20, 78, 0]);
    expect(Array.from(flows.endingBalance, (x) => Math.round(x * 1e6) / 1e6)).toEqual([780, 312, 0]);
  });

  it('from its start month a line runs as from its own cutoff: its ABS age counts from there', () => {
    // 1.5 ABS reads the age since origination; the line (original 60, remaining 50) starting in month 3
    // must give, from month 3, exactly the flows of the same line projected alone from month 1.
    const assumptions: PoolAssumptions = { pool: { prepayment: { kind: 'notation', notation: parseVector('1.5 ABS') } } };
    const line = lines([{ balance: 10_000, rateAnnual: 0.07, remainingTerm: 50, originalTerm: 60 }]);
    const later = projectPool(line, assumptions, { months: 12, startMonths: Uint16Array.from([3]) });
    const alone = projectPool(line, assumptions, { months: 10 });
    expect(Array.from(later.prepayments.subarray(0, 2))).toEqual([0, 0]);
    expect(Array.from(later.endingBalance.subarray(0, 2))).toEqual([10_000, 10_000]);
    expect(Array.from(later.prepayments.subarray(2))).toEqual(Array.from(alone.prepayments));
    expect(Array.from(later.interestCollected.subarray(2))).toEqual(Array.from(alone.interestCollected));
  });

  it('refuses a start month beyond the projection, a start-month array of the wrong length, a delinquent late line', () => {
    const two = lines([
      { balance: 100, rateAnnual: 0.1, remainingTerm: 2 },
      { balance: 100, rateAnnual: 0.1, remainingTerm: 2, state: 'dpd1_30' },
    ]);
    expect(engineErrorCode(() => projectPool(two, NOTHING, { months: 3, startMonths: Uint16Array.from([4, 1]) }))).toBe('LINE_START_MONTH');
    expect(engineErrorCode(() => projectPool(two, NOTHING, { months: 3, startMonths: Uint16Array.from([1]) }))).toBe('LINE_START_MONTH');
    expect(engineErrorCode(() => projectPool(two, NOTHING, { months: 3, startMonths: Uint16Array.from([1, 2]) }))).toBe('LINE_START_MONTH');
    expect(engineErrorCode(() => projectPool(two, NOTHING, { months: 3, startMonths: Uint16Array.from([0, 1]) }))).toBe('LINE_START_MONTH');
  });
});
