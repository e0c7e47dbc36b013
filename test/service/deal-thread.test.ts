import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DealFile, JobInfo } from '../../service/api/contract.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { dealRunOf } from '../../service/jobs/job-manager.ts';
import { idleThreads } from '../../service/jobs/pool/pool-idle.ts';
import { warmThreadsStarted } from '../../service/jobs/warm-worker-job.ts';
import { Service } from '../../service/service.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

/**
 * Deal jobs (deal.run, deal.breakeven, deal.size) run on a warm deal thread that serves one job
 * after another (service/jobs/warm-worker-job.ts, docs/reliability.md "Soak"), not on a new thread
 * each: the same answers as on a fresh thread, errors carried with their code and JSON path, and a
 * cancel still stops the job at once (the thread is stopped; the next job starts a new one).
 */
const template = (name: string): DealFile => readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', `${name}.json`), 'utf8')));
let service: Service;

beforeEach(() => {
  service = new Service({ transport: 'test' });
});

afterEach(async () => {
  await service.close();
});

async function finished(started: Awaited<ReturnType<Service['call']>>): Promise<JobInfo> {
  if (!started.ok) throw new Error(started.error.message);
  return service.jobs.wait((started.value as JobInfo).id);
}

/** A deal run on the deal file's own lines, to its end: the result as the bytes a client gets. */
async function runBytes(deal: DealFile): Promise<string> {
  const done = await finished(await service.call('deal.run', { deal }));
  const ran = dealRunOf(done);
  if (!ran) throw new Error(done.error?.message ?? done.state);
  return JSON.stringify(ran.run);
}

describe('deal jobs on a warm thread', () => {
  it('runs consecutive deal jobs on one thread, with the same bytes as a fresh thread, and carries a job’s error without losing the thread', { timeout: 120_000 }, async () => {
    const before = warmThreadsStarted();
    const fresh = await runBytes(template('us-auto-oc-turbo'));
    expect(warmThreadsStarted()).toBe(before + 1);
    expect(idleThreads()).toBe(1); // parked, warm, between jobs
    await runBytes(template('pass-through'));
    const again = await runBytes(template('us-auto-oc-turbo'));
    expect(again).toBe(fresh);
    // A deal with no scenario fails inside the worker: the error crosses as data, with its code and JSON path.
    const { assumptions: _dropped, ...noScenario } = template('pass-through');
    const failed = await finished(await service.call('deal.run', { deal: noScenario }));
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'BAD_REQUEST', details: { path: '$.assumptions' } });
    await runBytes(template('pass-through'));
    // Five jobs, one thread.
    expect(warmThreadsStarted()).toBe(before + 1);
  });

  it('cancels a running breakeven search at once; the next job starts a new thread and succeeds', { timeout: 120_000 }, async () => {
    const deal = template('us-auto-oc-turbo');
    const warm = await runBytes(deal);
    const before = warmThreadsStarted();
    const started = await service.call('deal.breakeven', { deal });
    if (!started.ok) throw new Error(started.error.message);
    // Wait for the search's first progress, so the cancel lands mid-search, not before it starts.
    while (service.jobs.get(started.value.id)?.progress?.unit !== 'runs') await new Promise((resolve) => setTimeout(resolve, 5));
    const t0 = performance.now();
    expect(service.jobs.cancel(started.value.id)).toBe(true);
    const cancelled = await service.jobs.wait(started.value.id);
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(cancelled).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED', message: 'Breakeven search cancelled' } });
    expect(idleThreads()).toBe(0); // the stopped thread is not parked
    expect(await runBytes(deal)).toBe(warm);
    expect(warmThreadsStarted()).toBe(before + 1);
  });
});
