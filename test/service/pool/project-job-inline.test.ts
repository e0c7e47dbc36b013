import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECTION_CHUNK_LOANS } from '../../../engine/index.ts';
import type { AssumptionFile } from '../../../service/api/contract.ts';
import { checkAssumptions } from '../../../service/files/assumption-file.ts';
import { importReportOf } from '../../../service/jobs/job-manager.ts';
import { idleThreads } from '../../../service/jobs/pool/pool-idle.ts';
import { projectInput, tapeInput } from '../../../service/runs/projection.ts';
import { Service } from '../../../service/service.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';
import { runProjectionJob } from '../../helpers/service.ts';
import { useTempDir } from '../../helpers/tmp.ts';

const EXAMPLE = join(REPO_ROOT, 'templates', 'assumptions', 'consumer-base.json');
const example = (): AssumptionFile => checkAssumptions(JSON.parse(readFileSync(EXAMPLE, 'utf8'))).assumptions;
const tempDir = useTempDir();
let service: Service | null = null;

afterEach(async () => {
  await service?.close();
  service = null;
});

/** A service as the CLI makes it (small jobs on the calling thread) with a sample tape of `loans`. */
async function cliService(loans: number): Promise<{ service: Service; tapeId: number }> {
  const made = new Service({ transport: 'test', smallJobsInline: true });
  service = made;
  await made.call('workspace.open', { path: join(tempDir(), 'ws.sqlite') });
  const job = await made.call('tape.importSample', { loans, seed: 4 });
  if (!job.ok) throw new Error(job.error.message);
  return { service: made, tapeId: importReportOf(await made.jobs.wait(job.value.id))?.tapeId ?? 0 };
}

describe('pool.project of one chunk where small jobs run inline (the CLI)', () => {
  it('projects a pool of one chunk on the calling thread, no pool thread started, with projectPool’s figures to the bit', async () => {
    const loans = 5_000;
    expect(loans).toBeLessThanOrEqual(PROJECTION_CHUNK_LOANS);
    const { service: cli, tapeId } = await cliService(loans);
    const assumptions = example();
    const { projection } = await runProjectionJob(cli, { source: { kind: 'tape', tapeId }, assumptions, store: false });
    expect(JSON.stringify(projection)).toBe(JSON.stringify(projectInput(tapeInput(cli.requireWorkspace().db, tapeId), assumptions)));
    expect(idleThreads()).toBe(0);
  });
});
