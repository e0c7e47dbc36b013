import { describe, expect, it } from 'vitest';
import { run } from './load.ts';

describe('reliability: load (small size)', () => {
  it('20 concurrent API calls over the HTTP transport all succeed, their jobs too, with no lock error', async () => {
    const figures = await run('small');
    expect(figures.failures).toEqual([]);
    // 20 calls in one round, then the workspace checked (integrity and the 3 saves of the round).
    expect(figures.trials).toBe(21);
    expect(figures.survived).toBe(21);
    expect(figures.lockErrors).toBe(0);
  }, 120_000);
});
