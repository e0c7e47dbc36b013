/**
 * Why a vector could not be read, by code (engine/messages.ts), so a screen says it in its own
 * language: `notation.*` is the problem, `notationPiece.*` the pieces it names (the offending token
 * quoted or the end of the input, and the parser's context phrases). The English is the reader's
 * message exactly as the CLI and the API have always shown it.
 */
import { messageTable, type CodedMessage } from '../messages.ts';

/** A nested piece's English. */
const en = (piece: CodedMessage): string => piece.message;

export const NOTATION_PIECES = messageTable('notationPiece', {
  quoted: (p: { text: string }) => `'${p.text}'`,
  endOfInput: () => 'the end of the input',
  vectorStart: () => 'a vector starts with a rate',
  afterComma: () => 'a comma must be followed by the next step',
  stepsComplete: () => 'the steps are complete here',
  nothingBefore: () => 'nothing comes before it',
  nothingAfter: () => 'nothing follows it',
  oneComma: () => 'write one comma between steps',
  aRate: () => 'a rate',
  anAbsSpeed: () => 'an ABS speed',
  rateBeforeFor: () => 'a rate, as in 4 for 12',
  rateBeforeRamp: () => 'a rate, as in 2 ramp 6 12',
  countBeforeMonths: () => 'a month count, as in 4 for 12 months',
  monthCount: () => 'a month count',
  multiplierNoPercent: () => 'a multiplier: write x1.5 for 150%',
  modelAfterSteps: (p: { model: string }) => `${p.model} cannot follow other steps`,
  onlyMultiplierAfter: (p: { model: string }) => `only a multiplier such as x1.5 may follow ${p.model}`,
  modelAfterCurve: (p: { model: string; steps: string }) => `${p.model} cannot follow the steps ${p.steps}`,
  flat: () => "'flat'",
  unit: (p: { unit: string }) => `unit (${p.unit})`,
  basis: (p: { basis: string }) => `basis (by ${p.basis})`,
  multiplier: (p: { multiplier: string }) => `multiplier (x${p.multiplier})`,
  prepayment: () => 'prepayment',
  default: () => 'default',
});

/** The offending token as a message names it: quoted, or the end of the input. */
export function tokenPiece(token: string): CodedMessage {
  return token === '' ? NOTATION_PIECES.say('endOfInput') : NOTATION_PIECES.say('quoted', { text: token });
}

type Token = { token: CodedMessage };
type Context = { context: CodedMessage };

export const NOTATION_REASONS = messageTable('notation', {
  empty: () => 'the vector is empty: write a rate such as 6, a curve such as 2 ramp 6 12, or a model such as 150 PSA',
  unexpectedCharacter: (p: Token) => `${en(p.token)} is not part of the notation (numbers, words, commas and x only)`,
  negativeNumber: (p: Token) => `${en(p.token)} is negative: a rate, speed, month count or multiplier must be 0 or more`,
  malformedNumber: (p: Token) => `${en(p.token)} is not a number (write decimals with one point, e.g. 0.25)`,
  numberTooLarge: (p: Token) => `${en(p.token)} is too large to be a rate, speed, month count or multiplier`,
  intexRamp: (p: Token) => `Intex-style ${en(p.token)} ramps are not supported: write 'from ramp to months', e.g. 2 ramp 6 12`,
  unknownWord: (p: Token) => `${en(p.token)} is not a keyword (expected ramp, for, flat, by age, by period, PSA, SDA, ABS, CPR, CDR, SMM, MDR or x)`,
  expectedRate: (p: Token & Context) => `expected a rate (a number, in percent) but found ${en(p.token)}: ${en(p.context)}`,
  expectedRampEnd: (p: Token) => `expected the rate the ramp reaches after 'ramp' (as in 2 ramp 6 12) but found ${en(p.token)}`,
  expectedMonths: (p: Token & { after: string }) => `expected the number of months after '${p.after}' but found ${en(p.token)}`,
  monthsNotWhole: (p: { text: string }) => `a number of months must be a whole number ≥ 1, not ${p.text}`,
  rampTooShort: (p: { text: string }) => `a ramp takes at least 2 months (the first rate in month 1, the second in the last month), not ${p.text}`,
  tooLong: (p: { months: number }) => `the steps add up to ${p.months} months, more than the 1200 (100 years) a vector may span`,
  rateAbove100: (p: { text: string; what: CodedMessage }) => `${en(p.what)} cannot exceed 100% (numbers are percentages: ${p.text} means ${p.text}%)`,
  percentMisplaced: (p: Token & Context) => `${en(p.token)}: '%' belongs on rates and speeds, not on ${en(p.context)}`,
  modelNeedsSpeed: (p: { text: string }) => `${p.text} needs a speed before it, e.g. 150 PSA, 100 SDA or 1.5 ABS`,
  modelNotAlone: (p: Context) => `${en(p.context)}: a PSA, SDA or ABS model is a whole curve on its own, not combined with steps or another model`,
  modelSuffix: (p: Token & { model: string }) => `${en(p.token)} does not apply to ${p.model}: benchmark models are read by loan age in their own units (only a multiplier such as x1.5 may follow)`,
  duplicateSuffix: (p: Token & Context) => `${en(p.token)} repeats the ${en(p.context)} already given`,
  stepAfterSuffix: (p: Token & { suffix: string }) => `${en(p.token)} comes after '${p.suffix}': write all the steps first, then flat, the unit, 'by age' or 'by period', and the multiplier`,
  expectedBasis: (p: Token) => `expected 'age' or 'period' after 'by' but found ${en(p.token)}`,
  basisWithoutBy: (p: { text: string }) => `write 'by ${p.text}' to say what the months count`,
  expectedMultiplier: (p: Token) => `expected a factor after 'x' (as in x1.5) but found ${en(p.token)}`,
  misplacedKeyword: (p: Token & Context) => `${en(p.token)} must follow ${en(p.context)}`,
  misplacedComma: (p: Context) => `a comma separates two steps: ${en(p.context)}`,
  purposeMismatch: (p: { text: string; measure: CodedMessage; vector: CodedMessage }) => `${p.text} is a ${en(p.measure)} measure, but this is a ${en(p.vector)} vector`,
  /** The whole error as the reader throws it: where, the token, and why. */
  atColumn: (p: { column: number; token: CodedMessage; reason: CodedMessage }) => `Cannot read the vector notation at column ${p.column} (${en(p.token)}): ${en(p.reason)}`,
});
