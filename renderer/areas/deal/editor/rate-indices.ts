import { fieldsOf, type DealDraft, type Json } from './draft.ts';

/**
 * The draft with the policy-rate table `from` renamed `to` (keeping the tables' order), and every
 * indexed coupon that read `from` reading `to`: one edit, so the deal stays whole and one Undo takes
 * both back. A name already taken is not merged: the record keeps one key, so the renamed table wins.
 */
export function renameRateIndex(draft: DealDraft, from: string, to: string): DealDraft {
  const tables = Object.entries(fieldsOf(draft['rateIndices']));
  const notes = Array.isArray(draft['notes']) ? (draft['notes'] as readonly Json[]) : [];
  const renamedNotes = notes.map((note) => {
    const coupon = fieldsOf(fieldsOf(note)['coupon']);
    return coupon['type'] === 'indexed' && coupon['index'] === from ? { ...fieldsOf(note), coupon: { ...coupon, index: to } } : note;
  });
  return { ...draft, rateIndices: Object.fromEntries(tables.map(([name, rows]) => [name === from ? to : name, rows])), notes: renamedNotes };
}
