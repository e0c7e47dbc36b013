import { VectorNotationError, type NotationProblem } from './notation-errors.ts';
import { tokenize, type NotationToken } from './notation-lexer.ts';
import {
  MAX_VECTOR_MONTHS,
  type CurveStep,
  type NotationUnit,
  type StandardModel,
  type VectorNotation,
  type VectorPurpose,
} from './notation-types.ts';
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
  const tokens = tokenize(text);
  let index = 0;

  const fail = (problem: NotationProblem, token: NotationToken, extra?: string): never => {
    throw new VectorNotationError(text, problem, token.start, token.text, extra);
  };
  const failSpan = (problem: NotationProblem, from: NotationToken, to: NotationToken, extra?: string): never => {
    throw new VectorNotationError(text, problem, from.start, text.slice(from.start, to.start + to.text.length), extra);
  };
  const peek = (offset = 0): NotationToken => {
    const token = tokens[Math.min(index + offset, tokens.length - 1)] as NotationToken;
    if (token.kind === 'bad') fail(token.problem, token);
    return token;
  };
  const checkPurpose = (token: NotationToken, name: NotationUnit | StandardModel): void => {
    const purpose = PURPOSE_OF[name];
    if (options.purpose !== undefined && options.purpose !== purpose) {
      fail('PURPOSE_MISMATCH', token, `${purpose} measure, but this is a ${options.purpose} vector`);
    }
  };
  const checkRate = (token: NumberToken, what = 'a rate'): number => {
    if (token.value > 100) fail('RATE_ABOVE_100', token, what);
    return token.value;
  };

  /** Anything that cannot start or continue where a rate is expected, explained. */
  const unexpected = (token: NotationToken, context: string): never => {
    if (token.kind === 'word') {
      if (token.word in MODELS) return fail('MODEL_NEEDS_SPEED', token);
      if (token.word === 'for') return fail('MISPLACED_KEYWORD', token, 'a rate, as in 4 for 12');
      if (token.word === 'ramp') return fail('MISPLACED_KEYWORD', token, 'a rate, as in 2 ramp 6 12');
      if (MONTH_WORDS.has(token.word)) return fail('MISPLACED_KEYWORD', token, 'a month count, as in 4 for 12 months');
      if (token.word === 'age' || token.word === 'period') return fail('BASIS_WITHOUT_BY', token);
      if (!isKeyword(token.word)) return fail('UNKNOWN_WORD', token);
    }
    if (token.kind === 'comma') return fail('MISPLACED_COMMA', token, context === 'start' ? 'nothing comes before it' : context);
    return fail('EXPECTED_RATE', token, context === 'start' ? undefined : context);
  };

  const expectMonths = (after: string, minimum: number, previousMonths: number, rateToken: NotationToken): number => {
    const token = peek();
    if (token.kind !== 'number') return fail('EXPECTED_MONTHS', token, after);
    if (token.percent) fail('PERCENT_MISPLACED', token, 'a month count');
    if (!Number.isInteger(token.value) || token.value < 1) fail('MONTHS_NOT_WHOLE', token);
    if (token.value < minimum) fail('RAMP_TOO_SHORT', token);
    if (previousMonths + token.value > MAX_VECTOR_MONTHS) failSpan('TOO_LONG', rateToken, token, String(previousMonths + token.value));
    index += 1;
    if (isWord(peek(), ...MONTH_WORDS)) index += 1;
    return token.value;
  };

  const parseStep = (previousMonths: number): CurveStep => {
    const rateToken = peek() as NumberToken;
    const pct = checkRate(rateToken);
    index += 1;
    const next = peek();
    if (isWord(next, 'for')) {
      index += 1;
      return { kind: 'level', pct, months: expectMonths('for', 1, previousMonths, rateToken) };
    }
    if (isWord(next, 'ramp')) {
      index += 1;
      const end = peek();
      if (end.kind !== 'number') return fail('EXPECTED_RAMP_END', end);
      const toPct = checkRate(end);
      index += 1;
      return { kind: 'ramp', fromPct: pct, toPct, months: expectMonths('ramp', 2, previousMonths, rateToken) };
    }
    if (previousMonths + 1 > MAX_VECTOR_MONTHS) fail('TOO_LONG', rateToken, String(previousMonths + 1));
    return { kind: 'level', pct, months: 1 };
  };

  const parseSteps = (): CurveStep[] => {
    const steps: CurveStep[] = [];
    let months = 0;
    for (;;) {
      const token = peek();
      if (token.kind !== 'number') return steps.length === 0 ? unexpected(token, 'start') : steps;
      if (isModel(peek(1))) {
        const model = text.slice(token.start, peek(1).start + peek(1).text.length);
        failSpan('MODEL_NOT_ALONE', token, peek(1), `${model} cannot follow other steps`);
      }
      const step = parseStep(months);
      months += step.months;
      steps.push(step);
      const separator = peek();
      if (separator.kind === 'comma') {
        index += 1;
        const following = peek();
        if (following.kind !== 'number') {
          if (following.kind === 'end') fail('MISPLACED_COMMA', separator, 'nothing follows it');
          if (following.kind === 'comma') fail('MISPLACED_COMMA', following, 'write one comma between steps');
          unexpected(following, 'a comma must be followed by the next step');
        }
        continue;
      }
      if (separator.kind !== 'number') return steps;
    }
  };

  // ---- body: a benchmark model or a curve of steps
  const first = peek();
  if (first.kind === 'end') return fail('EMPTY', first);
  let model: StandardModel | null = null;
  let speed = 0;
  let steps: CurveStep[] = [];
  let bodyEnd: NotationToken = first;
  if (first.kind === 'number' && isModel(peek(1))) {
    const modelToken = peek(1) as Extract<NotationToken, { kind: 'word' }>;
    model = MODELS[modelToken.word] ?? 'PSA';
    checkPurpose(modelToken, model);
    speed = model === 'ABS' ? checkRate(first, 'an ABS speed') : first.value;
    index += 2;
    bodyEnd = modelToken;
  } else {
    steps = parseSteps();
    bodyEnd = tokens[index - 1] ?? first;
  }
  const bodyText = text.slice(first.start, bodyEnd.start + bodyEnd.text.length);

  // ---- suffixes, any order, each at most once: flat, unit, by age|period, x factor
  let unit: NotationUnit | null = null;
  let basis: VectorBasis | null = null;
  let multiplier: number | null = null;
  let flat = false;
  let lastSuffix: string | null = null;
  const refuseOnModel = (token: NotationToken): void => {
    if (model !== null) fail('MODEL_SUFFIX', token, bodyText);
  };
  for (;;) {
    const token = peek();
    if (token.kind === 'end') break;
    if (isWord(token, 'flat')) {
      refuseOnModel(token);
      if (flat) fail('DUPLICATE_SUFFIX', token, "'flat'");
      flat = true;
    } else if (token.kind === 'word' && token.word in UNITS) {
      refuseOnModel(token);
      const named = UNITS[token.word] ?? 'CPR';
      if (unit !== null) fail('DUPLICATE_SUFFIX', token, `unit (${unit})`);
      checkPurpose(token, named);
      unit = named;
    } else if (isWord(token, 'by')) {
      refuseOnModel(token);
      if (basis !== null) fail('DUPLICATE_SUFFIX', token, `basis (by ${basis})`);
      const what = peek(1);
      if (!isWord(what, 'age', 'period')) fail('EXPECTED_BASIS', what);
      basis = (what as Extract<NotationToken, { kind: 'word' }>).word === 'age' ? 'age' : 'period';
      index += 1;
    } else if (isWord(token, 'x') || token.kind === 'times') {
      if (multiplier !== null) fail('DUPLICATE_SUFFIX', token, `multiplier (x${multiplier})`);
      const factor = peek(1);
      if (factor.kind !== 'number') return fail('EXPECTED_MULTIPLIER', factor);
      if (factor.percent) fail('PERCENT_MISPLACED', factor, 'a multiplier: write x1.5 for 150%');
      multiplier = factor.value;
      index += 1;
    } else if (model !== null && (token.kind === 'number' || token.kind === 'comma' || isModel(token))) {
      fail('MODEL_NOT_ALONE', token, `only a multiplier such as x1.5 may follow ${bodyText}`);
    } else if ((token.kind === 'number' || token.kind === 'comma') && lastSuffix !== null) {
      fail('STEP_AFTER_SUFFIX', token, lastSuffix);
    } else if (isModel(token)) {
      fail('MODEL_NOT_ALONE', token, `${token.text} cannot follow the steps ${bodyText}`);
    } else {
      unexpected(token, 'the steps are complete here');
    }
    index += 1;
    const consumed = tokens[index - 1] ?? token;
    lastSuffix = text.slice(token.start, consumed.start + consumed.text.length);
  }

  if (model !== null) return { form: 'standard', model, speed, multiplier: multiplier ?? 1 };
  return { form: 'curve', steps, unit, basis: basis ?? 'period', multiplier: multiplier ?? 1 };
}

function isWord(token: NotationToken, ...words: string[]): boolean {
  return token.kind === 'word' && words.includes(token.word);
}

function isModel(token: NotationToken): boolean {
  return token.kind === 'word' && token.word in MODELS;
}

function isKeyword(word: string): boolean {
  return (
    word in MODELS ||
    word in UNITS ||
    MONTH_WORDS.has(word) ||
    ['ramp', 'for', 'flat', 'by', 'age', 'period', 'x'].includes(word)
  );
}
