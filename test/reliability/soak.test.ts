import { describe, expect, it } from 'vitest';
import { run } from './soak.ts';

describe('reliability: soak (small size)', () => {
  it('80 deal runs through the job manager all succeed and only the 50 most recent finished jobs are kept', async () => {
    const figures = await run('small');
    expect(figures.failures).toEqual([]);
    expect(figures.dealRuns).toBe(80);
    // 80 runs + the import: the manager keeps 50 finished jobs (service/jobs/job-manager.ts, docs/reliability.md).
    expect(figures.finishedJobsKept).toBe(50);
  }, 600_000);
});
