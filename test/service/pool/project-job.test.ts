import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECTION_CHUNK_LOANS } from '../../../engine/index.ts';
import type { AppEvent, AssumptionFile, ProjectionRequest } from '../../../service/api/contract.ts';
import { checkAssumptions } from '../../../service/files/assumption-file.ts';
import { idleThreads } from '../../../service/jobs/pool/pool-idle.ts';
import { poolSize, setPoolSize } from '../../../service/jobs/pool/worker-pool.ts';
import { projectInput, tapeInput } from '../../../service/runs/projection.ts';
import type { Service } from '../../../service/service.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';
import { runProjectionJob, useSampleTape } from '../../helpers/service.ts';

const EXAMPLE = join(REPO_ROOT, 'templates', 'assumptions', 'consumer-base.json');
const example = (): AssumptionFile => checkAssumptions(JSON.parse(readFileSync(EXAMPLE, 'utf8'))).assumptions;

// 100,000 loans: four engine chunks of 32,768 loans (the last one partial), a pool task each.
const LOANS = 100_000;
const sample = useSampleTape({ loans: LOANS, seed: 11 });
let service: Service;
let tapeId: number;
const sizeBefore = poolSize();

beforeEach(() => {
  service = sample.service();
  tapeId = sample.tapeId();
});
afterEach(() => setPoolSize(sizeBefore));

describe('pool.project loan level on the worker pool', () => {
  it('reads the tape’s loans straight onto shared memory for the pool threads, the same loans as on its own', () => {
    const db = service.requireWorkspace().db;
    const own = tapeInput(db, tapeId).loans;
    const shared = tapeInput(db, tapeId, { memory: 'shared' }).loans;
    for (const key of Object.keys(own) as (keyof typeof own)[]) {
      expect(shared[key].buffer, key).toBeInstanceOf(SharedArrayBuffer);
      expect(Array.from(shared[key]), key).toEqual(Array.from(own[key]));
    }
  });

  it('equals the single-thread engine (projectPool on one thread) bit for bit with 1 and 2 pool threads', async () => {
    const assumptions = example();
    const request: ProjectionRequest = { source: { kind: 'tape', tapeId }, assumptions, store: false };
    // The reference: the tape's loans read and projected on this thread by projectPool (projectInput).
    const reference = projectInput(tapeInput(service.requireWorkspace().db, tapeId), assumptions);
    expect(reference.loans).toBe(LOANS);
    expect(idleThreads()).toBe(0);
    for (const jobs of [1, 2]) {
      setPoolSize(jobs);
      const done: number[] = [];
      const onEvent = (event: AppEvent): void => {
        if (event.type === 'job.updated' && event.job.kind === 'pool.project' && event.job.progress) done.push(event.job.progress.done);
      };
      service.events.on('event', onEvent);
      const { projection, seconds } = await runProjectionJob(service, request);
      service.events.off('event', onEvent);
      // JSON writes every double in its shortest exact form: equal strings are equal bits.
      expect(JSON.stringify(projection)).toBe(JSON.stringify(reference));
      expect(seconds).toBeGreaterThan(0);
      // The projection ran on the pool, on as many threads as the pool allows: they wait idle for the next call now.
      expect(idleThreads()).toBe(jobs);
      // Progress counts loans projected task by task (a chunk of 32,768 loans a task, the last one shorter), never past the pool:
      // each figure is a sum of finished chunks. Events may coalesce under load (a CI run saw [0, 100000, 100000]), so no single step is required.
      for (const d of done) expect(d <= LOANS && [0, LOANS % PROJECTION_CHUNK_LOANS].includes(d % PROJECTION_CHUNK_LOANS)).toBe(true);
      expect(done.at(-1)).toBe(LOANS);
    }
  });

  it('cancels on the pool midway: the job ends CANCELLED and the run store keeps nothing', async () => {
    const runsBefore = await service.call('runs.list', {});
    if (!runsBefore.ok) throw new Error(runsBefore.error.message);
    setPoolSize(2);
    const job = await service.call('pool.project', { source: { kind: 'tape', tapeId }, assumptions: { ...example(), months: 360 } });
    if (!job.ok) throw new Error(job.error.message);
    const id = job.value.id;
    // Cancel once the first pool task has answered: loans are on the pool's threads, not yet all projected.
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        const info = service.jobs.get(id);
        if (info?.state !== 'running') {
          clearInterval(poll);
          reject(new Error(`the job ended (${info?.state ?? 'gone'}) before it could be cancelled midway`));
        } else if ((info.progress?.done ?? 0) > 0) {
          clearInterval(poll);
          expect(info.progress?.done).toBeLessThan(LOANS);
          expect(service.jobs.cancel(id)).toBe(true);
          resolve();
        }
      }, 2);
    });
    const done = await service.jobs.wait(id);
    expect(done.state).toBe('cancelled');
    expect(done.error?.code).toBe('CANCELLED');
    expect(done.error?.message).toMatch(/nothing was kept/);
    const runsAfter = await service.call('runs.list', {});
    if (!runsAfter.ok) throw new Error(runsAfter.error.message);
    expect(runsAfter.value).toEqual(runsBefore.value);
  });
});
