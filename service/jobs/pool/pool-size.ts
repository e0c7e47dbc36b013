import { availableParallelism } from 'node:os';
import { UserError } from '../../../data/errors.ts';

let configured: number | null = null;

/** The process-wide pool's size: `--jobs N` / the service's `jobs` option if set, else the machine's cores. */
export function poolSize(): number {
  return configured ?? Math.max(1, availableParallelism());
}

/** Sets the process-wide pool's size (null: back to the machine's cores). */
export function setPoolSize(jobs: number | null): void {
  configured = jobs === null ? null : checkedJobs(jobs, 'jobs');
}

/** A worker count: a whole number from 1 to 256. */
export function checkedJobs(jobs: number, label: string): number {
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UserError('BAD_REQUEST', `${label} must be a whole number of worker threads from 1 to 256, got ${String(jobs)}`);
  return jobs;
}
