import { reportError } from './context.tsx';
import { useLanguage, useT } from './i18n.tsx';
import { chooseLanguage, LANGUAGE_NAMES, LANGUAGES } from './language.ts';

/**
 * English / 中文: each language named in itself, so a reader finds theirs whatever is shown. Chinese
 * is its own chunk (catalogues.ts): the page switches when it has arrived, and says so if it cannot.
 */
export function LanguageSwitch() {
  const current = useLanguage();
  const t = useT();
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-pressed={lang === current}
          className={lang === current ? 'active' : undefined}
          onClick={() => void chooseLanguage(lang).catch((error: unknown) => reportError(t('app.languageNotLoaded'), error))}
        >
          {LANGUAGE_NAMES[lang]}
        </button>
      ))}
    </div>
  );
}
