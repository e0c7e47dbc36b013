/**
 * A job's progress count in words, with the plural its language has (CLDR plural rules through
 * Intl.PluralRules: English "1 scenario", "7 scenarios"; Chinese has one form, "7 个情景"). The unit
 * is what the service counts (service/api/contract.ts ProgressUnit); the words are the catalogue's
 * `progress.<unit>.<one|other>`. Pure, so the screens' progress bar and the `abs` command say the
 * same; a unit this build does not know (a newer service) is said as sent.
 */
import { formatCount } from './numbers.ts';
import { pluralFormIn } from './plural.ts';
import { codedEntry, interpolate, type MessageLanguage } from './say.ts';

/** `count` of `unit` in the language: "1 row", "1,200 rows", "1,200 行". */
export function progressCountIn(language: MessageLanguage, unit: string, count: number): string {
  const form = pluralFormIn(language, count);
  const template = codedEntry(language, `progress.${unit}.${form}`);
  return template === null ? `${formatCount(count)} ${unit}` : interpolate(template, { count: formatCount(count) });
}

/** A job's progress as counted and, when the job knows it, its rate: "1,200 rows · 350,000 rows/s", "1,200 行 · 每秒 350,000 行". */
export function progressCountsIn(language: MessageLanguage, progress: { readonly done: number; readonly unit: string; readonly rate: number | null }): string {
  const done = progressCountIn(language, progress.unit, progress.done);
  if (!progress.rate) return done;
  const perSecond = codedEntry(language, 'progress.perSecond') ?? '{count}/s';
  return `${done} · ${interpolate(perSecond, { count: progressCountIn(language, progress.unit, Math.round(progress.rate)) })}`;
}
