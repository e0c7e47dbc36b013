/**
 * A zero-coupon, zero-rate static deal whose note losses have a closed form: one bullet line of
 * 100,000,000 at 0% (interest-only, so the whole pool pays at month 12), defaults from a constant
 * CDR, recoveries of 40% with no lag, no prepayments, no fees; two notes with 0% coupons paid
 * sequentially (senior 90%, junior 10%). The pool's principal cash is B·(1 − D) + B·D·R, so the
 * notes lose B·L with L = D·(1 − R) in reverse seniority: the junior note is the [0, 10%] tranche of
 * the pool's loss, the senior note the [10%, 100%] tranche.
 */
export const POOL_BALANCE = 100_000_000;
export const RECOVERY = 0.4;
export const JUNIOR_SHARE = 0.1;

export const STATIC_DEAL = {
  name: 'Zero-coupon static deal',
  dates: { cutoff: '2026-12-01', closing: '2026-12-01', firstPaymentDate: '2027-01-25', legalFinalMaturity: '2028-12-25' },
  notes: [
    { id: 'Senior', seniority: 1, originalBalance: POOL_BALANCE * (1 - JUNIOR_SHARE), coupon: { type: 'fixed', rate: 0 }, dayCount: '30/360' },
    { id: 'Junior', seniority: 2, originalBalance: POOL_BALANCE * JUNIOR_SHARE, coupon: { type: 'fixed', rate: 0 }, dayCount: '30/360' },
  ],
  waterfall: {
    combined: [
      { kind: 'interest', notes: ['Senior'] },
      { kind: 'interest', notes: ['Junior'] },
      { kind: 'principal', notes: ['Senior', 'Junior'], rule: 'sequential' },
      { kind: 'residual', to: 'seller' },
    ],
  },
  pool: { name: 'One bullet line at 0%', lines: [{ id: 'Bullet', amortization: 'interest_only', balance: POOL_BALANCE, rate: 0, originalTerm: 12, remainingTerm: 12 }] },
  assumptions: { months: 24, pool: { default: '5 CDR', recoveryRate: RECOVERY, recoveryLagMonths: 0, servicingFeeRate: 0 } },
};
