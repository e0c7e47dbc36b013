import { UserError } from '../../../data/errors.ts';
import type { JobInfo } from '../contract.ts';
import type { ServiceContext } from '../context.ts';

export function jobGet(params: { id: string }, service: ServiceContext): JobInfo {
  const job = service.jobs.get(params.id);
  if (!job) throw new UserError('NOT_FOUND', `No job with id ${params.id}`, { jobId: params.id });
  return job;
}

export function jobList(_params: unknown, service: ServiceContext): readonly JobInfo[] {
  return service.jobs.list();
}

export function jobCancel(params: { id: string }, service: ServiceContext): { cancelled: boolean } {
  jobGet(params, service);
  return { cancelled: service.jobs.cancel(params.id) };
}
