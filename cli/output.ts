import { readFileSync } from 'node:fs';
import type { Currency } from '../messages/numbers.ts';

/** Exit codes of the `abs` command. */
export const EXIT_OK = 0;
export const EXIT_USER_ERROR = 1;
export const EXIT_INTERNAL_ERROR = 2;

/** A user mistake on the command line: one line on stderr, exit 1. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Renders `key: value` lines with aligned keys, for human output. */
export function formatFields(fields: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(0, ...fields.map(([key]) => key.length));
  return fields.map(([key, value]) => `${key.padEnd(width)}  ${value}`).join('\n');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** 1234567.8 → "1,234,567.80": money with cents, thousands separated. */
export function formatMoney(x: number): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/**
 * The unit an amount column's header states, as a table states a unit ("Balance (CNY)"): the
 * currency the deal file names (ISO 4217), or "deal currency" when it names none. The amounts stay
 * bare numbers under it.
 */
export function moneyUnit(currency: Currency | undefined): string {
  return currency ?? 'deal currency';
}

/** 0.0512 → "5.12%"; null → "—" (no value). */
export function formatPct(x: number | null, digits = 2): string {
  return x === null ? '—' : `${(x * 100).toFixed(digits)}%`;
}

/**
 * Whether a code point takes two columns of a terminal: the East Asian Wide and Fullwidth ranges of
 * Unicode's EastAsianWidth.txt (UAX #11) that a tape or a deal's names can hold — Hangul Jamo, CJK
 * radicals to Yi (the CJK ideographs, kana and CJK punctuation such as （ ） among them), Hangul
 * syllables, CJK compatibility ideographs and forms, fullwidth forms, and the supplementary
 * ideograph planes.
 */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** The columns a string takes in a terminal: 2 for each wide character (优先A is 5 columns, not 3). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

/** `text` padded with spaces to `width` terminal columns, on the right (`end`) or the left (`start`). */
function padTo(text: string, width: number, side: 'start' | 'end'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return side === 'end' ? text + fill : fill + text;
}

/**
 * Column widths for a text table and a row formatter: text columns (`left`) padded on the right,
 * figures on the left, two spaces between columns. Widths are terminal columns, so rows with Chinese
 * names line up with the others.
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], left: ReadonlySet<number> = new Set([0])): { widths: number[]; line: (cells: readonly string[]) => string } {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]): string => cells.map((c, i) => padTo(c, widths[i] ?? 0, left.has(i) ? 'end' : 'start')).join('  ');
  return { widths, line };
}

/** Reads a JSON file named on the command line; a missing or malformed file is a usage error naming it. */
export function readJsonFile(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${file}: ${(error as Error).message}`);
  }
}
