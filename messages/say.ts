/**
 * Says a message the service or the engine sent by code (engine/messages.ts: `code`, `params`,
 * English `message`) in a language: the catalogue's `msg.<code>` filled with the params. Pure (no
 * React, DOM or Node), so the renderer (renderer/app/coded.ts) and the service's Excel report
 * (service/report) say the same words. A code the catalogues do not know (a newer service, a run
 * stored before the code existed) says the English message it came with.
 *
 * English is built in; another language's catalogue is registered when it is loaded (the service:
 * messages/all.ts at start; the renderer: its Chinese chunk when Chinese is chosen), so the first
 * screen does not carry a catalogue its reader may never see. Until then the language says English.
 */
import { messagesEn } from './messages-en.ts';
import { formatCount, formatYuan } from './numbers.ts';
import { pluralsIn } from './plural.ts';
import type { MessageLanguage } from './language.ts';

export type { MessageLanguage } from './language.ts';
export type CodedMessageKey = keyof typeof messagesEn;
export type MessageParams = Readonly<Record<string, string | number>>;
export type CodedCatalogue = Readonly<Record<CodedMessageKey, string>>;

/**
 * The language before the analyst chooses one, from a language tag (the browser's for the screens,
 * the system's for the desktop shell's menu): 'zh-CN' for any Chinese tag (zh, zh-CN, zh-Hans-CN,
 * zh-TW), else 'en'.
 */
export function languageOfTag(tag: string | null | undefined): MessageLanguage {
  return tag !== null && tag !== undefined && /^zh\b/i.test(tag) ? 'zh-CN' : 'en';
}

const CATALOGUES: Partial<Record<MessageLanguage, CodedCatalogue>> = { en: messagesEn };

/** Makes a language's catalogue available to say (sayCodedIn and the rest) from now on. */
export function registerCatalogue(language: MessageLanguage, catalogue: CodedCatalogue): void {
  CATALOGUES[language] = catalogue;
}

/** A message as the API carries it; a stored result from before codes carries only `message`. */
export interface CodedText {
  readonly code?: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly message: string;
}

/**
 * Fills `{name}` placeholders, and says each count `{n, plural, one {# cell} other {# cells}}` in
 * the form the language's plural rule picks (messages/plural.ts); a placeholder without its
 * parameter stays visible (a bug to see, not hide).
 */
export function interpolate(template: string, params: MessageParams | undefined, language: MessageLanguage = 'en'): string {
  if (!params) return template;
  return pluralsIn(template, params, language).replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

export function isCodedMessageKey(key: string): key is CodedMessageKey {
  return Object.hasOwn(messagesEn, key);
}

/** The catalogue's entry in the language (English while its catalogue is not registered), or null when this build has no such key. */
export function codedEntry(language: MessageLanguage, key: string): string | null {
  return isCodedMessageKey(key) ? (CATALOGUES[language] ?? messagesEn)[key] : null;
}

/** A loan tape's field (data/tape/fields.ts) by its label in the language; an unknown name as sent. */
export function tapeFieldLabelIn(language: MessageLanguage, field: string): string {
  return codedEntry(language, `tapeField.${field}`) ?? field;
}

/** Items of a list as the language writes them: "a, b" / "a、b". */
export function listIn(language: MessageLanguage, items: readonly string[]): string {
  return items.join(language === 'zh-CN' ? '、' : ', ');
}

/** How a caller writes what the catalogue cannot know: money (the screens: ¥, 2 decimals; the Excel report: the deal's currency, 2 decimals, no sign). */
export interface SayOptions {
  readonly money?: (amount: number) => string;
}

function isCodedText(value: unknown): value is CodedText {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

/**
 * A param as said: a number named `…Amount` is money (¥, 2 decimals, grouped), any other number a
 * count (grouped, decimals kept) but an `…Id` as written; a `…Field` is a canonical tape field and
 * `…Fields` lists them comma-separated, said by their labels ("Current principal", not currentPrincipal); a coded message said in the language; other text (an id,
 * an ISO date — the app's one date form) as sent.
 */
function shown(language: MessageLanguage, name: string, value: unknown, options: SayOptions): string | number {
  if (isCodedText(value)) return sayCodedIn(language, value, options); // a message inside a message (a run name's pool, a reader's reason)
  if (typeof value === 'string' && name.endsWith('Field')) return tapeFieldLabelIn(language, value);
  if (typeof value === 'string' && name.endsWith('Fields'))
    return listIn(
      language,
      value.split(',').map((field) => tapeFieldLabelIn(language, field)),
    );
  if (typeof value === 'number') {
    if (name.endsWith('Amount')) return (options.money ?? formatYuan)(value);
    if (name === 'id' || name.endsWith('Id')) return String(value); // an id is a name, not a quantity: never grouped
    return Number.isInteger(value) ? formatCount(value) : String(value);
  }
  return typeof value === 'string' ? value : String(value);
}

/** The message in the language, or its English when its code is not in the catalogues. */
export function sayCodedIn(language: MessageLanguage, text: CodedText, options: SayOptions = {}): string {
  const template = text.code === undefined ? null : codedEntry(language, `msg.${text.code}`);
  if (template === null) return text.message;
  const params: MessageParams = Object.fromEntries(Object.entries(text.params ?? {}).map(([name, value]) => [name, shown(language, name, value, options)]));
  return interpolate(template, params, language);
}

/** A result's warnings in the language: by code when the service gave codes, else its English (a run stored before codes). */
export function warningsIn(language: MessageLanguage, result: { readonly warnings: readonly string[]; readonly codedWarnings?: readonly CodedText[] }, options: SayOptions = {}): string[] {
  return result.codedWarnings ? result.codedWarnings.map((w) => sayCodedIn(language, w, options)) : [...result.warnings];
}

/** A run's name in the language: its generated name by code (`nameCoded`), else as stored — a typed or renamed name stays as typed. */
export function runNameIn(language: MessageLanguage, run: { readonly name: string; readonly nameCoded?: CodedText | null }, options: SayOptions = {}): string {
  return run.nameCoded ? sayCodedIn(language, run.nameCoded, options) : run.name;
}
