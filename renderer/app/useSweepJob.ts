import { useEffect, useState } from 'react';
import type { JobInfo, JobResult, JobResultOf } from '../../service/api/contract.ts';
import { ApiCallError, type ApiClient } from '../api/client.ts';
import { reportError, useApp } from './context.tsx';
import { translate, type MessageKey } from './i18n.tsx';
import { upsertJob, useWatchedJob } from './jobs.ts';
import { notify } from './notifications.ts';

/** A job a screen started: its id, and whatever the screen keeps about what it ran. */
export interface JobRef {
  readonly jobId: string;
}

/** A sweep panel's job, with the key of the inputs it ran (another key makes its result out of date). */
export interface SweepJobRef extends JobRef {
  readonly key: string;
}

/** What a screen keeps in its store: the job started last and the last one shown. */
export interface JobSlots<R extends JobRef> {
  readonly latest: R | null;
  readonly shown: R | null;
}

export type SweepJobSlots = JobSlots<SweepJobRef>;

/** The screen's own words for what can go wrong or end early, from the catalogues. */
export interface SweepJobMessages<R extends JobRef = SweepJobRef> {
  readonly cannotRead: MessageKey;
  readonly cannotStart: MessageKey;
  readonly cannotCancel: MessageKey;
  readonly cancelled: MessageKey;
  /** The line under "cancelled": a catalogue key, or words naming the job (its set and tape). */
  readonly nothingKept: MessageKey | ((ref: R) => string);
  /** Said (with the service's reason) when the job failed. */
  readonly failed: MessageKey;
}

/** The jobs whose results a screen shows: a projection, a sensitivity grid, a Monte Carlo. */
export type SweepKind = 'pool.project' | 'deal.grid' | 'deal.monteCarlo';

export interface SweepJob<K extends SweepKind, R extends JobRef = SweepJobRef> {
  /** The job started last (running, or how it ended). */
  readonly latest: JobInfo | null;
  readonly running: boolean;
  /** A start was asked and the job is not known yet (the button stays disabled meanwhile). */
  readonly starting: boolean;
  /** The last result that succeeded: what the screen shows, also while a newer job runs. */
  readonly result: JobResultOf<K> | null;
  /** The shown result ran other inputs than `key` (and nothing newer is running). */
  readonly outOfDate: (key: string) => boolean;
  /** Starts a job; `refOf` says what to keep about it once its id is known. */
  start(launch: (api: ApiClient) => Promise<JobInfo>, refOf: (jobId: string) => R): Promise<void>;
  cancel(): Promise<void>;
}

function isResultOf<K extends SweepKind>(result: JobResult | null | undefined, kind: K): result is JobResultOf<K> {
  return result?.kind === kind;
}

/** Job ids whose end was already said (a screen may mount again over a finished job). */
const announced = new Set<string>();

function announceEnd<R extends JobRef>(job: JobInfo, ref: R, messages: SweepJobMessages<R>): void {
  if (announced.has(job.id) || job.state === 'running' || job.state === 'succeeded') return;
  announced.add(job.id);
  if (job.state === 'cancelled') notify('info', translate(messages.cancelled), typeof messages.nothingKept === 'function' ? messages.nothingKept(ref) : translate(messages.nothingKept));
  else reportError(translate(messages.failed), job.error ? new ApiCallError(job.error) : new Error(translate('deal.noReasonGiven')));
}

/**
 * The job plumbing a screen that runs one long job at a time needs (the Results projection, the
 * sensitivity grid, Monte Carlo): start a job and remember it as the latest, watch its progress,
 * cancel it, and when it succeeds make it the shown one; a cancelled or failed job says so once and
 * the last result stays. `ref.key` (when the ref has one) is what `outOfDate` compares.
 */
export function useSweepJob<K extends SweepKind, R extends JobRef = SweepJobRef>(
  kind: K,
  slots: JobSlots<R>,
  update: (patch: Partial<JobSlots<R>>) => void,
  messages: SweepJobMessages<R>,
): SweepJob<K, R> {
  const { api } = useApp();
  const [starting, setStarting] = useState(false);
  const onReadError = (error: unknown): void => reportError(translate(messages.cannotRead), error);
  const latest = useWatchedJob(api, slots.latest?.jobId ?? null, onReadError);
  const sameJob = slots.shown?.jobId === slots.latest?.jobId;
  const shownJob = useWatchedJob(api, sameJob ? null : (slots.shown?.jobId ?? null), onReadError);
  const running = latest?.state === 'running';

  useEffect(() => {
    if (!latest || !slots.latest || latest.state === 'running' || slots.shown?.jobId === slots.latest.jobId) return;
    // A success is shown once its result is here (the news can come without it): the last result stays until then.
    if (latest.state === 'succeeded') {
      if (isResultOf(latest.result, kind)) update({ shown: slots.latest });
    } else announceEnd(latest, slots.latest, messages);
  }, [kind, latest, slots.latest, slots.shown, update, messages]);

  async function start(launch: (api: ApiClient) => Promise<JobInfo>, refOf: (jobId: string) => R): Promise<void> {
    setStarting(true);
    try {
      const job = await launch(api);
      upsertJob(job);
      update({ latest: refOf(job.id) });
    } catch (error) {
      reportError(translate(messages.cannotStart), error);
    } finally {
      setStarting(false);
    }
  }

  async function cancel(): Promise<void> {
    if (!slots.latest) return;
    try {
      await api.call('job.cancel', { id: slots.latest.jobId });
    } catch (error) {
      reportError(translate(messages.cannotCancel), error);
    }
  }

  const shown = sameJob ? latest : shownJob;
  const result = shown?.state === 'succeeded' && isResultOf(shown.result, kind) ? shown.result : null;
  const shownKey = slots.shown !== null && 'key' in slots.shown ? slots.shown.key : undefined;
  return { latest, running, starting, result, outOfDate: (key) => result !== null && !running && shownKey !== key, start, cancel };
}
