import type { SimpleProblem } from './notation-errors.ts';

/** One lexical token of the vector notation, with its span in the text (0-based, end exclusive). */
export type NotationToken =
  | { readonly kind: 'number'; readonly text: string; readonly start: number; readonly value: number; readonly percent: boolean }
  | { readonly kind: 'word'; readonly text: string; readonly start: number; readonly word: string }
  | { readonly kind: 'comma' | 'times' | 'end'; readonly text: string; readonly start: number }
  | { readonly kind: 'bad'; readonly text: string; readonly start: number; readonly problem: SimpleProblem };

const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)/y;
const WORD = /[A-Za-z]+/y;
const SPACE = /\s+/y;

/**
 * Splits the text into tokens. Lexical problems (a stray character, a negative number, an
 * Intex `12R`) become 'bad' tokens rather than throwing, so the parser reports the FIRST problem
 * in reading order, whichever stage finds it. Full-width comma and percent (，％) from a Chinese
 * input method are read as their ASCII forms.
 */
export function tokenize(text: string): NotationToken[] {
  const tokens: NotationToken[] = [];
  let at = 0;
  while (at < text.length) {
    SPACE.lastIndex = at;
    if (SPACE.test(text)) {
      at = SPACE.lastIndex;
      continue;
    }
    const ch = text[at] ?? '';
    if (ch === ',' || ch === '，') {
      tokens.push({ kind: 'comma', text: ch, start: at });
      at += 1;
      continue;
    }
    if (ch === '×' || ch === '*') {
      tokens.push({ kind: 'times', text: ch, start: at });
      at += 1;
      continue;
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text);
    if (number) {
      at = lexNumber(text, at, number[0], tokens);
      continue;
    }
    if ((ch === '-' || ch === '−') && startsNumber(text, at + 1)) {
      NUMBER.lastIndex = at + 1;
      const digits = NUMBER.exec(text)?.[0] ?? '';
      tokens.push({ kind: 'bad', text: ch + digits, start: at, problem: 'NEGATIVE_NUMBER' });
      at += 1 + digits.length;
      continue;
    }
    WORD.lastIndex = at;
    const word = WORD.exec(text);
    if (word) {
      tokens.push({ kind: 'word', text: word[0], start: at, word: word[0].toLowerCase() });
      at += word[0].length;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(at) ?? 0);
    tokens.push({ kind: 'bad', text: char, start: at, problem: 'UNEXPECTED_CHARACTER' });
    at += char.length;
  }
  tokens.push({ kind: 'end', text: '', start: text.length });
  return tokens;
}

function startsNumber(text: string, at: number): boolean {
  NUMBER.lastIndex = at;
  return NUMBER.test(text);
}

function lexNumber(text: string, start: number, digits: string, tokens: NotationToken[]): number {
  let end = start + digits.length;
  const next = text[end] ?? '';
  // Intex writes a ramp as "12R" (ramp over 12 months): point at it rather than call R unknown.
  if ((next === 'R' || next === 'r') && !/[A-Za-z]/.test(text[end + 1] ?? '')) {
    tokens.push({ kind: 'bad', text: text.slice(start, end + 1), start, problem: 'INTEX_RAMP' });
    return end + 1;
  }
  if (next === '.') {
    const malformed = /[\d.]+/y;
    malformed.lastIndex = start;
    const span = malformed.exec(text)?.[0] ?? digits;
    tokens.push({ kind: 'bad', text: span, start, problem: 'MALFORMED_NUMBER' });
    return start + span.length;
  }
  const percent = next === '%' || next === '％';
  if (percent) end += 1;
  const value = Number(digits);
  const tokenText = text.slice(start, end);
  if (!Number.isFinite(value)) {
    tokens.push({ kind: 'bad', text: tokenText, start, problem: 'NUMBER_TOO_LARGE' });
  } else {
    tokens.push({ kind: 'number', text: tokenText, start, value, percent });
  }
  return end;
}
