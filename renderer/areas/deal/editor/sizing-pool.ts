import type { TapeRecord } from '../../../../service/api/contract.ts';
import { fieldsOf, type Json } from './draft.ts';
import { translate, type Translate } from '../../../app/i18n.tsx';
import { tapeName } from '../../../app/shipped-names.ts';

/** Σ of a list's numeric `key` fields (the pool lines' balances, the notes' sizes); text not yet a number counts 0. */
function sumOf(list: Json | undefined, key: string): number {
  return Array.isArray(list) ? list.reduce<number>((sum, item: Json) => sum + (typeof fieldsOf(item)[key] === 'number' ? (fieldsOf(item)[key] as number) : 0), 0) : 0;
}

/**
 * The pool balance a note's "% of pool" is of: the tape the deal runs on (its current balance), else
 * the deal's own pool lines, else the notes' total (the pool they were written for, docs/sizing.md);
 * its label said by `t` (the screen's, so a language switch says it again).
 */
export function sizingPool(deal: unknown, tape: TapeRecord | null, t: Translate = translate): { readonly balance: number; readonly label: string } {
  if (tape) return { balance: tape.currentBalance, label: t('deal.editor.theTape', { name: tapeName(tape) }) };
  const file = fieldsOf(deal as Json);
  const own = sumOf(fieldsOf(file['pool'])['lines'], 'balance');
  if (own > 0) return { balance: own, label: t('deal.editor.theDealSOwn') };
  return { balance: sumOf(file['notes'], 'originalBalance'), label: t('deal.editor.theNotesTotal') };
}
