import { EngineError } from '../errors.ts';
import { fromCents, type Money, toWholeCents, ZERO } from './money.ts';
import { type DelinquencyStateBalances, type PoolPeriodFlows, type PoolSource } from './pool-source.ts';

/** A payment period's pool amounts, in cents. */
export interface Collections {
  /** Collection months summed (the period's months within the pool horizon). */
  readonly months: number;
  readonly interest: Money;
  readonly penaltyInterest: Money;
  readonly scheduledPrincipal: Money;
  readonly prepayments: Money;
  readonly recoveries: Money;
  readonly defaults: Money;
  readonly losses: Money;
  readonly servicingFee: Money;
  readonly beginningBalance: Money;
  readonly endingBalance: Money;
  readonly delinquent60Plus: Money;
  readonly delinquent90Plus: Money;
  /** Defaults by the deal's default definition, summed like the flows; absent when the pool counts none. */
  readonly definitionDefaults?: Money;
  /** The pool by delinquency state and 逾期总额 at the period's last collection month, at cents (when the pool source carries them). */
  readonly delinquencyStates?: DelinquencyStateBalances;
}

const FLOW_KEYS = ['interest', 'penaltyInterest', 'scheduledPrincipal', 'prepayments', 'recoveries', 'defaults', 'losses', 'servicingFee'] as const;
const POOL_KEYS = [...FLOW_KEYS, 'beginningBalance', 'endingBalance', 'delinquent60Plus', 'delinquent90Plus'] as const;

/**
 * Reads the pool months of a payment period (period/schedule.ts collectionMonthsOf, cut at the
 * horizon): flows summed after rounding each month's amount
 * half-up to cents; the beginning balance from the first month, the ending balance and the
 * delinquent balances from the last. A negative or non-finite amount is an error naming the month
 * and the column.
 */
export function collect(pool: PoolSource, months: { readonly first: number; readonly last: number }): Collections {
  const first = months.first;
  const last = Math.min(months.last, pool.months);
  const sums = { interest: 0, penaltyInterest: 0, scheduledPrincipal: 0, prepayments: 0, recoveries: 0, defaults: 0, losses: 0, servicingFee: 0 };
  let opening: PoolPeriodFlows | undefined;
  let closing: PoolPeriodFlows | undefined;
  let counted: number | undefined;
  // Sum in integer cents (exact in float64 below 2^53 cents), one rounding per month and amount.
  for (let m = first; m <= last; m++) {
    const row = pool.month(m);
    for (const key of POOL_KEYS) {
      const x = row[key];
      if (!(x >= 0 && x < Infinity)) throw new EngineError('POOL_FLOWS', { month: m, column: key, value: x });
    }
    for (const key of FLOW_KEYS) sums[key] += toWholeCents(row[key]);
    if (row.definitionDefaults !== undefined) {
      if (!(row.definitionDefaults >= 0 && row.definitionDefaults < Infinity)) throw new EngineError('POOL_FLOWS', { month: m, column: 'definitionDefaults', value: row.definitionDefaults });
      counted = (counted ?? 0) + toWholeCents(row.definitionDefaults);
    }
    opening ??= row;
    closing = row;
  }
  const lastRow = closing ?? (pool.months > 0 ? pool.month(pool.months) : undefined);
  // One object in one literal (a deal run collects every period), its optional fields added only when present.
  const out: { -readonly [K in keyof Collections]: Collections[K] } = {
    interest: fromCents(sums.interest),
    penaltyInterest: fromCents(sums.penaltyInterest),
    scheduledPrincipal: fromCents(sums.scheduledPrincipal),
    prepayments: fromCents(sums.prepayments),
    recoveries: fromCents(sums.recoveries),
    defaults: fromCents(sums.defaults),
    losses: fromCents(sums.losses),
    servicingFee: fromCents(sums.servicingFee),
    beginningBalance: fromCents(toWholeCents(opening === undefined ? (lastRow?.endingBalance ?? 0) : opening.beginningBalance)),
    endingBalance: fromCents(toWholeCents(lastRow?.endingBalance ?? 0)),
    delinquent60Plus: closing === undefined ? ZERO : fromCents(toWholeCents(closing.delinquent60Plus)),
    delinquent90Plus: closing === undefined ? ZERO : fromCents(toWholeCents(closing.delinquent90Plus)),
    months: Math.max(0, last - first + 1),
  };
  if (counted !== undefined) out.definitionDefaults = fromCents(counted);
  if (closing?.delinquencyStates !== undefined) out.delinquencyStates = periodEndStates(closing.delinquencyStates, toWholeCents(lastRow?.endingBalance ?? 0));
  return out;
}

/**
 * A collection period's balances by state. A balance is a stock, not a flow: the period reads its
 * last collection month's month-end balances (never a sum over its months), as the ending balance
 * and the 61+/91+ balances above. Each delinquent state is rounded half-up to cents and current is
 * the period's ending balance less them, so the states add up to the pool balance exactly (the
 * ledger's ending balance is rolled from rounded principal flows; current absorbs the sub-cent
 * rounding of the others, never below zero).
 */
function periodEndStates(month: DelinquencyStateBalances, endingCents: number): DelinquencyStateBalances {
  // The delinquent states one by one (a deal run reads this every period: no arrays or entries made for it).
  const dpd1_30 = toWholeCents(month.dpd1_30);
  const dpd31_60 = toWholeCents(month.dpd31_60);
  const dpd61_90 = toWholeCents(month.dpd61_90);
  const dpd91_180 = toWholeCents(month.dpd91_180);
  const currentCents = Math.max(0, endingCents - (0 + dpd1_30 + dpd31_60 + dpd61_90 + dpd91_180));
  return {
    dpd1_30: dpd1_30 / 100,
    dpd31_60: dpd31_60 / 100,
    dpd61_90: dpd61_90 / 100,
    dpd91_180: dpd91_180 / 100,
    current: currentCents / 100,
    overdueTotal: toWholeCents(month.overdueTotal) / 100,
  };
}
