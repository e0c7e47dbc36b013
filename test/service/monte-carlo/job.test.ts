import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AppEvent, JobProgress, MonteCarloRequest } from '../../../service/api/contract.ts';
import { readDealFile } from '../../../service/files/deal-file.ts';
import { monteCarloOf } from '../../../service/jobs/job-manager.ts';
import { Service } from '../../../service/service.ts';
import { useTempDir } from '../../helpers/tmp.ts';
import { STATIC_DEAL } from './static-deal.ts';

const tempDir = useTempDir();

async function value<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string; code: string } }>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
  return answer.value;
}

const request: MonteCarloRequest = { deal: readDealFile(STATIC_DEAL), distribution: { kind: 'lognormal', mean: 0.15, cv: 0.6 }, paths: 100, seed: 3, jobs: 2 };

describe('deal.monteCarlo (a job)', () => {
  it('reports progress in paths, stores the run as kind monte-carlo and serves an identical rerun from the store', async () => {
    const file = join(tempDir(), 'mc.sqlite');
    const service = new Service({ transport: 'test' });
    await value(service.call('workspace.open', { path: file, create: true }));
    const progress: JobProgress[] = [];
    const onEvent = (event: AppEvent): void => {
      if (event.type === 'job.updated' && event.job.progress) progress.push(event.job.progress);
    };
    service.events.on('event', onEvent);
    const job = await value(service.call('deal.monteCarlo', request));
    const first = monteCarloOf(await service.jobs.wait(job.id));
    service.events.off('event', onEvent);
    expect(first?.monteCarlo.paths).toBe(100);
    expect(first?.stored?.fromStore).toBe(false);
    expect(progress.some((p) => p.unit === 'paths')).toBe(true);
    const again = monteCarloOf(await service.jobs.wait((await value(service.call('deal.monteCarlo', { ...request, jobs: 1 }))).id));
    expect(again?.stored).toMatchObject({ fromStore: true, runId: first?.stored?.runId });
    expect(JSON.stringify(again?.monteCarlo)).toBe(JSON.stringify(first?.monteCarlo));
    const runs = await value(service.call('runs.list', {}));
    expect(runs.map((r) => r.kind)).toEqual(['monte-carlo']);
    expect(runs[0]?.name).toBe('Monte Carlo 100 paths, lognormal:mean=0.15,cv=0.6, seed 3 — Zero-coupon static deal on its own pool — deal’s scenario');
    const stored = await value(service.call('runs.get', { id: runs[0]?.id ?? 0 }));
    expect(stored.result.kind).toBe('deal.monteCarlo');
    expect(stored.inputs).toMatchObject({ kind: 'monte-carlo', paths: 100, seed: 3, distribution: request.distribution });
    await service.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT kind FROM runs').pluck().all()).toEqual(['monte-carlo']);
    db.close();
  });

  it('a cancelled Monte Carlo stores nothing; a bad rating table or distribution is refused at once', async () => {
    const file = join(tempDir(), 'cancel.sqlite');
    const service = new Service({ transport: 'test' });
    await value(service.call('workspace.open', { path: file, create: true }));
    const job = await value(service.call('deal.monteCarlo', { ...request, paths: 2000, seed: 9 }));
    await value(service.call('job.cancel', { id: job.id }));
    const done = await service.jobs.wait(job.id);
    expect(done.state).toBe('cancelled');
    expect(await value(service.call('runs.list', {}))).toEqual([]);
    await expect(
      value(
        service.call('deal.monteCarlo', {
          ...request,
          ratingTable: [
            { rating: 'A', maxExpectedLoss: 0.01 },
            { rating: 'AAA', maxExpectedLoss: 0.001 },
          ],
        }),
      ),
    ).rejects.toThrow(/rating table/);
    await expect(value(service.call('deal.monteCarlo', { ...request, distribution: { kind: 'vasicek', pd: 4, rho: 0.1 } }))).rejects.toThrow(/decimal < 1/);
    // A lognormal without a mean is centred on the scenario's own lifetime default (5% for this deal).
    const centred = monteCarloOf(await service.jobs.wait((await value(service.call('deal.monteCarlo', { ...request, paths: 4, distribution: { kind: 'lognormal', cv: 0 } }))).id));
    expect(centred?.monteCarlo.distribution).toEqual({ kind: 'lognormal', mean: centred?.monteCarlo.scenarioLifetimeDefault, cv: 0 });
    expect(centred?.monteCarlo.scenarioLifetimeDefault).toBeCloseTo(0.05, 12);
    await service.close();
  });
});
