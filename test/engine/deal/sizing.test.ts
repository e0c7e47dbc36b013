import { describe, expect, it } from 'vitest';
import { EngineError, largestPassingSeniorSize, scaleToPool, seniorSizeForCreditEnhancement, sizeWithSenior, type SizingBasis } from '../../../engine/index.ts';

// A 400M deal written 80 / 10 / 10 (senior A, mezzanine B, subordinate Sub) for a 400M pool.
const NOTES = [
  { id: 'A', seniority: 1, originalBalance: 320_000_000 },
  { id: 'B', seniority: 2, originalBalance: 40_000_000 },
  { id: 'Sub', seniority: 3, originalBalance: 40_000_000 },
];
const ON_83M: SizingBasis = { notes: NOTES, statedPoolBalance: 400_000_000, poolBalance: 83_000_000 };

const oneClass = (): unknown => scaleToPool({ notes: [{ id: 'A', seniority: 1, originalBalance: 10 }], statedPoolBalance: 10, poolBalance: 5 });

describe('scaleToPool: every class keeps its percentage of the stated pool', () => {
  it('400M 80/10/10 on an 83M pool → 66.4M / 8.3M / 8.3M, adding up to the pool', () => {
    // 320 × 83/400 = 66.4; 40 × 83/400 = 8.3; Sub = 83 − 66.4 − 8.3 = 8.3.
    const sizes = scaleToPool(ON_83M);
    expect([...sizes]).toEqual([
      ['A', 66_400_000],
      ['B', 8_300_000],
      ['Sub', 8_300_000],
    ]);
  });

  it('rounds each class half-up to the cent and gives the leftover cent to the subordinate class', () => {
    // Pool 100.01 on a stated 3: A = 1 × 100.01/3 = 33.33666… → 33.34; B the same → 33.34;
    // Sub = 100.01 − 66.68 = 33.33 (not 33.34: the classes must add up to 100.01 exactly).
    const sizes = scaleToPool({
      notes: [
        { id: 'A', seniority: 1, originalBalance: 1 },
        { id: 'B', seniority: 2, originalBalance: 1 },
        { id: 'Sub', seniority: 3, originalBalance: 1 },
      ],
      statedPoolBalance: 3,
      poolBalance: 100.01,
    });
    expect([...sizes.values()]).toEqual([33.34, 33.34, 33.33]);
  });

  it('keeps the stated overcollateralisation: notes of 95 on a stated pool of 100, on a pool of 50, total 47.5', () => {
    // A 80 → 40, B 10 → 5, Sub = 50 × 95/100 − 45 = 2.5; OC stays 5% (2.5 of 50).
    const sizes = scaleToPool({
      notes: [
        { id: 'A', seniority: 1, originalBalance: 80 },
        { id: 'B', seniority: 2, originalBalance: 10 },
        { id: 'Sub', seniority: 3, originalBalance: 5 },
      ],
      statedPoolBalance: 100,
      poolBalance: 50,
    });
    expect([...sizes.values()]).toEqual([40, 5, 2.5]);
  });

  it('refuses a deal of one class: nothing would absorb the change', () => {
    expect(oneClass).toThrow(EngineError);
    expect(oneClass).toThrow(/at least two classes/);
  });
});

describe('target credit enhancement: senior = pool × (1 − CE) + reserve', () => {
  it('CE 25% on 83M with mezzanine 10% and floor 5%, no reserve: A 62.25M, B 8.3M, Sub 12.45M', () => {
    // A = 83 × 0.75 = 62.25M; B = 10% × 83 = 8.3M; Sub = 83 − 62.25 − 8.3 = 12.45M (15% ≥ floor 4.15M).
    const senior = seniorSizeForCreditEnhancement(83_000_000, 0, 0.25);
    expect(senior).toBe(62_250_000);
    const sized = sizeWithSenior(ON_83M, senior, 0.05);
    expect([...sized.sizes.values()]).toEqual([62_250_000, 8_300_000, 12_450_000]);
    expect(sized.subordinate).toBe(12_450_000);
    expect(sized.floor).toBe(4_150_000);
    // Largest senior the floor allows: 83 − 8.3 − 4.15 = 70.55M (CE 15%).
    expect(sized.largestSenior).toBe(70_550_000);
  });

  it('counts the reserve: CE 25% with a reserve of 0.83M (1% of pool) lets A be 63.08M', () => {
    // A = 83 × 0.75 + 0.83 = 63.08M; CE = (83 + 0.83 − 63.08) / 83 = 25%.
    expect(seniorSizeForCreditEnhancement(83_000_000, 830_000, 0.25)).toBe(63_080_000);
  });

  it('shows an infeasible target: CE 12% needs A 73.04M, leaving Sub 1.66M below the 4.15M floor', () => {
    // A = 83 × 0.88 = 73.04M; Sub = 83 − 73.04 − 8.3 = 1.66M = 2% < 5%: the smallest CE reachable is 10% + 5% = 15%.
    const sized = sizeWithSenior(ON_83M, seniorSizeForCreditEnhancement(83_000_000, 0, 0.12), 0.05);
    expect(sized.subordinate).toBe(1_660_000);
    expect(sized.subordinate).toBeLessThan(sized.floor);
  });

  it('refuses a floor given in percent', () => {
    expect(() => sizeWithSenior(ON_83M, 1, 5)).toThrow(/0\.05, not 5/);
  });
});

describe('largestPassingSeniorSize: bisection on a monotone pass/fail', () => {
  it('finds the largest passing size within the tolerance (passes up to 50,000,000.00)', () => {
    const tried: number[] = [];
    const search = largestPassingSeniorSize(
      (size) => {
        tried.push(size);
        return size <= 50_000_000;
      },
      0,
      70_550_000,
      1_000,
    );
    expect(search.status).toBe('found');
    if (search.status !== 'found') return;
    expect(search.size).toBeLessThanOrEqual(50_000_000);
    expect(50_000_000 - search.size).toBeLessThanOrEqual(1_000);
    expect(search.failsAt).toBeGreaterThan(50_000_000);
    // 70.55M down to 1,000: ⌈log2(70,550)⌉ = 17 halvings, plus the two end checks.
    expect(tried.length).toBe(19);
  });

  it('says when the largest size passes, or the smallest fails', () => {
    expect(largestPassingSeniorSize(() => true, 0, 10, 1)).toEqual({ status: 'largestPasses', size: 10 });
    expect(largestPassingSeniorSize(() => false, 0, 10, 1)).toEqual({ status: 'smallestFails', size: 0 });
  });
});
