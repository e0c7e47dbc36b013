import { z } from 'zod';

/**
 * The fields a file's object may have, read from the file's schema (the one definition of the
 * format), for saying which field an unknown key was meant to be. Zod reports an unknown key with
 * the object's path but not the object's fields; this walks the schema down the same path, with
 * the file's own values choosing among a union's options (a coupon's `kind`, a waterfall step's).
 */

/** A schema without its optional, nullable or default wrapper. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
  return inner;
}

export function isRecordValue(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How well an object option fits a value: a literal it names (a `kind`) decides, then the keys they share. */
function fit(option: z.ZodObject, value: Record<string, unknown>): number {
  let score = 0;
  for (const [key, field] of Object.entries(option.shape)) {
    if (!Object.hasOwn(value, key)) continue;
    const inner = unwrapped(field as z.ZodType);
    score += inner instanceof z.ZodLiteral && inner.values.has(value[key] as never) ? 1000 : 1;
  }
  return score;
}

/** Which of a union's options the value is written for: the object option it fits best, the array option for an array; -1 when none. */
function optionIndex(union: z.ZodUnion, value: unknown): number {
  const options = (union.options as readonly z.ZodType[]).map((option) => optionFor(option, value));
  if (Array.isArray(value)) return options.findIndex((option) => option instanceof z.ZodArray);
  if (!isRecordValue(value)) return -1;
  let best = -1;
  let bestFit = -1;
  options.forEach((option, k) => {
    const score = option instanceof z.ZodObject ? fit(option, value) : -1;
    if (score > bestFit) [best, bestFit] = [k, score];
  });
  return best;
}

/** The schema that reads the value: a union's option it is written for (the union itself when none fits). */
function optionFor(schema: z.ZodType, value: unknown): z.ZodType {
  const inner = unwrapped(schema);
  if (!(inner instanceof z.ZodUnion)) return inner;
  const k = optionIndex(inner, value);
  return k < 0 ? inner : optionFor((inner.options as readonly z.ZodType[])[k] as z.ZodType, value);
}

/** The schema that reads the value at `path` of `input` (a union as such at the end), or null when the path leads elsewhere. */
function schemaAt(schema: z.ZodType, input: unknown, path: readonly PropertyKey[]): z.ZodType | null {
  let here = unwrapped(schema);
  let value = input;
  for (const key of path) {
    here = optionFor(here, value);
    if (here instanceof z.ZodObject && typeof key === 'string' && Object.hasOwn(here.shape, key)) here = here.shape[key] as z.ZodType;
    else if (here instanceof z.ZodArray && typeof key === 'number') here = here.element as z.ZodType;
    else if (here instanceof z.ZodRecord && typeof key === 'string') here = here.valueType as z.ZodType;
    else return null;
    here = unwrapped(here);
    value = Array.isArray(value) || isRecordValue(value) ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return here;
}

/** The object schema that reads the value at `path` of `input`, or null when the path leads elsewhere. */
export function objectSchemaAt(schema: z.ZodType, input: unknown, path: readonly PropertyKey[]): z.ZodObject | null {
  const here = schemaAt(schema, input, path);
  const read = here === null ? null : optionFor(here, valueAt(input, path));
  return read instanceof z.ZodObject ? read : null;
}

/** Which option of the union at `path` the file's value is written for (its position in the union), or null. */
export function unionOptionAt(schema: z.ZodType, input: unknown, path: readonly PropertyKey[]): number | null {
  const here = schemaAt(schema, input, path);
  if (!(here instanceof z.ZodUnion)) return null;
  const k = optionIndex(here, valueAt(input, path));
  return k < 0 ? null : k;
}

/** The value at a path of a file as written, or undefined. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/**
 * Optimal string alignment distance (Levenshtein with adjacent transpositions, Damerau 1964): the
 * edits a typed key is from a field, "coupn" → "coupon" 1, "closnig" → "closing" 1.
 */
export function typingDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_row, i) => Array.from({ length: b.length + 1 }, (_column, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (rows[i] ?? [])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The field a mistyped key most likely meant: the nearest by typing distance, ignoring case, within
 * a third of the key's length (at least one edit), else null. Fields the object already has are not
 * offered: the key is then something else, not a misspelling of them.
 */
export function closestField(key: string, fields: readonly string[]): string | null {
  const limit = Math.max(1, Math.floor(key.length / 3));
  let best: { field: string; distance: number } | null = null;
  for (const field of fields) {
    const distance = typingDistance(key.toLowerCase(), field.toLowerCase());
    if (distance <= limit && (best === null || distance < best.distance)) best = { field, distance };
  }
  return best?.field ?? null;
}
