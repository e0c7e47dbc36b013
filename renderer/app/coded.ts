/**
 * Messages the service and engine send as data (engine/messages.ts: `code`, `params`, English
 * `message`), said in the user's language: the catalogue's `msg.<code>` filled with the params,
 * amounts formatted as the app shows money (said by messages/say.ts, which the Excel report shares). A code this build's catalogues do not know (a newer
 * service, a run stored before the code existed) shows the English message the service sent.
 */
import { isMessageKey, translate } from './i18n.tsx';
import { language } from './language.ts';
import { sayCodedIn, tapeFieldLabelIn, warningsIn, type CodedText } from '../../messages/say.ts';

export type { CodedText } from '../../messages/say.ts';

/** A loan tape's field (data/tape/fields.ts) by its label in the chosen language; an unknown name as sent. */
export function tapeFieldLabel(field: string): string {
  return tapeFieldLabelIn(language.get(), field);
}

/** What a tape field holds, in the chosen language (the import's mapping shows it on hover). */
export function tapeFieldHelp(field: string, english: string): string {
  const key = `tapeField.${field}.help`;
  return isMessageKey(key) ? translate(key) : english;
}

/** The message in the chosen language, or its English when its code is not in the catalogues (messages/say.ts). */
export function sayCoded(text: CodedText): string {
  return sayCodedIn(language.get(), text);
}

/** Whether the catalogues say this message in the chosen language (else it shows the service's English). */
export function isKnownCode(text: CodedText): boolean {
  return text.code !== undefined && isMessageKey(`msg.${text.code}`);
}

/**
 * A result's warnings in the chosen language: by code when the service gave codes, else its English (a run stored before codes);
 * `money` writes their amounts (a deal run's in its deal's currency; by default ¥, as messages/say.ts does).
 */
export function warningTexts(result: { readonly warnings: readonly string[]; readonly codedWarnings?: readonly CodedText[] }, money?: (amount: number) => string): string[] {
  return warningsIn(language.get(), result, money === undefined ? {} : { money });
}

/** An API error's message in the chosen language: by its coded message when the service gave one (details.messageCode, data/errors.ts codedError), else as sent. */
export function sayApiError(error: { readonly message: string; readonly details?: Readonly<Record<string, unknown>> }): string {
  const code = error.details?.['messageCode'];
  const params = error.details?.['messageParams'];
  if (typeof code !== 'string') return error.message;
  return sayCoded({ code, params: typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {}, message: error.message });
}
