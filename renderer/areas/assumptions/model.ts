/**
 * The assumption file as the editor sees it (docs/schemas/assumptions.schema.json). The draft is
 * any JSON while an analyst edits it — the service's `assumptions.check` is the judge of validity —
 * so these helpers read it tolerantly and write it immutably.
 */
import { translate, type MessageKey } from '../../app/i18n.tsx';

/** Delinquency states a loan can be in at a month end, in roll order (charged off is absorbing). */
export const LIVE_STATES = ['current', 'dpd1_30', 'dpd31_60', 'dpd61_90', 'dpd91_180'] as const;
export type LiveState = (typeof LIVE_STATES)[number];
export const DELINQUENT_STATES = ['dpd1_30', 'dpd31_60', 'dpd61_90', 'dpd91_180'] as const;
export type DelinquentState = (typeof DELINQUENT_STATES)[number];

/** The 91–180 buckets written month by month (docs/assumptions.md): the grid's rows when a set gives them. */
export const MONTHLY_BUCKETS = ['dpd91_120', 'dpd121_150', 'dpd151_180'] as const;
export type MonthlyBucket = (typeof MONTHLY_BUCKETS)[number];
/** A row of the roll-rate grid: a live state of the compact form, or a monthly 91–180 bucket. */
export type GridState = LiveState | MonthlyBucket;
/** A bucket loans can be charged off from, in either form. */
export type ChargeOffState = DelinquentState | MonthlyBucket;

/**
 * How the grid writes the 91–180 range: one compact row (its cure and roll back apply in each
 * monthly bucket, nothing stays), or the three monthly buckets with their own probabilities.
 */
export type RangeLayout = 'compact' | 'monthly';

export const GRID_ROWS: Readonly<Record<RangeLayout, readonly GridState[]>> = {
  compact: LIVE_STATES,
  monthly: ['current', 'dpd1_30', 'dpd31_60', 'dpd61_90', ...MONTHLY_BUCKETS],
};
export const CHARGE_OFF_CHOICES: Readonly<Record<RangeLayout, readonly ChargeOffState[]>> = {
  compact: DELINQUENT_STATES,
  monthly: ['dpd1_30', 'dpd31_60', 'dpd61_90', ...MONTHLY_BUCKETS],
};
/** The charge-off bucket an absent `chargeOffAt` means (both: write-off after 180 days). */
export const DEFAULT_CHARGE_OFF: Readonly<Record<RangeLayout, ChargeOffState>> = { compact: 'dpd91_180', monthly: 'dpd151_180' };

export const STATE_LABELS: Readonly<Record<GridState, MessageKey>> = {
  current: 'assumptions.state.current',
  dpd1_30: 'assumptions.state.dpd1_30',
  dpd31_60: 'assumptions.state.dpd31_60',
  dpd61_90: 'assumptions.state.dpd61_90',
  dpd91_180: 'assumptions.state.dpd91_180',
  dpd91_120: 'assumptions.state.dpd91_120',
  dpd121_150: 'assumptions.state.dpd121_150',
  dpd151_180: 'assumptions.state.dpd151_180',
};

export type JsonObject = Readonly<Record<string, unknown>>;
/** A key path inside the file, e.g. ['pool', 'rollRates', 'cure', 'dpd1_30']. */
export type KeyPath = readonly string[];

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getIn(value: unknown, path: KeyPath): unknown {
  let at = value;
  for (const key of path) {
    if (!isObject(at)) return undefined;
    at = at[key];
  }
  return at;
}

/** A copy of `root` with `path` set to `value`; `undefined` removes the key. Missing objects on the way are created. */
export function setIn(root: unknown, path: KeyPath, value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  const base: Record<string, unknown> = isObject(root) ? { ...root } : {};
  const next = setIn(base[key], rest, value);
  if (next === undefined) delete base[key];
  else base[key] = next;
  return base;
}

/** The JSON path the service names in its errors: ['pool', 'prepayment'] → "$.pool.prepayment". */
export function jsonPath(path: KeyPath): string {
  return ['$', ...path].join('.');
}

/** Whether the draft has the outline the form edits: an object with a `pool` object. */
export function formEditable(file: unknown): boolean {
  return isObject(file) && isObject(file['pool']) && (file['segments'] === undefined || isObject(file['segments']));
}

export function segmentOverrides(file: unknown): readonly string[] {
  const segments = getIn(file, ['segments']);
  return isObject(segments) ? Object.keys(segments) : [];
}

/** The segment's own roll rates with states beyond `chargeOffAt` removed (the engine refuses values it would never use). */
export function withChargeOffAt(rollRates: unknown, chargeOffAt: ChargeOffState, layout: RangeLayout = 'compact'): unknown {
  const rows = GRID_ROWS[layout];
  const last = rows.indexOf(chargeOffAt);
  let next: unknown = setIn(rollRates, ['chargeOffAt'], chargeOffAt === DEFAULT_CHARGE_OFF[layout] ? undefined : chargeOffAt);
  for (const state of rows.slice(last + 1)) {
    for (const kind of ['rollForward', 'cure', 'rollBack']) {
      if (getIn(next, [kind, state]) !== undefined) next = setIn(next, [kind, state], undefined);
    }
  }
  return next;
}

// ── Numbers as analysts type them ─────────────────────────────────────────────────────────

/** What a number field shows for a value that is not a number (typed so in the JSON): as written, for the check to flag. */
function otherText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A decimal as a percentage for an input: 0.015 → "1.5" (no float fuzz such as 1.5000000000000002). */
export function percentText(value: unknown): string {
  if (typeof value !== 'number') return otherText(value);
  return String(Number((value * 100).toPrecision(12)));
}

export function plainText(value: unknown): string {
  if (typeof value !== 'number') return otherText(value);
  return String(value);
}

/**
 * What an analyst typed into a number field: `undefined` for blank (the key is removed), a number,
 * or an error message. Percent fields are divided by 100 (the file stores decimals); a trailing %
 * is allowed there. Full-width digits and signs an IME may type are read as ASCII.
 */
export function readNumber(text: string, percent: boolean): number | undefined | { error: string } {
  const ascii = text.replace(/[０-９．％－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
  const cleaned = percent ? ascii.replace(/%$/, '').trim() : ascii;
  if (cleaned === '') return undefined;
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return { error: translate('assumptions.notANumber', { text: text.trim() }) };
  const n = Number(cleaned);
  return percent ? Number((n / 100).toPrecision(12)) : n;
}

/** What the file holds for a typed text: its number (readNumber), undefined for blank, or the text itself (trimmed) when it is not a number, for the check to refuse. */
export function typedValue(text: string, percent: boolean): number | string | undefined {
  const read = readNumber(text, percent);
  return typeof read === 'object' ? text.trim() : read;
}

const BOUND_WORDS: Readonly<Record<string, MessageKey>> = {
  '<=': 'assumptions.bound.atMost',
  '>=': 'assumptions.bound.atLeast',
  '<': 'assumptions.bound.below',
  '>': 'assumptions.bound.above',
};

/**
 * A bound the service states in decimals (zod's "Too big: expected number to be <=1"), said in the
 * chosen language in the percent the field shows ("Must be at most 100%." / "不得超过 100%。"),
 * for fields an analyst types as percentages; any other message as the service sent it.
 */
export function percentMessage(message: string): string {
  const m = /expected number to be (<=|>=|<|>)\s*(-?\d*\.?\d+)/.exec(message);
  const key = m ? BOUND_WORDS[m[1] ?? ''] : undefined;
  if (!m || key === undefined) return message;
  return translate(key, { bound: `${Number((Number(m[2]) * 100).toPrecision(12))}%` });
}

/** Whether the set writes the 91–180 range month by month (a monthly bucket named, or the charge-off inside the range). */
export function writesMonthlyBuckets(rollRates: unknown): boolean {
  const named = (['rollForward', 'cure', 'rollBack'] as const).some((move) => MONTHLY_BUCKETS.some((bucket) => getIn(rollRates, [move, bucket]) !== undefined));
  return named || (MONTHLY_BUCKETS as readonly unknown[]).includes(getIn(rollRates, ['chargeOffAt']));
}
