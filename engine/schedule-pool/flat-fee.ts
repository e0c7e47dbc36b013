import { assert } from '../errors.ts';
import { roundCentsOfDouble } from '../rounding.ts';
import { flatFeeRateFromApr } from '../schedule/rates.ts';

/**
 * The APR whose level-payment annuity equals a 等本等息 loan's installment at a published monthly
 * flat fee rate (月手续费率): the inverse of flatFeeRateFromApr, so that a line entered by its fee
 * rate projects exactly that fee (original principal × fee rate a month). Circulars quote the fee
 * rate annualised as monthly × 12 (和享 2017-5: 加权平均合同手续费率 13.78%); divide by 12 first.
 * flatFeeRateFromApr is increasing in the APR, so bisection on [0, 1] converges to float precision.
 */
export function aprFromFlatFeeRate(feeRateMonthly: number, originalTerm: number): number {
  assert(Number.isFinite(feeRateMonthly) && feeRateMonthly >= 0 && Number.isInteger(originalTerm) && originalTerm >= 1, 'FLAT_FEE_RATE', { feeRateMonthly, originalTerm });
  assert(flatFeeRateFromApr(1, originalTerm) >= feeRateMonthly, 'FLAT_FEE_RATE', { feeRateMonthly, originalTerm, reason: 'the fee rate is above that of a 100% APR' });
  if (feeRateMonthly === 0) return 0;
  let low = 0;
  let high = 1;
  for (let i = 0; i < 200 && high - low > 1e-16; i++) {
    const mid = (low + high) / 2;
    if (flatFeeRateFromApr(mid, originalTerm) < feeRateMonthly) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

export interface FlatFeeInstallment {
  /** 1 … term. */
  readonly installment: number;
  readonly openingBalance: number;
  readonly principal: number;
  readonly fee: number;
}

/**
 * A 等本等息 installment plan as card issuers bill it: principal ÷ term each month rounded half-up to
 * the fen, the last installment taking what rounding left; a fee of principal × monthly fee rate,
 * rounded half-up to the fen, every month whatever the balance (so its APR is far above the fee rate × 12).
 */
export function flatFeeSchedule(principal: number, term: number, feeRateMonthly: number): FlatFeeInstallment[] {
  assert(Number.isFinite(principal) && principal >= 0, 'INVALID_AMOUNT', { principal });
  assert(Number.isFinite(feeRateMonthly) && feeRateMonthly >= 0 && Number.isInteger(term) && term >= 1, 'FLAT_FEE_RATE', { feeRateMonthly, term });
  const each = roundCentsOfDouble(principal / term);
  const fee = roundCentsOfDouble(principal * feeRateMonthly);
  const out: FlatFeeInstallment[] = [];
  let balance = principal;
  for (let k = 1; k <= term; k++) {
    const paid = k === term ? balance : Math.min(each, balance);
    out.push({ installment: k, openingBalance: balance, principal: paid, fee });
    balance = roundCentsOfDouble(balance - paid);
  }
  return out;
}
