import { translate } from '../../app/i18n.tsx';
import { language } from '../../app/language.ts';
import { couponIn } from '../../../messages/coupon.ts';

/** The residual note's coupon as the service writes it (service/runs/tranches.ts couponLabel). */
const RESIDUAL = 'none (residual)';

/** A tranche row's coupon in the chosen language (messages/coupon.ts, the words the Excel report says too); a coupon of no known shape as stored. */
export function couponLabel(coupon: string): string {
  return couponIn(language.get(), coupon);
}

/** The coupon as a note's title writes it in brackets after the name: the residual note's is "residual" (its label "none (residual)" would nest brackets). */
export function couponInTitle(coupon: string): string {
  return coupon === RESIDUAL ? translate('deal.coupon.residual') : couponLabel(coupon);
}
