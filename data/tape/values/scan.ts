/** Character-level scanning shared by the cell parsers: char-code tests, Unicode folding, affixes. */

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAllDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isDigitCode(s.charCodeAt(i))) return false;
  return true;
}

/** Reads `count` decimal digits at `at` (ASCII), or -1. */
export function digitsAt(s: string, at: number, count: number): number {
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7e) return false;
  return true;
}

/**
 * Folds full-width digits, letters and punctuation (１２３４, ％, （, ，, ￥), no-break and
 * ideographic spaces to ASCII (NFKC), and the Unicode minus sign to '-'. Slow paths only.
 */
export function fold(s: string): string {
  if (isAscii(s)) return s;
  return s.normalize('NFKC').replaceAll('\u2212', '-').trim();
}

export function stripPrefix(s: string, prefixes: readonly string[]): string {
  for (const p of prefixes) if (s.startsWith(p)) return s.slice(p.length).trimStart();
  return s;
}

export function stripSuffix(s: string, suffixes: readonly string[]): string {
  for (const p of suffixes) if (s.endsWith(p)) return s.slice(0, s.length - p.length).trimEnd();
  return s;
}
