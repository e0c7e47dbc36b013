/**
 * What a cumulative default rate is divided by, in words: the deal's analytics.cumulativeRatioDenominator
 * (initialPool, initialPoolPlusPurchases, initialPoolThenRevolvingEnd; docs/deals.md, Trigger
 * metrics) as the screens say it. Pure, so the screens and the `abs` command say the same words;
 * a name of no known denominator (a newer service) is said as given.
 */
import { codedEntry, type MessageLanguage } from './say.ts';

export function denominatorIn(language: MessageLanguage, name: string): string {
  return codedEntry(language, `common.denominator.${name}`) ?? name;
}
