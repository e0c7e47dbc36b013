import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECTION_CHUNK_LOANS } from '../../../engine/index.ts';
import type { AppEvent, DealFile, DealRunRequest, JobInfo } from '../../../service/api/contract.ts';
import { readDealFile } from '../../../service/files/deal-file.ts';
import { readScenarioSet } from '../../../service/files/scenario-file.ts';
import { dealRunOf, scenarioSetRunOf } from '../../../service/jobs/job-manager.ts';
import { idleThreads } from '../../../service/jobs/pool/pool-idle.ts';
import { runningThreads } from '../../../service/jobs/pool/pool-slots.ts';
import { poolSize, setPoolSize } from '../../../service/jobs/pool/worker-pool.ts';
import { serveDealTask, type DealWorkerData } from '../../../service/jobs/workers/deal-tasks.ts';
import { scenarioOverridesOf } from '../../../service/runs/scenario.ts';
import type { Service } from '../../../service/service.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';
import { useSampleTape } from '../../helpers/service.ts';

// 100,000 loans: four engine chunks of 32,768 (the last partial), so the run's projection is four pool tasks.
const LOANS = 100_000;
const sample = useSampleTape({ loans: LOANS, seed: 5 });
const sizeBefore = poolSize();
afterEach(() => setPoolSize(sizeBefore));

const deal = (): DealFile => readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json'), 'utf8')));

async function finished(service: Service, request: DealRunRequest): Promise<JobInfo> {
  const job = await service.call('deal.run', request);
  if (!job.ok) throw new Error(job.error.message);
  return service.jobs.wait(job.value.id);
}

/** The same run on this thread alone: the tape read, the deal prepared and the pool projected by projectPool in one piece. */
function oneThreadRun(service: Service, tapeId: number): unknown {
  const data: DealWorkerData = {
    task: 'run',
    workspacePath: service.requireWorkspace().path,
    tapeId,
    mode: 'loan',
    deal: deal(),
    assumptions: undefined,
    scenarioOverrides: {},
    by: 'multiplier',
    interest: undefined,
  };
  const reply = serveDealTask(data, () => undefined);
  if (reply.type !== 'run') throw new Error(`the run answered ${reply.type}`);
  return reply.result;
}

describe('a loan-level deal run on the worker pool', () => {
  it('projects the pool in chunks on the pool’s threads and equals the one-thread run to the bit with 1, 2 and 3 threads', { timeout: 300_000 }, async () => {
    const service = sample.service();
    const tapeId = sample.tapeId();
    const reference = JSON.stringify(oneThreadRun(service, tapeId));
    expect(idleThreads()).toBe(0);
    for (const jobs of [1, 2, 3]) {
      setPoolSize(jobs);
      const projected: number[] = [];
      let mostThreads = 0;
      const onEvent = (event: AppEvent): void => {
        if (event.type !== 'job.updated' || event.job.kind !== 'deal.run' || event.job.progress?.unit !== 'loans') return;
        projected.push(event.job.progress.done);
        mostThreads = Math.max(mostThreads, runningThreads());
      };
      service.events.on('event', onEvent);
      const run = dealRunOf(await finished(service, { deal: deal(), tapeId, mode: 'loan', store: false }));
      service.events.off('event', onEvent);
      // JSON writes every double in its shortest exact form: equal strings are equal bits (every period, tranche and ratio).
      expect(JSON.stringify(run?.run)).toBe(reference);
      expect(run?.run.loans).toBe(LOANS);
      // The pool projected chunk by chunk (progress after each task of one chunk), never on more threads than the pool's size.
      // Progress events may coalesce under load (a CI run saw [98304, 100000]), so the test asks for whole-chunk steps, not each one.
      expect(projected.at(-1)).toBe(LOANS);
      const before = projected.slice(0, -1);
      expect(before.length).toBeGreaterThan(0);
      // Done = a sum of finished chunks (three of 32,768 and the last of 1,696, in any order on 2 or 3 threads).
      for (const done of before) expect([0, LOANS % PROJECTION_CHUNK_LOANS]).toContain(done % PROJECTION_CHUNK_LOANS);
      expect([...projected].sort((a, b) => a - b)).toEqual(projected);
      expect(mostThreads).toBeLessThanOrEqual(jobs);
      // Afterwards the pool's threads wait idle for the next call, beside the deal thread (warm-worker-job.ts).
      expect(idleThreads()).toBe(jobs + 1);
    }
    // Not a vacuous comparison: the run has defaults, losses and paid notes.
    const parsed = JSON.parse(reference) as { cumulativeDefaultRate: number[]; tranches: { walYears: number | null }[] };
    expect(parsed.cumulativeDefaultRate.at(-1)).toBeGreaterThan(0);
    expect(parsed.tranches[0]?.walYears).toBeGreaterThan(0);
  });

  it('cancels midway through the pool projection: the job ends CANCELLED, the store keeps nothing and the pool’s threads stop', { timeout: 120_000 }, async () => {
    const service = sample.service();
    const runsBefore = await service.call('runs.list', {});
    if (!runsBefore.ok) throw new Error(runsBefore.error.message);
    setPoolSize(2);
    const job = await service.call('deal.run', { deal: deal(), tapeId: sample.tapeId(), mode: 'loan' });
    if (!job.ok) throw new Error(job.error.message);
    const id = job.value.id;
    // Cancel once the first chunk has come back from the pool: the loans are on the pool's threads, not all projected.
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        const info = service.jobs.get(id);
        if (info?.state !== 'running') {
          clearInterval(poll);
          reject(new Error(`the job ended (${info?.state ?? 'gone'}) before it could be cancelled midway`));
        } else if (info.progress?.unit === 'loans' && info.progress.done > 0) {
          clearInterval(poll);
          expect(info.progress.done).toBeLessThan(LOANS);
          expect(service.jobs.cancel(id)).toBe(true);
          resolve();
        }
      }, 1);
    });
    const done = await service.jobs.wait(id);
    expect(done.state).toBe('cancelled');
    expect(done.error?.code).toBe('CANCELLED');
    // The pool's threads stop too (terminated as the pool's run rejects; the deal thread stopped at once).
    const deadline = performance.now() + 10_000;
    while (runningThreads() > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(runningThreads()).toBe(0);
    const runsAfter = await service.call('runs.list', {});
    if (!runsAfter.ok) throw new Error(runsAfter.error.message);
    expect(runsAfter.value).toEqual(runsBefore.value);
  });

  it(
    'runs a loan-level scenario set with each scenario projected inline in its pool task — never more threads than the pool — and each scenario equals its chunked deal run',
    { timeout: 300_000 },
    async () => {
      const service = sample.service();
      const tapeId = sample.tapeId();
      const shipped = readScenarioSet(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'scenarios', 'cn-consumer-revolving.json'), 'utf8')));
      // The base and the first stress of the shipped set.
      const scenarios = shipped.scenarios.slice(0, 2);
      setPoolSize(2);
      let mostThreads = 0;
      const onEvent = (event: AppEvent): void => {
        if (event.type === 'job.updated') mostThreads = Math.max(mostThreads, runningThreads());
      };
      service.events.on('event', onEvent);
      const job = await service.call('deal.runScenarios', { deal: deal(), tapeId, mode: 'loan', scenarios: { ...shipped, scenarios }, store: false });
      if (!job.ok) throw new Error(job.error.message);
      const ran = scenarioSetRunOf(await service.jobs.wait(job.value.id));
      service.events.off('event', onEvent);
      // Two scenarios, one a pool task on each of the pool's two threads; a scenario's projection runs inside its task.
      expect(mostThreads).toBe(2);
      expect(ran?.scenarios.scenarios).toHaveLength(2);
      for (const [k, scenario] of scenarios.entries()) {
        // The same scenario as a deal run: its pool projected in chunks on the pool. Same tranche figures to the bit.
        const run = dealRunOf(await finished(service, { deal: deal(), tapeId, mode: 'loan', scenarioOverrides: scenarioOverridesOf(scenario, `$.scenarios[${k}]`), store: false }));
        expect(JSON.stringify(ran?.scenarios.scenarios[k]?.tranches)).toBe(JSON.stringify(run?.run.tranches));
        expect(ran?.scenarios.scenarios[k]?.cumulativeDefaultRate).toBe(run?.run.cumulativeDefaultRate.at(-1));
      }
      // The stressed scenario differs from the base: not a comparison of one run with itself.
      expect(ran?.scenarios.scenarios[1]?.cumulativeDefaultRate).toBeGreaterThan(ran?.scenarios.scenarios[0]?.cumulativeDefaultRate ?? Infinity);
    },
  );
});
