import { readFileSync } from 'node:fs';

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

/** 0.0512 → "5.12%"; null → "—" (no value). */
export function formatPct(x: number | null, digits = 2): string {
  return x === null ? '—' : `${(x * 100).toFixed(digits)}%`;
}

/**
 * Column widths for a text table and a row formatter: text columns (`left`) padded on the right,
 * figures on the left, two spaces between columns.
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], left: ReadonlySet<number> = new Set([0])): { widths: number[]; line: (cells: readonly string[]) => string } {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (left.has(i) ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
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
