/**
 * The UI's language: the user's choice (kept in localStorage), else the browser's language.
 * Module state rather than React state so plain formatters (axis-format.ts, format.ts) read the same
 * language as the components; i18n.tsx subscribes React to it.
 */
import { languageOfTag } from '../../messages/say.ts';
import { isCatalogueLoaded, loadCatalogue } from './catalogues.ts';
import { Store } from './store.ts';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language in its own words (endonyms), as language pickers show them. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', 'zh-CN': '中文' };

const STORAGE_KEY = 'abs.language';

/** 'zh-CN' for any Chinese language tag (zh, zh-CN, zh-Hans-CN, zh-TW), else 'en' (the desktop shell's menu starts by the same rule). */
export const languageOf: (tag: string | null | undefined) => Language = languageOfTag;

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

/** The language the page shows now (a document may show one of its own for a while: showLanguageFor). */
export const language = new Store<Language>(initialLanguage());

/**
 * The language the analyst chose (or the default before any choice): what the desktop shell's menu
 * and dialogs speak (app/desktop-shell.ts). Not moved by showLanguageFor: a Chinese investor pack
 * previewed in an English session leaves the menu English.
 */
export const chosenLanguage = new Store<Language>(language.get());

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
  chosenLanguage.set(next);
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
