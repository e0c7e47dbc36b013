import { EngineError } from '../errors.ts';
import type { CodedMessage } from '../messages.ts';
import { NOTATION_REASONS, tokenPiece } from './notation-messages.ts';

/** Problems whose reason names only the offending token, quoted (or the end of the input). */
const QUOTING = {
  UNEXPECTED_CHARACTER: 'unexpectedCharacter',
  NEGATIVE_NUMBER: 'negativeNumber',
  MALFORMED_NUMBER: 'malformedNumber',
  NUMBER_TOO_LARGE: 'numberTooLarge',
  INTEX_RAMP: 'intexRamp',
  UNKNOWN_WORD: 'unknownWord',
  EXPECTED_RAMP_END: 'expectedRampEnd',
  EXPECTED_BASIS: 'expectedBasis',
  EXPECTED_MULTIPLIER: 'expectedMultiplier',
} as const;

/** Problems whose reason names the token as written, unquoted. */
const NAMING = { MONTHS_NOT_WHOLE: 'monthsNotWhole', RAMP_TOO_SHORT: 'rampTooShort', MODEL_NEEDS_SPEED: 'modelNeedsSpeed', BASIS_WITHOUT_BY: 'basisWithoutBy' } as const;

/** Problems whose reason needs the parser's context (notation-parse.ts gives it, by code). */
const IN_CONTEXT = [
  'EXPECTED_RATE',
  'EXPECTED_MONTHS',
  'TOO_LONG',
  'RATE_ABOVE_100',
  'PERCENT_MISPLACED',
  'MODEL_NOT_ALONE',
  'MODEL_SUFFIX',
  'DUPLICATE_SUFFIX',
  'STEP_AFTER_SUFFIX',
  'MISPLACED_KEYWORD',
  'MISPLACED_COMMA',
  'PURPOSE_MISMATCH',
] as const;

/** A stable key per problem (for tests and the details the API carries). */
export type SimpleProblem = 'EMPTY' | keyof typeof QUOTING | keyof typeof NAMING;
export type NotationProblem = SimpleProblem | (typeof IN_CONTEXT)[number];

/** Every problem the notation can report. */
export const NOTATION_PROBLEMS: readonly NotationProblem[] = ['EMPTY', ...(Object.keys(QUOTING) as (keyof typeof QUOTING)[]), ...(Object.keys(NAMING) as (keyof typeof NAMING)[]), ...IN_CONTEXT];

/** The reason of a problem that needs no context, by code (engine/curves/notation-messages.ts). */
export function simpleReason(problem: SimpleProblem, token: string): CodedMessage {
  if (problem === 'EMPTY') return NOTATION_REASONS.say('empty');
  if (problem in QUOTING) return NOTATION_REASONS.say(QUOTING[problem as keyof typeof QUOTING], { token: tokenPiece(token) });
  return NOTATION_REASONS.say(NAMING[problem as keyof typeof NAMING], { text: token });
}

/**
 * A vector that cannot be read. `position` is the 0-based offset of the offending token in the
 * text (the message says "column position + 1"), `token` its text ('' at the end of the input),
 * `coded` the whole message by code (`notation.atColumn`, its reason nested) for a screen in
 * another language. The same fields travel in `details`, so they survive the trip across IPC/HTTP as data.
 */
export class VectorNotationError extends EngineError {
  readonly problem: NotationProblem;
  readonly position: number;
  readonly token: string;
  readonly reason: string;
  readonly coded: CodedMessage;

  constructor(text: string, problem: NotationProblem, position: number, token: string, reason: CodedMessage) {
    super('VECTOR_NOTATION', { text, problem, position, column: position + 1, token, reason: reason.message });
    this.name = 'VectorNotationError';
    this.problem = problem;
    this.position = position;
    this.token = token;
    this.reason = reason.message;
    this.coded = NOTATION_REASONS.say('atColumn', { column: position + 1, token: tokenPiece(token), reason });
    this.message = this.coded.message;
  }
}
