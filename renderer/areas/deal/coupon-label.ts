import { language } from '../../app/language.ts';
import { couponIn, couponInTitleIn } from '../../../messages/coupon.ts';

/** A tranche row's coupon in the chosen language (messages/coupon.ts, the words the Excel report says too); a coupon of no known shape as stored. */
export function couponLabel(coupon: string): string {
  return couponIn(language.get(), coupon);
}

/** The coupon as a note's title writes it in brackets after the name, in the chosen language (messages/coupon.ts couponInTitleIn, as the `abs` command writes it). */
export function couponInTitle(coupon: string): string {
  return couponInTitleIn(language.get(), coupon);
}
