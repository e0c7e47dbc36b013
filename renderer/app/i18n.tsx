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
import { zhCN } from '../i18n/zh-CN.ts';
import { interpolate, type MessageParams } from '../../messages/say.ts';
import { chooseLanguage, language, LANGUAGE_NAMES, LANGUAGES, type Language } from './language.ts';

export type { MessageKey } from '../i18n/en.ts';
export { interpolate } from '../../messages/say.ts';
export type { MessageParams } from '../../messages/say.ts';
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const CATALOGUES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { en, 'zh-CN': zhCN };

export function translator(lang: Language): Translate {
  const catalogue = CATALOGUES[lang];
  return (key, params) => interpolate(catalogue[key], params);
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
  const lang = useSyncExternalStore(language.subscribe, language.get);
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

/** English / 中文: each language named in itself, so a reader finds theirs whatever is shown. */
export function LanguageSwitch() {
  const { language: current, t } = useContext(I18nContext);
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((lang) => (
        <button key={lang} type="button" lang={lang} aria-pressed={lang === current} className={lang === current ? 'active' : undefined} onClick={() => chooseLanguage(lang)}>
          {LANGUAGE_NAMES[lang]}
        </button>
      ))}
    </div>
  );
}
