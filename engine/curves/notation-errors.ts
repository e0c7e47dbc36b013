import { EngineError } from '../errors.ts';

/** The token as the message shows it: quoted, or "the end of the input". */
function q(token: string): string {
  return token === '' ? 'the end of the input' : `'${token}'`;
}

/**
 * Why a vector could not be read: a stable key per problem (for tests and the UI) and its
 * explanation, all in one place. `token` is the offending text, `extra` a word of context.
 */
export const NOTATION_PROBLEMS = {
  EMPTY: () => 'the vector is empty: write a rate such as 6, a curve such as 2 ramp 6 12, or a model such as 150 PSA',
  UNEXPECTED_CHARACTER: (token: string) => `${q(token)} is not part of the notation (numbers, words, commas and x only)`,
  NEGATIVE_NUMBER: (token: string) => `${q(token)} is negative: rates, speeds, month counts and multipliers cannot be`,
  MALFORMED_NUMBER: (token: string) => `${q(token)} is not a number (write decimals with one point, e.g. 0.25)`,
  NUMBER_TOO_LARGE: (token: string) => `${q(token)} is too large to be a rate, speed, month count or multiplier`,
  INTEX_RAMP: (token: string) => `Intex-style ${q(token)} ramps are not supported: write 'from ramp to months', e.g. 2 ramp 6 12`,
  UNKNOWN_WORD: (token: string) => `${q(token)} is not a keyword (expected ramp, for, flat, by age, by period, PSA, SDA, ABS, CPR, CDR, SMM, MDR or x)`,
  EXPECTED_RATE: (token: string, extra = 'a vector starts with a rate') => `expected a rate (a number, in percent) but found ${q(token)}: ${extra}`,
  EXPECTED_RAMP_END: (token: string) => `expected the rate the ramp reaches after 'ramp' (as in 2 ramp 6 12) but found ${q(token)}`,
  EXPECTED_MONTHS: (token: string, extra = '') => `expected the number of months after '${extra}' but found ${q(token)}`,
  MONTHS_NOT_WHOLE: (token: string) => `a number of months must be a whole number ≥ 1, not ${token}`,
  RAMP_TOO_SHORT: (token: string) => `a ramp takes at least 2 months (the first rate in month 1, the second in the last month), not ${token}`,
  TOO_LONG: (_token: string, extra = '') => `the steps add up to ${extra} months, more than the 1200 (100 years) a vector may span`,
  RATE_ABOVE_100: (token: string, extra = 'a rate') => `${extra} cannot exceed 100% (numbers are percentages: ${token} means ${token}%)`,
  PERCENT_MISPLACED: (token: string, extra = '') => `${q(token)}: '%' belongs on rates and speeds, not on ${extra}`,
  MODEL_NEEDS_SPEED: (token: string) => `${token} needs a speed before it, e.g. 150 PSA, 100 SDA or 1.5 ABS`,
  MODEL_NOT_ALONE: (_token: string, extra = '') => `${extra}: a PSA, SDA or ABS model is a whole curve on its own, not combined with steps or another model`,
  MODEL_SUFFIX: (token: string, extra = '') => `${q(token)} does not apply to ${extra}: benchmark models are read by loan age in their own units (only a multiplier such as x1.5 may follow)`,
  DUPLICATE_SUFFIX: (token: string, extra = '') => `${q(token)} repeats the ${extra} already given`,
  STEP_AFTER_SUFFIX: (token: string, extra = '') => `${q(token)} comes after '${extra}': write all the steps first, then flat, the unit, 'by age' or 'by period', and the multiplier`,
  EXPECTED_BASIS: (token: string) => `expected 'age' or 'period' after 'by' but found ${q(token)}`,
  BASIS_WITHOUT_BY: (token: string) => `write 'by ${token}' to say what the months count`,
  EXPECTED_MULTIPLIER: (token: string) => `expected a factor after 'x' (as in x1.5) but found ${q(token)}`,
  MISPLACED_KEYWORD: (token: string, extra = '') => `${q(token)} must follow ${extra}`,
  MISPLACED_COMMA: (_token: string, extra = '') => `a comma separates two steps: ${extra}`,
  PURPOSE_MISMATCH: (token: string, extra = '') => `${token} is a ${extra}`,
} as const satisfies Record<string, (token: string, extra?: string) => string>;

export type NotationProblem = keyof typeof NOTATION_PROBLEMS;

/**
 * A vector that cannot be read. `position` is the 0-based offset of the offending token in the
 * text (the message says "column position + 1"), `token` its text ('' at the end of the input).
 * The same fields travel in `details`, so they survive the trip across IPC/HTTP as data.
 */
export class VectorNotationError extends EngineError {
  readonly problem: NotationProblem;
  readonly position: number;
  readonly token: string;
  readonly reason: string;

  constructor(text: string, problem: NotationProblem, position: number, token: string, extra?: string) {
    const reason = NOTATION_PROBLEMS[problem](token, extra);
    super('VECTOR_NOTATION', { text, problem, position, column: position + 1, token, reason });
    this.name = 'VectorNotationError';
    this.problem = problem;
    this.position = position;
    this.token = token;
    this.reason = reason;
    this.message = `${this.message} at column ${position + 1} (${q(token)}): ${reason}`;
  }
}
