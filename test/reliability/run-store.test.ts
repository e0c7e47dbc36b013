import { describe, expect, it } from 'vitest';
import { run } from './run-store.ts';

describe('reliability: run store under kill -9 (small size)', () => {
  it('a child killed at random moments while storing runs leaves a sound workspace of whole runs, and the next run stores', async () => {
    const figures = await run('small');
    expect(figures.failures).toEqual([]);
    expect(figures).toMatchObject({ family: 'run-store', size: 'small', trials: 3, survived: 3 });
    // The kills fell while the children were storing: they had committed runs before.
    expect(figures.runsCommitted).toBeGreaterThan(0);
  }, 240_000);
});
