import { curveError } from './checks.ts';

/**
 * Delinquency states of the roll-rate model, by days past due at month end, in matrix order.
 * Every delinquent bucket is one month (30 days) wide, so a month without a payment moves a loan
 * exactly one bucket on: the 91–180 range is three monthly buckets (91–120, 121–150, 151–180), and
 * rolling forward out of the charge-off bucket (151–180 by default) is the charge-off — a rule, not
 * a probability of leaving a wide bucket. Charged off is absorbing: a written-off loan never
 * returns (its recoveries are a separate flow).
 */
export const ROLL_STATES = ['current', 'dpd1_30', 'dpd31_60', 'dpd61_90', 'dpd91_120', 'dpd121_150', 'dpd151_180', 'chargedOff'] as const;
export type RollState = (typeof ROLL_STATES)[number];

export const DELINQUENT_STATES = ['dpd1_30', 'dpd31_60', 'dpd61_90', 'dpd91_120', 'dpd121_150', 'dpd151_180'] as const;
export type DelinquentState = (typeof DELINQUENT_STATES)[number];
/** States that can roll back one bucket without curing (from 1–30, one bucket back is a cure). */
export type RollBackState = Exclude<DelinquentState, 'dpd1_30'>;

/**
 * The compact 91–180 row of an assumption file (the form before the monthly buckets): its cure and
 * roll-back apply in each of 91–120, 121–150 and 151–180, and everything else ages one bucket a
 * month — a loan in the 91–180 range that neither cures nor rolls back pays nothing, so its days
 * past due grow by 30 a month — until it is charged off after 151–180. Its `rollForward` (once a
 * monthly charge-off probability) has no role under the rule and is not used (rollRateNotes says so).
 */
export const COMPACT_STATE = 'dpd91_180';
export const COMPACT_BUCKETS = ['dpd91_120', 'dpd121_150', 'dpd151_180'] as const;
export type CompactState = typeof COMPACT_STATE;

/**
 * The buckets a projection REPORTS balances in (month-end principal by state): the monthly
 * 91–120, 121–150 and 151–180 buckets are summed into 91–180, the range investor reports and the
 * deal's 90+ delinquency metrics use.
 */
export const BALANCE_STATES = ['current', 'dpd1_30', 'dpd31_60', 'dpd61_90', 'dpd91_180', 'chargedOff'] as const;
export type BalanceState = (typeof BALANCE_STATES)[number];
/** Index into BALANCE_STATES of each ROLL_STATES state. */
export const BALANCE_STATE_OF: readonly number[] = [0, 1, 2, 3, 4, 4, 4, 5];

export const ROLL_STATE_LABELS: Readonly<Record<RollState | CompactState, string>> = {
  current: 'current',
  dpd1_30: '1–30 days past due',
  dpd31_60: '31–60 days past due',
  dpd61_90: '61–90 days past due',
  dpd91_120: '91–120 days past due',
  dpd121_150: '121–150 days past due',
  dpd151_180: '151–180 days past due',
  dpd91_180: '91–180 days past due',
  chargedOff: 'charged off',
};

/** Rows of a transition matrix may miss 1 by at most this much. */
export const ROW_SUM_TOLERANCE = 1e-12;

type RateKey = 'current' | DelinquentState | CompactState;

/**
 * A monthly roll-rate assumption. Each probability is the chance, per month, that a loan in the
 * state moves as named; whatever is left stays in its bucket (paying that month's installment, so
 * its days past due stay in the bucket's range).
 * - rollForward: one bucket worse (current → 1–30, 1–30 → 31–60, …); from the `chargeOffAt`
 *   bucket it is the charge-off probability. Required for every state from current to chargeOffAt.
 * - cure: back to current (arrears paid up); optional, 0 when absent.
 * - rollBack: one bucket better without curing (a partial catch-up); optional, 0 when absent.
 * - chargeOffAt: the last delinquent bucket; loans roll from it to charged off. 'dpd151_180' (the
 *   default) writes off after 180 days, 'dpd61_90' is a 90+ write-off policy; 'dpd91_180' is read
 *   as 'dpd151_180'. Buckets beyond it are never entered, and a loan already there at cutoff is
 *   charged off in the first month.
 * A compact `dpd91_180` row (COMPACT_STATE) stands for the three monthly buckets.
 */
export interface RollRateSpec {
  readonly rollForward: Readonly<Partial<Record<RateKey, number>>>;
  readonly cure?: Readonly<Partial<Record<DelinquentState | CompactState, number>>>;
  readonly rollBack?: Readonly<Partial<Record<RollBackState | CompactState, number>>>;
  readonly chargeOffAt?: DelinquentState | CompactState;
}

const STATE_COUNT = ROLL_STATES.length;
const CHARGED_OFF = STATE_COUNT - 1;

/** Position of a state in ROLL_STATES (the matrix's row and column index). */
export function rollStateIndex(state: RollState): number {
  return ROLL_STATES.indexOf(state);
}

/** P(from → to) in a row-major 8×8 matrix: matrix[from × 8 + to]. */
export function transitionProbability(matrix: Float64Array, from: RollState, to: RollState): number {
  return matrix[rollStateIndex(from) * STATE_COUNT + rollStateIndex(to)] ?? 0;
}

/**
 * The monthly transition matrix of a roll-rate spec: a 64-element Float64Array, row-major
 * (row = state this month, column = state next month, in ROLL_STATES order). Every row sums to 1
 * within 1e-12 and charged off is absorbing. A compact `dpd91_180` row is first expanded into the
 * three monthly buckets (expandCompactRow). Refuses probabilities outside [0, 1], a state whose
 * outflows (roll forward + cure + roll back) exceed 1, probabilities for buckets the charge-off
 * policy makes unreachable, and unknown state names — each naming the state and the numbers.
 */
export function buildTransitionMatrix(input: RollRateSpec): Float64Array {
  checkKeys(input.rollForward, 'rollForward', ['current', ...DELINQUENT_STATES, COMPACT_STATE]);
  checkKeys(input.cure ?? {}, 'cure', [...DELINQUENT_STATES, COMPACT_STATE]);
  checkKeys(input.rollBack ?? {}, 'rollBack', [...DELINQUENT_STATES.slice(1), COMPACT_STATE]);
  const allowed: readonly string[] = [...DELINQUENT_STATES, COMPACT_STATE];
  if (input.chargeOffAt !== undefined && !allowed.includes(input.chargeOffAt)) {
    throw curveError('ROLL_RATE_STATE', { field: 'chargeOffAt', value: input.chargeOffAt }, `chargeOffAt is '${input.chargeOffAt}', expected one of ${allowed.join(', ')}`);
  }
  const spec = expandCompactRow(input);
  const chargeOffAt = spec.chargeOffAt === COMPACT_STATE || spec.chargeOffAt === undefined ? 'dpd151_180' : spec.chargeOffAt;
  const last = rollStateIndex(chargeOffAt);
  const matrix = new Float64Array(STATE_COUNT * STATE_COUNT);
  for (let s = 0; s < CHARGED_OFF; s++) {
    const state = ROLL_STATES[s] ?? 'current';
    const forward = lookup(spec.rollForward, state);
    const cure = lookup(spec.cure, state);
    const back = lookup(spec.rollBack, state);
    if (s > last) {
      const given = (['rollForward', 'cure', 'rollBack'] as const).filter((field) => lookup(spec[field], state) !== undefined).map((field) => `${field}.${state}`);
      if (given.length > 0) {
        throw curveError(
          'ROLL_RATE_UNUSED',
          { state, chargeOffAt, fields: given },
          `${describe(state)} is never reached when loans charge off from ${describe(chargeOffAt)}; remove ${given.join(', ')}`,
        );
      }
      matrix[s * STATE_COUNT + CHARGED_OFF] = 1;
      continue;
    }
    if (forward === undefined) {
      throw curveError('ROLL_RATE_PROBABILITY', { field: 'rollForward', state, value: forward }, `rollForward.${state} (${ROLL_STATE_LABELS[state]}) is missing`);
    }
    const pForward = probability(forward, 'rollForward', state);
    const pCure = probability(cure ?? 0, 'cure', state);
    const pBack = probability(back ?? 0, 'rollBack', state);
    const outflow = pForward + pCure + pBack;
    if (outflow > 1 + ROW_SUM_TOLERANCE) {
      throw curveError(
        'ROLL_RATE_OUTFLOW',
        { state, rollForward: pForward, cure: pCure, rollBack: pBack, total: outflow },
        `${describe(state)}: roll forward ${pForward} + cure ${pCure} + roll back ${pBack} = ${readable(outflow)} > 1`,
      );
    }
    const row = s * STATE_COUNT;
    matrix[row + (s === last ? CHARGED_OFF : s + 1)] = pForward;
    if (s >= 1) matrix[row] = pCure;
    if (s >= 2) matrix[row + s - 1] = pBack;
    matrix[row + s] = Math.max(0, 1 - outflow);
  }
  matrix[CHARGED_OFF * STATE_COUNT + CHARGED_OFF] = 1;
  return matrix;
}

/**
 * Checks a transition matrix from elsewhere (e.g. estimated from servicer history): 8 × 8 = 64 entries,
 * each in [0, 1], rows summing to 1 within 1e-12, charged off absorbing.
 */
export function validateTransitionMatrix(matrix: Float64Array): void {
  if (matrix.length !== STATE_COUNT * STATE_COUNT) {
    throw curveError('TRANSITION_MATRIX', { length: matrix.length }, `it has ${matrix.length} entries, not ${STATE_COUNT * STATE_COUNT}`);
  }
  for (let s = 0; s < STATE_COUNT; s++) {
    const state = ROLL_STATES[s] ?? 'current';
    let sum = 0;
    for (let to = 0; to < STATE_COUNT; to++) {
      const p = matrix[s * STATE_COUNT + to] ?? Number.NaN;
      if (!(p >= 0 && p <= 1)) {
        const target = ROLL_STATES[to] ?? 'current';
        throw curveError('TRANSITION_MATRIX', { from: state, to: target, value: p }, `P(${state} → ${target}) is ${p}`);
      }
      sum += p;
    }
    if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
      throw curveError('TRANSITION_MATRIX', { state, sum }, `the row for ${describe(state)} sums to ${sum}`);
    }
  }
  if (matrix[CHARGED_OFF * STATE_COUNT + CHARGED_OFF] !== 1) {
    throw curveError('TRANSITION_MATRIX', { state: 'chargedOff' }, 'charged off must be absorbing (P(chargedOff → chargedOff) = 1)');
  }
}

const TABLES = ['rollForward', 'cure', 'rollBack'] as const;

function hasKey(spec: RollRateSpec, key: string): boolean {
  return TABLES.some((table) => (spec[table] as Readonly<Record<string, number | undefined>> | undefined)?.[key] !== undefined);
}

/**
 * The spec with a compact `dpd91_180` row replaced by the monthly rows it stands for: in each of
 * 91–120, 121–150 and 151–180, cure = cure.dpd91_180, roll back = rollBack.dpd91_180 and roll
 * forward = 1 − cure − roll back (nothing stays: a loan in the range that pays nothing is a month
 * later), with 151–180 the charge-off bucket. A spec without the compact row is returned as given.
 * Mixing the compact row with monthly rows, or with a charge-off bucket inside 91–180, is refused.
 */
export function expandCompactRow(spec: RollRateSpec): RollRateSpec {
  if (!hasKey(spec, COMPACT_STATE) && spec.chargeOffAt !== COMPACT_STATE) return spec;
  const monthly = COMPACT_BUCKETS.filter((bucket) => hasKey(spec, bucket));
  if (monthly.length > 0) {
    throw curveError(
      'ROLL_RATE_STATE',
      { state: COMPACT_STATE, monthly },
      `give either the compact ${COMPACT_STATE} row or the monthly rows ${COMPACT_BUCKETS.join(', ')}, not both (${monthly.join(', ')} given)`,
    );
  }
  const chargeOffAt = spec.chargeOffAt ?? COMPACT_STATE;
  if (chargeOffAt === 'dpd91_120' || chargeOffAt === 'dpd121_150') {
    throw curveError(
      'ROLL_RATE_STATE',
      { field: 'chargeOffAt', value: chargeOffAt },
      `a charge-off inside 91–180 needs the monthly rows ${COMPACT_BUCKETS.join(', ')}, not the compact ${COMPACT_STATE} row`,
    );
  }
  const reachesRange = chargeOffAt === COMPACT_STATE || chargeOffAt === 'dpd151_180';
  const { [COMPACT_STATE]: _forward, ...rollForward } = spec.rollForward;
  const { [COMPACT_STATE]: cureGiven, ...cure } = spec.cure ?? {};
  const { [COMPACT_STATE]: backGiven, ...rollBack } = spec.rollBack ?? {};
  if (!reachesRange) {
    const given = TABLES.filter((table) => (spec[table] as Readonly<Record<string, number | undefined>> | undefined)?.[COMPACT_STATE] !== undefined).map((table) => `${table}.${COMPACT_STATE}`);
    throw curveError(
      'ROLL_RATE_UNUSED',
      { state: COMPACT_STATE, chargeOffAt, fields: given },
      `${describe(COMPACT_STATE)} is never reached when loans charge off from ${describe(chargeOffAt)}; remove ${given.join(', ')}`,
    );
  }
  const pCure = probability(cureGiven ?? 0, 'cure', COMPACT_STATE);
  const pBack = probability(backGiven ?? 0, 'rollBack', COMPACT_STATE);
  if (pCure + pBack > 1 + ROW_SUM_TOLERANCE) {
    throw curveError('ROLL_RATE_OUTFLOW', { state: COMPACT_STATE, cure: pCure, rollBack: pBack }, `${describe(COMPACT_STATE)}: cure ${pCure} + roll back ${pBack} > 1`);
  }
  const forward = Math.max(0, 1 - pCure - pBack);
  const each = (value: number | undefined): Partial<Record<(typeof COMPACT_BUCKETS)[number], number>> =>
    value === undefined ? {} : Object.fromEntries(COMPACT_BUCKETS.map((bucket) => [bucket, value]));
  return {
    rollForward: { ...rollForward, ...each(forward) },
    cure: { ...cure, ...each(cureGiven) },
    rollBack: { ...rollBack, ...each(backGiven) },
    chargeOffAt: 'dpd151_180',
  };
}

/**
 * What an analyst should know about how a spec is read: a compact row's `rollForward.dpd91_180`
 * is not used (the charge-off after 180 days is a rule). Empty when nothing needs saying.
 */
export function rollRateNotes(spec: RollRateSpec): string[] {
  const forward = spec.rollForward[COMPACT_STATE];
  if (forward === undefined) return [];
  return [
    `rollForward.${COMPACT_STATE} (${forward}) is not used: the 91–180 range is three monthly buckets and a loan that neither cures nor rolls back is a bucket later each month, charged off after 180 days past due`,
  ];
}

function describe(state: RollState | CompactState): string {
  return `${state} (${ROLL_STATE_LABELS[state]})`;
}

function readable(value: number): number {
  return Number(value.toPrecision(12));
}

function lookup(table: Readonly<Partial<Record<string, number>>> | undefined, state: RollState): number | undefined {
  return table === undefined ? undefined : table[state];
}

function probability(value: number, field: string, state: RollState | CompactState): number {
  if (!(typeof value === 'number' && value >= 0 && value <= 1)) {
    throw curveError('ROLL_RATE_PROBABILITY', { field, state, value }, `${field}.${state} (${ROLL_STATE_LABELS[state]}) is ${String(value)}`);
  }
  return value;
}

function checkKeys(table: Readonly<Record<string, unknown>>, field: string, allowed: readonly string[]): void {
  for (const key of Object.keys(table)) {
    if (!allowed.includes(key)) {
      throw curveError('ROLL_RATE_STATE', { field, state: key, allowed }, `${field}.${key} is not one of ${allowed.join(', ')}`);
    }
  }
}
