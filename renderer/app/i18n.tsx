/**
 * Message catalogues for the UI: every string a user reads comes from renderer/i18n/en.ts and its
 * translations (zh-CN.ts), looked up by key.
 *
 *   const t = useT();
 *   t('nav.deal')                                 // "Deal" / "交易"
 *   t('status.working', { calls: 'deal.run' })    // "Working: {calls}" → "Working: deal.run" / "处理中：deal.run"
 *
 * `{name}` in a message is replaced by params.name; numbers are formatted by the caller (format.ts),
 * so their unit and convention stay visible in code. Outside a component (an event handler's
 * notification, a helper) use `translate()`, which reads the same chosen language.
 */
import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { en, type MessageKey } from '../i18n/en.ts';
import { interpolate, type MessageParams } from '../../messages/say.ts';
import { catalogueOf } from './catalogues.ts';
import { language, type Language } from './language.ts';

export type { MessageKey } from '../i18n/en.ts';
export { interpolate } from '../../messages/say.ts';
export type { MessageParams } from '../../messages/say.ts';
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The language's translate function; English while its chunk is still loading (catalogues.ts), never a bare key. */
export function translator(lang: Language): Translate {
  return (key, params) => interpolate(catalogueOf(lang)[key], params, lang);
}

/** Whether a label is a catalogue key (an option list's words) rather than data (a note's id, say). */
export function isMessageKey(text: string): text is MessageKey {
  return Object.hasOwn(en, text);
}

/** The message in the chosen language, for code outside a component's render. */
export function translate(key: MessageKey, params?: MessageParams): string {
  return translator(language.get())(key, params);
}

interface I18n {
  readonly language: Language;
  readonly t: Translate;
}

const I18nContext = createContext<I18n>({ language: 'en', t: translator('en') });

/** Provides the chosen language to the tree; a switch re-renders every component that reads it. */
export function I18nProvider({ children }: { children: ReactNode }) {
  // The same snapshot on a server render (a test renders the editor in Chinese to markup).
  const lang = useSyncExternalStore(language.subscribe, language.get, language.get);
  const value = useMemo(() => ({ language: lang, t: translator(lang) }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The translate function of the chosen language: `const t = useT(); t('nav.tapes')`. */
export function useT(): Translate {
  return useContext(I18nContext).t;
}

export function useLanguage(): Language {
  return useContext(I18nContext).language;
}
