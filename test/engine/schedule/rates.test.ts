import { describe, expect, it } from 'vitest';
import { accruedInterest, annualRateFromDaily, dailyRate, flatFee, flatFeeRateFromApr, levelPayment, monthlyRate, netRate, servicingFee } from '../../../engine/index.ts';

describe('rate conventions', () => {
  it('30/360: the monthly rate is APR / 12', () => {
    expect(monthlyRate(0.18)).toBe(0.015);
  });

  it('ACT/365: the daily rate × 365 is the APR (日利率 0.05% = 18.25% APR)', () => {
    expect(annualRateFromDaily(0.0005)).toBeCloseTo(0.1825, 15);
    expect(dailyRate(0.1825)).toBeCloseTo(0.0005, 15);
  });

  it('net (pass-through) rate = gross − servicing strip: 8.125% − 0.625% = 7.5%', () => {
    expect(netRate(0.08125, 0.00625)).toBeCloseTo(0.075, 15);
  });
});

describe('interest and fees', () => {
  it('ACT/365 accrues ¥10,000 at 18.25% APR over 31 days (2025-03-15 → 04-15) to ¥155.00', () => {
    // 10,000 × 0.1825 × 31/365 = 10,000 × 0.0005 × 31 = 155.00
    expect(accruedInterest(10_000, 0.1825, 31 / 365)).toBeCloseTo(155, 10);
  });

  it('30/360 accrues one month as balance × APR / 12', () => {
    expect(accruedInterest(12_000, 0.18, 1 / 12)).toBeCloseTo(180, 10);
  });

  it('a flat fee is original principal × monthly flat rate: ¥12,000 × 0.6% = ¥72', () => {
    expect(flatFee(12_000, 0.006)).toBeCloseTo(72, 10);
  });

  it('the servicing fee is the strip on the beginning balance: 30/360 month = strip / 12 × balance', () => {
    // $400,000,000 × 0.625% / 12 = $208,333.33
    expect(servicingFee(400_000_000, 0.00625)).toBeCloseTo(208_333.333_333, 5);
    expect(servicingFee(10_000, 0.01, 31 / 365)).toBeCloseTo((10_000 * 0.01 * 31) / 365, 10);
  });

  it('the flat rate whose installment is the APR annuity (IRR = APR): 18% over 12 months → 0.8347% a month', () => {
    // fee = A − P/n with A/P = 0.015 / (1 − 1.015^−12) = 0.091679992906…, so flat rate = 0.0916800 − 1/12 = 0.0083467
    const flat = flatFeeRateFromApr(0.18, 12);
    expect(flat).toBeCloseTo(0.008_346_659_572_9, 12);
    expect(12_000 / 12 + flatFee(12_000, flat)).toBeCloseTo(levelPayment(12_000, 0.015, 12), 9);
  });
});
