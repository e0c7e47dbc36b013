import { levelPayment } from '../schedule/level-payment.ts';
import type { ResolvedSegment } from './assumptions.ts';
import type { RateTable } from './rate-assumption.ts';
import { LIVE_STATES, type Accumulators } from './cash-flows.ts';
import type { HolidayInterest, ResolvedHoliday, ResolvedOutage } from './events.ts';
import type { InstallmentState } from './installment.ts';
import { BLOCK } from './kernel-context.ts';
import { FLAT_FEE_CODE, LEVEL_PAYMENT_CODE } from './loans.ts';
import { CHARGED_OFF, STATE_COUNT, TRACE_COLUMNS } from './transitions.ts';

/** What every track of a loan shares. */
export interface LoanTerms {
  /** Age at cutoff: age-based curves are read at age + month. */
  readonly age: number;
  /** Annual penalty rate (loanPenaltyRate). */
  readonly penaltyRate: number;
  /** Restructured share of the loan (LoanArrays.restructured). */
  readonly restructured: number;
}

/**
 * A share of a loan that owes one schedule, projected by kernel.ts from month `start`. Without
 * events a loan is one track from month 0. An event splits a share off the current fraction of a
 * track into a track of its own (the projection is linear in mass, so the loan's flows are the sum
 * of its tracks' exactly):
 *  - a payment holiday's share (展期): months start … holidayEnd − 1 are the holiday — nothing
 *    falls due, nothing moves, no prepayment or default; then the schedule resumes `shift`
 *    months late (contract month = projection month − shift), so the loan ends `shift` months later;
 *  - an outage's failed share: its month `start` takes the outage's missPlan (all of it misses
 *    the installment: current → 1–30), month start + 1 its curePlan (cureShare cures, paying both
 *    installments; the rest rolls to 31–60), and the segment's matrix after that.
 * Events hit a split-off share only after it is back on schedule (`splitsFrom`).
 */
export interface Track {
  /** Two blocks of the dense kernel's state (kernel-context.ts offsets); `c` is this month's. */
  readonly st: Float64Array;
  c: number;
  readonly plan: InstallmentState;
  readonly start: number;
  readonly shift: number;
  readonly holidayEnd: number;
  readonly holidayInterest: HolidayInterest | null;
  /** Holiday interest per unit of mass accrued so far ('accrued', 'capitalised'). */
  accruedPerUnit: number;
  /** The default curve of the track's current fraction (a restructured share's own, or the segment's). */
  readonly mdr: RateTable;
  readonly outage: ResolvedOutage | null;
  readonly splitsFrom: number;
  /** Beginning balance of the month (the servicing strip's base). */
  loanBalance: number;
  prepaidMass: number;
}

/** The whole loan as one track from month 0, its state in `st` (the context's scratch). */
export function wholeLoan(st: Float64Array, plan: InstallmentState, mdr: RateTable, balance: number): Track {
  return { st, c: 0, plan, start: 0, shift: 0, holidayEnd: 0, holidayInterest: null, accruedPerUnit: 0, mdr, outage: null, splitsFrom: 0, loanBalance: balance, prepaidMass: 0 };
}

interface ChildSpec {
  readonly shift: number;
  readonly holidayEnd: number;
  readonly holidayInterest: HolidayInterest | null;
  readonly mdr: RateTable;
  readonly outage: ResolvedOutage | null;
  readonly splitsFrom: number;
}

/** A track of `mass` current from month k, owing the parent's schedule from where it stands. */
function child(parent: Track, k: number, mass: number, spec: ChildSpec): Track {
  const st = new Float64Array(2 * BLOCK);
  st[0] = mass;
  return { ...spec, st, c: 0, plan: { ...parent.plan }, start: k, accruedPerUnit: 0, loanBalance: mass * parent.plan.balance, prepaidMass: 0 };
}

/**
 * Month k's holidays and outages on this track (the month's splits in file order, each on the
 * borrowers still current and not yet hit): the share leaves the track's current fraction (and its
 * balance) for a track of its own, projected after this one.
 */
export function splitOff(track: Track, k: number, loan: LoanTerms, segment: ResolvedSegment, acc: Accumulators, pending: Track[]): void {
  for (const split of segment.events?.splits ?? []) {
    if (split.month !== k) continue;
    const mass = track.st[track.c] ?? 0;
    const share = split.kind === 'holiday' ? split.share : split.failShare;
    const moved = mass * share;
    if (moved === 0) continue;
    track.st[track.c] = mass - moved;
    track.loanBalance -= moved * track.plan.balance;
    if (split.kind === 'outage') {
      pending.push(child(track, k, moved, { shift: track.shift, holidayEnd: k, holidayInterest: null, mdr: track.mdr, outage: split, splitsFrom: k + 1 }));
    } else {
      holidayTracks(track, k, moved, split, loan, segment, acc, pending);
    }
  }
}

/**
 * The holiday's tracks: restructured loans (their share of the loan) count as defaulted at the
 * holiday's start ('defaulted': a gross default of month k), or defer on their own default curve
 * ('ownCurve'); the rest defer on the track's curve.
 */
function holidayTracks(track: Track, k: number, moved: number, split: ResolvedHoliday, loan: LoanTerms, segment: ResolvedSegment, acc: Accumulators, pending: Track[]): void {
  const spec = (mdr: RateTable): ChildSpec => ({
    shift: track.shift + split.months,
    holidayEnd: k + split.months,
    holidayInterest: split.interest,
    mdr,
    outage: null,
    splitsFrom: k + split.months + 1,
  });
  const restructured = split.restructured === null ? 0 : loan.restructured * moved;
  if (restructured === 0) {
    pending.push(child(track, k, moved, spec(track.mdr)));
    return;
  }
  pending.push(child(track, k, moved - restructured, spec(track.mdr)));
  if (split.restructured === 'defaulted') {
    bookDefault(acc, k, restructured * track.plan.balance, segment);
    const off = child(track, k, 0, spec(track.mdr));
    off.st[CHARGED_OFF] = restructured;
    pending.push(off);
  } else {
    pending.push(child(track, k, restructured, spec(split.restructuredMdr ?? track.mdr)));
  }
}

/**
 * A holiday month: nothing falls due and nothing moves; the servicing strip accrues on the
 * balance; with 'accrued' or 'capitalised' the month's contract interest on the deferred balance
 * (or the flat fee) accrues, simple, for payment when the holiday ends.
 */
export function holidayMonth(track: Track, k: number, yf: number, strip: number, acc: Accumulators, trace: Float64Array | null): void {
  const { st, plan } = track;
  acc.servicingFee[k] = (acc.servicingFee[k] ?? 0) + strip * yf * track.loanBalance;
  const u = plan.balance;
  if (track.holidayInterest !== 'waived') track.accruedPerUnit += plan.amortization === FLAT_FEE_CODE ? plan.feeUnit : u * plan.rateAnnual * yf;
  const balance = (st[track.c] ?? 0) * u;
  const at = k * LIVE_STATES;
  acc.stateBalance[at] = (acc.stateBalance[at] ?? 0) + balance;
  track.loanBalance = balance;
  if (trace !== null) traceRow(trace, k, st, track.c, track.prepaidMass);
}

/** 'capitalised', first month after the holiday: the accrued interest joins the principal, re-amortised over the installments left. */
export function resumeCapitalised(track: Track, contractMonth: number, k: number, acc: Accumulators): void {
  if (track.holidayInterest !== 'capitalised' || track.accruedPerUnit === 0) return;
  const plan = track.plan;
  plan.balance += track.accruedPerUnit;
  acc.capitalisedInterest[k] = (acc.capitalisedInterest[k] ?? 0) + (track.st[track.c] ?? 0) * track.accruedPerUnit;
  if (plan.amortization === LEVEL_PAYMENT_CODE) plan.installment = levelPayment(plan.balance, plan.rateMonthly, plan.remainingTerm - contractMonth);
  track.accruedPerUnit = 0;
}

/** 'accrued', first month after the holiday: the accrued interest falls due with the first resumed installment. */
export function resumeAccrued(track: Track): void {
  if (track.holidayInterest !== 'accrued') return;
  track.plan.interest += track.accruedPerUnit;
  track.accruedPerUnit = 0;
}

/** A gross default of month k: its loss booked now, its recovery recoveryLagMonths later. */
export function bookDefault(acc: Accumulators, k: number, amount: number, segment: ResolvedSegment): void {
  const { recoveryRate, recoveryLagMonths: lag } = segment;
  acc.defaults[k] = (acc.defaults[k] ?? 0) + amount;
  acc.losses[k] = (acc.losses[k] ?? 0) + amount * (1 - recoveryRate);
  acc.recoveries[k + lag] = (acc.recoveries[k + lag] ?? 0) + amount * recoveryRate;
}

/** Adds a track's month k to the loan's trace: the mass in each state, then the mass it prepaid so far. */
export function traceRow(trace: Float64Array, k: number, st: Float64Array, c: number, prepaidMass: number): void {
  const at = k * TRACE_COLUMNS;
  for (let s = 0; s < STATE_COUNT; s++) trace[at + s] = (trace[at + s] ?? 0) + (st[c + s] ?? 0);
  trace[at + STATE_COUNT] = (trace[at + STATE_COUNT] ?? 0) + prepaidMass;
}
