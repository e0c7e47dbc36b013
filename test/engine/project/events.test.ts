import { describe, expect, it } from 'vitest';
import {
  allocateLoanArrays,
  amortizationCode,
  buildTransitionMatrix,
  projectPool,
  roundToCents,
  traceLoan,
  type AmortizationType,
  type LoanArrays,
  type PoolAssumptions,
  type PoolCashFlows,
  type ProjectionEvent,
  type SegmentAssumptions,
} from '../../../engine/index.ts';
import { resolveAssumptions } from '../../../engine/project/assumptions.ts';
import { allocateAccumulators, poolCashFlows } from '../../../engine/project/cash-flows.ts';
import { projectLoanInto } from '../../../engine/project/kernel.ts';
import { kernelContext } from '../../../engine/project/kernel-context.ts';

// Event stresses (docs/assumptions.md, "Event stresses"). Every hand case is on 30/360 (a month is
// 1/12 of a year) with a ¥600 equal-principal (等额本金) loan at 12% over 6 months: ¥100 of principal
// a month and 1% of the balance as interest — installments 106, 105, 104, 103, 102, 101.

interface Loan {
  balance: number;
  rateAnnual: number;
  remainingTerm: number;
  amortization?: AmortizationType;
  restructured?: number;
  segment?: number;
}

function loanArrays(rows: readonly Loan[]): LoanArrays {
  const loans = allocateLoanArrays(rows.length);
  rows.forEach((row, i) => {
    loans.currentPrincipal[i] = row.balance;
    loans.originalPrincipal[i] = row.balance;
    loans.rateAnnual[i] = row.rateAnnual;
    loans.remainingTerm[i] = row.remainingTerm;
    loans.originalTerm[i] = row.remainingTerm;
    loans.amortization[i] = amortizationCode(row.amortization ?? 'equal_principal');
    loans.restructured[i] = row.restructured ?? 0;
    loans.segment[i] = row.segment ?? 0;
  });
  return loans;
}

const sixMonths: Loan = { balance: 600, rateAnnual: 0.12, remainingTerm: 6 };
const list = (values: Float64Array): number[] => Array.from(values);
const cash = (r: PoolCashFlows): number[] => list(r.interestCollected).map((interest, k) => interest + (r.penaltyInterest[k] ?? 0) + (r.scheduledPrincipal[k] ?? 0) + (r.prepayments[k] ?? 0));
const total = (values: number[]): number => values.reduce((a, b) => a + b, 0);
const run = (loans: LoanArrays, assumptions: PoolAssumptions, months: number): PoolCashFlows => roundToCents(projectPool(loans, assumptions, { months }));

function holiday(over: Partial<Extract<ProjectionEvent, { type: 'paymentHoliday' }>> = {}): ProjectionEvent {
  return { type: 'paymentHoliday', segments: null, share: 1, fromMonth: 2, months: 3, interest: 'waived', ...over };
}

function outage(over: Partial<Extract<ProjectionEvent, { type: 'outage' }>> = {}): ProjectionEvent {
  return { type: 'outage', segments: null, month: 3, days: 15, share: 1, cureShare: 1, waivePenalty: true, ...over };
}

describe('payment holiday (展期)', () => {
  it('a 3-month holiday with interest waived moves the schedule by exactly three months; the holiday months pay nothing', () => {
    // Month 1 pays 106; the holiday is months 2–4; months 5–9 pay the original months 2–6: 105 … 101.
    const r = run(loanArrays([sixMonths]), { pool: {}, events: [holiday()] }, 9);
    expect(cash(r)).toEqual([106, 0, 0, 0, 105, 104, 103, 102, 101]);
    expect(list(r.interestCollected)).toEqual([6, 0, 0, 0, 5, 4, 3, 2, 1]);
    expect(list(r.endingBalance)).toEqual([500, 500, 500, 500, 400, 300, 200, 100, 0]);
    expect(list(r.scheduledInterest)).toEqual([6, 0, 0, 0, 5, 4, 3, 2, 1]);
  });

  it('half the borrowers deferring: half the original flows, plus the other half three months late', () => {
    // 0.5 × (106, 105, 104, 103, 102, 101) in months 1–6, + 0.5 × (105 … 101) in months 5–9.
    const r = run(loanArrays([sixMonths]), { pool: {}, events: [holiday({ share: 0.5 })] }, 9);
    expect(cash(r)).toEqual([106, 52.5, 52, 51.5, 51 + 52.5, 50.5 + 52, 51.5, 51, 50.5]);
    expect(total(cash(r))).toBe(621); // 600 principal + 21 interest: nothing waived but time
  });

  it('the same on a level-payment (等额本息) loan: its flows are the undeferred ones three months later', () => {
    const loan: Loan = { balance: 1_200, rateAnnual: 0.12, remainingTerm: 6, amortization: 'level_payment' };
    const plain = run(loanArrays([loan]), { pool: {} }, 9);
    const deferred = run(loanArrays([loan]), { pool: {}, events: [holiday({ fromMonth: 1 })] }, 9);
    expect(cash(deferred).slice(0, 3)).toEqual([0, 0, 0]);
    expect(cash(deferred).slice(3)).toEqual(cash(plain).slice(0, 6));
  });

  it('accrued: the holiday’s interest (1% × 500 × 3 = 15) is paid with the first resumed installment', () => {
    const r = run(loanArrays([sixMonths]), { pool: {}, events: [holiday({ interest: 'accrued' })] }, 9);
    expect(list(r.interestCollected)).toEqual([6, 0, 0, 0, 5 + 15, 4, 3, 2, 1]);
    expect(cash(r)).toEqual([106, 0, 0, 0, 120, 104, 103, 102, 101]);
  });

  it('capitalised: the 15 joins the principal (515) and is re-amortised over the five installments left (103 a month)', () => {
    const r = run(loanArrays([sixMonths]), { pool: {}, events: [holiday({ interest: 'capitalised' })] }, 9);
    expect(list(r.capitalisedInterest)).toEqual([0, 0, 0, 0, 15, 0, 0, 0, 0]);
    expect(list(r.scheduledPrincipal)).toEqual([100, 0, 0, 0, 103, 103, 103, 103, 103]);
    // Interest 1% of 515, 412, 309, 206, 103.
    expect(list(r.interestCollected)).toEqual([6, 0, 0, 0, 5.15, 4.12, 3.09, 2.06, 1.03]);
    expect(list(r.endingBalance)).toEqual([500, 500, 500, 500, 412, 309, 206, 103, 0]);
    // Balance identity with capitalisation: 500 + 15 = 103 + 412 in month 5.
    expect((r.beginningBalance[4] ?? 0) + (r.capitalisedInterest[4] ?? 0)).toBe((r.scheduledPrincipal[4] ?? 0) + (r.endingBalance[4] ?? 0));
  });

  it('restructured loans counted as defaulted: the restructured loan’s 500 is a gross default of month 2; the other defers', () => {
    const loans = loanArrays([{ ...sixMonths, restructured: 1 }, sixMonths]);
    const r = run(loans, { pool: { recoveryRate: 0.2 }, events: [holiday({ restructured: 'defaulted' })] }, 9);
    expect(list(r.defaults)).toEqual([0, 500, 0, 0, 0, 0, 0, 0, 0]);
    expect(list(r.recoveries)).toEqual([0, 100, 0, 0, 0, 0, 0, 0, 0]);
    expect(cash(r)).toEqual([212, 0, 0, 0, 105, 104, 103, 102, 101]);
  });

  it('restructured loans on their own curve: MDR 10% from the first resumed month (SIFMA order: off the beginning balance)', () => {
    // Month 5: 10% × 500 = 50 defaults; the 0.9 left pays 0.9 × 105 = 94.5; month 6: 10% × 360 = 36, 0.81 × 104 = 84.24.
    const events = [holiday({ restructured: 'ownCurve', restructuredDefault: { kind: 'monthly', rates: [0.1] } })];
    const r = run(loanArrays([{ ...sixMonths, restructured: 1 }]), { pool: {}, events }, 9);
    expect(list(r.defaults).slice(0, 6)).toEqual([0, 0, 0, 0, 50, 36]);
    expect(cash(r).slice(0, 6)).toEqual([106, 0, 0, 0, 94.5, 84.24]);
  });

  it('applies on a segment whose default is a cumulative timing curve (the solved MDRs pause for the deferred share)', () => {
    const pool: SegmentAssumptions = { defaultTiming: { cumulativeDefaultRate: 0.06, timingPct: [100], monthsPerPeriod: 6 } };
    const plain = run(loanArrays([sixMonths]), { pool }, 9);
    const deferred = run(loanArrays([sixMonths]), { pool, events: [holiday()] }, 9);
    expect(
      list(plain.defaults)
        .slice(1, 4)
        .every((d) => d > 0),
    ).toBe(true);
    // The whole loan defers in months 2–4: nothing is due, nothing defaults.
    expect(list(deferred.defaults).slice(1, 4)).toEqual([0, 0, 0]);
    expect(deferred.defaults[0]).toBe(plain.defaults[0]);
  });

  it('only the segment named, only the borrowers still current, only loans in the pool at its start', () => {
    const loans = loanArrays([sixMonths, { ...sixMonths, segment: 1 }]);
    const r = run(loans, { pool: {}, events: [holiday({ segments: [1] })] }, 9);
    expect(cash(r)).toEqual([212, 105, 104, 103, 102 + 105, 101 + 104, 103, 102, 101]);
    // A purchase projected from pool month 3 (startMonth 3) is not given a holiday that began in month 2.
    const bought = roundToCents(projectPool(loanArrays([sixMonths]), { pool: {}, events: [holiday()] }, { months: 6, startMonth: 3 }));
    expect(cash(bought)).toEqual([106, 105, 104, 103, 102, 101]);
  });
});

describe('servicing / payment-system outage', () => {
  it('15 days of month 3 (50% of its collections) with full cure in month 4 moves exactly that cash from month 3 to month 4', () => {
    // 30/360: 15 ÷ 30 days × share 1 = half of month 3's installments fail: 104 → 52; month 4 pays 103 + 52.
    const plain = run(loanArrays([sixMonths]), { pool: {} }, 6);
    const r = run(loanArrays([sixMonths]), { pool: { penaltyMultiple: 1.5 }, events: [outage()] }, 6);
    expect(cash(plain)).toEqual([106, 105, 104, 103, 102, 101]);
    expect(cash(r)).toEqual([106, 105, 52, 155, 102, 101]);
    expect(list(r.penaltyInterest)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(total(cash(r))).toBe(total(cash(plain)));
    // The failed half is 1–30 days past due at the end of month 3: 0.5 × (300 not yet due + 100 overdue).
    expect(r.balanceByState.dpd1_30[2]).toBe(200);
    expect(r.overdueTotal[2]).toBe(52);
  });

  it('without the waiver the cure pays a month of 罚息: 1.5 × 12% ÷ 12 × 50 overdue principal = 0.75', () => {
    const r = run(loanArrays([sixMonths]), { pool: { penaltyMultiple: 1.5 }, events: [outage({ waivePenalty: false })] }, 6);
    expect(list(r.penaltyInterest)).toEqual([0, 0, 0, 0.75, 0, 0]);
    // The assumption set's penaltyWaiver.outage waives it when the event does not say.
    const { waivePenalty: _waive, ...unsaid } = outage() as Extract<ProjectionEvent, { type: 'outage' }>;
    const waived = run(loanArrays([sixMonths]), { pool: { penaltyMultiple: 1.5, penaltyWaiver: { outage: true } }, events: [unsaid] }, 6);
    expect(list(waived.penaltyInterest)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('cureShare 0.6: the rest of the failed payments roll on to 31–60 and then follow the roll-rate matrix', () => {
    // No roll-in of its own (current → 1–30 at 0): only the outage makes loans late. Month 4: the 0.5
    // that paid pays 51.5; the 0.3 that cures pays 103 + 104 = 62.1; the 0.2 rolling on owes 200 not
    // yet due + 200 overdue: 80 in 31–60. From 31–60 everything cures in month 5 (cure 1).
    const rollRates = buildTransitionMatrix({ rollForward: { current: 0, dpd1_30: 0.5, dpd31_60: 0 }, cure: { dpd1_30: 0.5, dpd31_60: 1 }, chargeOffAt: 'dpd31_60' });
    const r = run(loanArrays([sixMonths]), { pool: { rollRates }, events: [outage({ cureShare: 0.6 })] }, 6);
    expect(cash(r).slice(2, 4)).toEqual([52, 51.5 + 62.1]);
    expect(r.balanceByState.dpd31_60[3]).toBe(80);
    // Month 5: 0.8 pays 102; the 0.2 cures paying 102 + its arrears 104 + 103 = 0.2 × 309 = 61.8.
    expect(cash(r)[4]).toBeCloseTo(81.6 + 61.8, 9);
    expect(total(cash(r))).toBeCloseTo(621, 9);
  });

  it('on ACT/365 the month has its actual days: 15 days of a 31-day month fail 15/31 of the installments', () => {
    const r = roundToCents(projectPool(loanArrays([sixMonths]), { pool: { dayCount: 'ACT/365' }, events: [outage({ month: 1 })] }, { months: 2, cutoffDate: '2026-01-01' }));
    const plain = roundToCents(projectPool(loanArrays([sixMonths]), { pool: { dayCount: 'ACT/365' } }, { months: 2, cutoffDate: '2026-01-01' }));
    expect(cash(r)[0]).toBeCloseTo((cash(plain)[0] ?? 0) * (16 / 31), 2);
  });
});

describe('segment shock', () => {
  it('roll-in × 3 from month 2 with a 1-month half-life: × 3, × 2, × 1.5 … of current → 1–30', () => {
    // current → 1–30 at 2%; 1–30 cures in full the next month (a 30+ policy with no charge-off).
    const rollRates = buildTransitionMatrix({ rollForward: { current: 0.02, dpd1_30: 0 }, cure: { dpd1_30: 1 }, chargeOffAt: 'dpd1_30' });
    const events: ProjectionEvent[] = [{ type: 'segmentShock', segments: [0], fromMonth: 2, rollInMultiplier: 3, defaultMultiplier: 1, halfLifeMonths: 1 }];
    const trace = traceLoan(loanArrays([{ ...sixMonths, remainingTerm: 12 }]), 0, { pool: { rollRates }, events }, { months: 4 });
    const late = (k: number): number => trace.stateMass[k * 8 + 1] ?? 0;
    // Month 1: 2% of 1 = 0.02. Month 2: 6% of 0.98 = 0.0588 (current: 0.98 × 0.94 + 0.02 cured = 0.9412).
    // Month 3: 4% of 0.9412 = 0.037648. Month 4: 3% of (0.9412 × 0.96 + 0.0588) = 3% of 0.962352.
    expect(late(0)).toBeCloseTo(0.02, 12);
    expect(late(1)).toBeCloseTo(0.0588, 12);
    expect(late(2)).toBeCloseTo(0.037648, 12);
    expect(late(3)).toBeCloseTo(0.03 * 0.962352, 12);
  });

  it('default × 2 from month 2, permanent: MDR 1% then 2% on an interest-only loan', () => {
    const events: ProjectionEvent[] = [{ type: 'segmentShock', segments: [0], fromMonth: 2, rollInMultiplier: 1, defaultMultiplier: 2 }];
    const loan: Loan = { balance: 1_000, rateAnnual: 0.12, remainingTerm: 12, amortization: 'interest_only' };
    const r = run(loanArrays([loan]), { pool: { default: { kind: 'monthly', rates: [0.01] } }, events }, 3);
    // 1% × 1,000 = 10; 2% × 990 = 19.80; 2% × 970.20 = 19.404 → 19.40.
    expect(list(r.defaults)).toEqual([10, 19.8, 19.4]);
    // Another segment is untouched.
    const other = run(loanArrays([{ ...loan, segment: 1 }]), { pool: { default: { kind: 'monthly', rates: [0.01] } }, events }, 3);
    expect(list(other.defaults)).toEqual([10, 9.9, 9.8]);
  });
});

/** The dense (general) kernel, the banded one bypassed, as projectPool runs it otherwise. */
function projectDense(loans: LoanArrays, assumptions: PoolAssumptions, months: number): PoolCashFlows {
  const fractions = new Float64Array(months).fill(1 / 12);
  const segments = resolveAssumptions(assumptions, 2, months, 0, () => fractions).map((s) => ({ ...s, banded: null, maturedBanded: null }));
  const acc = allocateAccumulators(months, 6);
  const ctx = kernelContext(months);
  let cutoff = 0;
  for (let i = 0; i < loans.currentPrincipal.length; i++) {
    cutoff += loans.currentPrincipal[i] ?? 0;
    const segment = segments[loans.segment[i] ?? 0];
    if (segment === undefined) throw new Error('segment');
    projectLoanInto(loans, i, segment, ctx, acc, null);
  }
  return roundToCents(poolCashFlows(acc, loans.currentPrincipal.length, cutoff));
}

describe('both kernels', () => {
  const rollRates = buildTransitionMatrix({
    rollForward: { current: 0.03, dpd1_30: 0.4, dpd31_60: 0.5, dpd61_90: 0.6 },
    cure: { dpd1_30: 0.4, dpd31_60: 0.2, dpd61_90: 0.1, dpd91_180: 0.05 },
    rollBack: { dpd31_60: 0.1 },
  });
  const set: SegmentAssumptions = {
    rollRates,
    prepayment: { kind: 'monthly', rates: [0.02] },
    recoveryRate: 0.3,
    recoveryLagMonths: 6,
    penaltyMultiple: 1.5,
    servicingFeeRate: 0.01,
  };
  const loans = loanArrays([
    { balance: 10_000, rateAnnual: 0.18, remainingTerm: 12, amortization: 'level_payment' },
    { balance: 5_000, rateAnnual: 0.24, remainingTerm: 9, amortization: 'equal_principal', segment: 1 },
    { balance: 3_000, rateAnnual: 0.1, remainingTerm: 6, amortization: 'flat_fee', restructured: 1 },
  ]);

  it('events that change nothing (share 0, multipliers 1) give through the dense kernel what the banded one gives without events', () => {
    const none: ProjectionEvent[] = [
      holiday({ share: 0 }),
      outage({ share: 0 }),
      { type: 'segmentShock', segments: [0, 1], fromMonth: 1, rollInMultiplier: 1, defaultMultiplier: 1, halfLifeMonths: 3 },
    ];
    const banded = run(loans, { pool: set }, 24);
    const dense = run(loans, { pool: set, events: none }, 24);
    for (const key of ['interestCollected', 'penaltyInterest', 'scheduledPrincipal', 'prepayments', 'defaults', 'recoveries', 'endingBalance', 'servicingFee'] as const) {
      expect(list(dense[key])).toEqual(list(banded[key]));
    }
  });

  it('with events a banded matrix falls back to the dense kernel: projectPool equals the dense kernel to the cent', () => {
    const events: ProjectionEvent[] = [
      holiday({ share: 0.3, interest: 'accrued', restructured: 'defaulted' }),
      outage({ share: 0.5, cureShare: 0.7, waivePenalty: false }),
      { type: 'segmentShock', segments: [1], fromMonth: 4, rollInMultiplier: 3, defaultMultiplier: 3, halfLifeMonths: 6 },
    ];
    const viaPool = run(loans, { pool: set, events }, 24);
    const viaDense = projectDense(loans, { pool: set, events }, 24);
    for (const key of ['interestCollected', 'penaltyInterest', 'scheduledPrincipal', 'prepayments', 'defaults', 'recoveries', 'endingBalance'] as const) {
      expect(list(viaPool[key])).toEqual(list(viaDense[key]));
    }
    // Every yuan is accounted for: cutoff = principal collected + defaults (no capitalisation here, nothing left at 24 months).
    const principal = total(list(viaPool.scheduledPrincipal)) + total(list(viaPool.prepayments)) + total(list(viaPool.defaults));
    expect(principal).toBeCloseTo(18_000, 1);
  });

  it('a traced loan’s masses with events still sum to 1 with the mass prepaid', () => {
    const events: ProjectionEvent[] = [holiday({ share: 0.4 }), outage({ share: 0.5, cureShare: 0.5 })];
    const trace = traceLoan(loans, 0, { pool: set, events }, { months: 18 });
    for (let k = 0; k < 18; k++) {
      let mass = trace.prepaidMass[k] ?? 0;
      for (let s = 0; s < 8; s++) mass += trace.stateMass[k * 8 + s] ?? 0;
      expect(mass).toBeCloseTo(1, 12);
    }
  });
});
