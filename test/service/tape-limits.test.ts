import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport, PlausibilityLimits } from '../../service/api/contract.ts';
import { importReportOf } from '../../service/jobs/job-manager.ts';
import { Service } from '../../service/service.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

// A tape source's plausibility limits kept with its saved mapping (issue 17, defect 9): a mapping
// that states an originator's 300–850 score scale rejects a 900 and a 250 that the default 0–1,000
// scale keeps; the import's own limits override the saved ones key by key. Worked by hand below.

const tempDir = useTempDir();
let service: Service;

beforeEach(async () => {
  service = new Service({ transport: 'test' });
  expect((await service.call('workspace.open', { path: join(tempDir(), 'ws.sqlite') })).ok).toBe(true);
});

afterEach(async () => {
  await service.close();
});

/** english-clean.csv's first loan three times, with credit scores 712, 900 and 250. */
function scoresTape(): string {
  const [header = '', first = ''] = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'tapes', 'english-clean.csv'), 'utf8').split(/\r?\n/);
  const row = (id: string, score: string): string => first.replace(/^EN001/, id).replace(/,712,/, `,${score},`);
  const file = join(tempDir(), 'scores.csv');
  writeFileSync(file, `${header}\n${row('S712', '712')}\n${row('S900', '900')}\n${row('S250', '250')}\n`);
  return file;
}

async function importScores(extra: { mappingName?: string; limits?: PlausibilityLimits }): Promise<ImportReport> {
  const job = await service.call('tape.import', { source: { kind: 'path', path: scoresTape() }, mode: 'keepValid', cutoffDate: '2026-09-30', allowDuplicate: true, ...extra });
  if (!job.ok) throw new Error(job.error.message);
  const report = importReportOf(await service.jobs.wait(job.value.id));
  if (!report) throw new Error('no report');
  return report;
}

const rejected = (report: ImportReport): [number, string][] => report.problems.map((p) => [p.row, p.rule]);

describe('plausibility limits in the saved mapping and the import options', () => {
  it('a saved 300–850 scale rejects the 900 (row 3) and the 250 (row 4); the default scale keeps all three', async () => {
    expect(rejected(await importScores({}))).toEqual([]);
    const saved = await service.call('mapping.save', { name: 'Originator B', mapping: {}, limits: { scoreMin: 300, scoreMax: 850 } });
    expect(saved).toMatchObject({ ok: true, value: { name: 'Originator B', limits: { scoreMin: 300, scoreMax: 850 } } });
    expect(await service.call('mapping.list', {})).toMatchObject({ ok: true, value: [{ name: 'Originator B', mapping: {}, limits: { scoreMin: 300, scoreMax: 850 } }] });
    const report = await importScores({ mappingName: 'Originator B' });
    expect(rejected(report)).toEqual([
      [3, 'score_limit'],
      [4, 'score_limit'],
    ]);
    expect(report.problems[0]?.message).toContain('credit score 900 is outside the scale 300 to 850');
    // The import's own scoreMax (950) replaces the saved one; the saved scoreMin (300) still holds.
    expect(rejected(await importScores({ mappingName: 'Originator B', limits: { scoreMax: 950 } }))).toEqual([[4, 'score_limit']]);
  });

  it('a mapping without limits is stored as before (the header mapping itself), one with limits in the versioned form', async () => {
    await service.call('mapping.save', { name: 'plain', mapping: { branch: 'product' } });
    await service.call('mapping.save', { name: 'scaled', mapping: { branch: 'product' }, limits: { maxAmount: 5e6 } });
    const db = new Database(join(tempDir(), 'ws.sqlite'), { readonly: true });
    try {
      const stored = db.prepare<[], { name: string; mapping_json: string }>('SELECT name, mapping_json FROM tape_mappings ORDER BY name').all();
      expect(stored.map((r) => [r.name, JSON.parse(r.mapping_json) as unknown])).toEqual([
        ['plain', { branch: 'product' }],
        ['scaled', { v: 2, mapping: { branch: 'product' }, limits: { maxAmount: 5e6 } }],
      ]);
    } finally {
      db.close();
    }
  });

  it('saving the columns again (as the import screen does) keeps the limits; an empty limits object removes them', async () => {
    await service.call('mapping.save', { name: 'B', mapping: {}, limits: { scoreMax: 850 } });
    expect(await service.call('mapping.save', { name: 'B', mapping: { branch: 'product' } })).toMatchObject({ ok: true, value: { mapping: { branch: 'product' }, limits: { scoreMax: 850 } } });
    const cleared = await service.call('mapping.save', { name: 'B', mapping: { branch: 'product' }, limits: {} });
    expect(cleared.ok && cleared.value.limits).toBe(undefined);
    expect(await service.call('mapping.list', {})).toMatchObject({ ok: true, value: [{ name: 'B', mapping: { branch: 'product' } }] });
    const listed = await service.call('mapping.list', {});
    expect(listed.ok && listed.value[0]?.limits).toBe(undefined);
  });

  it('refuses limits that do not fit, naming the key, and saves nothing', async () => {
    expect(await service.call('mapping.save', { name: 'bad', mapping: {}, limits: { scoreMin: 900, scoreMax: 850 } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'Plausibility limits limits.scoreMax: must be above limits.scoreMin (900)' },
    });
    const badDate = await service.call('tape.import', { source: { kind: 'path', path: scoresTape() }, mode: 'reject', limits: { minDate: '2030/01/01' } });
    expect(badDate.ok).toBe(false);
    if (!badDate.ok) expect(badDate.error.message).toMatch(/limits\.minDate/);
    expect(await service.call('mapping.list', {})).toEqual({ ok: true, value: [] });
    expect(await service.call('tape.list', {})).toEqual({ ok: true, value: [] });
  });
});
