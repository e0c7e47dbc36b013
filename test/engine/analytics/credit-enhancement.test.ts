import { assert as checkProperty, array, double, property } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditEnhancement } from '../../../engine/index.ts';
import { errorCode } from './legs.ts';

// CE(note i, t) = (pool_t + reserve_t − Σ_{j ≤ i} note_j,t) / pool_t, notes most senior first.
describe('creditEnhancement', () => {
  it('at closing: senior 80 / mezzanine 10 / subordinate 5 on a pool of 100', () => {
    // Senior: (100 − 80)/100 = 20%; mezzanine: (100 − 90)/100 = 10%; subordinate: (100 − 95)/100 = 5% (OC of 5).
    const ce = creditEnhancement({ poolBalance: [100], noteBalances: [[80], [10], [5]] });
    expect(ce[0]?.[0]).toBeCloseTo(0.2, 15);
    expect(ce[1]?.[0]).toBeCloseTo(0.1, 15);
    expect(ce[2]?.[0]).toBeCloseTo(0.05, 15);
  });

  it('notes of one seniority are one class and share its CE (pro rata notes: A-2a beside A-2b)', () => {
    // Ranks 1, 2, 2, 3 on a pool of 100: class 1 (60) (100 − 60)/100 = 40%; class 2 (20 + 10) (100 − 90)/100 = 10%
    // for both of its notes — not 20% for the first and 10% for the second; class 3 (5) (100 − 95)/100 = 5%.
    const ce = creditEnhancement({ poolBalance: [100], noteBalances: [[60], [20], [10], [5]], ranks: [1, 2, 2, 3] });
    expect(ce.map((row) => row[0])).toEqual([0.4, 0.1, 0.1, 0.05].map((x) => expect.closeTo(x, 15)));
    expect(errorCode(() => creditEnhancement({ poolBalance: [100], noteBalances: [[60], [20]], ranks: [2, 1] }))).toBe('CE_COLUMNS');
    expect(errorCode(() => creditEnhancement({ poolBalance: [100], noteBalances: [[60], [20]], ranks: [1] }))).toBe('CE_COLUMNS');
  });

  it('counts the reserve when given: a reserve of 1 adds 1% to every note', () => {
    const ce = creditEnhancement({ poolBalance: [100], noteBalances: [[80], [10], [5]], reserveBalance: [1] });
    expect(ce.map((row) => row[0])).toEqual([0.21, 0.11, 0.06].map((x) => expect.closeTo(x, 15)));
  });

  it('over time: CE builds as the senior note pays down sequentially, null once the pool is repaid', () => {
    // Pool 1000 → 600 → 0; senior 800 → 400 → 0; subordinate 200 → 200 → 0.
    // Senior CE: (1000 − 800)/1000 = 20%, (600 − 400)/600 = 33.33…%, undefined.
    const ce = creditEnhancement({
      poolBalance: [1000, 600, 0],
      noteBalances: [
        [800, 400, 0],
        [200, 200, 0],
      ],
    });
    expect(ce[0]?.[0]).toBeCloseTo(0.2, 15);
    expect(ce[0]?.[1]).toBeCloseTo(200 / 600, 15);
    expect(ce[0]?.[2]).toBeNull();
    expect(ce[1]?.slice(0, 2)).toEqual([0, 0]);
  });

  it('goes negative when losses leave the notes undercollateralised', () => {
    // Pool written down to 90 with notes of 80 + 20: the subordinate note's CE is (90 − 100)/90 = −11.1%.
    const ce = creditEnhancement({ poolBalance: [90], noteBalances: [[80], [20]] });
    expect(ce[1]?.[0]).toBeCloseTo(-10 / 90, 15);
  });

  it('refuses misaligned columns and bad balances', () => {
    expect(errorCode(() => creditEnhancement({ poolBalance: [100], noteBalances: [] }))).toBe('CE_COLUMNS');
    expect(errorCode(() => creditEnhancement({ poolBalance: [100, 90], noteBalances: [[80]] }))).toBe('CE_COLUMNS');
    expect(errorCode(() => creditEnhancement({ poolBalance: [100], noteBalances: [[80]], reserveBalance: [] }))).toBe('CE_COLUMNS');
    expect(errorCode(() => creditEnhancement({ poolBalance: [-1], noteBalances: [[0]] }))).toBe('INVALID_AMOUNT');
    expect(errorCode(() => creditEnhancement({ poolBalance: [100], noteBalances: [[Number.NaN]] }))).toBe('INVALID_AMOUNT');
  });

  it('never rises down the capital structure: a junior note has no more CE than a senior one', () => {
    checkProperty(
      property(double({ min: 1, max: 1e9, noNaN: true }), array(double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 6 }), (pool, notes) => {
        const ce = creditEnhancement({ poolBalance: [pool], noteBalances: notes.map((n) => [n]) }).map((row) => row[0] ?? Number.NaN);
        for (let i = 1; i < ce.length; i++) expect(ce[i]).toBeLessThanOrEqual((ce[i - 1] ?? 0) + 1e-12);
        expect(ce[0]).toBeLessThanOrEqual(1);
      }),
    );
  });
});
