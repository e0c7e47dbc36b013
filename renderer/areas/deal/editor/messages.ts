import type { FileIssue } from '../../../app/issues.ts';
import { isKnownCode, sayCoded } from '../../../app/coded.ts';
import type { NumberKind } from './numbers.ts';
import { translate, type MessageKey } from '../../../app/i18n.tsx';

/** What a field holds, for saying in plain words what it needs. */
export type FieldKind = NumberKind | 'date' | 'text' | 'id' | 'choice' | 'list';

const NEEDS: Readonly<Record<FieldKind, MessageKey>> = {
  percent: 'editor.need.percent',
  money: 'editor.need.money',
  whole: 'editor.need.whole',
  plain: 'editor.need.plain',
  date: 'editor.need.date',
  text: 'editor.need.text',
  id: 'editor.need.id',
  choice: 'editor.need.choice',
  list: 'editor.need.list',
};

/** What the field needs, as a sentence. */
const need = (kind: FieldKind): string => `${translate(NEEDS[kind])}${translate('editor.sentenceEnd')}`;

/** A bound as the field shows it: a percentage field's 1 is "100%". */
function bound(x: number, kind: FieldKind): string {
  return kind === 'percent' ? `${Number((x * 100).toPrecision(12))}%` : x.toLocaleString('en-US');
}

/** Zod's range messages ("Too big: expected number to be <=1") in words, for the field's kind. */
function rangeWords(message: string, kind: FieldKind): string | null {
  const m = /^Too (small|big): expected number to be ([<>]=?)(-?[\d.e+-]+)/.exec(message);
  if (!m) return null;
  const limit = Number(m[3]);
  if (kind === 'percent') {
    // Every percentage of a deal file lies in 0–100 % (a margin or fixing from −100 %): say the whole range.
    if (m[1] === 'big' || limit === 0) return limit === 0 && m[2] === '>' ? translate('editor.range.percentAboveZero') : translate('editor.range.percentBetween', { low: limit < 0 ? '-100%' : '0%' });
    return translate('editor.range.percentAtLeast', { limit: bound(limit, kind) });
  }
  const noun = translate(kind === 'money' ? 'editor.noun.money' : kind === 'whole' ? 'editor.noun.whole' : 'editor.noun.plain');
  const words = { noun, limit: bound(limit, kind) };
  if (m[2] === '>') return translate('editor.range.above', words);
  if (m[2] === '>=') return translate('editor.range.atLeast', words);
  if (m[2] === '<') return translate('editor.range.below', words);
  return translate('editor.range.atMost', words);
}

/**
 * A deal rule's field names in words: "toPeriod" → "to period", "revolving.profile" → "revolving
 * profile" (a rule names the field it is about; the analyst reads its label, not its key).
 */
function fieldWords(text: string): string {
  return text.replace(/\b([a-z]+)\.([a-z][A-Za-z]*)\b/g, '$1 $2').replace(/\b[a-z]+(?:[A-Z][a-z0-9]*)+\b/g, (name) => name.replace(/([A-Z])/g, ' $1').toLowerCase());
}

/** "first payment date must be after closing" → "First payment date must be after closing." */
function sentence(text: string): string {
  const trimmed = fieldWords(text.trim());
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * The service's message about a field (zod's wording for a shape problem, engine/deal/validate.ts's
 * rule for one that spans fields) in plain words for the analyst, given what the field holds. A deal
 * rule comes with its code and is said from the catalogue in the chosen language; zod's generic
 * wording is replaced.
 */
export function plainMessage(issue: FileIssue, kind: FieldKind): string {
  if (isKnownCode(issue)) return sayCoded(issue);
  const { message } = issue;
  const range = rangeWords(message, kind);
  if (range) return `${range}${translate('editor.sentenceEnd')}`;
  if (message.includes('expected number')) return need(kind);
  if (/expected a date YYYY-MM-DD|not a calendar date/.test(message)) return message.includes('calendar') ? translate('editor.notACalendarDate') : need('date');
  if (/must be a whole number/.test(message)) return sentence(message.replace(/^\S+ must be /, 'Enter '));
  if (message.startsWith('Too small: expected string')) return kind === 'id' ? translate('editor.idBlank') : translate('editor.blank');
  if (message.startsWith('Too small: expected array')) return translate('editor.chooseAtLeastOne');
  if (message.startsWith('Too big: expected string')) return translate('editor.tooLong');
  if (/^Invalid (option|discriminator)/.test(message)) return need('choice');
  if (message.startsWith('Invalid input')) return need(kind);
  return sentence(message);
}

/** The issues of the service's check by JSON path ("$.notes[0].coupon.rate"), for each field to find its own. */
export function issuesByPath(issues: readonly FileIssue[]): ReadonlyMap<string, readonly FileIssue[]> {
  const byPath = new Map<string, FileIssue[]>();
  for (const issue of issues) byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), issue]);
  return byPath;
}

/** The kind of the field at a JSON path, by its last key: for a problem listed away from its field (the summary above the editor). */
export function kindOfPath(path: string): FieldKind {
  const key = /(\w+)(\[\d+\])?$/.exec(path)?.[1] ?? '';
  if (
    /^(rate|rateAnnual|percent|margin|floor|cap|poolFactor|excessSpreadShare|minRate|ocPercent|ocInitialPercent|ocFloor|index|threshold|warning|hurdleRate|noteShare|thereafterNoteShare|requiredRate)$/.test(
      key,
    )
  )
    return 'percent';
  if (/^(originalBalance|amount|initialDeposit|purchaseCap|capPerPaymentDate|atCutoff|byPeriod|balance|faceUnit)$/.test(key)) return 'money';
  if (/^(cutoff|closing|firstPaymentDate|legalFinalMaturity|settlementDate|expectedMaturity|effective|date)$/.test(key)) return 'date';
  if (
    /^(seniority|periods?|fromPeriod|toPeriod|originalTerm|remainingTerm|maxRemainingTerm|averageOver|consecutivePeriods|paymentFrequencyMonths|firstPeriodCollectionMonths|firstPeriodDays|everyPeriods)$/.test(
      key,
    )
  )
    return 'whole';
  if (key === 'id') return 'id';
  return 'choice';
}
