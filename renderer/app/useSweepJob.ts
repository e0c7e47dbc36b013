import { useEffect, useState } from 'react';
import type { JobInfo, JobResult, JobResultOf } from '../../service/api/contract.ts';
import type { ApiClient } from '../api/client.ts';
import { reportError, useApp } from './context.tsx';
import { translate, type MessageKey } from './i18n.tsx';
import { upsertJob, useWatchedJob } from './jobs.ts';
import { notify } from './notifications.ts';

/** A job a panel started, with the key of the inputs it ran (another key makes its result out of date). */
export interface SweepJobRef {
  readonly jobId: string;
  readonly key: string;
}

/** What a sweep panel keeps in its form's store: the job started last and the last one shown. */
export interface SweepJobSlots {
  readonly latest: SweepJobRef | null;
  readonly shown: SweepJobRef | null;
}

/** The panel's own words for what can go wrong or end early, from the catalogues. */
export interface SweepJobMessages {
  readonly cannotRead: MessageKey;
  readonly cannotStart: MessageKey;
  readonly cannotCancel: MessageKey;
  readonly cancelled: MessageKey;
  readonly nothingKept: MessageKey;
}

export type SweepKind = 'deal.grid' | 'deal.monteCarlo';

export interface SweepJob<K extends SweepKind> {
  /** The job started last (running, or how it ended). */
  readonly latest: JobInfo | null;
  readonly running: boolean;
  /** A start was asked and the job is not known yet (the button stays disabled meanwhile). */
  readonly starting: boolean;
  /** The last result that succeeded: what the panel shows, also while a newer job runs. */
  readonly result: JobResultOf<K> | null;
  /** The shown result ran other inputs than `key` (and nothing newer is running). */
  readonly outOfDate: (key: string) => boolean;
  start(launch: (api: ApiClient) => Promise<JobInfo>, key: string): Promise<void>;
  cancel(): Promise<void>;
}

function isResultOf<K extends SweepKind>(result: JobResult | null | undefined, kind: K): result is JobResultOf<K> {
  return result?.kind === kind;
}

/**
 * The job plumbing a sweep panel (sensitivity grid, Monte Carlo) needs: start a job and remember it
 * as the latest, watch its progress, cancel it, and when it succeeds make it the shown one; a
 * cancelled job says so once and the last result stays.
 */
export function useSweepJob<K extends SweepKind>(kind: K, slots: SweepJobSlots, update: (patch: Partial<SweepJobSlots>) => void, messages: SweepJobMessages): SweepJob<K> {
  const { api } = useApp();
  const [starting, setStarting] = useState(false);
  const onReadError = (error: unknown): void => reportError(translate(messages.cannotRead), error);
  const latest = useWatchedJob(api, slots.latest?.jobId ?? null, onReadError);
  const shownJob = useWatchedJob(api, slots.shown?.jobId ?? null, onReadError);
  const running = latest?.state === 'running';

  useEffect(() => {
    if (!latest || !slots.latest || latest.state === 'running' || slots.shown?.jobId === slots.latest.jobId) return;
    if (latest.state === 'succeeded') update({ shown: slots.latest });
    if (latest.state === 'cancelled') notify('info', translate(messages.cancelled), translate(messages.nothingKept));
  }, [latest, slots.latest, slots.shown, update, messages]);

  async function start(launch: (api: ApiClient) => Promise<JobInfo>, key: string): Promise<void> {
    setStarting(true);
    try {
      const job = await launch(api);
      upsertJob(job);
      update({ latest: { jobId: job.id, key } });
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

  const result = shownJob?.state === 'succeeded' && isResultOf(shownJob.result, kind) ? shownJob.result : null;
  return { latest, running, starting, result, outOfDate: (key) => result !== null && !running && slots.shown?.key !== key, start, cancel };
}
