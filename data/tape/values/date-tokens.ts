/** A written date cut into its numbers and words, each with the separator written before it. */
import { isDigitCode } from './scan.ts';

export interface DateToken {
  readonly numeric: boolean;
  /** Digits, or the lower-cased word. */
  readonly text: string;
  /** The separator text between this token and the previous one (trimmed of spaces). */
  readonly before: string;
}

export function tokenizeDate(s: string): { tokens: DateToken[]; trailing: string } {
  const tokens: DateToken[] = [];
  let sep = '';
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    const start = i;
    if (isDigitCode(c)) {
      while (i < n && isDigitCode(s.charCodeAt(i))) i++;
      tokens.push({ numeric: true, text: s.slice(start, i), before: sep.trim() });
      sep = '';
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      while (i < n && (s.charCodeAt(i) | 32) >= 97 && (s.charCodeAt(i) | 32) <= 122) i++;
      tokens.push({ numeric: false, text: s.slice(start, i).toLowerCase(), before: sep.trim() });
      sep = '';
    } else {
      sep += s[i];
      i++;
    }
  }
  return { tokens, trailing: sep.trim() };
}
