import type { DayCount } from '../daycount.ts';
import type { AccrualDays } from './accrual.ts';
import { allocateProRata } from './allocate.ts';
import { add, minMoney, type Money, sub, truncateCents, ZERO } from './money.ts';
import type { PurchaseDesk } from './purchases.ts';
import type { PrincipalAmount, PrincipalRule } from './types.ts';

/** An indexed coupon (基准利率 + 基本利差) read once: the fixings ascending, the margin, floor and cap. */
export interface IndexedCoupon {
  readonly fixings: readonly { readonly effective: string; readonly rate: Money }[];
  readonly margin: Money;
  readonly floor: Money;
  readonly cap: Money | undefined;
  /** True: the fixing in force on the period's first day; false: the latest effective strictly before it. */
  readonly onPeriodStart: boolean;
}

/** A note during the run; `balance` and `shortfall` carry across periods, the rest is per period. */
export interface NoteState {
  readonly id: string;
  /** Position in the deal's `notes` list (result order). */
  readonly listIndex: number;
  readonly rank: number;
  readonly original: Money;
  /** Coupon rate by period (index p − 1, the last held flat). */
  readonly rates: readonly Money[];
  /** An indexed coupon: the period's rate comes from the fixing at its accrual start instead of `rates`. */
  readonly indexed: IndexedCoupon | undefined;
  readonly dayCount: DayCount;
  readonly interestOnShortfall: boolean;
  /** Expected maturity (预期到期日), ISO date; undefined when the deal gives none. */
  readonly expectedMaturity: string | undefined;
  balance: Money;
  shortfall: Money;
  begin: Money;
  couponRate: Money;
  accrual: Money;
  interestDue: Money;
  interestPaid: Money;
  principalPaid: Money;
  writeDown: Money;
  residualPaid: Money;
  /** Periodic return (期间收益) paid this period by periodicReturn steps: non-cumulative, never carried. */
  periodicReturnPaid: Money;
  /** Σ balance × actual days of every accrual period so far (closing to this period's payment date): the base of hurdle costs. */
  balanceDays: Money;
  /** Σ periodic returns and residuals received so far (what the excessServicing hurdles compare with the expected costs). */
  returnsReceived: Money;
  /** Written down in earlier periods and not yet reimbursed (carries across periods; see reimburseWriteDowns). */
  writtenOff: Money;
  /** Reimbursed this period (part of principalPaid; the balance does not fall by it). */
  reimbursed: Money;
}

export interface FeeState {
  readonly id: string;
  readonly senior: boolean;
  /** capPerPaymentDate (优先支出上限), undefined without one. */
  readonly cap: Money | undefined;
  /** Paid this payment date by the fee's steps within the cap. */
  paidWithinCap: Money;
  unpaid: Money;
  accrual: Money;
  due: Money;
  paid: Money;
}

export interface ReserveState {
  balance: Money;
  begin: Money;
  target: Money;
  release: Money;
  draws: Money;
  deposits: Money;
  /** By fee index / note index (seniority order). */
  readonly coversFee: readonly boolean[];
  readonly coversNote: readonly boolean[];
}

/**
 * Principal funds covering interest-waterfall shortfalls (Deal.waterfall.principalCovers, 本金账户补足):
 * what is covered, the funds still available for it this payment date, and the ledger repaid later.
 */
export interface PrincipalCoverState {
  /** By fee index / note index (seniority order). */
  readonly coversFee: readonly boolean[];
  readonly coversNote: readonly boolean[];
  /** Principal funds not yet used to cover shortfalls this payment date (the principal pot before its waterfall). */
  available: Money;
  /** Covered from principal this payment date. */
  drawn: Money;
  /** Repaid to the principal pot this payment date by repayPrincipalCover steps. */
  repaid: Money;
  /** Ledger at the start of the payment date (carried). */
  begin: Money;
  /** Covered and not yet repaid (carries across payment dates, without interest). */
  ledger: Money;
}

/** Notes of one step as seniority classes: indices into the run's notes (sorted by rank), most senior class first. */
export type Classes = readonly (readonly number[])[];

export type CompiledStep =
  /** capped: the step pays at most the fee's cap less what its capped steps paid this date (false for beyondCap and acceleration steps). */
  | { readonly kind: 'fee'; readonly fee: number; readonly capped: boolean }
  | { readonly kind: 'interest'; readonly notes: readonly number[] }
  | { readonly kind: 'reserveTopUp' }
  | {
      readonly kind: 'principal';
      readonly classes: Classes;
      readonly rule: PrincipalRule;
      readonly triggers: readonly number[];
      readonly amount: PrincipalAmount;
      readonly ocPercent: number;
      readonly ocInitialPercent: number;
      readonly ocFloor: number;
      /** amount targetBalance: the schedule, dates ascending (ISO). */
      readonly targetBalances: readonly { readonly date: string; readonly balance: Money }[];
    }
  | { readonly kind: 'pdlCure' }
  | { readonly kind: 'repayPrincipalCover' }
  | { readonly kind: 'periodicReturn'; readonly note: number; readonly rateAnnual: Money; readonly dayCount: DayCount; readonly whileOutstanding: readonly number[] }
  | {
      readonly kind: 'excessServicing';
      readonly note: number;
      readonly tiers: readonly { readonly hurdleRate: Money; readonly noteShare: Money }[];
      readonly thereafterNoteShare: Money;
    }
  | { readonly kind: 'turbo'; readonly classes: Classes }
  /** note = -1: the seller. */
  | { readonly kind: 'residual'; readonly note: number };

/** The run's state on one payment date. */
export interface PeriodState {
  readonly notes: NoteState[];
  readonly fees: FeeState[];
  readonly reserve: ReserveState | undefined;
  /** Undefined unless the deal's separate waterfall names principalCovers. */
  readonly principalCover: PrincipalCoverState | undefined;
  /** PDL total debit; sub-ledgers are derived (filled from the most junior class up, see pdlByNote). */
  pdl: Money;
  /** Principal distribution amount not yet paid this period. */
  principalDue: Money;
  /** PDL cured this period, moved to the principal pot of a separate waterfall. */
  pdlCured: Money;
  /** Cured cash waiting to move from the interest pot to the principal pot. */
  transfer: Money;
  /** Cash paid for revolving purchases on this payment date. */
  purchasesCash: Money;
  /** Principal those purchases bought (cash ÷ price): what joins the pool. */
  principalPurchased: Money;
  /** Cash carried into this payment date's principal funds from purchases refused on the previous one. */
  principalCarriedIn: Money;
  /** Cash of purchases refused on this payment date, kept in the principal account for the next one. */
  principalAccount: Money;
  /** Payout rounding (payoutRounding): face per certificate; undefined: principal is paid to the cent. */
  readonly faceUnit: Money | undefined;
  /** Principal the per-unit truncation left unpaid this payment date, carried to the next one's principal funds (转存下期). */
  roundingCarried: Money;
  /** Principal funds the principal steps offered for purchase on this payment date (the purchaseShortfall metric's denominator). */
  purchaseOffered: Money;
  /** This payment date's purchases (terms, cap left, what was refused); undefined when the deal does not revolve. */
  desk: PurchaseDesk | undefined;
  seller: Money;
  /** Excess servicing fee (超额服务费) paid to the servicer by excessServicing steps this payment date. */
  excessServicing: Money;
  /** Pool ending balance + principal bought so far (the collateral for target OC and write-downs; principal, never the cash paid). */
  poolAfter: Money;
  readonly cutoffBalance: Money;
  /** This payment date's yield supplement OC amount (0 without one): the targetOC steps read the pool less it. */
  yieldSupplementOC: Money;
  /** The yield supplement account's balance (undefined without one). */
  yieldSupplementAccount: Money | undefined;
  /** The YSOC amount at the cutoff (0 without one). */
  readonly cutoffYieldSupplementOC: Money;
  revolving: boolean;
  revolvingShare: Money;
  final: boolean;
  /** Any breached trigger with the sequential effect. */
  sequential: boolean;
  trapping: boolean;
  readonly breached: boolean[];
  /** This payment date, ISO (targetBalance steps read their schedule at it). */
  paymentDate: string;
  /** Days of this payment date's accrual period by day count (periodicReturn steps accrue on them). */
  accrualDays: AccrualDays | undefined;
}

/**
 * Pays up to `amount` of principal to the classes in order (sequential); within a class pro rata by
 * balance. Returns what was paid.
 */
export function paySequential(state: PeriodState, classes: Classes, amount: Money): Money {
  let left = amount;
  for (const cls of classes) {
    if (left.isZero()) break;
    left = left.minus(payClass(state, cls, left));
  }
  return amount.minus(left);
}

/** Pays up to `amount` of principal pro rata by balance across every note of the classes. */
export function payProRata(state: PeriodState, classes: Classes, amount: Money): Money {
  return payClass(state, classes.flat(), amount);
}

function payClass(state: PeriodState, notes: readonly number[], amount: Money): Money {
  const balances = notes.map((i) => noteAt(state, i).balance);
  let classBalance = ZERO;
  for (const b of balances) classBalance = add(classBalance, b);
  const pay = minMoney(amount, classBalance);
  if (pay.isZero()) return ZERO;
  const parts = pay.eq(classBalance) ? balances : allocateProRata(pay, balances);
  notes.forEach((i, k) => {
    const note = noteAt(state, i);
    const part = parts[k] ?? ZERO;
    const paid = payoutOf(state, note, part);
    state.roundingCarried = add(state.roundingCarried, sub(part, paid));
    note.balance = sub(note.balance, paid);
    note.principalPaid = add(note.principalPaid, paid);
  });
  return pay;
}

/**
 * Payout rounding (和享 2017-5 附件一): a part that does not repay the note is paid per certificate of `faceUnit`,
 * truncated to the fen — per unit = ⌊part ÷ units⌋ at the fen, units = original balance ÷ faceUnit — and the
 * payout is per unit × units (truncated to cents when units is not whole). A note repaid in full, and every
 * payment at the final period, is paid exactly.
 */
function payoutOf(state: Pick<PeriodState, 'faceUnit' | 'final'>, note: NoteState, part: Money): Money {
  if (state.faceUnit === undefined || state.final || part.gte(note.balance)) return part;
  const units = note.original.div(state.faceUnit);
  return truncateCents(truncateCents(part.div(units)).times(units));
}

/** Writes `amount` off the classes from the most junior up, pro rata by balance within a class. */
export function writeDown(state: PeriodState, classes: Classes, amount: Money): void {
  fillJuniorFirst(state, classes, amount, (note, part) => {
    note.balance = sub(note.balance, part);
    note.writeDown = add(note.writeDown, part);
    note.writtenOff = add(note.writtenOff, part);
  });
}

/**
 * Reimburses earlier write-downs from `amount`, most senior class first, pro rata by amount written
 * off within a class (notes are in seniority order). The cash is paid as principal (recorded in
 * `reimbursed` too); the balance is not written back up. Returns what was paid.
 */
export function reimburseWriteDowns(state: PeriodState, amount: Money): Money {
  let left = amount;
  const notes = state.notes;
  for (let i = 0; i < notes.length && left.gt(0);) {
    let j = i;
    while (j < notes.length && notes[j]?.rank === notes[i]?.rank) j++;
    const cls = notes.slice(i, j);
    i = j;
    const owed = cls.map((note) => note.writtenOff);
    let total = ZERO;
    for (const o of owed) total = add(total, o);
    const pay = minMoney(left, total);
    if (pay.isZero()) continue;
    const parts = pay.eq(total) ? owed : allocateProRata(pay, owed);
    cls.forEach((note, k) => {
      const part = parts[k] ?? ZERO;
      note.writtenOff = sub(note.writtenOff, part);
      note.reimbursed = add(note.reimbursed, part);
      note.principalPaid = add(note.principalPaid, part);
    });
    left = left.minus(pay);
  }
  return amount.minus(left);
}

/** The PDL total split into sub-ledgers: filled from the most junior class up to each class's balance, pro rata by balance within a class. */
export function pdlByNote(state: PeriodState, classes: Classes): Money[] {
  const out = state.notes.map(() => ZERO);
  fillJuniorFirst(state, classes, state.pdl, (note, part) => {
    out[state.notes.indexOf(note)] = part;
  });
  return out;
}

/** Spreads `amount` over the classes from the most junior up, each class at most its balance, pro rata by balance within it. */
function fillJuniorFirst(state: PeriodState, classes: Classes, amount: Money, apply: (note: NoteState, part: Money) => void): void {
  let left = amount;
  for (let c = classes.length - 1; c >= 0 && left.gt(0); c--) {
    const notes = (classes[c] ?? []).map((i) => noteAt(state, i));
    const balances = notes.map((note) => note.balance);
    let classBalance = ZERO;
    for (const b of balances) classBalance = add(classBalance, b);
    const take = minMoney(left, classBalance);
    if (take.isZero()) continue;
    const parts = take.eq(classBalance) ? balances : allocateProRata(take, balances);
    notes.forEach((note, k) => apply(note, parts[k] ?? ZERO));
    left = left.minus(take);
  }
}

export function noteAt(state: Pick<PeriodState, 'notes'>, i: number): NoteState {
  const note = state.notes[i];
  if (note === undefined) throw new RangeError(`note index ${i}`);
  return note;
}

export function feeAt(state: PeriodState, i: number): FeeState {
  const fee = state.fees[i];
  if (fee === undefined) throw new RangeError(`fee index ${i}`);
  return fee;
}

/** Σ balances of the classes' notes. */
export function classesBalance(state: PeriodState, classes: Classes): Money {
  let total = ZERO;
  for (const cls of classes) for (const i of cls) total = add(total, noteAt(state, i).balance);
  return total;
}

/** The default branch of an exhaustive switch: the type system proves it unreachable. */
export function unreachable(value: never): never {
  throw new TypeError(`unexpected value ${String(value)}`);
}
