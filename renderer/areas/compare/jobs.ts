import { useEffect } from 'react';
import type { JobInfo, RunStoreNote, ScenarioSetRunResult } from '../../../service/api/contract.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { useWatchedJob } from '../../app/jobs.ts';
import { announceDealJob } from '../deal/jobs.ts';
import { updateCompareScreen, useCompareScreen, type CompareJobRun } from './state.ts';
import { useT } from '../../app/i18n.tsx';

export interface CompareJobState {
  readonly job: JobInfo | null;
  /** The set's result, its seconds, and what the run store did with it (stored as run #N, or served from one). */
  readonly result: { readonly run: ScenarioSetRunResult; readonly seconds: number; readonly stored: RunStoreNote | undefined } | null;
}

function useCompareJob(info: CompareJobRun | null): CompareJobState {
  const t = useT();
  const { api } = useApp();
  const job = useWatchedJob(api, info?.jobId ?? null, (error) => reportError(t('compare.cannotReadTheScenario'), error));
  const result = job?.state === 'succeeded' && job.result?.kind === 'deal.runScenarios' ? { run: job.result.scenarios, seconds: job.result.seconds, stored: job.result.stored } : null;
  return { job, result };
}

export interface CompareJobSlot {
  readonly latest: CompareJobRun | null;
  readonly latestJob: JobInfo | null;
  /** The last run that succeeded (shown, also while a newer one runs) and its result. */
  readonly shown: CompareJobRun | null;
  readonly shownResult: CompareJobState['result'];
}

/** As the Deal screen's job slot: a run that succeeds becomes the shown one; a cancelled or failed one is announced and the last result stays. */
export function useCompareJobSlot(): CompareJobSlot {
  const { latestRun: latest, shownRun: shown } = useCompareScreen();
  const latestState = useCompareJob(latest);
  const same = shown?.jobId === latest?.jobId;
  const shownState = useCompareJob(same ? null : shown);
  const succeeded = latestState.result !== null;
  useEffect(() => {
    const job = latestState.job;
    if (!latest || !job || job.state === 'running') return;
    if (succeeded && shown?.jobId !== latest.jobId) updateCompareScreen({ shownRun: latest });
    announceDealJob(job, 'deal.what.scenarioRun', latest.dealLabel);
  }, [latest, shown, latestState.job, succeeded]);
  return { latest, latestJob: latestState.job, shown, shownResult: same ? latestState.result : shownState.result };
}
