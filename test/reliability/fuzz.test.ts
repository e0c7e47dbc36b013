import { describe, expect, it } from 'vitest';
import { FUZZ_FAMILIES } from './families.ts';
import { runFamily } from './harness.ts';

// The fuzz families at their small size (every tape generator at least twice, ~30 files); the full
// corpus runs in `npm run reliability`. A failure lists each case with its seed, kind and finding.
describe('fuzz: hostile tapes and files end in a clear error or a clean result, in time', () => {
  for (const family of FUZZ_FAMILIES) {
    it(family.name, { timeout: 120_000 }, async () => {
      const figures = await runFamily(family, { size: 'small' });
      expect(figures.failures).toEqual([]);
      expect(figures.survived).toBe(family.trials.small);
    });
  }
});
