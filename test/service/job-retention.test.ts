import { describe, expect, it } from 'vitest';
import type { JobResult } from '../../service/api/contract.ts';
import { JobManager, KEEP_FINISHED_JOBS } from '../../service/jobs/job-manager.ts';
import { toApiError } from '../../service/service.ts';
import { JOB_TITLES } from '../../service/jobs/job-titles.ts';

/** A breakeven job's title, the deal named as the test counts. */
const titled = (deal: string) => JOB_TITLES.say('dealBreakevens', { deal });

const result: JobResult = { kind: 'deal.breakeven', breakeven: { dealName: 'Deal', by: 'multiplier', interest: 'bySeniority', tolerance: 0.001, rows: [], runs: 0 }, seconds: 0 };

describe('JobManager retention', () => {
  it('keeps the 50 most recently finished jobs and drops the older ones', async () => {
    expect(KEEP_FINISHED_JOBS).toBe(50);
    const jobs = new JobManager(() => undefined, toApiError);
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const job = jobs.start('deal.breakeven', titled(`job ${i}`), () => Promise.resolve(result));
      ids.push(job.id);
      await jobs.wait(job.id);
    }
    expect(jobs.list()).toHaveLength(50);
    // The first 10 finished first and are gone; the 11th onwards are kept.
    expect(ids.slice(0, 10).map((id) => jobs.get(id))).toEqual(Array(10).fill(null));
    expect(jobs.get(ids[10] ?? '')?.title).toBe('Breakevens of job 10');
  });

  it('keeps a long job that finishes last, for its poller, however early it started', async () => {
    const jobs = new JobManager(() => undefined, toApiError);
    const finish: { long?: (r: JobResult) => void } = {};
    const long = jobs.start('deal.breakeven', titled('long'), () => new Promise<JobResult>((resolve) => (finish.long = resolve)));
    for (let i = 0; i < 55; i++) await jobs.wait(jobs.start('deal.breakeven', titled(`short ${i}`), () => Promise.resolve(result)).id);
    expect(jobs.get(long.id)?.state).toBe('running');
    finish.long?.(result);
    await jobs.wait(long.id);
    expect(jobs.get(long.id)?.state).toBe('succeeded');
    expect(jobs.list().filter((j) => j.state !== 'running')).toHaveLength(50);
    // The oldest short jobs went: 55 short + the long one finished, 50 kept → the first 6 short ones dropped.
    expect(jobs.list().map((j) => j.title)).not.toContain('Breakevens of short 5');
    expect(jobs.list().map((j) => j.title)).toContain('Breakevens of short 6');
  });
});
