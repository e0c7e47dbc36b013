/**
 * Level-payment annuity ratios for the re-amortizing (non-30/360) projection: with n installments
 * left, levelPayment(u, r, n) = u × ratio[n], ratio[n] = r / (1 − (1 + r)^−n) — the very
 * expression engine/schedule/level-payment.ts evaluates (it computes the ratio first, then
 * multiplies), so u × ratio[n] is its result to the bit. Off 30/360 a level loan's installment is
 * re-amortized every due month; with the ratios computed once per monthly rate the month costs a
 * multiplication instead of a power (Math.pow / expm1·log1p). NaN marks where levelPayment
 * divides by n instead (a zero rate, or a discount that rounds to 0): the caller does the same.
 */
import { levelPaymentDiscount } from '../schedule/level-payment.ts';

/** Monthly rates kept per projection: a tape's rates are usually few (to 0.01%); past this each loan gets its own table. */
const CACHED_RATES = 4096;
/** Open-addressing slots for the cached rates (a power of two, twice CACHED_RATES: short probes). */
const SLOTS = 2 * CACHED_RATES;

/**
 * Each rate's table, found by the rate's bits in an open-addressing table: a Map keyed by a
 * double costs more per loan than the powers it saves on a consumer loan's ten-odd due months.
 */
export interface AnnuityTables {
  /** The rate in each slot; NaN = empty. Empty (length 0) until the first lookup: most projections
   *  (short consumer loans, each Monte Carlo path's and each purchase cohort's) never look one up,
   *  and allocating SLOTS per projection made a Monte Carlo run 3–4× slower. */
  keys: Float64Array;
  tables: (Float64Array | undefined)[];
  size: number;
  /** A loan's own table when the cache is full (one loan projected at a time). */
  scratch: Float64Array;
}

export function annuityTables(): AnnuityTables {
  return { keys: new Float64Array(0), tables: [], size: 0, scratch: new Float64Array(0) };
}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** The slot holding `rate`, or the empty slot where it goes. */
function slotOf(tables: AnnuityTables, rate: number): number {
  bits[0] = rate;
  let slot = Math.imul((words[0] ?? 0) ^ (words[1] ?? 0), 0x9e3779b1) >>> 19; // 32 − log2(SLOTS) = 19
  for (;;) {
    const key = tables.keys[slot] ?? Number.NaN;
    if (key === rate || Number.isNaN(key)) return slot;
    slot = (slot + 1) & (SLOTS - 1);
  }
}

function fill(table: Float64Array, rateMonthly: number): Float64Array {
  table[0] = 1;
  if (table.length > 1) table[1] = 1 + rateMonthly;
  for (let n = 2; n < table.length; n++) {
    const discount = rateMonthly === 0 ? 0 : levelPaymentDiscount(rateMonthly, n);
    table[n] = discount === 0 ? Number.NaN : rateMonthly / discount;
  }
  return table;
}

/** ratio[0 … term] at `rateMonthly` (see above), cached per rate; a longer term than cached recomputes the rate's table. */
export function annuityRatios(tables: AnnuityTables, rateMonthly: number, term: number): Float64Array {
  if (tables.keys.length === 0) {
    tables.keys = new Float64Array(SLOTS).fill(Number.NaN);
    tables.tables = Array.from({ length: SLOTS }, () => undefined);
  }
  const slot = slotOf(tables, rateMonthly);
  const cached = tables.tables[slot];
  if (cached !== undefined && cached.length > term) return cached;
  if (cached !== undefined || tables.size < CACHED_RATES) {
    if (cached === undefined) tables.size++;
    const table = fill(new Float64Array(term + 1), rateMonthly);
    tables.keys[slot] = rateMonthly;
    tables.tables[slot] = table;
    return table;
  }
  if (tables.scratch.length <= term) tables.scratch = new Float64Array(term + 1);
  return fill(tables.scratch.subarray(0, term + 1), rateMonthly);
}
