import { translate } from '../../app/i18n.tsx';
import { getIn, isObject, MONTHLY_BUCKETS, setIn, writesMonthlyBuckets, type RangeLayout } from './model.ts';

/**
 * The 91–180 days range of a roll-rate set, written as one compact row or as the three monthly
 * buckets (docs/assumptions.md, "The compact 91–180 row"). The compact row's cure c and roll back b
 * apply in each of 91–120, 121–150 and 151–180, its roll forward is 1 − c − b (nothing stays: a
 * loan that pays nothing is 30 days later) and it charges off after 151–180 — so it converts to
 * monthly rows exactly, and monthly rows convert back only when they are that shape.
 */

const MOVES = ['rollForward', 'cure', 'rollBack'] as const;
const COMPACT = 'dpd91_180';
/** Rows of a transition matrix may miss 1 by this much (engine/curves/roll-rates.ts ROW_SUM_TOLERANCE). */
const TOLERANCE = 1e-12;

/** The layout the set is written in; a set that writes neither keeps the analyst's choice. */
export function layoutOf(rollRates: unknown, chosen: RangeLayout): RangeLayout {
  if (writesMonthlyBuckets(rollRates)) return 'monthly';
  const compact = MOVES.some((move) => getIn(rollRates, [move, COMPACT]) !== undefined) || getIn(rollRates, ['chargeOffAt']) === COMPACT;
  return compact ? 'compact' : chosen;
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
/** 1 − c − b without float fuzz (0.98, not 0.9800000000000001). */
const rest = (...shares: number[]): number => Number((1 - shares.reduce((a, b) => a + b, 0)).toPrecision(12));

/** `root` without the key at `path` (unchanged when absent); a cure or roll-back table left empty is dropped. */
function unset(root: unknown, path: readonly [string, string]): unknown {
  if (getIn(root, path) === undefined) return root;
  const next = setIn(root, path, undefined);
  const [move] = path;
  const table = getIn(next, [move]);
  return move !== 'rollForward' && isObject(table) && Object.keys(table).length === 0 ? setIn(next, [move], undefined) : next;
}

/** The compact row written as the three monthly buckets it stands for (the same transition matrix). */
export function toMonthly(rollRates: unknown): unknown {
  const cure = getIn(rollRates, ['cure', COMPACT]);
  const back = getIn(rollRates, ['rollBack', COMPACT]);
  let next: unknown = rollRates;
  for (const move of MOVES) next = unset(next, [move, COMPACT]);
  if (getIn(next, ['chargeOffAt']) === COMPACT) next = setIn(next, ['chargeOffAt'], undefined);
  const chargeOffAt = getIn(next, ['chargeOffAt']);
  // A charge-off before 91 days never reaches the range: nothing to write.
  if (chargeOffAt === 'dpd1_30' || chargeOffAt === 'dpd31_60' || chargeOffAt === 'dpd61_90') return next;
  for (const bucket of MONTHLY_BUCKETS) {
    next = setIn(next, ['rollForward', bucket], rest(num(cure), num(back)));
    if (cure !== undefined) next = setIn(next, ['cure', bucket], cure);
    if (back !== undefined) next = setIn(next, ['rollBack', bucket], back);
  }
  return next;
}

/**
 * The monthly buckets written as the compact row, or why they cannot be: the three buckets must
 * share one cure and one roll back, roll the rest forward (nothing staying) and charge off after
 * 151–180.
 */
export function toCompact(rollRates: unknown): { readonly rollRates: unknown } | { readonly reason: string } {
  const chargeOffAt = getIn(rollRates, ['chargeOffAt']);
  if (chargeOffAt === 'dpd91_120' || chargeOffAt === 'dpd121_150') return { reason: translate('assumptions.compact.chargeOffInside') };
  const rows = MONTHLY_BUCKETS.map((bucket) => MOVES.map((move) => getIn(rollRates, [move, bucket])));
  const reached = rows.some((row) => row.some((value) => value !== undefined));
  const [first] = rows;
  if (reached && first !== undefined) {
    const [, cure, back] = first;
    const same = rows.every(([, c, b]) => c === cure && b === back);
    if (!same) return { reason: translate('assumptions.compact.differentRates') };
    const staying = rows.some(([forward]) => Math.abs(num(forward) - rest(num(cure), num(back))) > TOLERANCE);
    if (staying) return { reason: translate('assumptions.compact.staying') };
  }
  let next: unknown = rollRates;
  for (const move of MOVES) for (const bucket of MONTHLY_BUCKETS) next = unset(next, [move, bucket]);
  if (chargeOffAt === 'dpd151_180') next = setIn(next, ['chargeOffAt'], undefined);
  if (reached && first !== undefined) {
    // The compact row needs a key of its own to stand for the range: its cure (0 when none).
    next = setIn(next, ['cure', COMPACT], first[1] ?? 0);
    if (first[2] !== undefined) next = setIn(next, ['rollBack', COMPACT], first[2]);
  }
  return { rollRates: next };
}
