/**
 * CSV written in the renderer, by the rules of data/csv-out.ts (the renderer may not import it;
 * test/data/csv-out.test.ts holds both to the same cases). Every field that a spreadsheet could
 * read as a formula — a tab or carriage return first, or = + - @ (ASCII or full-width ＝ ＋ － ＠)
 * as its first non-space character — is prefixed with ' and quoted: OWASP's CSV Injection guidance
 * (owasp.org/www-community/attacks/CSV_Injection; DESIGN.md, "Excel output is safe to open").
 * A field holding a comma, semicolon (semicolon locales split on it), quote or line break is
 * quoted. Negative numbers are written by the number writer below, not as text, so they stay numbers.
 */
export function csvText(text: string): string {
  if (/^(?:[\t\r]|\s*[=+\-@＝＋－＠])/.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number as CSV: plain digits (no thousands separators), empty when missing. */
export function csvNumber(x: number | null | undefined, decimals?: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  return decimals === undefined ? String(x) : x.toFixed(decimals);
}

/** A whole CSV document: header line, then rows of fields already written by csvText / csvNumber. */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${[header.map(csvText).join(','), ...rows.map((row) => row.join(','))].join('\n')}\n`;
}
