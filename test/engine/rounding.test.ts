import { assert as checkProperty, integer, property } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money, roundCents, toCents, toWholeCents } from '../../engine/deal/money.ts';
import { roundCentsOfDouble } from '../../engine/rounding.ts';

// The two rounding modes of engine/rounding.ts. 1.005 is the classic case: its shortest decimal form
// is a half cent, its binary value (1.00499999999999989…) is just below one.
describe('rounding modes', () => {
  it('decimal half-up reads the shortest decimal form: 1.005 → 1.01, 2.675 → 2.68', () => {
    expect(toCents(1.005).toString()).toBe('1.01');
    expect(toCents(2.675).toString()).toBe('2.68');
    expect(toWholeCents(1.005)).toBe(101);
    expect(toWholeCents(2.675)).toBe(268);
    expect(roundCents(new Money('1.005')).toString()).toBe('1.01');
    expect(roundCents(new Money('1.00499')).toString()).toBe('1');
  });

  it('binary half-up rounds the double: 1.005 → 1.00, 1.015 → 1.01, 0.125 (an exact binary half) → 0.13', () => {
    expect(roundCentsOfDouble(1.005)).toBe(1);
    expect(roundCentsOfDouble(1.015)).toBe(1.01);
    expect(roundCentsOfDouble(0.125)).toBe(0.13);
    expect(roundCentsOfDouble(-0.125)).toBe(-0.12); // Math.round: halves toward +∞
  });

  it('toWholeCents reads a half cent of a large amount as toCents does, though x × 100 lands below it in doubles', () => {
    // 9,687,498,694.835 yuan: x × 100 = 968,749,869,483.49993… as a double, 7 × 10⁻⁵ under the half cent.
    const x = 968_749_869_483 / 100 + 500 / 100_000;
    expect(String(x)).toBe('9687498694.835');
    expect(toCents(x).toString()).toBe('9687498694.84');
    expect(toWholeCents(x)).toBe(968_749_869_484);
    expect(toWholeCents(-x)).toBe(-968_749_869_484);
    expect(toWholeCents(9_687_498_694.834)).toBe(968_749_869_483);
  });

  it('toWholeCents is toCents in whole cents for any amount (its float fast path never disagrees)', () => {
    checkProperty(
      property(integer({ min: 0, max: 10 ** 12 }), integer({ min: 0, max: 999 }), (cents, thousandths) => {
        const x = cents / 100 + thousandths / 100_000;
        expect(toWholeCents(x)).toBe(Number(toCents(x).times(100).toString()));
      }),
      { numRuns: 2000 },
    );
  });
});
