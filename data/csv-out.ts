/**
 * Writing CSV the app hands to people (exports, sample tapes): RFC 4180 quoting, and a guard
 * against spreadsheet formula injection for text that came from a tape.
 */

/** RFC 4180: quote a field holding a comma, quote, CR or LF; double its quotes. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Keeps a spreadsheet from running a cell as a formula (CSV/Excel injection): text starting
 * with =, +, -, @, tab or CR gets a leading apostrophe. Use on tape text, never on our numbers.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A field of untrusted text: guarded, then quoted. */
export function safeCsvField(text: string): string {
  return csvField(guardFormula(text));
}
