import { EngineError } from '../errors.ts';
import { fromCents, type Money, toWholeCents, ZERO } from './money.ts';
import { POOL_STATE_KEYS, type DelinquencyStateBalances, type PoolPeriodFlows, type PoolSource } from './pool-source.ts';

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
  const out: Record<string, Money> = {};
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
  for (const key of FLOW_KEYS) out[key] = fromCents(sums[key]);
  const lastRow = closing ?? (pool.months > 0 ? pool.month(pool.months) : undefined);
  out.beginningBalance = fromCents(toWholeCents(opening === undefined ? (lastRow?.endingBalance ?? 0) : opening.beginningBalance));
  out.endingBalance = fromCents(toWholeCents(lastRow?.endingBalance ?? 0));
  out.delinquent60Plus = closing === undefined ? ZERO : fromCents(toWholeCents(closing.delinquent60Plus));
  out.delinquent90Plus = closing === undefined ? ZERO : fromCents(toWholeCents(closing.delinquent90Plus));
  const byDefinition = counted === undefined ? {} : { definitionDefaults: fromCents(counted) };
  const states = closing?.delinquencyStates === undefined ? undefined : periodEndStates(closing.delinquencyStates, toWholeCents(lastRow?.endingBalance ?? 0));
  return {
    ...(out as unknown as Omit<Collections, 'months' | 'delinquencyStates' | 'definitionDefaults'>),
    months: Math.max(0, last - first + 1),
    ...byDefinition,
    ...(states === undefined ? {} : { delinquencyStates: states }),
  };
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
  const delinquent = POOL_STATE_KEYS.filter((key) => key !== 'current').map((key) => [key, toWholeCents(month[key])] as const);
  const currentCents = Math.max(0, endingCents - delinquent.reduce((sum, [, c]) => sum + c, 0));
  return {
    ...(Object.fromEntries(delinquent.map(([key, c]) => [key, c / 100])) as Omit<DelinquencyStateBalances, 'current' | 'overdueTotal'>),
    current: currentCents / 100,
    overdueTotal: toWholeCents(month.overdueTotal) / 100,
  };
}
