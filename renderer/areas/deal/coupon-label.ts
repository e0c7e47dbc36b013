import { language } from '../../app/language.ts';
import { couponIn } from '../../../messages/coupon.ts';

/** A tranche row's coupon in the chosen language (messages/coupon.ts, the words the Excel report says too); a coupon of no known shape as stored. */
export function couponLabel(coupon: string): string {
  return couponIn(language.get(), coupon);
}
