import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DealFile, JobInfo } from '../../service/api/contract.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { readPoolFile } from '../../service/files/pool-file.ts';
import type { Service } from '../../service/service.ts';
import { checkAssumptions } from '../../service/files/assumption-file.ts';
import { sayCoded } from '../../renderer/app/coded.ts';
import { chooseLanguage } from '../../renderer/app/language.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useSampleTape } from '../helpers/service.ts';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';

// Chinese is a chunk of its own (renderer/app/catalogues.ts): loaded once here, so chooseLanguage switches within its call.
beforeAll(() => loadCatalogue('zh-CN'));

/**
 * Jobs' titles by code (service/jobs/job-titles.ts), started through the real service on a real
 * workspace: the English `title` (what the CLI and the API show) exactly as before codes, and the
 * same title as the Chinese status bar says it — the deal's, tape's and pool's names as typed.
 */

const json = (...path: string[]): unknown => JSON.parse(readFileSync(join(REPO_ROOT, ...path), 'utf8'));
const deal: DealFile = readDealFile(json('templates', 'deals', 'us-auto-oc-turbo.json'));
const unnamed: DealFile = { ...deal, name: undefined };
const assumptions = checkAssumptions(json('templates', 'assumptions', 'consumer-base.json')).assumptions;
const sample = useSampleTape({ loans: 1200, seed: 11 });

/** The job's title: its English as sent, the English screen's and the Chinese screen's. */
function titles(job: JobInfo): [string, string] {
  void chooseLanguage('en');
  expect(sayCoded(job.titleCoded)).toBe(job.title);
  void chooseLanguage('zh-CN');
  const chinese = sayCoded(job.titleCoded);
  void chooseLanguage('en');
  return [job.title, chinese];
}

/** Starts a job, reads its title, then stops it and waits for its end (the workspace closes clean). */
async function started(service: Service, call: () => Promise<{ ok: true; value: JobInfo } | { ok: false; error: { message: string } }>): Promise<[string, string]> {
  const job = await call();
  if (!job.ok) throw new Error(job.error.message);
  await service.call('job.cancel', { id: job.value.id });
  await service.jobs.wait(job.value.id);
  return titles(job.value);
}

describe('job titles by code', () => {
  afterEach(() => chooseLanguage('en'));

  it('the sample import and the three projections', async () => {
    const service = sample.service();
    const imported = service.jobs.list().find((job) => job.kind === 'tape.import');
    expect(imported && titles(imported)).toEqual(['Import sample tape (1,200 loans)', '导入示例资产清单（1,200 笔贷款）']);
    const tapeId = sample.tapeId();
    const tapeName = 'Sample consumer-loan tape (1,200 loans, seed 11)';
    expect(await started(service, () => service.call('pool.project', { source: { kind: 'tape', tapeId }, assumptions, store: false }))).toEqual([
      `Project ${tapeName} (loan level)`,
      `资产池预测：${tapeName}（逐笔贷款）`,
    ]);
    expect(await started(service, () => service.call('pool.project', { source: { kind: 'tape', tapeId }, assumptions, mode: 'repline', store: false }))).toEqual([
      `Project ${tapeName} (representative lines)`,
      `资产池预测：${tapeName}（代表性贷款组）`,
    ]);
    const pool = readPoolFile(json('docs', 'examples', 'pool-consumer-lines.json')).file;
    expect(await started(service, () => service.call('pool.project', { source: { kind: 'lines', pool }, assumptions, store: false }))).toEqual([
      'Project Consumer-loan pool, representative lines (7 lines)',
      '资产池预测：Consumer-loan pool, representative lines（7 个贷款组）',
    ]);
  });

  it('deal jobs: a run on the tape, breakevens of an unnamed deal, a grid (its axes in words), a Monte Carlo', async () => {
    const service = sample.service();
    const tapeId = sample.tapeId();
    const tapeName = 'Sample consumer-loan tape (1,200 loans, seed 11)';
    expect(await started(service, () => service.call('deal.run', { deal, tapeId, store: false }))).toEqual([
      `Run US auto-loan ABS, sequential pay with OC target and turbo on ${tapeName}`,
      `运行 US auto-loan ABS, sequential pay with OC target and turbo（资产清单：${tapeName}）`,
    ]);
    expect(await started(service, () => service.call('deal.breakeven', { deal: unnamed, store: false }))).toEqual(['Breakevens of deal', '交易的盈亏平衡测算']);
    const grid = { deal, rows: { parameter: 'defaultMult', values: [1, 2] }, columns: { parameter: 'recoveryRate', values: [0.2] }, store: false } as const;
    expect(await started(service, () => service.call('deal.grid', grid))).toEqual([
      'Grid defaultMult × recoveryRate on US auto-loan ABS, sequential pay with OC target and turbo',
      'US auto-loan ABS, sequential pay with OC target and turbo的敏感性网格 违约乘数 × 回收率',
    ]);
    const mc = { deal: unnamed, paths: 2000, seed: 7, distribution: { kind: 'lognormal', cv: 0.5 }, store: false } as const;
    expect(await started(service, () => service.call('deal.monteCarlo', mc))).toEqual(['Monte Carlo (2000 paths) of deal', '交易的蒙特卡洛模拟（2000 条路径）']);
  });
});
