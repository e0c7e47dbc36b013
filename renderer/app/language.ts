/**
 * The UI's language: the user's choice (kept in localStorage), else the browser's language.
 * Module state rather than React state so plain formatters (axis-format.ts, format.ts) read the same
 * language as the components; i18n.tsx subscribes React to it.
 */
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

/** Switches the UI's language and remembers it for the next start. */
export function chooseLanguage(next: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // not remembered, still switched
  }
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  language.set(next);
}

/**
 * Shows the page in `next` without remembering it (the investor pack's `lang=`, a document in a
 * language of its own); returns the function that puts the language shown before back.
 */
export function showLanguageFor(next: Language): () => void {
  const before = language.get();
  if (before === next) return () => undefined;
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  language.set(next);
  return () => {
    if (typeof document !== 'undefined') document.documentElement.lang = before;
    language.set(before);
  };
}
