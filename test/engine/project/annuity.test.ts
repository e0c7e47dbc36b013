import { describe, expect, it } from 'vitest';
import { allocateLoanArrays, levelPayment, projectPool } from '../../../engine/index.ts';
import { annuityRatios, annuityTables } from '../../../engine/project/annuity.ts';

/** The re-amortized installment as the projection now computes it (installment.ts monthInstallment). */
function fromRatios(ratios: Float64Array, u: number, n: number): number {
  const ratio = ratios[n] ?? Number.NaN;
  return Number.isNaN(ratio) ? u / n : u * ratio;
}

// Monthly rates across every branch of levelPayment: zero, 1 + r == 1, the expm1·log1p form below
// 1e-3, the pow form above (consumer 8–36% APR, a mortgage's 6%), and a negative rate.
const RATES = [0, 1e-17, 1e-9, 5e-5, 9.99e-4, 1e-3, 0.005, 0.06 / 12, 0.08 / 12, 0.1234 / 12, 0.24 / 12, 0.36 / 12, -0.001];
const BALANCES = [1, 0.37, 12_000, 49_999.99, 1e-7, 123_456.789];

describe('annuity ratios: the re-amortized level installment without a power per month', () => {
  it('u × ratio[n] is levelPayment(u, r, n) to the bit for every rate branch, n = 1 … 360', () => {
    const tables = annuityTables();
    let compared = 0;
    for (const r of RATES) {
      const ratios = annuityRatios(tables, r, 360);
      for (let n = 1; n <= 360; n++) {
        for (const u of BALANCES) {
          expect(Object.is(fromRatios(ratios, u, n), levelPayment(u, r, n))).toBe(true);
          compared++;
        }
      }
    }
    expect(compared).toBe(RATES.length * 360 * BALANCES.length);
  });

  it('by hand: ¥12,000 at 1.5% a month over 12 months is ¥1,100.1599…', () => {
    // A = P·r / (1 − 1.015^−12) = 12,000 × 0.015 / 0.16361… = 1,100.1599… (the annuity identity).
    const ratios = annuityRatios(annuityTables(), 0.015, 12);
    expect(fromRatios(ratios, 12_000, 12)).toBeCloseTo((12_000 * 0.015) / (1 - 1.015 ** -12), 9);
    expect(fromRatios(ratios, 12_000, 12)).toBeCloseTo(1_100.1599, 4);
    // One installment left: balance plus a month's interest. Zero rate: balance / n.
    expect(fromRatios(ratios, 1_000, 1)).toBeCloseTo(1_015, 9);
    expect(fromRatios(annuityRatios(annuityTables(), 0, 12), 1_200, 12)).toBe(100);
  });

  it('a longer term than cached recomputes the rate’s table; past 4,096 rates each loan gets its own, still exact', () => {
    const tables = annuityTables();
    expect(annuityRatios(tables, 0.01, 12).length).toBe(13);
    expect(annuityRatios(tables, 0.01, 6).length).toBe(13);
    expect(annuityRatios(tables, 0.01, 360).length).toBe(361);
    for (let k = 0; tables.size < 4096; k++) annuityRatios(tables, 0.001 + k * 1e-6, 12);
    const own = annuityRatios(tables, 0.0123456, 240);
    expect(Array.from(tables.keys).includes(0.0123456)).toBe(false);
    for (let n = 1; n <= 240; n++) expect(Object.is(fromRatios(own, 5_000, n), levelPayment(5_000, 0.0123456, n))).toBe(true);
  });
});

describe('a level loan off 30/360 with the annuity table (remaining term ≥ 24)', () => {
  it('re-amortizes month by month exactly as levelPayment on the balance and term left', () => {
    // ¥300,000 at 6% APR, 300 months left, ACT/365 fractions 31/365, 30/365, … : each month
    // interest = u × 6% × days/365, installment = levelPayment(u, 0.5%, n left), principal = installment − interest.
    const months = 60;
    const yearFractions = Float64Array.from({ length: months }, (_, k) => (k % 2 === 0 ? 31 : 30) / 365);
    const loans = allocateLoanArrays(1);
    loans.currentPrincipal[0] = 300_000;
    loans.originalPrincipal[0] = 300_000;
    loans.rateAnnual[0] = 0.06;
    loans.remainingTerm[0] = 300;
    loans.originalTerm[0] = 360;
    loans.ageMonths[0] = 60;
    const flows = projectPool(loans, { pool: {} }, { months, yearFractions });
    let u = 300_000;
    for (let k = 0; k < months; k++) {
      const interest = u * 0.06 * (yearFractions[k] ?? 0);
      const principal = levelPayment(u, 0.06 / 12, 300 - k) - interest;
      expect(flows.interestCollected[k]).toBe(interest);
      expect(flows.scheduledPrincipal[k]).toBe(principal);
      u -= principal;
    }
    expect(flows.endingBalance[months - 1]).toBe(u);
  });
});
