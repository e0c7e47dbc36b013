import { curveError } from './checks.ts';

/**
 * Delinquency states of the roll-rate model, by days past due at month end, in matrix order.
 * Charged off is absorbing: a written-off loan never returns (its recoveries are a separate flow).
 */
export const ROLL_STATES = ['current', 'dpd1_30', 'dpd31_60', 'dpd61_90', 'dpd91_180', 'chargedOff'] as const;
export type RollState = (typeof ROLL_STATES)[number];

export const DELINQUENT_STATES = ['dpd1_30', 'dpd31_60', 'dpd61_90', 'dpd91_180'] as const;
export type DelinquentState = (typeof DELINQUENT_STATES)[number];
/** States that can roll back one bucket without curing (from 1–30, one bucket back is a cure). */
export type RollBackState = Exclude<DelinquentState, 'dpd1_30'>;

export const ROLL_STATE_LABELS: Readonly<Record<RollState, string>> = {
  current: 'current',
  dpd1_30: '1–30 days past due',
  dpd31_60: '31–60 days past due',
  dpd61_90: '61–90 days past due',
  dpd91_180: '91–180 days past due',
  chargedOff: 'charged off',
};

/** Rows of a transition matrix may miss 1 by at most this much. */
export const ROW_SUM_TOLERANCE = 1e-12;

/**
 * A monthly roll-rate assumption. Each probability is the chance, per month, that a loan in the
 * state moves as named; whatever is left stays in its bucket.
 * - rollForward: one bucket worse (current → 1–30, 1–30 → 31–60, …); from the `chargeOffAt`
 *   bucket it is the charge-off probability. Required for every state from current to chargeOffAt.
 * - cure: back to current (arrears paid up); optional, 0 when absent.
 * - rollBack: one bucket better without curing (a partial catch-up); optional, 0 when absent.
 * - chargeOffAt: the last delinquent bucket; loans roll from it to charged off. 'dpd91_180' (the
 *   default) writes off after 180 days, 'dpd61_90' is a 90+ write-off policy. Buckets beyond it are
 *   never entered, and a loan already there at cutoff is charged off in the first month.
 */
export interface RollRateSpec {
  readonly rollForward: Readonly<Partial<Record<'current' | DelinquentState, number>>>;
  readonly cure?: Readonly<Partial<Record<DelinquentState, number>>>;
  readonly rollBack?: Readonly<Partial<Record<RollBackState, number>>>;
  readonly chargeOffAt?: DelinquentState;
}

const STATE_COUNT = ROLL_STATES.length;
const CHARGED_OFF = STATE_COUNT - 1;

/** Position of a state in ROLL_STATES (the matrix's row and column index). */
export function rollStateIndex(state: RollState): number {
  return ROLL_STATES.indexOf(state);
}

/** P(from → to) in a row-major 6×6 matrix: matrix[from × 6 + to]. */
export function transitionProbability(matrix: Float64Array, from: RollState, to: RollState): number {
  return matrix[rollStateIndex(from) * STATE_COUNT + rollStateIndex(to)] ?? 0;
}

/**
 * The monthly transition matrix of a roll-rate spec: a 36-element Float64Array, row-major
 * (row = state this month, column = state next month, in ROLL_STATES order). Every row sums to 1
 * within 1e-12 and charged off is absorbing. Refuses probabilities outside [0, 1], a state whose
 * outflows (roll forward + cure + roll back) exceed 1, probabilities for buckets the charge-off
 * policy makes unreachable, and unknown state names — each naming the state and the numbers.
 */
export function buildTransitionMatrix(spec: RollRateSpec): Float64Array {
  const chargeOffAt = spec.chargeOffAt ?? 'dpd91_180';
  if (!(DELINQUENT_STATES as readonly string[]).includes(chargeOffAt)) {
    throw curveError('ROLL_RATE_STATE', { field: 'chargeOffAt', value: chargeOffAt }, `chargeOffAt is '${chargeOffAt}', expected one of ${DELINQUENT_STATES.join(', ')}`);
  }
  checkKeys(spec.rollForward, 'rollForward', ['current', ...DELINQUENT_STATES]);
  checkKeys(spec.cure ?? {}, 'cure', DELINQUENT_STATES);
  checkKeys(spec.rollBack ?? {}, 'rollBack', DELINQUENT_STATES.slice(1));

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
 * Checks a transition matrix from elsewhere (e.g. estimated from servicer history): 36 entries,
 * each in [0, 1], rows summing to 1 within 1e-12, charged off absorbing.
 */
export function validateTransitionMatrix(matrix: Float64Array): void {
  if (matrix.length !== STATE_COUNT * STATE_COUNT) {
    throw curveError('TRANSITION_MATRIX', { length: matrix.length }, `it has ${matrix.length} entries, not 36`);
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

function describe(state: RollState): string {
  return `${state} (${ROLL_STATE_LABELS[state]})`;
}

function readable(value: number): number {
  return Number(value.toPrecision(12));
}

function lookup(table: Readonly<Partial<Record<string, number>>> | undefined, state: RollState): number | undefined {
  return table === undefined ? undefined : table[state];
}

function probability(value: number, field: string, state: RollState): number {
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
