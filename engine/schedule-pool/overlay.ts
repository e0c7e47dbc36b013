import { assert } from '../errors.ts';
import { allocateAccumulators, LIVE_STATES, poolCashFlows, type Accumulators, type PoolCashFlows } from '../project/cash-flows.ts';
import { scheduleRowMonths } from './months.ts';
import type { ScheduleOverlay, ScheduleRow } from './types.ts';

const CURRENT = 0;
const DPD61_90 = 3;

/**
 * A schedule pool's monthly flows under a rating agency's stress (docs/schedule-pools.md). Per row k
 * (its collection period, ending in pool month mₖ), with S the share of the schedule's pool still
 * performing at the row's start (S = 1 at the cutoff), B the rolled balance (B₁ = the first row's
 * opening balance, Bₖ₊₁ = Bₖ − Pₖ − PP₀ₖ − D₀ₖ), P, I, PP₀, D₀, R₀, Del₀ the row's scheduled
 * principal, interest, own prepayments, defaults, recoveries and delinquency, and d, q the period's
 * default and prepayment rates compounded over its months (1 − Π(1 − MDRₘ), 1 − Π(1 − SMMₘ)):
 *
 *   defaults      D  = S·D₀ + d·S·(B − D₀)                  (overlay defaults come off the opening balance, SIFMA order)
 *   f              = S·(1 − d)                             (the share that pays this period)
 *   principal        f·P,  interest / fee f·I               (a defaulting loan pays nothing in its period)
 *   prepayments   PP = f·PP₀ + q·f·(B − D₀ − P − PP₀)        (prepaid after the installment, with all its future P and I)
 *   recoveries     R = S·R₀ + recoveryRate × the overlay defaults of month m − lag
 *   S′ = f·(1 − q);  ending balance = S′·Bₖ₊₁;  61+ delinquent = S′·Del₀ + delinquencyRate × ending balance
 *
 * so a defaulted or prepaid share leaves with its future scheduled principal and interest pro rata.
 * A row's scheduled principal is capped at what is left of the rolled balance (a table rounded to
 * 0.01 万元 can print more principal than the cutoff balance by a few hundred yuan). Flows land in
 * the row's last month; earlier months of a multi-month row carry the balance and no flows.
 */
export function scheduleFlows(rows: readonly ScheduleRow[], cutoffDate: string, months: number, overlay: ScheduleOverlay = {}): PoolCashFlows {
  assert(rows.length > 0, 'SCHEDULE_POOL', { reason: 'the schedule has no rows' });
  const rowMonths = scheduleRowMonths(rows, cutoffDate);
  const lag = overlay.recoveryLagMonths ?? 0;
  const recoveryRate = overlay.recoveryRate ?? 0;
  const acc = allocateAccumulators(months, lag);
  let survival = 1;
  let balance = rows[0]?.openingBalance ?? 0;
  let previousMonth = 0;
  rows.forEach((row, k) => {
    const month = rowMonths[k] ?? 0;
    checkRow(row, k);
    if (month > months) return;
    const d = compounded(overlay.mdr, previousMonth, month);
    const q = compounded(overlay.smm, previousMonth, month);
    for (let m = previousMonth + 1; m < month; m++) setBalance(acc, m, survival * balance, 0);
    const ownDefaults = Math.min(row.defaults ?? 0, balance);
    const afterDefaults = balance - ownDefaults;
    const principal = Math.min(row.scheduledPrincipal, afterDefaults);
    const ownPrepaid = Math.min(row.prepayment ?? 0, afterDefaults - principal);
    const next = afterDefaults - principal - ownPrepaid;
    const overlayDefaults = d * survival * afterDefaults;
    const paying = survival * (1 - d);
    const i = month - 1;
    add(acc.defaults, i, survival * ownDefaults + overlayDefaults);
    add(acc.losses, i, survival * ownDefaults + overlayDefaults * (1 - recoveryRate));
    add(acc.scheduledPrincipal, i, paying * principal);
    add(acc.scheduledInterest, i, paying * row.interest);
    add(acc.interestCollected, i, paying * row.interest);
    add(acc.prepayments, i, paying * ownPrepaid + q * paying * next);
    add(acc.recoveries, i, survival * (row.recoveries ?? 0));
    add(acc.recoveries, i + lag, recoveryRate * overlayDefaults);
    survival = paying * (1 - q);
    balance = next;
    const ending = survival * balance;
    setBalance(acc, month, ending, Math.min(ending, survival * (row.delinquent ?? 0) + (overlay.delinquencyRate?.[i] ?? 0) * ending));
    previousMonth = month;
  });
  for (let m = previousMonth + 1; m <= months; m++) setBalance(acc, m, survival * balance, 0);
  return poolCashFlows(acc, 0, rows[0]?.openingBalance ?? 0);
}

/** 1 − Π(1 − rateₘ) over pool months from + 1 … to (a rate held at its last value past the vector's end). */
function compounded(rates: Float64Array | undefined, from: number, to: number): number {
  if (rates === undefined || rates.length === 0) return 0;
  let survive = 1;
  for (let m = from + 1; m <= to; m++) survive *= 1 - (rates[Math.min(m, rates.length) - 1] ?? 0);
  return 1 - survive;
}

function checkRow(row: ScheduleRow, k: number): void {
  const amounts = [row.openingBalance, row.scheduledPrincipal, row.interest, row.prepayment ?? 0, row.defaults ?? 0, row.recoveries ?? 0, row.delinquent ?? 0];
  assert(
    amounts.every((x) => Number.isFinite(x) && x >= 0),
    'SCHEDULE_POOL',
    { row: k + 1, reason: 'an amount is negative or not a number' },
  );
}

function add(column: Float64Array, index: number, amount: number): void {
  if (index < column.length) column[index] = (column[index] ?? 0) + amount;
}

/** Month m's (1-based) end-of-month balance: performing (current) and 61+ days past due. */
function setBalance(acc: Accumulators, m: number, ending: number, delinquent: number): void {
  if (m > acc.months) return;
  acc.stateBalance[(m - 1) * LIVE_STATES + CURRENT] = ending - delinquent;
  acc.stateBalance[(m - 1) * LIVE_STATES + DPD61_90] = delinquent;
}
