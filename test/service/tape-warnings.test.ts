import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DealFile, DealRunResult } from '../../service/api/contract.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { dealRunOf, importReportOf } from '../../service/jobs/job-manager.ts';
import { Service } from '../../service/service.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

/** A deal run on a tape silent on delinquency says so in its warnings, rather than showing 0 overdue as fact. */

const tempDir = useTempDir();
let service: Service;

beforeEach(async () => {
  service = new Service({ transport: 'test' });
  await service.call('workspace.open', { path: join(tempDir(), 'ws.sqlite') });
});

afterEach(async () => {
  await service.close();
});

async function importCsv(name: string, lines: readonly string[]): Promise<number> {
  const path = join(tempDir(), name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  const job = await service.call('tape.import', { source: { kind: 'path', path }, mode: 'reject', cutoffDate: '2026-12-31' });
  if (!job.ok) throw new Error(job.error.message);
  const tapeId = importReportOf(await service.jobs.wait(job.value.id))?.tapeId;
  if (tapeId === null || tapeId === undefined) throw new Error('not imported');
  return tapeId;
}

async function runOn(tapeId: number): Promise<DealRunResult> {
  const deal: DealFile = readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json'), 'utf8')));
  const job = await service.call('deal.run', { deal, tapeId, mode: 'repline' });
  if (!job.ok) throw new Error(job.error.message);
  const done = await service.jobs.wait(job.value.id);
  const run = dealRunOf(done);
  if (run === undefined) throw new Error(`no run: ${JSON.stringify(done.error)}`);
  return run.run;
}

const HEADER = '借据号,放款日期,到期日期,合同金额,剩余本金,年化利率,总期数,职业类型';
// The consumer template's scenario has rules for all three segments: the tape carries each.
const SEGMENTS = ['工薪', '自雇', '零工'];
const ROWS = Array.from({ length: 21 }, (_, i) => `L${i},2026-06-15,2027-06-15,10000,${8000 + i},0.18,12,${SEGMENTS[i % 3]}`);

describe('deal run warnings about the tape', () => {
  it('names the delinquency columns a tape lacks', async () => {
    const run = await runOn(await importCsv('silent.csv', [HEADER, ...ROWS]));
    expect(run.warnings).toContain(
      "The tape has no days-past-due (逾期天数), overdue-principal (逾期本金), overdue-interest (逾期利息) column: every loan starts current with nothing overdue, which the tape does not say — the delinquency and 逾期总额 figures are the scenario's alone.",
    );
  });

  it('says nothing of it when the tape carries them', async () => {
    const run = await runOn(await importCsv('full.csv', [`${HEADER},逾期天数,逾期本金,逾期利息`, ...ROWS.map((r) => `${r},0,0,0`)]));
    expect(run.warnings.some((w) => w.startsWith('The tape has no'))).toBe(false);
  });
});
