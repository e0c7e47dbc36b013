import { describe, expect, it } from 'vitest';
import { mdrFromCdr, sdaCdr, sdaMdr } from '../../../engine/index.ts';

// 100 SDA (SIFMA SF-20): CDR 0.02% × age to 0.6% at 30, 0.6% to 60, then −0.0095% a month to 0.03%
// at 120, 0.03% after. s SDA multiplies the CDR. Age as for PSA: month t of a loan aged a is a + t.
describe('SDA benchmark', () => {
  it('gives the published points at ages 1, 30, 60, 61, 119, 120 and 121', () => {
    expect(sdaCdr(1, 100)).toBe(0.0002); // 0.02% × 1
    expect(sdaCdr(30, 100)).toBe(0.006); // 0.02% × 30 = 0.6%
    expect(sdaCdr(45, 100)).toBe(0.006); // plateau
    expect(sdaCdr(60, 100)).toBe(0.006); // still 0.6% at 60
    expect(sdaCdr(61, 100)).toBe(0.005905); // 0.6% − 0.0095% × 1 = 0.5905%
    expect(sdaCdr(119, 100)).toBe(0.000395); // 0.6% − 0.0095% × 59 = 0.0395%
    expect(sdaCdr(120, 100)).toBe(0.0003); // 0.6% − 0.0095% × 60 = 0.03%
    expect(sdaCdr(121, 100)).toBe(0.0003); // flat after 120
  });

  it('scales by the speed: 200 SDA at 30 is 1.2% CDR; caps at 100%', () => {
    expect(sdaCdr(30, 200)).toBe(0.012);
    expect(sdaCdr(30, 100_000)).toBe(1);
  });

  it('sdaMdr converts with MDR = 1 − (1 − CDR)^(1/12)', () => {
    expect(sdaMdr(61, 100)).toBe(mdrFromCdr(0.005905));
  });
});
