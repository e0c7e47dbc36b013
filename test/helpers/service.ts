import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { JobResultOf, ProjectionRequest, ProjectionResult } from '../../service/api/contract.ts';
import { importReportOf, projectionOf } from '../../service/jobs/job-manager.ts';
import { Service } from '../../service/service.ts';
import { useTempDir } from './tmp.ts';

/** Per test: a Service on a fresh workspace with the sample tape imported (tape.importSample); closed afterwards. */
export function useSampleTape(sample: { loans: number; seed: number }): { service(): Service; tapeId(): number } {
  const tempDir = useTempDir();
  const current: { service: Service | null; tapeId: number } = { service: null, tapeId: 0 };
  beforeEach(async () => {
    const service = new Service({ transport: 'test' });
    current.service = service;
    await service.call('workspace.open', { path: join(tempDir(), 'ws.sqlite') });
    const job = await service.call('tape.importSample', sample);
    if (!job.ok) throw new Error(job.error.message);
    current.tapeId = importReportOf(await service.jobs.wait(job.value.id))?.tapeId ?? 0;
  });
  afterEach(async () => {
    await current.service?.close();
    current.service = null;
  });
  return {
    service: () => {
      if (!current.service) throw new Error('no service outside a test');
      return current.service;
    },
    tapeId: () => current.tapeId,
  };
}

/** Runs a projection job to the end; its result (the table and the time it took), or throws the API error of the call or the job (as `apiError`). */
export async function runProjectionJob(service: Service, request: ProjectionRequest): Promise<JobResultOf<'pool.project'>> {
  const job = await service.call('pool.project', request);
  if (!job.ok) throw Object.assign(new Error(job.error.message), { apiError: job.error });
  const done = await service.jobs.wait(job.value.id);
  const projected = projectionOf(done);
  if (!projected) throw Object.assign(new Error(done.error?.message ?? done.state), { apiError: done.error });
  return projected;
}

/** Runs a projection job to the end; its table (see runProjectionJob). */
export async function runProjection(service: Service, request: ProjectionRequest): Promise<ProjectionResult> {
  return (await runProjectionJob(service, request)).projection;
}

/** The message of a projection that must fail. */
export async function projectionError(service: Service, request: ProjectionRequest): Promise<string> {
  try {
    await runProjection(service, request);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the projection to fail');
}
