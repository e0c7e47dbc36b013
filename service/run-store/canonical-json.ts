import { createHash } from 'node:crypto';

/**
 * JSON with every object's keys in code-unit order at every depth (RFC 8785's key order; numbers
 * and strings as JSON.stringify writes them), so the same inputs give the same text whatever
 * order a file or a client wrote their keys in. Properties whose value is undefined are left out,
 * as JSON.stringify leaves them out.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeys(item)));
  if (value === null || typeof value !== 'object') return value;
  // fromEntries defines own properties, so a key such as "__proto__" stays data, never a prototype.
  const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, item]) => [key, sortKeys(item)]));
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
