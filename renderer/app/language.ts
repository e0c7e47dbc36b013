/**
 * The UI's language: the user's choice (kept in localStorage), else the browser's language.
 * Module state rather than React state so plain formatters (axis-format.ts, format.ts) read the same
 * language as the components; i18n.tsx subscribes React to it.
 */
import { isCatalogueLoaded, loadCatalogue } from './catalogues.ts';
import { Store } from './store.ts';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language in its own words (endonyms), as language pickers show them. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', 'zh-CN': '中文' };

const STORAGE_KEY = 'abs.language';

/** 'zh-CN' for any Chinese language tag (zh, zh-CN, zh-Hans-CN, zh-TW), else 'en'. */
export function languageOf(tag: string | null | undefined): Language {
  return tag !== null && tag !== undefined && /^zh\b/i.test(tag) ? 'zh-CN' : 'en';
}

function stored(): Language | null {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
    return LANGUAGES.find((language) => language === value) ?? null;
  } catch {
    return null; // storage refused (a sandboxed page): the browser's language decides
  }
}

function initialLanguage(): Language {
  return stored() ?? languageOf(typeof navigator === 'undefined' ? undefined : navigator.language);
}

export const language = new Store<Language>(initialLanguage());

function show(next: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  language.set(next);
}

let chosen: Language | null = null;

/**
 * Switches the UI's language and remembers it for the next start, once its catalogue is loaded
 * (Chinese is a chunk of its own): the page never shows a language half-loaded. At once (in this
 * call) when it is loaded; a later choice made while a chunk loads wins over the earlier one.
 */
export async function chooseLanguage(next: Language): Promise<void> {
  chosen = next;
  if (!isCatalogueLoaded(next)) await loadCatalogue(next);
  if (chosen !== next) return;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // not remembered, still switched
  }
  show(next);
}

/**
 * Shows the page in `next` without remembering it (the investor pack's `lang=`, a document in a
 * language of its own) — at once when its catalogue is loaded, else when its chunk arrives; returns
 * the function that puts the language shown before back (and cancels a switch still loading).
 * `onError` hears a chunk that could not be fetched (the page stays in its language).
 */
export function showLanguageFor(next: Language, onError: (error: unknown) => void = () => undefined): () => void {
  const before = language.get();
  if (before === next) return () => undefined;
  let state: 'loading' | 'shown' | 'undone' = 'loading';
  const switchNow = (): void => {
    if (state !== 'loading') return;
    state = 'shown';
    show(next);
  };
  if (isCatalogueLoaded(next)) switchNow();
  else loadCatalogue(next).then(switchNow, onError);
  return () => {
    if (state === 'shown') show(before);
    state = 'undone';
  };
}
