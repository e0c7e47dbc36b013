import type { CodedMessage } from '../messages.ts';
import { simpleReason, VectorNotationError, type NotationProblem, type SimpleProblem } from './notation-errors.ts';
import { NOTATION_PIECES as PIECE, NOTATION_REASONS as REASON, tokenPiece } from './notation-messages.ts';
import { tokenize, type NotationToken } from './notation-lexer.ts';
import { MAX_VECTOR_MONTHS, type CurveStep, type NotationUnit, type StandardModel, type VectorNotation, type VectorPurpose } from './notation-types.ts';
import type { VectorBasis } from './rate-vector.ts';

export interface ParseVectorOptions {
  /**
   * What the vector will drive. When given, units and models of the other kind are refused
   * (`3 CDR` where a prepayment vector is expected). Bare curves serve either.
   */
  readonly purpose?: VectorPurpose;
}

const MODELS: Readonly<Record<string, StandardModel>> = { psa: 'PSA', sda: 'SDA', abs: 'ABS' };
const UNITS: Readonly<Record<string, NotationUnit>> = { cpr: 'CPR', cdr: 'CDR', smm: 'SMM', mdr: 'MDR' };
const MONTH_WORDS = new Set(['month', 'months']);
const PURPOSE_OF: Readonly<Record<NotationUnit | StandardModel, VectorPurpose>> = {
  CPR: 'prepayment',
  SMM: 'prepayment',
  PSA: 'prepayment',
  ABS: 'prepayment',
  CDR: 'default',
  MDR: 'default',
  SDA: 'default',
};

type NumberToken = Extract<NotationToken, { kind: 'number' }>;

/**
 * Reads the compact vector notation (grammar and examples: docs/vector-notation.md), e.g.
 * `6`, `2 ramp 6 12`, `4 for 12, 8`, `0.2 ramp 6 30 by age`, `150 PSA`, `1 2 3 4 5 6 CPR x1.5`.
 * Throws a VectorNotationError naming the position, the token and why, for the first problem
 * in reading order.
 */
export function parseVector(text: string, options: ParseVectorOptions = {}): VectorNotation {
  return new NotationParser(text, options).parse();
}

/** The body before any suffix: a benchmark model at a speed, or a curve of steps. */
type Body = { readonly model: StandardModel; readonly speed: number; readonly text: string } | { readonly model: null; readonly steps: CurveStep[]; readonly text: string };

/** The suffixes, any order, each at most once: flat, unit, by age|period, x factor. */
interface Suffixes {
  unit: NotationUnit | null;
  basis: VectorBasis | null;
  multiplier: number | null;
  flat: boolean;
}

/** A recursive-descent reader over the token list; `index` is the next token to read. */
class NotationParser {
  private readonly text: string;
  private readonly options: ParseVectorOptions;
  private readonly tokens: readonly NotationToken[];
  private index = 0;

  constructor(text: string, options: ParseVectorOptions) {
    this.text = text;
    this.options = options;
    this.tokens = tokenize(text);
  }

  parse(): VectorNotation {
    const body = this.parseBody();
    const { unit, basis, multiplier } = this.parseSuffixes(body);
    if (body.model !== null) return { form: 'standard', model: body.model, speed: body.speed, multiplier: multiplier ?? 1 };
    return { form: 'curve', steps: body.steps, unit, basis: basis ?? 'period', multiplier: multiplier ?? 1 };
  }

  /** A problem that names only its token. */
  private fail(problem: SimpleProblem, token: NotationToken): never {
    throw new VectorNotationError(this.text, problem, token.start, token.text, simpleReason(problem, token.text));
  }

  /** A problem whose reason the parser words from its context, by code (notation-messages.ts). */
  private failWith(problem: NotationProblem, token: NotationToken, reason: (token: CodedMessage) => CodedMessage): never {
    throw new VectorNotationError(this.text, problem, token.start, token.text, reason(tokenPiece(token.text)));
  }

  private failSpan(problem: NotationProblem, from: NotationToken, to: NotationToken, reason: CodedMessage): never {
    throw new VectorNotationError(this.text, problem, from.start, this.text.slice(from.start, to.start + to.text.length), reason);
  }

  private peek(offset = 0): NotationToken {
    const token = this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as NotationToken;
    if (token.kind === 'bad') this.fail(token.problem, token);
    return token;
  }

  private checkPurpose(token: NotationToken, name: NotationUnit | StandardModel): void {
    const purpose = PURPOSE_OF[name];
    if (this.options.purpose !== undefined && this.options.purpose !== purpose) {
      const vector = this.options.purpose;
      this.failWith('PURPOSE_MISMATCH', token, () => REASON.say('purposeMismatch', { text: token.text, measure: PIECE.say(purpose), vector: PIECE.say(vector) }));
    }
  }

  private checkRate(token: NumberToken, what: 'aRate' | 'anAbsSpeed' = 'aRate'): number {
    if (token.value > 100) this.failWith('RATE_ABOVE_100', token, () => REASON.say('rateAbove100', { text: token.text, what: PIECE.say(what) }));
    return token.value;
  }

  /** Anything that cannot start or continue where a rate is expected, explained. */
  private unexpected(token: NotationToken, context: 'start' | 'afterComma' | 'stepsComplete'): never {
    if (token.kind === 'word') {
      if (token.word in MODELS) return this.fail('MODEL_NEEDS_SPEED', token);
      if (token.word === 'for') return this.failWith('MISPLACED_KEYWORD', token, (t) => REASON.say('misplacedKeyword', { token: t, context: PIECE.say('rateBeforeFor') }));
      if (token.word === 'ramp') return this.failWith('MISPLACED_KEYWORD', token, (t) => REASON.say('misplacedKeyword', { token: t, context: PIECE.say('rateBeforeRamp') }));
      if (MONTH_WORDS.has(token.word)) return this.failWith('MISPLACED_KEYWORD', token, (t) => REASON.say('misplacedKeyword', { token: t, context: PIECE.say('countBeforeMonths') }));
      if (token.word === 'age' || token.word === 'period') return this.fail('BASIS_WITHOUT_BY', token);
      if (!isKeyword(token.word)) return this.fail('UNKNOWN_WORD', token);
    }
    if (token.kind === 'comma') return this.failWith('MISPLACED_COMMA', token, () => REASON.say('misplacedComma', { context: PIECE.say(context === 'start' ? 'nothingBefore' : context) }));
    return this.failWith('EXPECTED_RATE', token, (t) => REASON.say('expectedRate', { token: t, context: PIECE.say(context === 'start' ? 'vectorStart' : context) }));
  }

  private expectMonths(after: 'for' | 'ramp', minimum: number, previousMonths: number, rateToken: NotationToken): number {
    const token = this.peek();
    if (token.kind !== 'number') return this.failWith('EXPECTED_MONTHS', token, (t) => REASON.say('expectedMonths', { token: t, after }));
    if (token.percent) this.failWith('PERCENT_MISPLACED', token, (t) => REASON.say('percentMisplaced', { token: t, context: PIECE.say('monthCount') }));
    if (!Number.isInteger(token.value) || token.value < 1) this.fail('MONTHS_NOT_WHOLE', token);
    if (token.value < minimum) this.fail('RAMP_TOO_SHORT', token);
    if (previousMonths + token.value > MAX_VECTOR_MONTHS) this.failSpan('TOO_LONG', rateToken, token, REASON.say('tooLong', { months: previousMonths + token.value }));
    this.index += 1;
    if (isWord(this.peek(), ...MONTH_WORDS)) this.index += 1;
    return token.value;
  }

  private parseStep(previousMonths: number): CurveStep {
    const rateToken = this.peek() as NumberToken;
    const pct = this.checkRate(rateToken);
    this.index += 1;
    const next = this.peek();
    if (isWord(next, 'for')) {
      this.index += 1;
      return { kind: 'level', pct, months: this.expectMonths('for', 1, previousMonths, rateToken) };
    }
    if (isWord(next, 'ramp')) {
      this.index += 1;
      const end = this.peek();
      if (end.kind !== 'number') return this.fail('EXPECTED_RAMP_END', end);
      const toPct = this.checkRate(end);
      this.index += 1;
      return { kind: 'ramp', fromPct: pct, toPct, months: this.expectMonths('ramp', 2, previousMonths, rateToken) };
    }
    if (previousMonths + 1 > MAX_VECTOR_MONTHS) this.failWith('TOO_LONG', rateToken, () => REASON.say('tooLong', { months: previousMonths + 1 }));
    return { kind: 'level', pct, months: 1 };
  }

  private parseSteps(): CurveStep[] {
    const steps: CurveStep[] = [];
    let months = 0;
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'number') return steps.length === 0 ? this.unexpected(token, 'start') : steps;
      if (isModel(this.peek(1))) {
        const model = this.text.slice(token.start, this.peek(1).start + this.peek(1).text.length);
        this.failSpan('MODEL_NOT_ALONE', token, this.peek(1), REASON.say('modelNotAlone', { context: PIECE.say('modelAfterSteps', { model }) }));
      }
      const step = this.parseStep(months);
      months += step.months;
      steps.push(step);
      const separator = this.peek();
      if (separator.kind === 'comma') {
        this.index += 1;
        const following = this.peek();
        if (following.kind !== 'number') {
          if (following.kind === 'end') this.failWith('MISPLACED_COMMA', separator, () => REASON.say('misplacedComma', { context: PIECE.say('nothingAfter') }));
          if (following.kind === 'comma') this.failWith('MISPLACED_COMMA', following, () => REASON.say('misplacedComma', { context: PIECE.say('oneComma') }));
          this.unexpected(following, 'afterComma');
        }
        continue;
      }
      if (separator.kind !== 'number') return steps;
    }
  }

  /** A benchmark model (`150 PSA`) or a curve of steps. */
  private parseBody(): Body {
    const first = this.peek();
    if (first.kind === 'end') return this.fail('EMPTY', first);
    const bodyText = (last: NotationToken): string => this.text.slice(first.start, last.start + last.text.length);
    if (first.kind === 'number' && isModel(this.peek(1))) {
      const modelToken = this.peek(1) as Extract<NotationToken, { kind: 'word' }>;
      const model = MODELS[modelToken.word] ?? 'PSA';
      this.checkPurpose(modelToken, model);
      const speed = model === 'ABS' ? this.checkRate(first, 'anAbsSpeed') : first.value;
      this.index += 2;
      return { model, speed, text: bodyText(modelToken) };
    }
    const steps = this.parseSteps();
    return { model: null, steps, text: bodyText(this.tokens[this.index - 1] ?? first) };
  }

  private parseSuffixes(body: Body): Suffixes {
    const found: Suffixes = { unit: null, basis: null, multiplier: null, flat: false };
    let lastSuffix: string | null = null;
    for (;;) {
      const token = this.peek();
      if (token.kind === 'end') return found;
      this.parseSuffix(token, body, found, lastSuffix);
      this.index += 1;
      const consumed = this.tokens[this.index - 1] ?? token;
      lastSuffix = this.text.slice(token.start, consumed.start + consumed.text.length);
    }
  }

  /** Reads one suffix starting at `token` into `found` (the index is left on its last token). */
  private parseSuffix(token: NotationToken, body: Body, found: Suffixes, lastSuffix: string | null): void {
    const refuseOnModel = (): void => {
      if (body.model !== null) this.failWith('MODEL_SUFFIX', token, (t) => REASON.say('modelSuffix', { token: t, model: body.text }));
    };
    if (isWord(token, 'flat')) {
      refuseOnModel();
      if (found.flat) this.failWith('DUPLICATE_SUFFIX', token, (t) => REASON.say('duplicateSuffix', { token: t, context: PIECE.say('flat') }));
      found.flat = true;
    } else if (token.kind === 'word' && token.word in UNITS) {
      refuseOnModel();
      const named = UNITS[token.word] ?? 'CPR';
      if (found.unit !== null) {
        const unit = found.unit;
        this.failWith('DUPLICATE_SUFFIX', token, (t) => REASON.say('duplicateSuffix', { token: t, context: PIECE.say('unit', { unit }) }));
      }
      this.checkPurpose(token, named);
      found.unit = named;
    } else if (isWord(token, 'by')) {
      refuseOnModel();
      if (found.basis !== null) {
        const basis = found.basis;
        this.failWith('DUPLICATE_SUFFIX', token, (t) => REASON.say('duplicateSuffix', { token: t, context: PIECE.say('basis', { basis }) }));
      }
      const what = this.peek(1);
      if (!isWord(what, 'age', 'period')) this.fail('EXPECTED_BASIS', what);
      found.basis = (what as Extract<NotationToken, { kind: 'word' }>).word === 'age' ? 'age' : 'period';
      this.index += 1;
    } else if (isWord(token, 'x') || token.kind === 'times') {
      if (found.multiplier !== null) {
        const multiplier = String(found.multiplier);
        this.failWith('DUPLICATE_SUFFIX', token, (t) => REASON.say('duplicateSuffix', { token: t, context: PIECE.say('multiplier', { multiplier }) }));
      }
      const factor = this.peek(1);
      if (factor.kind !== 'number') return this.fail('EXPECTED_MULTIPLIER', factor);
      if (factor.percent) this.failWith('PERCENT_MISPLACED', factor, (t) => REASON.say('percentMisplaced', { token: t, context: PIECE.say('multiplierNoPercent') }));
      found.multiplier = factor.value;
      this.index += 1;
    } else if (body.model !== null && (token.kind === 'number' || token.kind === 'comma' || isModel(token))) {
      this.failWith('MODEL_NOT_ALONE', token, () => REASON.say('modelNotAlone', { context: PIECE.say('onlyMultiplierAfter', { model: body.text }) }));
    } else if ((token.kind === 'number' || token.kind === 'comma' || isWord(token, 'for', 'ramp', ...MONTH_WORDS)) && lastSuffix !== null) {
      // A step's own word after the unit ("8 CPR for 6"): the steps come first, the unit after them.
      this.failWith('STEP_AFTER_SUFFIX', token, (t) => REASON.say('stepAfterSuffix', { token: t, suffix: lastSuffix }));
    } else if (isModel(token)) {
      this.failWith('MODEL_NOT_ALONE', token, () => REASON.say('modelNotAlone', { context: PIECE.say('modelAfterCurve', { model: token.text, steps: body.text }) }));
    } else {
      this.unexpected(token, 'stepsComplete');
    }
  }
}

function isWord(token: NotationToken, ...words: string[]): boolean {
  return token.kind === 'word' && words.includes(token.word);
}

function isModel(token: NotationToken): boolean {
  return token.kind === 'word' && token.word in MODELS;
}

function isKeyword(word: string): boolean {
  return word in MODELS || word in UNITS || MONTH_WORDS.has(word) || ['ramp', 'for', 'flat', 'by', 'age', 'period', 'x'].includes(word);
}
