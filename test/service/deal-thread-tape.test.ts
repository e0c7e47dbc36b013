import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AssumptionFile, DealFile, DealRunRequest } from '../../service/api/contract.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { dealRunOf, importReportOf } from '../../service/jobs/job-manager.ts';
import { stopIdleThreads } from '../../service/jobs/pool/pool-idle.ts';
import { warmThreadsStarted } from '../../service/jobs/warm-worker-job.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useSampleTape } from '../helpers/service.ts';

/**
 * The warm deal thread keeps the last tape it read in representative lines for its next job
 * (service/jobs/workers/deal-tasks.ts loadTape): an analyst re-running a deal on the same tape under
 * another scenario does not wait for the tape to be read and grouped again. A kept read must be the
 * read the thread would make: runs in between do not change it, and a tape deleted and another
 * imported under the same id (SQLite reuses the largest rowid) is read again.
 */
const sample = useSampleTape({ loans: 3_000, seed: 3 });
const deal: DealFile = readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json'), 'utf8')));
const base = deal.assumptions as AssumptionFile;
const withRecovery = (rate: number): AssumptionFile => ({ ...base, pool: { ...base.pool, recoveryRate: rate } });

/** A deal run on the tape in lines, computed (not served from the run store): its result as bytes. */
async function runBytes(tapeId: number, assumptions: AssumptionFile): Promise<string> {
  const request: DealRunRequest = { deal, tapeId, mode: 'repline', assumptions, store: false };
  const started = await sample.service().call('deal.run', request);
  if (!started.ok) throw new Error(started.error.message);
  const done = await sample.service().jobs.wait(started.value.id);
  const ran = dealRunOf(done);
  if (!ran) throw new Error(done.error?.message ?? done.state);
  return JSON.stringify(ran.run);
}

async function importSample(seed: number): Promise<number> {
  const job = await sample.service().call('tape.importSample', { loans: 2_000, seed });
  if (!job.ok) throw new Error(job.error.message);
  return importReportOf(await sample.service().jobs.wait(job.value.id))?.tapeId ?? 0;
}

describe('a warm deal thread’s kept tape lines', () => {
  it('give the bytes of a fresh read, across other scenarios, and a tape imported under a deleted tape’s id is read again', { timeout: 120_000 }, async () => {
    await stopIdleThreads();
    const threads = warmThreadsStarted();
    const first = await runBytes(sample.tapeId(), base);
    const other = await runBytes(sample.tapeId(), withRecovery(0.4));
    expect(other).not.toBe(first);
    expect(await runBytes(sample.tapeId(), base)).toBe(first);
    expect(warmThreadsStarted()).toBe(threads + 1); // one thread: the later runs read the kept lines

    // A second tape, read (and kept) on the same thread; then deleted, and another sample imported under its id.
    const second = await importSample(4);
    const onSecond = await runBytes(second, base);
    expect(onSecond).not.toBe(first);
    const deleted = await sample.service().call('tape.delete', { id: second });
    if (!deleted.ok) throw new Error(deleted.error.message);
    const third = await importSample(5);
    expect(third).toBe(second);
    const onThird = await runBytes(third, base);
    expect(onThird).not.toBe(onSecond);
    expect(warmThreadsStarted()).toBe(threads + 1);
    // The same run on a new thread (nothing kept) gives the same bytes.
    await stopIdleThreads();
    expect(await runBytes(third, base)).toBe(onThird);
    expect(warmThreadsStarted()).toBe(threads + 2);
  });
});
