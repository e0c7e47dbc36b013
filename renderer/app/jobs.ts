import { useEffect, useSyncExternalStore } from 'react';
import type { JobInfo } from '../../service/api/contract.ts';
import type { ApiClient } from '../api/client.ts';
import { useQuery } from './query.ts';
import { Store } from './store.ts';

/** Every job this window knows of, kept current by `job.updated` events (and polling as a fallback). */
export const jobs = new Store<ReadonlyMap<string, JobInfo>>(new Map());

export function upsertJob(job: JobInfo): void {
  const current = jobs.get().get(job.id);
  // Events can arrive out of order with poll answers: never go back from a finished state.
  if (current && current.state !== 'running' && job.state === 'running') return;
  const next = new Map(jobs.get());
  next.set(job.id, job);
  jobs.set(next);
}

export function useJob(id: string | null): JobInfo | null {
  const all = useSyncExternalStore(jobs.subscribe, jobs.get);
  return id ? (all.get(id) ?? null) : null;
}

/** Polls a running job every half second, in case an event is missed. */
export function usePollJob(api: ApiClient, id: string | null, running: boolean): void {
  useEffect(() => {
    if (!id || !running) return undefined;
    const timer = setInterval(() => {
      api.call('job.get', { id }).then(upsertJob, () => undefined);
    }, 500);
    return () => clearInterval(timer);
  }, [api, id, running]);
}

/**
 * A job kept current by events and polling, and read once more when it succeeded but the news
 * came without its result (`onError`: that read failed).
 */
export function useWatchedJob(api: ApiClient, id: string | null, onError: (error: unknown) => void): JobInfo | null {
  const job = useJob(id);
  usePollJob(api, id, job?.state === 'running');
  const missing = job?.state === 'succeeded' && job.result === null;
  useQuery(missing && id !== null ? () => api.call('job.get', { id }).then(upsertJob) : null, [api, id, missing], { onError });
  return job;
}
