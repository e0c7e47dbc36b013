/**
 * Counts said with the plural their language has, by CLDR's plural rules (Intl.PluralRules):
 * English "1 cell", "0 cells", "1,200 cells"; Chinese has one form ("1 个单元格"). The one helper for
 * every count the app says — a job's progress (messages/progress.ts) and every catalogue message
 * that counts something, the screens' (renderer/i18n) and the coded messages' (messages-*.ts) alike.
 *
 * A message counts in ICU MessageFormat's plural, the subset the catalogues use:
 *   '{n, plural, one {# cell} other {# cells}}'
 * the categories `one` and `other` (English has no others; Chinese only `other`) and `=N` for an
 * exact count; `#` is the count as given (a number grouped as formatCount groups it, or the
 * caller's formatCount text). Inside a form, `{name}` placeholders are filled as everywhere.
 */
import { formatCount } from './numbers.ts';
import type { MessageLanguage } from './language.ts';

/** A message's parameters, as messages/say.ts takes them. */
type MessageParams = Readonly<Record<string, string | number>>;

export type PluralForm = 'one' | 'other';

const RULES: Readonly<Record<MessageLanguage, Intl.PluralRules>> = { en: new Intl.PluralRules('en-US'), 'zh-CN': new Intl.PluralRules('zh-CN') };

/** The form the language says `count` in: "one" for exactly 1 in English, "other" for anything else (and always in Chinese). */
export function pluralFormIn(language: MessageLanguage, count: number): PluralForm {
  return RULES[language].select(count) === 'one' ? 'one' : 'other';
}

/** One form's text: plain text and `{name}` placeholders, no other braces. */
const FORM_TEXT = String.raw`(?:[^{}]|\{\w+\})*`;
const FORM = String.raw`(=\d+|one|other)\s*\{(${FORM_TEXT})\}`;
const BLOCK = new RegExp(String.raw`\{(\w+), plural,((?:\s*(?:=\d+|one|other)\s*\{${FORM_TEXT}\})+)\s*\}`, 'g');

/** A count given as a number, or as formatCount's text ("1,200"). */
function countOf(value: string | number): number {
  return typeof value === 'number' ? value : Number(value.replace(/,/g, ''));
}

/**
 * Each `{name, plural, …}` of a message replaced by the form `params[name]` takes in the language,
 * `#` in it by the count; a block whose count is missing (or not a number) stays visible, as a
 * missing placeholder does (messages/say.ts interpolate).
 */
export function pluralsIn(template: string, params: MessageParams | undefined, language: MessageLanguage): string {
  if (!template.includes(', plural,')) return template;
  return template.replace(BLOCK, (whole, name: string, body: string) => {
    const value = params?.[name];
    if (value === undefined || !Number.isFinite(countOf(value))) return whole;
    const count = countOf(value);
    const forms = new Map([...body.matchAll(new RegExp(FORM, 'g'))].map((m) => [m[1] ?? '', m[2] ?? '']));
    const form = forms.get(`=${count}`) ?? forms.get(pluralFormIn(language, count)) ?? forms.get('other');
    if (form === undefined) return whole;
    return form.replace(/#/g, typeof value === 'number' ? formatCount(value) : value);
  });
}

/** The parameters a message names: its `{name}` placeholders and the counts of its plurals (the catalogues' tests compare them across languages). */
export function placeholdersOf(template: string): string[] {
  // A plural block names its count, and its forms' texts may name more; the braces around a form ("one {was}") are no placeholder.
  const flat = template.replace(BLOCK, (_whole, name: string, body: string) => `{${name}} ${[...body.matchAll(new RegExp(FORM, 'g'))].map((m) => m[2] ?? '').join(' ')}`);
  return [...new Set([...flat.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}
