/**
 * How categorical cells are matched: one key per spelling (case, width, spaces and hyphens
 * ignored), and a per-parser cache because a category column holds a handful of distinct values.
 */
import type { Parsed } from './parsed.ts';
import { fold } from './scan.ts';

/** Lower-cased, full-width folded, without spaces, underscores and hyphens. */
export function categoryKey(s: string): string {
  const t = fold(s).toLowerCase();
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c !== 32 && c !== 95 && c !== 45 && c !== 0x3000) out += t[i];
  }
  return out;
}

export function keyTable<T extends string>(entries: Readonly<Record<T, readonly string[]>>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const value of Object.keys(entries) as T[]) {
    map.set(categoryKey(value), value);
    for (const name of entries[value]) map.set(categoryKey(name), value);
  }
  return map;
}

/**
 * Memoizes a categorical parser by raw cell text: category columns hold a handful of distinct
 * values over a million rows. Results are immutable; the cache is bounded.
 */
export function memoized<T>(parse: (s: string) => Parsed<T>): (text: string) => Parsed<T> {
  const cache = new Map<string, Parsed<T>>();
  return (text: string) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const result = Object.freeze(parse(text));
    if (cache.size >= 4096) cache.clear();
    cache.set(text, result);
    return result;
  };
}
