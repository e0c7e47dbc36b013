import { INVESTOR_PACK_HASH } from '../../../../service/api/contract.ts';
import { LANGUAGES, type Language } from '../../../app/language.ts';

/**
 * The investor pack's address: `#/reports/pack?runs=3,4,7&lang=zh-CN` — the stored deal runs (and
 * breakevens) it presents, in the analyst's order, and the language it is written in (without
 * `lang`, the UI's). A plain address, so the browser's print view, a bookmark and Electron's hidden
 * print window all open the same page.
 */
export const PACK_SUB_ROUTE = INVESTOR_PACK_HASH.split('/').at(-1) ?? 'pack';

export function packHref(runIds: readonly number[], language?: Language): string {
  return `${INVESTOR_PACK_HASH}?runs=${runIds.join(',')}${language === undefined ? '' : `&lang=${language}`}`;
}

/** The language a pack address asks for; null when it names none (or one the app does not have): the UI's language then. */
export function packLanguage(hash: string): Language | null {
  const lang = new URLSearchParams(hash.split('?')[1] ?? '').get('lang');
  return LANGUAGES.find((known) => known === lang) ?? null;
}

/** The run ids of a pack address; an id that is not a positive whole number makes the address unusable (null). */
export function packRunIds(hash: string): number[] | null {
  const query = hash.split('?')[1] ?? '';
  const runs = new URLSearchParams(query).get('runs');
  if (runs === null || runs.trim() === '') return null;
  const ids = runs.split(',').map((part) => part.trim());
  if (!ids.every((id) => /^[1-9]\d{0,9}$/.test(id))) return null;
  return ids.map(Number);
}
