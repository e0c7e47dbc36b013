import { assert } from '../errors.ts';
import type { Accumulators } from './cash-flows.ts';
import { CHARGED_OFF, STATE_COUNT } from './transitions.ts';

/** The days-past-due thresholds a definition may use: the roll-rate buckets' boundaries (30-day buckets; 180 = past 151–180, the charge-off). */
export const DEFINITION_DAYS = [30, 60, 90, 120, 150, 180] as const;

/**
 * A deal's own default definition as the projection counts it (和享2017-5 circular, definition (64)
 * 违约分期债权, pp. 112–113: more than 90 days overdue, or written off; once counted never normal
 * again). A loan counts when it is more than `daysPastDue` days past due or written off (a roll-rate
 * charge-off or a default-curve default): non-curable — once, at its balance then; curable — at
 * every entry past the threshold (a cured loan that rolls back in counts again).
 */
export interface DefaultDefinition {
  readonly daysPastDue: number;
  readonly curable: boolean;
  /** A loan restructured at cutoff (LoanArrays.restructured: a line's restructured share) meets it in month 1. */
  readonly restructured?: boolean;
}

/**
 * The loan's share of mass not yet counted, by state, beside the kernel's masses (kernel.ts): two
 * blocks of STATE_COUNT, this month's and next month's, matching the kernel's block at offset 0 or
 * BLOCK. The roll model is memoryless, so counted and uncounted mass of a state roll alike: the
 * uncounted share moves with each move's mass.
 */
export interface DefinitionCount {
  /** First ROLL_STATES index past the threshold: 90 days → 4 (91–120); 180 → charged off. */
  readonly threshold: number;
  readonly curable: boolean;
  readonly restructured: boolean;
  readonly uncounted: Float64Array;
  /** Counted this month (balance), booked by closeCount. */
  counted: number;
}

export function definitionCount(definition: DefaultDefinition): DefinitionCount {
  const days = definition.daysPastDue;
  assert((DEFINITION_DAYS as readonly number[]).includes(days), 'DEFAULT_DEFINITION', { field: 'daysPastDue', value: days, allowed: DEFINITION_DAYS.join(', ') });
  return { threshold: days / 30 + 1, curable: definition.curable, restructured: definition.restructured === true, uncounted: new Float64Array(2 * STATE_COUNT), counted: 0 };
}

/**
 * The loan at cutoff: its mass uncounted, in its state (counted in month 1 if still past the
 * threshold); when the definition counts restructuring, its restructured share (`restructured`, 0–1)
 * is counted in month 1 at its share of the cutoff balance and never again.
 */
export function startCount(count: DefinitionCount, state0: number, restructured: number, balance0: number): void {
  const share = count.restructured ? Math.min(1, Math.max(0, restructured)) : 0;
  count.uncounted.fill(0);
  count.uncounted[state0] = 1 - share;
  count.counted = share * balance0;
}

const blockOf = (c: number): number => (c === 0 ? 0 : STATE_COUNT);
/** Offset of the overdue principal within a kernel block (kernel-context.ts O, not imported: it imports this file's types). */
const OVERDUE = STATE_COUNT;

/** The uncounted share of state s's mass in the block at c (0 when the state is empty). */
export function uncountedShare(count: DefinitionCount, c: number, s: number, stateMass: number): number {
  return stateMass > 0 ? (count.uncounted[blockOf(c) + s] ?? 0) / stateMass : 0;
}

/** Next month's block emptied before the moves fill it. */
export function clearNext(count: DefinitionCount, x: number): void {
  count.uncounted.fill(0, blockOf(x), blockOf(x) + STATE_COUNT);
}

/** Uncounted mass moving into state t of next month's block (a charge-off is counted instead: countWriteOff). */
export function carryUncounted(count: DefinitionCount, x: number, t: number, mass: number): void {
  const at = blockOf(x) + t;
  count.uncounted[at] = (count.uncounted[at] ?? 0) + mass;
}

/**
 * After the month's moves (block at x, not-yet-due principal per unit uEnd): uncounted mass past
 * the threshold counts at its month-end balance — its mass × uEnd plus its share of the state's
 * overdue principal — and is counted from now on; with a curable definition every fraction below
 * the threshold is countable again. Books the month's count.
 */
export function closeCount(count: DefinitionCount, st: Float64Array, x: number, uEnd: number, acc: Accumulators, k: number): void {
  const b = blockOf(x);
  for (let t = count.threshold; t < CHARGED_OFF; t++) {
    const un = count.uncounted[b + t] ?? 0;
    if (un === 0) continue;
    const mass = st[x + t] ?? 0;
    count.counted += un * uEnd + (mass > 0 ? (un / mass) * (st[x + OVERDUE + t] ?? 0) : 0);
    count.uncounted[b + t] = 0;
  }
  if (count.curable) for (let s = 0; s < count.threshold && s < CHARGED_OFF; s++) count.uncounted[b + s] = st[x + s] ?? 0;
  const column = acc.definitionDefaults;
  if (column !== undefined && count.counted !== 0) column[k] = (column[k] ?? 0) + count.counted;
  count.counted = 0;
}
