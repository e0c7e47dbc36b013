import { VectorNotationError, type NotationProblem } from './notation-errors.ts';
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

  private fail(problem: NotationProblem, token: NotationToken, extra?: string): never {
    throw new VectorNotationError(this.text, problem, token.start, token.text, extra);
  }

  private failSpan(problem: NotationProblem, from: NotationToken, to: NotationToken, extra?: string): never {
    throw new VectorNotationError(this.text, problem, from.start, this.text.slice(from.start, to.start + to.text.length), extra);
  }

  private peek(offset = 0): NotationToken {
    const token = this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as NotationToken;
    if (token.kind === 'bad') this.fail(token.problem, token);
    return token;
  }

  private checkPurpose(token: NotationToken, name: NotationUnit | StandardModel): void {
    const purpose = PURPOSE_OF[name];
    if (this.options.purpose !== undefined && this.options.purpose !== purpose) {
      this.fail('PURPOSE_MISMATCH', token, `${purpose} measure, but this is a ${this.options.purpose} vector`);
    }
  }

  private checkRate(token: NumberToken, what = 'a rate'): number {
    if (token.value > 100) this.fail('RATE_ABOVE_100', token, what);
    return token.value;
  }

  /** Anything that cannot start or continue where a rate is expected, explained. */
  private unexpected(token: NotationToken, context: string): never {
    if (token.kind === 'word') {
      if (token.word in MODELS) return this.fail('MODEL_NEEDS_SPEED', token);
      if (token.word === 'for') return this.fail('MISPLACED_KEYWORD', token, 'a rate, as in 4 for 12');
      if (token.word === 'ramp') return this.fail('MISPLACED_KEYWORD', token, 'a rate, as in 2 ramp 6 12');
      if (MONTH_WORDS.has(token.word)) return this.fail('MISPLACED_KEYWORD', token, 'a month count, as in 4 for 12 months');
      if (token.word === 'age' || token.word === 'period') return this.fail('BASIS_WITHOUT_BY', token);
      if (!isKeyword(token.word)) return this.fail('UNKNOWN_WORD', token);
    }
    if (token.kind === 'comma') return this.fail('MISPLACED_COMMA', token, context === 'start' ? 'nothing comes before it' : context);
    return this.fail('EXPECTED_RATE', token, context === 'start' ? undefined : context);
  }

  private expectMonths(after: string, minimum: number, previousMonths: number, rateToken: NotationToken): number {
    const token = this.peek();
    if (token.kind !== 'number') return this.fail('EXPECTED_MONTHS', token, after);
    if (token.percent) this.fail('PERCENT_MISPLACED', token, 'a month count');
    if (!Number.isInteger(token.value) || token.value < 1) this.fail('MONTHS_NOT_WHOLE', token);
    if (token.value < minimum) this.fail('RAMP_TOO_SHORT', token);
    if (previousMonths + token.value > MAX_VECTOR_MONTHS) this.failSpan('TOO_LONG', rateToken, token, String(previousMonths + token.value));
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
    if (previousMonths + 1 > MAX_VECTOR_MONTHS) this.fail('TOO_LONG', rateToken, String(previousMonths + 1));
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
        this.failSpan('MODEL_NOT_ALONE', token, this.peek(1), `${model} cannot follow other steps`);
      }
      const step = this.parseStep(months);
      months += step.months;
      steps.push(step);
      const separator = this.peek();
      if (separator.kind === 'comma') {
        this.index += 1;
        const following = this.peek();
        if (following.kind !== 'number') {
          if (following.kind === 'end') this.fail('MISPLACED_COMMA', separator, 'nothing follows it');
          if (following.kind === 'comma') this.fail('MISPLACED_COMMA', following, 'write one comma between steps');
          this.unexpected(following, 'a comma must be followed by the next step');
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
      const speed = model === 'ABS' ? this.checkRate(first, 'an ABS speed') : first.value;
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
      if (body.model !== null) this.fail('MODEL_SUFFIX', token, body.text);
    };
    if (isWord(token, 'flat')) {
      refuseOnModel();
      if (found.flat) this.fail('DUPLICATE_SUFFIX', token, "'flat'");
      found.flat = true;
    } else if (token.kind === 'word' && token.word in UNITS) {
      refuseOnModel();
      const named = UNITS[token.word] ?? 'CPR';
      if (found.unit !== null) this.fail('DUPLICATE_SUFFIX', token, `unit (${found.unit})`);
      this.checkPurpose(token, named);
      found.unit = named;
    } else if (isWord(token, 'by')) {
      refuseOnModel();
      if (found.basis !== null) this.fail('DUPLICATE_SUFFIX', token, `basis (by ${found.basis})`);
      const what = this.peek(1);
      if (!isWord(what, 'age', 'period')) this.fail('EXPECTED_BASIS', what);
      found.basis = (what as Extract<NotationToken, { kind: 'word' }>).word === 'age' ? 'age' : 'period';
      this.index += 1;
    } else if (isWord(token, 'x') || token.kind === 'times') {
      if (found.multiplier !== null) this.fail('DUPLICATE_SUFFIX', token, `multiplier (x${found.multiplier})`);
      const factor = this.peek(1);
      if (factor.kind !== 'number') return this.fail('EXPECTED_MULTIPLIER', factor);
      if (factor.percent) this.fail('PERCENT_MISPLACED', factor, 'a multiplier: write x1.5 for 150%');
      found.multiplier = factor.value;
      this.index += 1;
    } else if (body.model !== null && (token.kind === 'number' || token.kind === 'comma' || isModel(token))) {
      this.fail('MODEL_NOT_ALONE', token, `only a multiplier such as x1.5 may follow ${body.text}`);
    } else if ((token.kind === 'number' || token.kind === 'comma') && lastSuffix !== null) {
      this.fail('STEP_AFTER_SUFFIX', token, lastSuffix);
    } else if (isModel(token)) {
      this.fail('MODEL_NOT_ALONE', token, `${token.text} cannot follow the steps ${body.text}`);
    } else {
      this.unexpected(token, 'the steps are complete here');
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
