import { fieldsOf, type DealDraft, type Json } from './draft.ts';

/** A copy of the list with the item at `index` moved by `by` places (−1 = up); unchanged at either end. */
export function moveItem<T>(list: readonly T[], index: number, by: number): readonly T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item as T);
  return next;
}

export function removeItem<T>(list: readonly T[], index: number): readonly T[] {
  return list.filter((_, k) => k !== index);
}

/** The item inserted before `index` (at the end when index ≥ the length). */
export function insertItem<T>(list: readonly T[], index: number, item: T): readonly T[] {
  const next = [...list];
  next.splice(Math.min(Math.max(index, 0), next.length), 0, item);
  return next;
}

/** The draft's list at a top-level key (notes, fees, triggers), [] when it has none or it is not a list. */
export function listOf(draft: DealDraft, key: string): readonly Json[] {
  const value = draft[key];
  return Array.isArray(value) ? (value as readonly Json[]) : [];
}

/** The ids of a list of objects with an `id` (the notes, fees or triggers a step or trigger can name). */
export function idsOf(list: readonly Json[]): string[] {
  return list.flatMap((item) => {
    const id = fieldsOf(item)['id'];
    return typeof id === 'string' ? [id] : [];
  });
}

/** The first of prefix1, prefix2, … not yet taken: a new note, fee or trigger gets an id unique in its list. */
export function freshId(prefix: string, taken: readonly string[]): string {
  for (let k = 1; ; k += 1) if (!taken.includes(`${prefix}${k}`)) return `${prefix}${k}`;
}

/** The step kinds of a priority of payments (engine/deal/schema.ts `step`), as the editor offers them. */
export const STEP_KINDS = ['fee', 'interest', 'reserveTopUp', 'principal', 'pdlCure', 'repayPrincipalCover', 'periodicReturn', 'excessServicing', 'turbo', 'residual'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** A new step of a kind, naming the deal's first fee or its most senior note so it is complete as added. */
export function newStep(kind: StepKind, draft: DealDraft): Json {
  const notes = notesBySeniority(draft);
  if (kind === 'fee') return { kind, fee: idsOf(listOf(draft, 'fees'))[0] ?? '' };
  if (kind === 'interest') return { kind, notes: notes.slice(0, 1) };
  if (kind === 'principal') return { kind, rule: 'sequential' };
  if (kind === 'residual') return { kind, to: notes.at(-1) ?? 'seller' };
  // The subordinate (most junior) note's return while the senior notes are outstanding.
  if (kind === 'periodicReturn') return { kind, note: notes.at(-1) ?? '', rateAnnual: 0, whileOutstanding: notes.slice(0, 1) };
  if (kind === 'excessServicing') return { kind, note: notes.at(-1) ?? '', tiers: [{ hurdleRate: 0, noteShare: 1 }] };
  return { kind };
}

/** The note ids, most senior first (rank 1 first; list order within a rank). */
export function notesBySeniority(draft: DealDraft): string[] {
  const ranked = listOf(draft, 'notes').flatMap((item) => {
    const { id, seniority } = fieldsOf(item);
    return typeof id === 'string' ? [{ id, rank: typeof seniority === 'number' ? seniority : Number.POSITIVE_INFINITY }] : [];
  });
  return ranked
    .map((n, k) => ({ ...n, k }))
    .sort((a, b) => a.rank - b.rank || a.k - b.k)
    .map((n) => n.id);
}

/** A new note, junior to every other: fixed coupon, no balance yet. */
export function newNote(draft: DealDraft): Json {
  const notes = listOf(draft, 'notes');
  const ranks = notes.map((n) => {
    const { seniority } = fieldsOf(n);
    return typeof seniority === 'number' ? seniority : 0;
  });
  return { id: freshId('N', idsOf(notes)), seniority: Math.max(0, ...ranks) + 1, originalBalance: 0, coupon: { type: 'fixed', rate: 0 }, dayCount: 'ACT/365' };
}

/** A new fee: a fixed amount each period, to be filled in. */
export function newFee(draft: DealDraft): Json {
  return { id: freshId('fee', idsOf(listOf(draft, 'fees'))), basis: { type: 'fixed', amount: 0 } };
}

/** A new trigger: cumulative default rate above 5 % switches principal to sequential. */
export function newTrigger(draft: DealDraft): Json {
  return { id: freshId('trigger', idsOf(listOf(draft, 'triggers'))), metric: 'cumulativeDefaultRate', breachedWhen: '>', threshold: 0.05, effects: ['sequential'] };
}

/** A new purchase line of the revolving profile: a 12-month level-payment loan. */
export const NEW_PURCHASE_LINE: Json = { amortization: 'level_payment', rate: 0.18, originalTerm: 12, share: 1 };
