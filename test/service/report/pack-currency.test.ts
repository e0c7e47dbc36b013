import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealFile, InvestorPack, JobInfo } from '../../../service/api/contract.ts';
import { readDealFile } from '../../../service/files/deal-file.ts';
import { Service } from '../../../service/service.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

/**
 * The investor pack's data carries the currency its stored runs' deal file states (`currency`, ISO
 * 4217), so the print view writes each amount with its sign as the Deal screen does; it is read from
 * the stored run's deal, never guessed: a file that states none gives a pack without one.
 */

async function value<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

let dir = '';
let service: Service;

function template(id: string): DealFile {
  return readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', `${id}.json`), 'utf8')));
}

/** Runs the deal (stored in the workspace) and gives the stored run's id. */
async function storedRun(deal: DealFile): Promise<number> {
  const job = await service.jobs.wait((await value<JobInfo>(service.call('deal.run', { deal }))).id);
  const runId = job.result?.kind === 'deal.run' ? job.result.stored?.runId : null;
  if (job.state !== 'succeeded' || runId === null || runId === undefined) throw new Error(job.error?.message ?? job.state);
  return runId;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-pack-currency-'));
  service = new Service({ transport: 'test' });
  await value(service.call('workspace.open', { path: join(dir, 'ws.sqlite'), create: true }));
}, 60_000);

afterAll(async () => {
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the investor pack’s currency', () => {
  it('is the stored runs’ deal file’s: USD for the US auto template, CNY for the consumer template, none when the file states none', async () => {
    const us = template('us-auto-oc-turbo');
    const cn = template('cn-consumer-revolving');
    expect([us.currency, cn.currency]).toEqual(['USD', 'CNY']);
    const { currency: _stated, ...unstated } = us;
    const ids = [await storedRun(us), await storedRun(cn), await storedRun({ ...unstated, name: `${us.name ?? 'US'} (no currency stated)` })];
    const packs = await Promise.all(ids.map((id) => value<InvestorPack>(service.call('report.pack', { runIds: [id] }))));
    expect(packs.map((p) => p.currency)).toEqual(['USD', 'CNY', undefined]);
    // Absent, not null or a guess: the pack of a file without a currency has no such field (its amounts are written alone).
    expect('currency' in (packs[2] ?? {})).toBe(false);
    // Over the transport it is the same JSON.
    expect(JSON.parse(JSON.stringify(packs[0])).currency).toBe('USD');
  }, 120_000);
});
