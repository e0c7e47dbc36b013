import { describe, expect, it } from 'vitest';
import { UserError } from '../../data/errors.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { dealPool, prepareDeal, runPrepared } from '../../service/runs/prepare-deal.ts';
import { poolBalanceOf, statedPoolBalance } from '../../service/runs/size-deal.ts';

// A four-month schedule of 1,000,000 paid 250,000 a month with 1% of the opening balance as fee,
// under a deal of one senior note (900,000, 3% ACT/365) and a subordinate note, pass-through.
const ROWS = [
  { periodEnd: '2025-01-31', openingBalance: 1_000_000, scheduledPrincipal: 250_000, interest: 10_000 },
  { periodEnd: '2025-02-28', openingBalance: 750_000, scheduledPrincipal: 250_000, interest: 7_500 },
  { periodEnd: '2025-03-31', openingBalance: 500_000, scheduledPrincipal: 250_000, interest: 5_000 },
  { periodEnd: '2025-04-30', openingBalance: 250_000, scheduledPrincipal: 250_000, interest: 2_500 },
];

function deal(extra: Record<string, unknown> = {}, stress: Record<string, unknown> = {}): unknown {
  return {
    name: 'Schedule pool deal',
    dates: { cutoff: '2024-12-31', closing: '2025-01-10', firstPaymentDate: '2025-02-20', legalFinalMaturity: '2025-12-20' },
    notes: [
      { id: 'A', seniority: 1, originalBalance: 900_000, coupon: { type: 'fixed', rate: 0.03 } },
      { id: 'Sub', seniority: 2, originalBalance: 100_000, coupon: { type: 'none' } },
    ],
    waterfall: {
      interest: [{ kind: 'interest', notes: ['A'] }],
      principal: [
        { kind: 'principal', rule: 'sequential' },
        { kind: 'residual', to: 'Sub' },
      ],
    },
    schedulePool: { rows: [...ROWS], stress },
    ...extra,
  };
}

function userError(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('a deal on a schedule pool', () => {
  it('runs the schedule as printed when unstressed: period 1 collects 250,000 of principal and 10,000 of fee', () => {
    const { result } = runPrepared(prepareDeal(readDealFile(deal()), null, undefined));
    const first = result.periods[0];
    expect(first?.pool.scheduledPrincipal).toBe(250_000);
    expect(first?.pool.interest).toBe(10_000);
    expect(first?.pool.defaults).toBe(0);
  });

  it('applies the file’s stress, and the run’s --default and --default-mult on top (hand-computed MDR)', () => {
    // 12 CDR → MDR = 1 − 0.88^(1/12) = 0.010596...; month 1 defaults = MDR × 1,000,000.
    const mdr = 1 - 0.88 ** (1 / 12);
    const stressed = runPrepared(prepareDeal(readDealFile(deal({}, { default: '12 CDR', recoveryRate: 0.4, recoveryLagMonths: 2 })), null, undefined)).result;
    expect(stressed.periods[0]?.pool.defaults).toBeCloseTo(mdr * 1_000_000, 2);
    expect(stressed.periods[0]?.pool.scheduledPrincipal).toBeCloseTo((1 - mdr) * 250_000, 2);
    // Recovered 40% two months later: period 3 recovers 0.4 × period 1's defaults.
    expect(stressed.periods[2]?.pool.recoveries).toBeCloseTo(0.4 * mdr * 1_000_000, 2);
    const doubled = runPrepared(prepareDeal(readDealFile(deal({}, { default: '12 CDR' })), null, undefined, { defaultMultiplier: 2 })).result;
    expect(doubled.periods[0]?.pool.defaults).toBeCloseTo(2 * mdr * 1_000_000, 2);
    const replaced = runPrepared(prepareDeal(readDealFile(deal({}, { default: '12 CDR' })), null, undefined, { default: '0 CDR', prepayment: '0.5 SMM' })).result;
    expect(replaced.periods[0]?.pool.defaults).toBe(0);
    // 0.5% SMM of what is left after the installment: 0.005 × 750,000.
    expect(replaced.periods[0]?.pool.prepayments).toBeCloseTo(3750, 2);
  });

  it('refuses a schedule beside lines or an assumption set, a printed balance that does not roll, and a stress vector of the wrong kind', () => {
    const lines = { pool: { lines: [{ amortization: 'level_payment', balance: 1, rate: 0.1, originalTerm: 12, remainingTerm: 12 }] } };
    expect(userError(() => readDealFile(deal(lines))).details).toMatchObject({ issues: [{ path: '$.schedulePool' }] });
    expect(userError(() => readDealFile(deal({ assumptions: { months: 12, pool: {} } }))).message).toMatch(/schedulePool\.stress/);
    expect(userError(() => prepareDeal(readDealFile(deal()), null, { months: 12, pool: {} })).message).toMatch(/not by an assumption file/);
    const typo = deal();
    (typo as { schedulePool: { rows: { openingBalance: number }[] } }).schedulePool.rows[2] = { ...ROWS[2], openingBalance: 5_000_000 };
    const rolled = userError(() => prepareDeal(readDealFile(typo), null, undefined));
    expect(rolled.details).toMatchObject({ issues: [{ path: '$.schedulePool.rows[2].openingBalance' }] });
    expect(userError(() => prepareDeal(readDealFile(deal({}, { default: '12 PSA' })), null, undefined)).details).toMatchObject({ issues: [{ path: '$.schedulePool.stress.default' }] });
    expect(userError(() => prepareDeal(readDealFile(deal({}, { delinquency: '100 PSA' })), null, undefined)).details).toMatchObject({ issues: [{ path: '$.schedulePool.stress.delinquency' }] });
  });
});

describe('sizing a deal on a schedule pool', () => {
  it('states and sizes against the schedule’s opening balance, not the (absent) loans', () => {
    const file = readDealFile(deal());
    expect(statedPoolBalance(file)).toBe(1_000_000);
    expect(poolBalanceOf(prepareDeal(file, null, undefined))).toBe(1_000_000);
  });
});

describe('scenario factors and grids on a schedule pool', () => {
  it('takes the pool’s prepayment, default and recovery factors (grid axes prepayMult, defaultMult, recoveryMult), refuses the rest', () => {
    const file = readDealFile(deal({}, { prepayment: '0.5 SMM', default: '0.1 MDR', recoveryRate: 0.3 }));
    const doubled = runPrepared(prepareDeal(file, null, undefined, { multipliers: { pool: { prepayment: 2, default: 3, recovery: 2 } } })).result;
    // SMM 0.5% × 2 = 1%, MDR 0.1% × 3 = 0.3%: month 1 defaults 3,000; prepayments 1% × (1 − 0.003) × 750,000 = 7,477.50.
    expect(doubled.periods[0]?.pool.defaults).toBeCloseTo(3000, 2);
    expect(doubled.periods[0]?.pool.prepayments).toBeCloseTo(7477.5, 2);
    // Recovery 30% × 2 = 60% of month 1's defaults, recovered in month 1 (no lag).
    expect(doubled.periods[0]?.pool.recoveries).toBeCloseTo(1800, 2);
    expect(() => prepareDeal(file, null, undefined, { multipliers: { pool: { cure: 2 } } })).toThrow(/cure and roll-in factors do not apply to a schedule pool/);
    expect(() => prepareDeal(file, null, undefined, { multipliers: { segments: { gig: { default: 2 } } } })).toThrow(/factors by segment/);
  });

  it('a scenario set or grid plans with the schedule’s own input (no loans), which prepareDeal accepts', () => {
    const file = readDealFile(deal());
    const input = dealPool(file, null);
    expect([input.loanCount, input.cutoffDate]).toEqual([0, '2024-12-31']);
    expect(runPrepared(prepareDeal(file, input, undefined)).result.periods[0]?.pool.scheduledPrincipal).toBe(250_000);
  });
});
