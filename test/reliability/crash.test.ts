import { describe, expect, it } from 'vitest';
import { CRASH_FAMILIES } from './families.ts';
import { runFamily } from './harness.ts';

// The crash-safety families at their small size (5 kill -9 trials per write path); the full 50 each
// run in `npm run reliability`. A failure lists each broken trial with its seed and what was found.
describe('crash safety: kill -9 at random points of every write path', () => {
  for (const family of CRASH_FAMILIES) {
    it(family.name, { timeout: 120_000 }, async () => {
      const figures = await runFamily(family, { size: 'small' });
      expect(figures.failures).toEqual([]);
      expect(figures.trials).toBe(family.trials.small);
      expect(figures.survived).toBe(family.trials.small);
    });
  }
});
