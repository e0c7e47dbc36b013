/**
 * Messages the service and engine send as data (engine/messages.ts: `code`, `params`, English
 * `message`), said in the user's language: the catalogue's `msg.<code>` filled with the params,
 * amounts formatted as the app shows money. A code this build's catalogues do not know (a newer
 * service, a run stored before the code existed) shows the English message the service sent.
 */
import { isMessageKey, translate, type MessageParams } from './i18n.tsx';
import { formatCount, formatYuan } from './format.ts';
import { language } from './language.ts';

/** A message as the API carries it; a stored result from before codes carries only `message`. */
export interface CodedText {
  readonly code?: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly message: string;
}

/** A loan tape's field (data/tape/fields.ts) by its label in the chosen language; an unknown name as sent. */
export function tapeFieldLabel(field: string): string {
  const key = `tapeField.${field}`;
  return isMessageKey(key) ? translate(key) : field;
}

/** What a tape field holds, in the chosen language (the import's mapping shows it on hover). */
export function tapeFieldHelp(field: string, english: string): string {
  const key = `tapeField.${field}.help`;
  return isMessageKey(key) ? translate(key) : english;
}

/** Items of a list as the language writes them: "a, b" / "a、b". */
function listOf(items: readonly string[]): string {
  return items.join(language.get() === 'zh-CN' ? '、' : ', ');
}

/**
 * A param as shown: a number named `…Amount` is money (¥, 2 decimals, grouped), any other number
 * a count (grouped, decimals kept) but an `…Id` as written; `…Fields` lists tape fields by name, comma-separated, shown by
 * their labels; a coded message said in the language; other text (an id, an ISO date — the app's one date form) as sent.
 */
function shown(name: string, value: unknown): string | number {
  if (isCodedText(value)) return sayCoded(value); // a message inside a message (a run name's pool, a reader's reason)
  if (typeof value === 'string' && name.endsWith('Fields')) return listOf(value.split(',').map(tapeFieldLabel));
  if (typeof value === 'number') {
    if (name.endsWith('Amount')) return formatYuan(value);
    if (name === 'id' || name.endsWith('Id')) return String(value); // an id is a name, not a quantity: never grouped
    return Number.isInteger(value) ? formatCount(value) : String(value);
  }
  return typeof value === 'string' ? value : String(value);
}

function isCodedText(value: unknown): value is CodedText {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

/** The message in the chosen language, or its English when its code is not in the catalogues. */
export function sayCoded(text: CodedText): string {
  const key = text.code === undefined ? null : `msg.${text.code}`;
  if (key === null || !isMessageKey(key)) return text.message;
  const params: MessageParams = Object.fromEntries(Object.entries(text.params ?? {}).map(([name, value]) => [name, shown(name, value)]));
  return translate(key, params);
}

/** Whether the catalogues say this message in the chosen language (else it shows the service's English). */
export function isKnownCode(text: CodedText): boolean {
  return text.code !== undefined && isMessageKey(`msg.${text.code}`);
}

/** A result's warnings in the chosen language: by code when the service gave codes, else its English (a run stored before codes). */
export function warningTexts(result: { readonly warnings: readonly string[]; readonly codedWarnings?: readonly CodedText[] }): string[] {
  return result.codedWarnings ? result.codedWarnings.map(sayCoded) : [...result.warnings];
}

/** An API error's message in the chosen language: by its coded message when the service gave one (details.messageCode, data/errors.ts codedError), else as sent. */
export function sayApiError(error: { readonly message: string; readonly details?: Readonly<Record<string, unknown>> }): string {
  const code = error.details?.['messageCode'];
  const params = error.details?.['messageParams'];
  if (typeof code !== 'string') return error.message;
  return sayCoded({ code, params: typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {}, message: error.message });
}
