/**
 * A tranche row's coupon in a language. The service writes it in English with the run
 * (service/runs/tranches.ts couponLabel: "2.80% fixed", "index + 1.10% floating", "LPR1Y − 0.20%
 * floating", "none (residual)"), stored runs included: each shape is read back into its catalogue
 * entry with its rate and index kept as written. A coupon of no known shape is said as stored.
 * Pure, so the screens (renderer/areas/deal/coupon-label.ts), the Excel report and the `abs` command
 * say the same words.
 */
import { codedEntry, interpolate, type CodedMessageKey, type MessageLanguage, type MessageParams } from './say.ts';

function entry(language: MessageLanguage, key: CodedMessageKey, params?: MessageParams): string {
  return interpolate(codedEntry(language, key) ?? key, params, language);
}

export function couponIn(language: MessageLanguage, coupon: string): string {
  if (coupon === 'none (residual)') return entry(language, 'coupon.none');
  const fixed = /^(-?[\d.]+%) fixed$/.exec(coupon);
  if (fixed) return entry(language, 'coupon.fixed', { rate: fixed[1] ?? '' });
  const floating = /^(\S+) ([+−]) ([\d.]+%) floating$/.exec(coupon);
  if (floating) {
    const index = floating[1] === 'index' ? entry(language, 'coupon.index') : (floating[1] ?? '');
    return entry(language, 'coupon.floatingOn', { index, sign: floating[2] ?? '+', margin: floating[3] ?? '' });
  }
  return coupon;
}

/** The coupon as a title writes it in brackets after the note's name: the residual note's is "residual" (its label "none (residual)" would nest brackets). */
export function couponInTitleIn(language: MessageLanguage, coupon: string): string {
  return coupon === 'none (residual)' ? entry(language, 'deal.coupon.residual') : couponIn(language, coupon);
}
