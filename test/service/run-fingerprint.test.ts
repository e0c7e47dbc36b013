import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DealFile, DealRunRequest, RunRecord } from '../../service/api/contract.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { dealRunOf, dealSizeOf } from '../../service/jobs/job-manager.ts';
import type { Service } from '../../service/service.ts';
import { inputFingerprints, shortInputHash } from '../../messages/run-fingerprint.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useSampleTape } from '../helpers/service.ts';

const template = (name: string): DealFile => readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', `${name}.json`), 'utf8')));

async function runDeal(service: Service, request: DealRunRequest): Promise<{ runId: number; fromStore: boolean }> {
  const job = await service.call('deal.run', request);
  if (!job.ok) throw new Error(job.error.message);
  const stored = dealRunOf(await service.jobs.wait(job.value.id))?.stored;
  if (!stored || stored.runId === null) throw new Error('the run was not stored');
  return { runId: stored.runId, fromStore: stored.fromStore };
}

async function listRuns(service: Service): Promise<readonly RunRecord[]> {
  const runs = await service.call('runs.list', {});
  if (!runs.ok) throw new Error(runs.error.message);
  return runs.value;
}

describe('telling stored runs of one name apart (messages/run-fingerprint.ts)', () => {
  // The walkthrough's workspace: the consumer template on a 2,000-loan sample tape, run as written and sized to the tape's pool.
  const sample = useSampleTape({ loans: 2_000, seed: 2026 });

  it('the deal as written and sized to the pool share a name and show different fingerprints; an identical rerun is served; a name of its own shows none', async () => {
    const service = sample.service();
    const deal = template('cn-consumer-revolving');
    const onTape = { tapeId: sample.tapeId(), mode: 'repline' } as const;
    const plain = await runDeal(service, { deal, ...onTape });
    // Deal ▸ Size to pool ▸ Apply: the sized file (the same deal name, other note sizes) is run again.
    const sizing = await service.call('deal.size', { deal, ...onTape, method: 'scale' });
    if (!sizing.ok) throw new Error(sizing.error.message);
    const sized = dealSizeOf(await service.jobs.wait(sizing.value.id))?.size.deal;
    if (!sized) throw new Error('no sized deal');
    expect(sized.name).toBe(deal.name);
    const sizedRun = await runDeal(service, { deal: sized, ...onTape });
    // The same inputs again: served from the store, no third run of that name.
    expect(await runDeal(service, { deal, ...onTape })).toEqual({ runId: plain.runId, fromStore: true });
    const other = await runDeal(service, { deal: template('us-auto-oc-turbo') });

    const runs = await listRuns(service);
    expect(runs.map((r) => r.id)).toEqual([other.runId, sizedRun.runId, plain.runId]);
    const byId = new Map(runs.map((r) => [r.id, r]));
    const [plainRecord, sizedRecord] = [byId.get(plain.runId), byId.get(sizedRun.runId)];
    if (!plainRecord || !sizedRecord) throw new Error('runs missing');
    // Their names read the same, in English and by code: only their inputs differ.
    expect(sizedRecord.name).toBe(plainRecord.name);
    expect(sizedRecord.nameCoded).toEqual(plainRecord.nameCoded);
    expect(sizedRecord.inputHash).not.toBe(plainRecord.inputHash);
    const fingerprints = inputFingerprints(runs);
    // The first 12 hex digits of each run's input hash (the short form the reopened run's caption shows).
    expect(fingerprints.get(plain.runId)).toBe(plainRecord.inputHash.slice(0, 12));
    expect(fingerprints.get(sizedRun.runId)).toBe(sizedRecord.inputHash.slice(0, 12));
    expect(fingerprints.get(plain.runId)).toMatch(/^[0-9a-f]{12}$/);
    expect(fingerprints.get(plain.runId)).not.toBe(fingerprints.get(sizedRun.runId));
    expect(fingerprints.has(other.runId)).toBe(false);
    expect(shortInputHash(sizedRecord.inputHash)).toBe(fingerprints.get(sizedRun.runId));

    // Renamed to a name of its own, the sized run needs no fingerprint, nor does the run it was told from.
    const renamed = await service.call('runs.rename', { id: sizedRun.runId, name: 'Consumer sized to the tape' });
    if (!renamed.ok) throw new Error(renamed.error.message);
    expect(inputFingerprints(await listRuns(service)).size).toBe(0);
  }, 120_000);
});
