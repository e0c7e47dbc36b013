/**
 * Writing CSV the app hands to people (exports, sample tapes, rejects): RFC 4180 quoting, and a
 * guard against spreadsheet formula injection for text that came from a tape or a user.
 *
 * The guard follows OWASP's CSV Injection guidance (owasp.org/www-community/attacks/CSV_Injection;
 * its trigger list — =, +, -, @, tab, carriage return — and its single-quote prefix are also what
 * Symfony's CVE-2021-41270 fix adopted "following the OWASP recommendations"): a cell a spreadsheet
 * could run as a formula gets a leading apostrophe and is quoted. Beyond the list, as a precaution:
 *  - the full-width forms ＝ ＋ － ＠ (U+FF1D, U+FF0B, U+FF0D, U+FF20), which Chinese and Japanese
 *    input methods type and some spreadsheets fold to their ASCII forms;
 *  - a trigger after leading spaces (" =1+1"): spreadsheets trim a cell's leading blanks when they
 *    convert it, so the first non-space character is the one that counts.
 * Fields holding a semicolon are quoted as well as those holding a comma: a spreadsheet in a
 * semicolon locale (de-DE, fr-FR) splits an unquoted one into two cells.
 * renderer/app/csv.ts applies the same rules in the browser (test/data/csv-out.test.ts holds both to them).
 */

/** RFC 4180: quote a field holding a comma, semicolon, quote, CR or LF; double its quotes. */
export function csvField(text: string): string {
  return /[",;\r\n]/.test(text) ? quoted(text) : text;
}

const quoted = (text: string): string => `"${text.replaceAll('"', '""')}"`;

/** A cell a spreadsheet may run as a formula: tab or CR first, or =, +, -, @ (ASCII or full-width) as its first non-space character. */
export const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@＝＋－＠])/;

/** Text that could run as a formula, with a leading apostrophe; other text as it is. Use on tape text, never on our numbers. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A field of untrusted text: a formula guarded and quoted (OWASP: prefix with a single quote, wrap in double quotes), other text quoted as RFC 4180 asks. */
export function safeCsvField(text: string): string {
  return FORMULA_START.test(text) ? quoted(`'${text}`) : csvField(text);
}
