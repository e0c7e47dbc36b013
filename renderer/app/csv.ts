/**
 * CSV written in the renderer. Every field that a spreadsheet would read as a formula (it starts
 * with = + - @, a tab or a carriage return) is prefixed with ' — the OWASP guard against CSV
 * injection (DESIGN.md, "Excel output is safe to open"). Negative numbers are written by the
 * number writer below, not as text, so they stay numbers.
 */
export function csvText(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
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
