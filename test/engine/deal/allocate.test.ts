import { assert as checkProperty, array, integer, property } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateProRata, EngineError } from '../../../engine/index.ts';
import { Money } from '../../../engine/deal/money.ts';

// Largest-remainder (Hamilton) allocation at cents: parts sum exactly to the total, each within one
// cent of its exact share, leftover cents to the largest remainders, ties to the earlier weight.

const money = (cents: number) => new Money(cents).div(100);

describe('allocateProRata', () => {
  it('gives leftover cents to the largest remainders, ties to the earlier weight', () => {
    expect(allocateProRata(money(100), [money(1), money(1), money(1)]).map(String)).toEqual(['0.34', '0.33', '0.33']);
    // 10.00 by 1:2:3 → 1.666…, 3.333…, 5 → 1.66 + 0.01 (remainder .67 beats .33) = 1.67, 3.33, 5.00
    expect(allocateProRata(money(1000), [money(100), money(200), money(300)]).map(String)).toEqual(['1.67', '3.33', '5']);
    expect(allocateProRata(money(0), [money(0), money(0)]).map(String)).toEqual(['0', '0']);
  });

  it('rejects a positive total over zero weights and amounts finer than a cent', () => {
    expect(() => allocateProRata(money(1), [money(0)])).toThrow(EngineError);
    expect(() => allocateProRata(new Money('0.001'), [money(1)])).toThrow(EngineError);
  });

  it('property: parts sum to the total and each is within one cent of its exact share', () => {
    checkProperty(
      property(integer({ min: 0, max: 1e12 }), array(integer({ min: 0, max: 1e12 }), { minLength: 1, maxLength: 8 }), (totalCents, weightCents) => {
        const weights = weightCents.map(money);
        const sum = weightCents.reduce((a, b) => a + b, 0);
        if (sum === 0) return;
        const parts = allocateProRata(money(totalCents), weights);
        const partCents = parts.map((p) => BigInt(p.times(100).toFixed(0)));
        expect(partCents.reduce((a, b) => a + b, 0n)).toBe(BigInt(totalCents));
        weightCents.forEach((w, i) => {
          // |part × Σw − total × w| < Σw, i.e. within one cent of the exact share
          const diff = (partCents[i] ?? 0n) * BigInt(sum) - BigInt(totalCents) * BigInt(w);
          expect(diff < BigInt(sum) && diff > -BigInt(sum)).toBe(true);
          // never more than the weight when the total does not exceed the weights' sum
          if (totalCents <= sum) expect((partCents[i] ?? 0n) <= BigInt(w)).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });
});
