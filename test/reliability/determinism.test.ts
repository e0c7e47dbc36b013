import { describe, expect, it } from 'vitest';
import { run } from './determinism.ts';

describe('reliability: determinism (small size)', () => {
  it('abs run, breakevens, projections and strats print the same bytes across runs and across two workspaces', async () => {
    const figures = await run('small');
    expect(figures.failures).toEqual([]);
    // The same tape is tape 1 in the first workspace and tape 2 (imported after another, later) in the second.
    expect(figures.tapeIds).toEqual([1, 2]);
    // 2 more prints (first workspace once more, second once) × (3 runs + 2 projections + 2 strats).
    expect(figures.trials).toBe(14);
  }, 300_000);
});
