import { describe, expect, it } from 'vitest';
import { Money } from '../../../engine/deal/money.ts';
import { buyLoans, openDesk, purchaseTerms, withShares } from '../../../engine/deal/purchases.ts';
import type { PoolSource } from '../../../engine/deal/pool-source.ts';
import type { RevolvingSpec } from '../../../engine/deal/types.ts';

// A scenario's purchase mix (runDeal's RunOptions.purchaseMix) replaces the profile's shares of a purchase.
const revolving = { periods: 12, profile: [{ share: 0.45 }, { share: 0.2 }, { share: 0.2 }, { share: 0.15 }] } as unknown as RevolvingSpec;
const pool = {} as PoolSource; // no segment limit: the desk never reads the pool

describe('purchase mix', () => {
  it('¥1,000,000 of cash at par buys each line its share of the mix (0.225, 0.1, 0.1, 0.575), normalised', () => {
    const terms = withShares(purchaseTerms(revolving), [0.45, 0.2, 0.2, 1.15]);
    const desk = openDesk(terms, 1, pool, 1, new Money(10_000_000));
    const bought = buyLoans(desk, new Money(1_000_000));
    expect(bought.principal.toNumber()).toBe(1_000_000);
    expect(desk.principalByLine.map((x) => Math.round(x * 100) / 100)).toEqual([225_000, 100_000, 100_000, 575_000]);
  });

  it('without a mix the profile’s shares; a mix of the wrong length or no positive share is an error', () => {
    const terms = purchaseTerms(revolving);
    expect(withShares(terms, undefined)).toBe(terms);
    expect(() => withShares(terms, [1, 1])).toThrow();
    expect(() => withShares(terms, [0, 0, 0, 0])).toThrow();
  });
});
