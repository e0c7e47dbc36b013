import { assert as checkProperty, array, constantFrom, double, integer, property, record } from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateLoanArrays,
  AMORTIZATION_TYPES,
  amortizationCode,
  buildTransitionMatrix,
  flatFeeRateFromApr,
  loanSchedule,
  projectPool,
  BALANCE_STATES,
  traceLoan,
  type LoanArrays,
  type PoolAssumptions,
} from '../../../engine/index.ts';

// Invariants of the loan-level projection for any pool, roll-rate matrix and speeds:
// balances never go negative; beginning balance = scheduled principal + prepayments + defaults +
// ending balance every month; each loan's state fractions sum to 1 (and its masses plus the mass
// prepaid to 1); with zero speeds and no delinquency each loan pays its contractual schedule.

const loanRecord = record({
  amortization: constantFrom(...AMORTIZATION_TYPES),
  balance: double({ min: 0, max: 1e6, noNaN: true }),
  rateAnnual: double({ min: 0, max: 0.36, noNaN: true }),
  remainingTerm: integer({ min: 1, max: 48 }),
  seasoning: integer({ min: 0, max: 24 }),
  state: integer({ min: 0, max: 7 }),
  overdueShare: double({ min: 0, max: 1, noNaN: true }),
  overdueInterest: double({ min: 0, max: 1e4, noNaN: true }),
});
interface LoanRecordValue {
  amortization: (typeof AMORTIZATION_TYPES)[number];
  balance: number;
  rateAnnual: number;
  remainingTerm: number;
  seasoning: number;
  state: number;
  overdueShare: number;
  overdueInterest: number;
}

function arraysOf(rows: readonly LoanRecordValue[]): LoanArrays {
  const loans = allocateLoanArrays(rows.length);
  rows.forEach((row, i) => {
    loans.currentPrincipal[i] = row.balance;
    loans.originalPrincipal[i] = row.balance * 1.5;
    loans.rateAnnual[i] = row.rateAnnual;
    loans.remainingTerm[i] = row.remainingTerm;
    loans.originalTerm[i] = row.remainingTerm + row.seasoning;
    loans.ageMonths[i] = row.seasoning;
    loans.amortization[i] = amortizationCode(row.amortization);
    loans.delinquency[i] = row.state;
    loans.overduePrincipal[i] = row.state === 0 ? 0 : row.balance * row.overdueShare;
    loans.overdueInterest[i] = row.state === 0 ? 0 : row.overdueInterest;
  });
  return loans;
}

const probability = double({ min: 0, max: 0.3, noNaN: true });
const scenario = record({
  loans: array(loanRecord, { minLength: 1, maxLength: 6 }),
  months: integer({ min: 1, max: 60 }),
  smm: array(double({ min: 0, max: 0.2, noNaN: true }), { minLength: 1, maxLength: 12 }),
  mdr: array(double({ min: 0, max: 0.05, noNaN: true }), { minLength: 1, maxLength: 12 }),
  forward: array(probability, { minLength: 7, maxLength: 7 }),
  cure: array(probability, { minLength: 6, maxLength: 6 }),
  back: array(probability, { minLength: 5, maxLength: 5 }),
  withMatrix: constantFrom(true, false),
  compact: constantFrom(true, false),
  penalty: double({ min: 0, max: 3, noNaN: true }),
});

function assumptionsOf(s: { smm: number[]; mdr: number[]; forward: number[]; cure: number[]; back: number[]; withMatrix: boolean; compact: boolean; penalty: number }): PoolAssumptions {
  const [f0 = 0, f1 = 0, f2 = 0, f3 = 0, f4 = 0, f5 = 0, f6 = 0] = s.forward;
  const [c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0, c6 = 0] = s.cure;
  const [b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0] = s.back;
  // Either the compact 91–180 row (expanded to the three monthly buckets) or the monthly rows.
  const past90 = s.compact
    ? { rollForward: { dpd91_180: f4 }, cure: { dpd91_180: c4 }, rollBack: { dpd91_180: b4 } }
    : {
        rollForward: { dpd91_120: f4, dpd121_150: f5, dpd151_180: f6 },
        cure: { dpd91_120: c4, dpd121_150: c5, dpd151_180: c6 },
        rollBack: { dpd91_120: b4, dpd121_150: b5, dpd151_180: b6 },
      };
  const rollRates = s.withMatrix
    ? buildTransitionMatrix({
        rollForward: { current: f0, dpd1_30: f1, dpd31_60: f2, dpd61_90: f3, ...past90.rollForward },
        cure: { dpd1_30: c1, dpd31_60: c2, dpd61_90: c3, ...past90.cure },
        rollBack: { dpd31_60: b2, dpd61_90: b3, ...past90.rollBack },
      })
    : null;
  return {
    pool: {
      prepayment: { kind: 'monthly', rates: s.smm },
      default: { kind: 'monthly', rates: s.mdr, basis: 'age' },
      rollRates,
      recoveryRate: 0.3,
      recoveryLagMonths: 3,
      penaltyMultiple: s.penalty,
    },
  };
}

describe('pool projection invariants (fast-check)', () => {
  it('balances never go negative and beginning = scheduled principal + prepayments + defaults + ending, every month', () => {
    checkProperty(
      property(scenario, (s) => {
        const loans = arraysOf(s.loans);
        const flows = projectPool(loans, assumptionsOf(s), { months: s.months });
        const scale = 1e-9 * Math.max(1, flows.cutoffBalance);
        for (let t = 0; t < s.months; t++) {
          const begin = flows.beginningBalance[t] ?? Number.NaN;
          const end = flows.endingBalance[t] ?? Number.NaN;
          expect(end).toBeGreaterThanOrEqual(-scale);
          for (const state of BALANCE_STATES) expect(flows.balanceByState[state][t]).toBeGreaterThanOrEqual(-scale);
          for (const column of [flows.scheduledPrincipal, flows.prepayments, flows.defaults, flows.interestCollected, flows.penaltyInterest, flows.overdueTotal]) {
            expect(column[t]).toBeGreaterThanOrEqual(-scale);
          }
          const out = (flows.scheduledPrincipal[t] ?? 0) + (flows.prepayments[t] ?? 0) + (flows.defaults[t] ?? 0) + end;
          expect(Math.abs(out - begin)).toBeLessThanOrEqual(Math.max(1e-6, scale));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("each loan's state fractions sum to 1, and its masses plus the mass prepaid sum to 1", () => {
    checkProperty(
      property(scenario, integer({ min: 0, max: 5 }), (s, pick) => {
        const loans = arraysOf(s.loans);
        const index = pick % s.loans.length;
        const trace = traceLoan(loans, index, assumptionsOf(s), { months: s.months });
        for (let t = 0; t < s.months; t++) {
          let fractions = 0;
          let mass = 0;
          for (let k = 0; k < 8; k++) {
            const f = trace.stateFraction[t * 8 + k] ?? Number.NaN;
            expect(f).toBeGreaterThanOrEqual(0);
            fractions += f;
            mass += trace.stateMass[t * 8 + k] ?? Number.NaN;
          }
          expect(Math.abs(fractions - 1)).toBeLessThan(1e-12);
          expect(Math.abs(mass + (trace.prepaidMass[t] ?? 0) - 1)).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('zero speeds and no delinquency reproduce each loan’s contractual schedule (engine/schedule)', () => {
    checkProperty(
      property(array(loanRecord, { minLength: 1, maxLength: 5 }), integer({ min: 1, max: 60 }), (rows, months) => {
        const current = rows.map((row) => ({ ...row, state: 0 }));
        const flows = projectPool(arraysOf(current), { pool: {} }, { months });
        const interest = new Float64Array(months);
        const principal = new Float64Array(months);
        for (const row of current) {
          const schedule = loanSchedule({
            amortization: row.amortization,
            balance: row.balance,
            rateAnnual: row.rateAnnual,
            remainingTerm: row.remainingTerm,
            flatRateMonthly: Math.max(0, flatFeeRateFromApr(row.rateAnnual, row.remainingTerm + row.seasoning)),
            originalPrincipal: row.balance * 1.5,
          });
          for (let t = 0; t < Math.min(months, schedule.months); t++) {
            interest[t] = (interest[t] ?? 0) + (schedule.interest[t] ?? 0);
            principal[t] = (principal[t] ?? 0) + (schedule.scheduledPrincipal[t] ?? 0);
          }
        }
        const tolerance = 1e-9 * Math.max(1, flows.cutoffBalance);
        for (let t = 0; t < months; t++) {
          expect(Math.abs((flows.interestCollected[t] ?? 0) - (interest[t] ?? 0))).toBeLessThanOrEqual(tolerance);
          expect(Math.abs((flows.scheduledPrincipal[t] ?? 0) - (principal[t] ?? 0))).toBeLessThanOrEqual(tolerance);
          expect(flows.prepayments[t]).toBe(0);
          expect(flows.defaults[t]).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
