/**
 * The screens' words for what the command prints (messages/: the catalogue the screens and the
 * Excel report say too), in English. Apart from output.ts, which every command loads at start, so
 * only the commands that print these load the catalogue.
 */
import { couponInTitleIn } from '../messages/coupon.ts';
import { denominatorIn } from '../messages/denominator.ts';

/**
 * What a cumulative default rate is divided by, in the screens' words (messages/denominator.ts):
 * initialPoolThenRevolvingEnd → "the cutoff pool while revolving, then the pool when revolving ended (NAFMII)".
 */
export function denominatorWords(name: string): string {
  return denominatorIn('en', name);
}

/** A note as a heading names it, its coupon in brackets in the screens' words: "Senior A (2.80% fixed)", "Subordinate (residual)". */
export function noteHeading(note: { readonly name: string; readonly coupon: string }): string {
  return `${note.name} (${couponInTitleIn('en', note.coupon)})`;
}
