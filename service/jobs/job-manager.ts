import { randomUUID } from 'node:crypto';
import type { ApiError, ImportReport, JobInfo, JobProgress, JobResult, JobResultOf } from '../api/contract.ts';
import type { CodedMessage } from '../../engine/messages.ts';

/**
 * Long work (imports, sweeps) runs as a job: the API call returns at once with the job, the
 * work goes on in a worker thread, progress is pushed as events (throttled), and the job can be
 * cancelled. Finished jobs are kept so a late poller still gets the result — the most recent
 * KEEP_FINISHED_JOBS of them, pruned whenever a job starts or finishes, so a long session's
 * results (a deal run's is hundreds of KB) are not kept without limit.
 */

/** A finished import job's report (undefined for another kind of job or an unfinished one). */
export function importReportOf(job: JobInfo): ImportReport | undefined {
  return job.result?.kind === 'tape.import' ? job.result.report : undefined;
}

/** A finished projection job's table and the time it took (undefined for another kind of job or an unfinished one). */
export function projectionOf(job: JobInfo): JobResultOf<'pool.project'> | undefined {
  return job.result?.kind === 'pool.project' ? job.result : undefined;
}

/** A finished deal-run job's result and the time it took. */
export function dealRunOf(job: JobInfo): JobResultOf<'deal.run'> | undefined {
  return job.result?.kind === 'deal.run' ? job.result : undefined;
}

/** A finished breakeven job's result and the time it took. */
export function breakevenOf(job: JobInfo): JobResultOf<'deal.breakeven'> | undefined {
  return job.result?.kind === 'deal.breakeven' ? job.result : undefined;
}

/** A finished sizing job's result (the sized deal and its capital structure) and the time it took. */
export function dealSizeOf(job: JobInfo): JobResultOf<'deal.size'> | undefined {
  return job.result?.kind === 'deal.size' ? job.result : undefined;
}

/** A finished scenario-set job's result and the time it took. */
export function scenarioSetRunOf(job: JobInfo): JobResultOf<'deal.runScenarios'> | undefined {
  return job.result?.kind === 'deal.runScenarios' ? job.result : undefined;
}

/** A finished Monte Carlo job's result and the time it took. */
export function monteCarloOf(job: JobInfo): JobResultOf<'deal.monteCarlo'> | undefined {
  return job.result?.kind === 'deal.monteCarlo' ? job.result : undefined;
}

/** A finished grid job's result and the time it took. */
export function gridOf(job: JobInfo): JobResultOf<'deal.grid'> | undefined {
  return job.result?.kind === 'deal.grid' ? job.result : undefined;
}

export interface JobContext {
  readonly signal: AbortSignal;
  progress(progress: JobProgress): void;
}

type Listener = (job: JobInfo, finished: boolean) => void;

interface Entry {
  info: JobInfo;
  controller: AbortController;
  done: Promise<JobInfo>;
  /** Order of finishing (0 while running): retention keeps the most recently finished. */
  finishOrder: number;
}

/** How many finished jobs (and their results) the manager keeps: the most recent ones. */
export const KEEP_FINISHED_JOBS = 50;
const PROGRESS_INTERVAL_MS = 150;

export class JobManager {
  readonly #jobs = new Map<string, Entry>();
  readonly #listener: Listener;
  readonly #toApiError: (error: unknown) => ApiError;
  #finished = 0;

  constructor(listener: Listener, toApiError: (error: unknown) => ApiError) {
    this.#listener = listener;
    this.#toApiError = toApiError;
  }

  /** `title` by code (service/jobs/job-titles.ts): its English is the job's `title`. */
  start(kind: JobInfo['kind'], title: CodedMessage, run: (ctx: JobContext) => Promise<JobResult>): JobInfo {
    const controller = new AbortController();
    const info: JobInfo = {
      id: randomUUID(),
      kind,
      title: title.message,
      titleCoded: title,
      state: 'running',
      progress: null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      result: null,
      error: null,
    };
    let lastEmit = 0;
    const entry: Entry = { info, controller, done: Promise.resolve(info), finishOrder: 0 };
    const update = (next: JobInfo, finished: boolean): void => {
      entry.info = next;
      if (finished) {
        entry.finishOrder = ++this.#finished;
        this.#prune();
      }
      this.#listener(next, finished);
    };
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (progress) => {
        if (entry.info.state !== 'running') return;
        const t = Date.now();
        entry.info = { ...entry.info, progress };
        if (t - lastEmit >= PROGRESS_INTERVAL_MS) {
          lastEmit = t;
          this.#listener(entry.info, false);
        }
      },
    };
    entry.done = run(ctx).then(
      (result) => {
        update({ ...entry.info, state: 'succeeded', result, finishedAt: new Date().toISOString() }, true);
        return entry.info;
      },
      (error: unknown) => {
        const apiError = this.#toApiError(error);
        const state = apiError.code === 'CANCELLED' ? 'cancelled' : 'failed';
        update({ ...entry.info, state, error: apiError, finishedAt: new Date().toISOString() }, true);
        return entry.info;
      },
    );
    this.#jobs.set(info.id, entry);
    this.#prune();
    this.#listener(info, false);
    return info;
  }

  get(id: string): JobInfo | null {
    return this.#jobs.get(id)?.info ?? null;
  }

  list(): JobInfo[] {
    return [...this.#jobs.values()].map((e) => e.info);
  }

  /** Resolves when the job has finished, whatever its outcome. */
  wait(id: string): Promise<JobInfo> {
    const entry = this.#jobs.get(id);
    return entry ? entry.done : Promise.reject(new Error(`unknown job ${id}`));
  }

  cancel(id: string): boolean {
    const entry = this.#jobs.get(id);
    if (!entry || entry.info.state !== 'running') return false;
    entry.controller.abort();
    return true;
  }

  cancelAll(): void {
    for (const entry of this.#jobs.values()) if (entry.info.state === 'running') entry.controller.abort();
  }

  async drain(): Promise<void> {
    await Promise.all([...this.#jobs.values()].map((e) => e.done));
  }

  /** Drops the finished jobs beyond the most recent KEEP_FINISHED_JOBS, oldest finish first (so a job that has just finished is kept for its poller). */
  #prune(): void {
    const finished = [...this.#jobs.values()].filter((e) => e.info.state !== 'running').sort((a, b) => a.finishOrder - b.finishOrder);
    for (const entry of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED_JOBS))) this.#jobs.delete(entry.info.id);
  }
}
