/**
 * File names, two rules.
 *
 * A name the analyst typed (Save as…) is kept as typed: only what a file system refuses — / \ : * ? " < > |
 * and control characters — becomes '-', with the ends trimmed of spaces and dots (Windows drops a
 * trailing dot; a leading one hides the file). Browsers and Electron save Unicode names as given,
 * so 消费贷变体.json stays 消费贷变体.json.
 *
 * A name the app composes from a deal's, tape's or scenario's name keeps every letter and digit,
 * in any script (Chinese included: there is no faithful ASCII form, and dropping it can leave
 * nothing meaningful, 我的贷款_utf8 → _utf8), and '.', '_', '-'; everything else — curly quotes
 * from labels (“base”, deal file’s), spaces, path and shell characters — becomes '-', runs of '-'
 * collapse, and a name left empty takes `fallback`.
 */

/** Characters no common file system takes in a name: Windows' reserved set, which includes the POSIX '/'. */
const FORBIDDEN = /[\\/:*?"<>|]+/g;

/** A typed file name kept as typed, only made savable: "a/b: 消费贷.json" → "a-b- 消费贷.json". */
export function typedFileName(typed: string, fallback = 'export'): string {
  const printable = Array.from(typed, (c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? '-' : c)).join('');
  const safe = printable
    .replace(FORBIDDEN, '-')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return safe === '' ? fallback : safe;
}

/** One part of a composed name: letters and digits of any script, '.', '_' and '-'; "消费贷 2027-1" → "消费贷-2027-1". */
export function fileNamePart(text: string, fallback: string): string {
  const part = text
    .normalize('NFKC') // full-width Ａ１ (a Chinese IME) → A1
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return part === '' ? fallback : part;
}

/** A file name from parts (each made safe, empty parts dropped) and an extension: ("消费贷 2027-1", "“base”") + "csv" → "消费贷-2027-1-base.csv". */
export function exportFileName(parts: readonly string[], extension: string, fallback = 'export'): string {
  const safe = parts.map((p) => fileNamePart(p, '')).filter((p) => p !== '');
  return `${safe.length === 0 ? fallback : safe.join('-')}.${extension}`;
}
