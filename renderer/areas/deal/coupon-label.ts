import { translate } from '../../app/i18n.tsx';

const RESIDUAL = 'none (residual)';

/**
 * A tranche row's coupon in the shown language. The service writes it in English with the run
 * (service/runs/tranches.ts couponLabel: "2.80% fixed", "index + 1.10% floating", "LPR1Y − 0.20%
 * floating", "none (residual)"), stored runs included: each shape is read back into its catalogue
 * key with its rate and index kept as written. A coupon of no known shape is shown as stored.
 */
export function couponLabel(coupon: string): string {
  if (coupon === RESIDUAL) return translate('deal.coupon.none');
  const fixed = /^(-?[\d.]+%) fixed$/.exec(coupon);
  if (fixed) return translate('deal.coupon.fixed', { rate: fixed[1] ?? '' });
  const floating = /^(\S+) ([+−]) ([\d.]+%) floating$/.exec(coupon);
  if (floating) {
    const index = floating[1] === 'index' ? translate('deal.coupon.index') : (floating[1] ?? '');
    return translate('deal.coupon.floatingOn', { index, sign: floating[2] ?? '+', margin: floating[3] ?? '' });
  }
  return coupon;
}

/** The coupon as a note's title writes it in brackets after the name: the residual note's is "residual" (its label "none (residual)" would nest brackets). */
export function couponInTitle(coupon: string): string {
  return coupon === RESIDUAL ? translate('deal.coupon.residual') : couponLabel(coupon);
}
