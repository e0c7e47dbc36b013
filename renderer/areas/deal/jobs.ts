import { useEffect } from 'react';
import type { JobInfo, JobResultOf } from '../../../service/api/contract.ts';
import { ApiCallError } from '../../api/client.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { updateDealScreen, useDealScreen, type DealJobRun } from '../../app/deal.ts';
import { useWatchedJob } from '../../app/jobs.ts';
import { notify } from '../../app/notifications.ts';
import { translate, useT, type MessageKey } from '../../app/i18n.tsx';

/** Job ids whose end was already announced (the screen may mount again over a finished job). */
const announced = new Set<string>();

/** Says once how a job ended when it did not succeed: cancelled (info) or failed (error, with its code). */
export function announceDealJob(job: JobInfo, what: MessageKey, label: string): void {
  if (announced.has(job.id) || job.state === 'running') return;
  announced.add(job.id);
  if (job.state === 'cancelled') notify('info', translate('deal.cancelled', { what: translate(what) }), label);
  else if (job.state === 'failed') reportError(translate('deal.failed', { what: translate(what) }), job.error ? new ApiCallError(job.error) : new Error(translate('deal.noReasonGiven')));
}

export interface DealJobState {
  readonly job: JobInfo | null;
  readonly run: JobResultOf<'deal.run'> | null;
  readonly breakeven: JobResultOf<'deal.breakeven'> | null;
}

/** A deal job and, once it succeeded, its run or breakevens with the time they took. */
function useDealJob(info: DealJobRun | null): DealJobState {
  const t = useT();
  const { api } = useApp();
  const job = useWatchedJob(api, info?.jobId ?? null, (error) => reportError(t('deal.cannotReadTheDeal'), error));
  const result = job?.state === 'succeeded' ? job.result : null;
  return {
    job,
    run: result?.kind === 'deal.run' ? result : null,
    breakeven: result?.kind === 'deal.breakeven' ? result : null,
  };
}

const SLOTS = {
  run: { what: 'deal.what.run', latest: 'latestRun', shown: 'shownRun' },
  breakeven: { what: 'deal.what.breakeven', latest: 'latestBreakeven', shown: 'shownBreakeven' },
} as const;

export interface DealJobSlot {
  /** The job started last, and its state. */
  readonly latest: DealJobRun | null;
  readonly latestJob: JobInfo | null;
  /** The last job that succeeded (what the screen shows, also while a newer one runs), and its result. */
  readonly shown: DealJobRun | null;
  readonly shownState: DealJobState;
}

/**
 * The Deal screen's runs or breakevens: the latest job and the shown one. A job that ends becomes
 * the shown one when it succeeded; otherwise its end is announced and the last result stays.
 */
export function useDealJobSlot(slot: keyof typeof SLOTS): DealJobSlot {
  const screen = useDealScreen();
  const keys = SLOTS[slot];
  const latest = screen[keys.latest];
  const shown = screen[keys.shown];
  const latestState = useDealJob(latest);
  const same = shown?.jobId === latest?.jobId;
  const otherState = useDealJob(same ? null : shown);
  const succeeded = latestState.run !== null || latestState.breakeven !== null;
  useEffect(() => {
    const job = latestState.job;
    if (!latest || !job || job.state === 'running') return;
    if (job.state === 'succeeded' && succeeded && shown?.jobId !== latest.jobId) updateDealScreen(slot === 'run' ? { shownRun: latest } : { shownBreakeven: latest });
    announceDealJob(job, keys.what, latest.dealLabel);
  }, [slot, keys.what, latest, shown, latestState.job, succeeded]);
  return { latest, latestJob: latestState.job, shown, shownState: same ? latestState : otherState };
}
