/**
 * The deal being edited, as a JSON value: the deal file's own shape (docs/deals.md), so the service's
 * check (deal.validate) reads it as it is and reports each problem at the JSON path of the value at
 * fault. A field the analyst typed something unreadable into holds that text, as typed: the check
 * then names the field, and the text stays on screen to be corrected.
 */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };
export type DealDraft = { readonly [key: string]: Json };

/** A place in the draft: object keys and list indexes, e.g. ['notes', 0, 'coupon', 'rate']. */
export type FieldPath = readonly (string | number)[];

/** ['notes', 0, 'coupon'] → "$.notes[0].coupon", the service's spelling of a path. */
export function jsonPath(path: FieldPath): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${key}`), '$');
}

/** A JSON object (not a list, not null). */
export function isRecord(value: Json | undefined): value is { readonly [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value's fields, or none when it is not an object. */
export function fieldsOf(value: Json | undefined): { readonly [key: string]: Json } {
  return isRecord(value) ? value : {};
}

/** A value as a caption (an id, a period number), or the fallback when it is neither text nor a number. */
export function labelOf(value: Json | undefined, fallback: string): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;
}

/** The value at a path, or undefined when any step of it is missing. */
export function getAt(draft: Json, path: FieldPath): Json | undefined {
  let value: Json | undefined = draft;
  for (const key of path) {
    if (typeof key === 'number') value = Array.isArray(value) ? (value as readonly Json[])[key] : undefined;
    else value = isRecord(value) ? value[key] : undefined;
    if (value === undefined) return undefined;
  }
  return value;
}

/**
 * A copy of the draft with the value at the path replaced (created along the way: objects for a
 * key, lists for an index); `undefined` removes an object's key (an optional field left blank), so a
 * field cleared by the analyst is absent from the file, not null.
 */
export function setAt(draft: Json | undefined, path: FieldPath, value: Json | undefined): Json | undefined {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  if (typeof key === 'number') {
    const list = Array.isArray(draft) ? [...(draft as readonly Json[])] : [];
    const next = setAt(list[key], rest, value);
    if (next === undefined) list.splice(key, 1);
    else list[key] = next;
    return list;
  }
  const record: { [key: string]: Json } = isRecord(draft) ? { ...draft } : {};
  const next = setAt(record[key], rest, value);
  if (next === undefined) {
    // Rebuilt without the key rather than `delete`, so the other keys keep their order.
    return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
  }
  record[key] = next;
  return record;
}

/** The objects of a deal file that are not optional (engine/deal/schema.ts): the dates, the waterfall, a note's coupon, a fee's basis, the reserve's target. */
export const REQUIRED_OBJECTS: ReadonlySet<string> = new Set(['dates', 'waterfall', 'coupon', 'basis', 'target']);

/**
 * setAt on the whole draft (the root is always an object). A field cleared (undefined) that leaves its
 * object empty removes the object too, up the path (`analytics: {}` after its WAL basis is cleared,
 * `principalCovers: {}` after its last box is unticked), so clearing what was added gives back the
 * file as it was. The objects a deal file requires (REQUIRED_OBJECTS) stay, for the check to name
 * their missing fields.
 */
export function setField(draft: DealDraft, path: FieldPath, value: Json | undefined): DealDraft {
  let next = setAt(draft, path, value);
  if (value === undefined) {
    for (let end = path.length - 1; end > 0; end -= 1) {
      const parent = path.slice(0, end);
      const left = getAt(next ?? {}, parent);
      const key = parent.at(-1);
      if (!isRecord(left) || Object.keys(left).length > 0 || typeof key === 'number' || REQUIRED_OBJECTS.has(key ?? '')) break;
      next = setAt(next, parent, undefined);
    }
  }
  return isRecord(next) ? next : draft;
}

/** The deal file as the editor starts from it: its JSON, deep-copied (JSON has no undefined, dates or functions to lose). */
export function draftOfFile(file: unknown): DealDraft {
  const copy: unknown = JSON.parse(JSON.stringify(file ?? {}));
  return isRecord(copy as Json) ? (copy as DealDraft) : {};
}

/** The draft as the file it saves: pretty-printed JSON, ending with a newline like the shipped templates. */
export function fileTextOf(draft: DealDraft): string {
  return `${JSON.stringify(draft, null, 2)}\n`;
}
