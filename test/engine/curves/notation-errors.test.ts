import { describe, expect, it } from 'vitest';
import { EngineError, NOTATION_PROBLEMS, parseVector, VectorNotationError, type NotationProblem, type ParseVectorOptions } from '../../../engine/index.ts';

function notationError(text: string, options?: ParseVectorOptions): VectorNotationError {
  try {
    parseVector(text, options);
  } catch (error) {
    if (error instanceof VectorNotationError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
}

// [text, problem, position (0-based offset of the offending token), token ('' = end of input)]
const CASES: readonly (readonly [string, NotationProblem, number, string])[] = [
  ['', 'EMPTY', 0, ''],
  ['6;', 'UNEXPECTED_CHARACTER', 1, ';'],
  ['6 @ 7', 'UNEXPECTED_CHARACTER', 2, '@'],
  ['4 for 12, -3', 'NEGATIVE_NUMBER', 10, '-3'],
  ['1.2.3', 'MALFORMED_NUMBER', 0, '1.2.3'],
  ['1' + '0'.repeat(400), 'NUMBER_TOO_LARGE', 0, '1' + '0'.repeat(400)],
  ['6 12R 10', 'INTEX_RAMP', 2, '12R'],
  ['6 ramps 8 12', 'UNKNOWN_WORD', 2, 'ramps'],
  ['CPR 6', 'EXPECTED_RATE', 0, 'CPR'],
  ['4 for 12, by age', 'EXPECTED_RATE', 10, 'by'],
  ['2 ramp', 'EXPECTED_RAMP_END', 6, ''],
  ['2 ramp CPR', 'EXPECTED_RAMP_END', 7, 'CPR'],
  ['4 for', 'EXPECTED_MONTHS', 5, ''],
  ['2 ramp 6', 'EXPECTED_MONTHS', 8, ''],
  ['4 for 2.5, 8', 'MONTHS_NOT_WHOLE', 6, '2.5'],
  ['4 for 0', 'MONTHS_NOT_WHOLE', 6, '0'],
  ['2 ramp 6 1', 'RAMP_TOO_SHORT', 9, '1'],
  ['4 for 1200, 5', 'TOO_LONG', 12, '5'],
  ['1 for 600, 2 ramp 3 601', 'TOO_LONG', 11, '2 ramp 3 601'],
  ['4 for 12, 101', 'RATE_ABOVE_100', 10, '101'],
  ['2 ramp 120 12', 'RATE_ABOVE_100', 7, '120'],
  ['150 ABS', 'RATE_ABOVE_100', 0, '150'],
  ['4 for 12%', 'PERCENT_MISPLACED', 6, '12%'],
  ['6 x150%', 'PERCENT_MISPLACED', 3, '150%'],
  ['PSA', 'MODEL_NEEDS_SPEED', 0, 'PSA'],
  ['4 for 12, 150 PSA', 'MODEL_NOT_ALONE', 10, '150 PSA'],
  ['150 PSA, 8', 'MODEL_NOT_ALONE', 7, ','],
  ['150 PSA 100 SDA', 'MODEL_NOT_ALONE', 8, '100'],
  ['4 for 12 PSA', 'MODEL_NOT_ALONE', 9, 'PSA'],
  ['150 PSA by age', 'MODEL_SUFFIX', 8, 'by'],
  ['150 PSA CPR', 'MODEL_SUFFIX', 8, 'CPR'],
  ['100 SDA flat', 'MODEL_SUFFIX', 8, 'flat'],
  ['6 CPR CDR', 'DUPLICATE_SUFFIX', 6, 'CDR'],
  ['6 x2 x3', 'DUPLICATE_SUFFIX', 5, 'x'],
  ['6 by age by period', 'DUPLICATE_SUFFIX', 9, 'by'],
  ['6 flat flat', 'DUPLICATE_SUFFIX', 7, 'flat'],
  ['4 CPR, 8', 'STEP_AFTER_SUFFIX', 5, ','],
  ['4 flat 8', 'STEP_AFTER_SUFFIX', 7, '8'],
  // A step's own words after the unit: the unit goes last (it was "'for' must follow a rate", which it did).
  ['8 CPR for 6, 0', 'STEP_AFTER_SUFFIX', 6, 'for'],
  ['2 CDR ramp 8 12', 'STEP_AFTER_SUFFIX', 6, 'ramp'],
  ['6 by', 'EXPECTED_BASIS', 4, ''],
  ['6 by loan', 'EXPECTED_BASIS', 5, 'loan'],
  ['0.2 ramp 6 30 age', 'BASIS_WITHOUT_BY', 14, 'age'],
  ['6 x', 'EXPECTED_MULTIPLIER', 3, ''],
  ['6 x PSA', 'EXPECTED_MULTIPLIER', 4, 'PSA'],
  ['for 12', 'MISPLACED_KEYWORD', 0, 'for'],
  ['2 ramp 6 12 for 3', 'MISPLACED_KEYWORD', 12, 'for'],
  ['6 months', 'MISPLACED_KEYWORD', 2, 'months'],
  [', 4', 'MISPLACED_COMMA', 0, ','],
  ['4,', 'MISPLACED_COMMA', 1, ','],
  ['4,, 5', 'MISPLACED_COMMA', 2, ','],
];

describe('vector notation errors', () => {
  it.each(CASES)('%j → %s at %i (%j)', (text, problem, position, token) => {
    const error = notationError(text);
    expect({ problem: error.problem, position: error.position, token: error.token }).toEqual({ problem, position, token });
    // The text at the reported position is the token, so a UI can underline it.
    expect(text.slice(position, position + token.length)).toBe(token);
    expect(error.message).toContain(`column ${position + 1}`);
  });

  it('covers every problem the notation can report', () => {
    const reported = new Set([...CASES.map(([, problem]) => problem), 'PURPOSE_MISMATCH']);
    expect([...reported].sort()).toEqual([...NOTATION_PROBLEMS].sort());
  });

  it('refuses a default measure where a prepayment vector is expected, and the reverse', () => {
    const cdr = notationError('4 for 12, 3 CDR', { purpose: 'prepayment' });
    expect([cdr.problem, cdr.position, cdr.token]).toEqual(['PURPOSE_MISMATCH', 12, 'CDR']);
    expect(cdr.reason).toBe('CDR is a default measure, but this is a prepayment vector');
    const psa = notationError('150 PSA', { purpose: 'default' });
    expect([psa.problem, psa.position, psa.token]).toEqual(['PURPOSE_MISMATCH', 4, 'PSA']);
  });

  it('says what a negative number should be, and where the unit goes when a step follows it', () => {
    expect(notationError('-1 CDR').reason).toBe("'-1' is negative: a rate, speed, month count or multiplier must be 0 or more");
    expect(notationError('8 CPR for 6, 0').reason).toBe("'for' comes after 'CPR': write all the steps first, then flat, the unit, 'by age' or 'by period', and the multiplier");
  });

  it('reports the first problem in reading order', () => {
    // Both 'ramps' (unknown, offset 2) and '@' (offset 14) are wrong: the earlier one is reported.
    expect(notationError('6 ramps 8 12, @').problem).toBe('UNKNOWN_WORD');
    expect(notationError('2 ramp 6 1, 12R').problem).toBe('RAMP_TOO_SHORT');
  });

  it('is an EngineError with code VECTOR_NOTATION, the specifics in the message and in details', () => {
    const error = notationError('2 ramp 6 1');
    expect(error).toBeInstanceOf(EngineError);
    expect(error.code).toBe('VECTOR_NOTATION');
    expect(error.message).toBe("Cannot read the vector notation at column 10 ('1'): a ramp takes at least 2 months (the first rate in month 1, the second in the last month), not 1");
    expect(error.details).toEqual({
      text: '2 ramp 6 1',
      problem: 'RAMP_TOO_SHORT',
      position: 9,
      column: 10,
      token: '1',
      reason: error.reason,
    });
  });
});
