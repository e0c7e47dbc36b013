/**
 * Soak: deal runs one after another through the service's job manager, as the app starts them
 * (deal.run → a job on a warm deal thread, service/jobs/warm-worker-job.ts), on a workspace with a sample tape imported. Every
 * run must succeed; resident memory, read after a full collection every 100 runs, must grow less
 * than 50 MB after the first 100 (the first hundred warm the caches: modules, the tape's lines);
 * and the finished jobs kept — each holding its result — must stay within the job manager's
 * retention (KEEP_FINISHED_JOBS, the most recent by finish), the oldest dropped.
 */
import { join } from 'node:path';
import type { DealTemplate, JobInfo } from '../../service/api/contract.ts';
import { importReportOf, KEEP_FINISHED_JOBS } from '../../service/jobs/job-manager.ts';
import { Service } from '../../service/service.ts';
import { errorText, inTempDir, memoryAfterGc, round, stopwatch, type FamilyFigures, type FamilySize, type MemoryPoint, type TrialFailure } from './load-support.ts';

const SIZES = { small: { runs: 80 }, full: { runs: 2_000 } } as const;
const TAPE_LOANS = 2_000;
const CHECKPOINT_RUNS = 100;
/** The budget: resident memory may grow less than this after the first 100 runs (issue 17, Load). */
const GROWTH_BUDGET_MB = 50;
/** Runs in flight at once: the app's two cores. */
const IN_FLIGHT = 2;

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.message}`);
  return result.value;
}

/** One deal run to its end; null when it succeeded, else why not. */
async function dealRun(service: Service, template: DealTemplate, tapeId: number, started: JobInfo[]): Promise<string | null> {
  // Each shipped template carries its own scenario; the pool is the tape's, in representative lines (the app's default),
  // except a template whose pool is its collection schedule (docs/schedule-pools.md), which runs on that alone.
  const onTape = template.deal.schedulePool === undefined ? { tapeId } : {};
  const job = await service.call('deal.run', { deal: template.deal, ...onTape, store: false });
  if (!job.ok) return `${job.error.code}: ${job.error.message}`;
  started.push(job.value);
  const done = await service.jobs.wait(job.value.id);
  return done.state === 'succeeded' ? null : `job ${done.state}: ${done.error?.message ?? ''}`;
}

interface Retention {
  readonly keptJobs: number;
  readonly keptResultBytes: number;
  readonly problem: string | null;
}

/** What the job manager still holds: at most KEEP_FINISHED_JOBS, and exactly the most recently finished. */
function retention(service: Service, started: readonly JobInfo[]): Retention {
  const kept = service.jobs.list();
  const keptResultBytes = kept.reduce((sum, job) => sum + JSON.stringify(job.result).length, 0);
  const expected = Math.min(KEEP_FINISHED_JOBS, started.length + 1); // + the tape's import job
  const oldestRun = started[0];
  let problem: string | null = null;
  if (kept.length !== expected) problem = `${kept.length} finished jobs kept, expected ${expected}`;
  else if (started.length > KEEP_FINISHED_JOBS && oldestRun && service.jobs.get(oldestRun.id) !== null) problem = 'the first run is still kept';
  return { keptJobs: kept.length, keptResultBytes, problem };
}

export async function run(size: FamilySize): Promise<FamilyFigures> {
  const { runs } = SIZES[size];
  const elapsed = stopwatch();
  return inTempDir('abs-reliability-soak-', async (dir) => {
    const service = new Service({ transport: 'test' });
    const failures: TrialFailure[] = [];
    const memory: ({ runs: number } & MemoryPoint)[] = [];
    const started: JobInfo[] = [];
    let retained: Retention = { keptJobs: 0, keptResultBytes: 0, problem: null };
    try {
      unwrap(await service.call('workspace.open', { path: join(dir, 'soak.sqlite') }), 'workspace.open');
      const imported = await service.jobs.wait(unwrap(await service.call('tape.importSample', { loans: TAPE_LOANS, seed: 26 }), 'tape.importSample').id);
      const tapeId = importReportOf(imported)?.tapeId;
      if (tapeId === undefined || tapeId === null) throw new Error(`import ${imported.state}: ${imported.error?.message ?? ''}`);
      const templates = unwrap(await service.call('deal.templates', {}), 'deal.templates');
      memory.push({ runs: 0, ...memoryAfterGc() });
      for (let done = 0; done < runs; done += IN_FLIGHT) {
        const batch = Array.from({ length: Math.min(IN_FLIGHT, runs - done) }, (_, i) => templates[(done + i) % templates.length] as DealTemplate);
        const problems = await Promise.all(batch.map((template) => dealRun(service, template, tapeId, started)));
        problems.forEach((problem, i) => {
          if (problem !== null) failures.push({ trial: `run ${done + i + 1} (${batch[i]?.id ?? '?'})`, problem });
        });
        const after = done + batch.length;
        if (size === 'full' && after % CHECKPOINT_RUNS === 0) memory.push({ runs: after, ...memoryAfterGc() });
      }
      retained = retention(service, started);
      if (retained.problem !== null) failures.push({ trial: 'finished-job retention', problem: retained.problem });
    } catch (error) {
      failures.push({ trial: 'soak setup', problem: errorText(error) });
    } finally {
      await service.close();
    }
    const afterFirst = memory.filter((point) => point.runs >= CHECKPOINT_RUNS);
    const base = afterFirst[0]?.rssMb ?? Number.NaN;
    const growthMb = afterFirst.length > 0 ? round(Math.max(...afterFirst.map((p) => p.rssMb)) - base) : null;
    const last = afterFirst.at(-1);
    if (growthMb !== null && !(growthMb < GROWTH_BUDGET_MB)) {
      failures.push({ trial: 'resident memory', problem: `grew ${growthMb} MB after the first ${CHECKPOINT_RUNS} runs (budget < ${GROWTH_BUDGET_MB} MB)` });
    }
    const trials = runs + 1 + (growthMb === null ? 0 : 1);
    return {
      family: 'soak',
      size,
      trials,
      survived: trials - failures.length,
      failures,
      seconds: elapsed(),
      dealRuns: runs,
      tapeLoans: TAPE_LOANS,
      runsInFlight: IN_FLIGHT,
      memoryByRuns: memory,
      residentGrowthAfterFirst100Mb: growthMb,
      // Beside the peak: where resident memory and the JavaScript heap ended, against run 100 (a leak climbs; allocator noise does not).
      residentAtEndMinusRun100Mb: last ? round(last.rssMb - base) : null,
      heapAtEndMinusRun100Mb: last && afterFirst[0] ? round(last.heapUsedMb - afterFirst[0].heapUsedMb) : null,
      growthBudgetMb: GROWTH_BUDGET_MB,
      finishedJobsKept: retained.keptJobs,
      finishedJobsKeptLimit: KEEP_FINISHED_JOBS,
      keptResultsKb: round(retained.keptResultBytes / 1024),
    };
  });
}
