import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssumptionFile, DealFile, DealRunResult } from '../../service/api/contract.ts';
import { readAssumptionFile } from '../../service/files/assumption-file.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { dealRunOf, importReportOf, projectionOf } from '../../service/jobs/job-manager.ts';
import { withMultipliers } from '../../service/runs/scenario.ts';
import { Service } from '../../service/service.ts';
import { messagesZhCN } from '../../messages/messages-zh-CN.ts';
import { registerCatalogue, sayCodedIn } from '../../messages/say.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

/**
 * Assumptions for a segment the pool has not apply to no loan (docs/assumptions.md): a run on a tape
 * without a segment column (职业类型) goes ahead, the pool's loans take the pool-level set, and the
 * run says, by code in both languages, every segment whose assumptions were not used.
 */

registerCatalogue('zh-CN', messagesZhCN);

const tempDir = useTempDir();
let service: Service;

beforeEach(async () => {
  service = new Service({ transport: 'test' });
  await service.call('workspace.open', { path: join(tempDir(), 'ws.sqlite') });
});

afterEach(async () => {
  await service.close();
});

const json = (...path: string[]): unknown => JSON.parse(readFileSync(join(REPO_ROOT, ...path), 'utf8'));
const EXAMPLE = json('templates', 'assumptions', 'consumer-base.json') as AssumptionFile & { segments: Record<string, unknown> };

async function importCsv(name: string, lines: readonly string[]): Promise<number> {
  const path = join(tempDir(), name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  const job = await service.call('tape.import', { source: { kind: 'path', path }, mode: 'reject', cutoffDate: '2026-12-31' });
  if (!job.ok) throw new Error(job.error.message);
  const tapeId = importReportOf(await service.jobs.wait(job.value.id))?.tapeId;
  if (tapeId === null || tapeId === undefined) throw new Error('not imported');
  return tapeId;
}

// No 职业类型 column: every loan's segment is unknown ('').
const NO_SEGMENTS = ['借据号,放款日期,到期日期,合同金额,剩余本金,年化利率,总期数', ...Array.from({ length: 12 }, (_, i) => `L${i},2026-06-15,2027-06-15,10000,${8000 + i},0.18,12`)];

async function run(template: string, tapeId: number, assumptions?: AssumptionFile): Promise<DealRunResult> {
  const deal: DealFile = readDealFile(json('templates', 'deals', template));
  const job = await service.call('deal.run', { deal, tapeId, mode: 'loan', ...(assumptions !== undefined ? { assumptions } : {}) });
  if (!job.ok) throw new Error(job.error.message);
  const done = await service.jobs.wait(job.value.id);
  const result = dealRunOf(done);
  if (result === undefined) throw new Error(`no run: ${JSON.stringify(done.error)}`);
  return result.run;
}

const unmatched = (r: DealRunResult) => (r.codedWarnings ?? []).filter((w) => w.code === 'assumptions.unmatchedSegments');

const shock = (segment: number | string) => ({ type: 'segmentShock', segment, fromMonth: 2, rollInMultiplier: 2, defaultMultiplier: 2 });

describe('assumptions for segments the pool has not', () => {
  it('a revolving template runs with its own scenario on a tape without segments: its purchases carry the segments', async () => {
    const result = await run('cn-consumer-revolving.json', await importCsv('plain.csv', NO_SEGMENTS));
    expect(result.periods.length).toBeGreaterThan(0);
    // The profile buys self_employed and gig loans: their assumptions are used, nothing to warn of.
    expect(unmatched(result)).toEqual([]);
  });

  it('a static deal runs with the example set, its segment sets unused, named in a warning in English and Chinese', async () => {
    const tapeId = await importCsv('plain.csv', NO_SEGMENTS);
    const result = await run('us-auto-oc-turbo.json', tapeId, EXAMPLE);
    const [warning, ...more] = unmatched(result);
    expect(more).toEqual([]);
    expect(warning?.message).toBe('the pool has no loan in segment self_employed, gig (its segments: none): the assumptions given for it at $.segments.self_employed, $.segments.gig were not used');
    expect(result.warnings).toContain(warning?.message);
    expect(sayCodedIn('zh-CN', warning!)).toBe('资产池中没有属于借款人类型 self_employed, gig 的贷款（现有类型：none）：$.segments.self_employed, $.segments.gig 为其设定的假设未被使用。');
    // Not used: the figures are those of the same set without its segment sets (every loan on the pool-level set).
    const { segments: _segments, ...poolOnly } = EXAMPLE;
    const plain = await run('us-auto-oc-turbo.json', tapeId, poolOnly);
    expect(result.periods).toEqual(plain.periods);
    expect(unmatched(plain)).toEqual([]);
  });

  it('a pool projection (the Results screen) says the same warning, loan by loan (the projection thread) and by lines', async () => {
    const tapeId = await importCsv('plain.csv', NO_SEGMENTS);
    const project = async (assumptions: AssumptionFile, mode: 'loan' | 'repline') => {
      const job = await service.call('pool.project', { source: { kind: 'tape', tapeId }, assumptions, mode });
      if (!job.ok) throw new Error(job.error.message);
      const done = await service.jobs.wait(job.value.id);
      const result = projectionOf(done);
      if (result === undefined) throw new Error(`no projection: ${JSON.stringify(done.error)}`);
      return result.projection;
    };
    for (const mode of ['loan', 'repline'] as const) {
      const projection = await project(EXAMPLE, mode);
      expect(
        (projection.codedWarnings ?? []).map((w) => [w.code, w.params['names']]),
        mode,
      ).toEqual([['assumptions.unmatchedSegments', 'self_employed, gig']]);
      expect(projection.warnings, mode).toEqual(projection.codedWarnings?.map((w) => w.message));
      const { segments: _segments, ...poolOnly } = EXAMPLE;
      const plain = await project(poolOnly, mode);
      expect(plain.warnings, mode).toBeUndefined();
      expect(plain.rows, mode).toEqual(projection.rows);
    }
  });

  it('the Assumptions screen’s check against the tape warns of every one, and the example saves', async () => {
    const tapeId = await importCsv('plain.csv', NO_SEGMENTS);
    const typo = { ...EXAMPLE, events: [shock('gigg')] };
    const check = await service.call('assumptions.check', { assumptions: typo, tapeId });
    if (!check.ok) throw new Error(check.error.message);
    expect(check.value.warnings.map((w) => [w.code, w.params['names'], w.params['paths']])).toEqual([
      ['assumptions.unmatchedSegments', 'self_employed, gig, gigg', '$.segments.self_employed, $.segments.gig, $.events[0].segment'],
    ]);
    const saved = await service.call('assumptions.save', { name: 'example', assumptions: EXAMPLE });
    expect(saved.ok).toBe(true);
    // Without a tape nothing is checked against a pool: no warning.
    const alone = await service.call('assumptions.check', { assumptions: typo });
    expect(alone.ok && alone.value.warnings).toEqual([]);
  });

  it('a scenario’s multipliers on a segment the pool has not are not used, and listed', () => {
    const read = readAssumptionFile(EXAMPLE, { segments: ['', 'gig'], products: [] });
    const stressed = withMultipliers(read, { pool: { default: 2 }, segments: { gig: { default: 3 }, salaried: { default: 4 } } }, ['', 'gig']);
    expect(stressed.segments.get('gig')?.multipliers).toEqual({ default: 6 });
    expect(stressed.segments.has('salaried')).toBe(false);
    expect(stressed.unmatched.map((u) => u.path)).toEqual(['$.segments.self_employed', '$.multipliers.segments.salaried']);
  });

  it('an event on a segment position the pool has not is still refused, by code, every one at once', () => {
    const bad = { ...EXAMPLE, events: [shock(3), shock(0), shock(5)] };
    let issues: unknown;
    try {
      readAssumptionFile(bad, { segments: [''], products: [] });
    } catch (error) {
      issues = (error as { details: { issues: unknown } }).details.issues;
    }
    expect(issues).toMatchObject([
      { path: '$.events[0].segment', code: 'assumptions.noSegmentAtPosition', params: { position: 3 } },
      { path: '$.events[2].segment', code: 'assumptions.noSegmentAtPosition', params: { position: 5 } },
    ]);
  });
});
