/**
 * The UI's catalogues as far as they are loaded: English is part of the first screen; Chinese comes
 * in its own chunk (renderer/i18n/zh-CN-chunk.ts) the first time it is chosen. A language not yet
 * loaded reads English, so a lookup never hands back a bare key.
 */
import { en, type MessageKey } from '../i18n/en.ts';
import type { MessageLanguage as Language } from '../../messages/say.ts';

export type Catalogue = Readonly<Record<MessageKey, string>>;

const loaded: Partial<Record<Language, Catalogue>> = { en };

/** The language's catalogue, or English while it is still loading. */
export function catalogueOf(lang: Language): Catalogue {
  return loaded[lang] ?? en;
}

export function isCatalogueLoaded(lang: Language): boolean {
  return loaded[lang] !== undefined;
}

/** Fetches the language's chunk (once) and registers its catalogues, the UI's and the coded messages'. */
export async function loadCatalogue(lang: Language): Promise<void> {
  if (isCatalogueLoaded(lang)) return;
  const { zhCN } = await import('../i18n/zh-CN-chunk.ts');
  loaded['zh-CN'] = zhCN;
}
