import Database from 'better-sqlite3';
import ExcelJS from '../../data/excel.ts';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent, JobInfo } from '../../service/api/contract.ts';
import { Service } from '../../service/service.ts';
import { importReportOf } from '../../service/jobs/job-manager.ts';
import { writeSampleTape } from '../../data/sample/index.ts';
import { reorderLikeOpenpyxl } from '../helpers/openpyxl-order.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'tapes');
let service: Service;
let events: AppEvent[];

beforeEach(async () => {
  service = new Service({ transport: 'test' });
  events = [];
  service.events.on('event', (event) => events.push(event));
  const opened = await service.call('workspace.open', { path: join(tempDir(), 'ws.sqlite') });
  expect(opened.ok).toBe(true);
});

afterEach(async () => {
  await service.close();
});

async function value<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function finish(job: JobInfo): Promise<JobInfo> {
  return service.jobs.wait(job.id);
}

describe('tape API over the service (import runs in a worker thread)', () => {
  it('previews a tape: detection, first rows and the suggested mapping', async () => {
    const preview = await value(service.call('tape.preview', { source: { kind: 'path', path: join(FIXTURES, 'chinese-gbk.csv') } }));
    expect(preview).toMatchObject({ sourceFile: 'chinese-gbk.csv', format: 'csv', encoding: 'gb18030', delimiter: ',', duplicateOf: null, missingRequired: [] });
    expect(preview.header[0]).toBe('借据号');
    expect(preview.rows).toHaveLength(4);
    expect(preview.mapping.find((m) => m.header === '日利率')?.field).toBe('rateDaily');
    expect(preview.mapping.find((m) => m.header === '客户经理')?.field).toBeNull();
    expect(preview.fields.some((f) => f.field === 'loanId' && f.required)).toBe(true);
  });

  it('imports through a job with progress events, then lists, renames and deletes the tape', async () => {
    const job = await value(service.call('tape.import', { source: { kind: 'path', path: join(FIXTURES, 'english-clean.csv') }, mode: 'reject', cutoffDate: '2026-09-30' }));
    expect(job).toMatchObject({ kind: 'tape.import', state: 'running', title: 'Import english-clean.csv' });
    const done = await finish(job);
    expect(done.state).toBe('succeeded');
    const report = importReportOf(done);
    expect(report).toMatchObject({ status: 'imported', rowsImported: 6 });
    expect(events.some((e) => e.type === 'job.updated' && e.job.id === job.id && e.job.state === 'succeeded')).toBe(true);
    expect(events.some((e) => e.type === 'tapes.changed')).toBe(true);
    expect(await value(service.call('job.get', { id: job.id }))).toMatchObject({ state: 'succeeded' });

    const [tape] = await value(service.call('tape.list', {}));
    expect(tape).toMatchObject({ id: report?.tapeId, name: 'english-clean', rowsImported: 6 });
    expect(await value(service.call('tape.rename', { id: tape?.id ?? 0, name: 'Pool A' }))).toMatchObject({ name: 'Pool A' });
    expect(await value(service.call('tape.delete', { id: tape?.id ?? 0 }))).toEqual({ deleted: tape?.id });
    expect(await value(service.call('tape.list', {}))).toEqual([]);
    expect(await service.call('tape.get', { id: tape?.id ?? 0 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a rejected file finishes the job with a rejected report and leaves no tape', async () => {
    const job = await value(service.call('tape.import', { source: { kind: 'path', path: join(FIXTURES, 'english-bad.csv') }, mode: 'reject', cutoffDate: '2026-09-30' }));
    const done = await finish(job);
    expect(importReportOf(done)).toMatchObject({ status: 'rejected', rowsRejected: 14, tapeId: null });
    expect(await value(service.call('tape.list', {}))).toEqual([]);
  });

  it('keeps rejected rows for review and exports them as CSV', async () => {
    const job = await value(service.call('tape.import', { source: { kind: 'path', path: join(FIXTURES, 'english-bad.csv') }, mode: 'keepValid', cutoffDate: '2026-09-30' }));
    const tapeId = importReportOf(await finish(job))?.tapeId ?? 0;
    const page = await value(service.call('tape.rejects', { id: tapeId, offset: 10, limit: 5 }));
    expect(page.total).toBe(14);
    expect(page.rows.map((r) => r.row)).toEqual([14, 15, 16, 17]);
    const file = await value(service.call('tape.rejectsCsv', { id: tapeId }));
    expect(file.fileName).toBe('english-bad-rejected-rows.csv');
    expect(file.csv.trim().split('\n')).toHaveLength(15);
  });

  it('a job failure is data: a mapping with missing required fields fails the job with BAD_MAPPING', async () => {
    const file = join(tempDir(), 'thin.csv');
    writeFileSync(file, 'id,amount\nA,100\n');
    const job = await value(service.call('tape.import', { source: { kind: 'path', path: file }, mode: 'reject' }));
    const done = await finish(job);
    expect(done).toMatchObject({ state: 'failed', error: { code: 'BAD_MAPPING' } });
  });

  it('cancels a running import; the workspace is unchanged', async () => {
    // A file big enough to still be running when the cancel arrives.
    const big = join(tempDir(), 'big.csv');
    const header = 'loan_id,origination_date,original_principal,current_principal,annual_rate,original_term\n';
    const rows: string[] = [];
    for (let i = 0; i < 300_000; i++) rows.push(`L${i},2026-01-15,6000,3000,0.15,6`);
    writeFileSync(big, header + rows.join('\n'));
    const job = await value(service.call('tape.import', { source: { kind: 'path', path: big }, mode: 'reject', cutoffDate: '2026-09-30' }));
    expect(await value(service.call('job.cancel', { id: job.id }))).toEqual({ cancelled: true });
    const done = await finish(job);
    expect(done).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED' } });
    expect(await value(service.call('tape.list', {}))).toEqual([]);
  });

  it('previews and imports a sheet by name from a workbook in openpyxl part order (issue 17, defect 2)', async () => {
    const file = join(tempDir(), 'pandas.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['本表为资产明细的说明']);
    const sheet = workbook.addWorksheet('资产明细');
    sheet.addRow(['借据号', '放款日期', '合同金额', '剩余本金', '年化利率', '总期数']);
    sheet.addRow(['Z1', '2026-03-15', 12000, 6000, 0.156, 6]);
    await workbook.xlsx.writeFile(file);
    await reorderLikeOpenpyxl(file);
    const preview = await value(service.call('tape.preview', { source: { kind: 'path', path: file }, sheet: '资产明细' }));
    expect(preview).toMatchObject({ sheet: '资产明细', sheets: ['说明', '资产明细'], rows: [['Z1', '2026-03-15', '12000', '6000', '0.156', '6']] });
    expect(preview.header[0]).toBe('借据号');
    const missing = await service.call('tape.preview', { source: { kind: 'path', path: file }, sheet: 'Sheet1' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'BAD_FILE', message: 'pandas.xlsx has no sheet named "Sheet1" (sheets: 说明, 资产明细)' } });
    const job = await value(service.call('tape.import', { source: { kind: 'path', path: file }, sheet: '资产明细', mode: 'reject', cutoffDate: '2026-09-30' }));
    expect(importReportOf(await finish(job))).toMatchObject({ status: 'imported', sheet: '资产明细', rowsImported: 1 });
  });

  it('a damaged workbook fails its import job and preview with BAD_FILE, and releases the workspace (issue 17, defect 1)', async () => {
    const good = join(tempDir(), 'good.xlsx');
    await writeSampleTape({ loans: 300, seed: 1, out: good, format: 'xlsx' });
    const bytes = readFileSync(good);
    const name = bytes.indexOf('xl/worksheets/sheet1.xml');
    const dataStart = name + 'xl/worksheets/sheet1.xml'.length + bytes.readUInt16LE(name - 2);
    bytes[dataStart + 785] = (bytes[dataStart + 785] ?? 0) ^ 0xff; // inside the worksheet's deflate stream
    const damaged = join(tempDir(), 'damaged.xlsx');
    writeFileSync(damaged, bytes);

    const preview = await service.call('tape.preview', { source: { kind: 'path', path: damaged } });
    expect(preview).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
    const job = await value(service.call('tape.import', { source: { kind: 'path', path: damaged }, mode: 'reject', cutoffDate: '2026-09-30' }));
    const failed = await finish(job);
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'BAD_FILE' } });
    expect(failed.error?.message).toMatch(/^damaged\.xlsx is not a readable XLSX workbook: /);
    // The write lock is released: the next import and a rename both succeed.
    const next = await finish(await value(service.call('tape.import', { source: { kind: 'path', path: good }, mode: 'reject', cutoffDate: '2026-09-30' })));
    expect(importReportOf(next)).toMatchObject({ status: 'imported', rowsImported: 300 });
    expect(await value(service.call('tape.list', {}))).toHaveLength(1);
  }, 60_000);

  it('a workspace whose write lock another program holds fails the import as WORKSPACE_BUSY data naming the file', async () => {
    const path = service.workspace?.path ?? '';
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      const job = await value(service.call('tape.import', { source: { kind: 'path', path: join(FIXTURES, 'english-clean.csv') }, mode: 'reject', cutoffDate: '2026-09-30' }));
      const done = await finish(job);
      expect(done.state).toBe('failed');
      expect(done.error).toMatchObject({ code: 'WORKSPACE_BUSY', details: { path } });
      expect(done.error?.message).toContain('ws.sqlite is busy');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  }, 20_000);

  it('saves, applies and deletes a column mapping', async () => {
    const file = join(tempDir(), 'odd-headers.csv');
    copyFileSync(join(FIXTURES, 'english-clean.csv'), file);
    const saved = await value(service.call('mapping.save', { name: 'Originator A', mapping: { branch: 'product', province: null } }));
    expect(saved.name).toBe('Originator A');
    const preview = await value(service.call('tape.preview', { source: { kind: 'path', path: file }, mappingName: 'Originator A' }));
    expect(preview.mapping.find((m) => m.header === 'branch')?.field).toBe('product');
    expect(preview.mapping.find((m) => m.header === 'province')?.field).toBeNull();
    expect(await value(service.call('mapping.list', {}))).toHaveLength(1);
    await value(service.call('mapping.delete', { name: 'Originator A' }));
    expect(await service.call('tape.preview', { source: { kind: 'path', path: file }, mappingName: 'Originator A' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('imports the bundled sample tape in one call', async () => {
    const job = await value(service.call('tape.importSample', { loans: 2000, seed: 7 }));
    const done = await finish(job);
    expect(done.state).toBe('succeeded');
    expect(importReportOf(done)).toMatchObject({ status: 'imported', rowsImported: 2000, rowsRejected: 0, encoding: 'utf-8-bom' });
    const [tape] = await value(service.call('tape.list', {}));
    expect(tape?.name).toBe('Sample consumer-loan tape (2,000 loans, seed 7)');
  });

  it('answers pool queries on the query thread, and errors cross it as data', async () => {
    const job = await value(service.call('tape.import', { source: { kind: 'path', path: join(FIXTURES, 'english-clean.csv') }, mode: 'reject', cutoffDate: '2026-09-30' }));
    const tapeId = importReportOf(await finish(job))?.tapeId ?? 0;
    const summary = await value(service.call('pool.summary', { tapeId }));
    expect(summary).toMatchObject({ tapeId, loanCount: 6, cutoffDate: '2026-09-30' });
    // The second call is served from the per-tape cache, identical.
    expect(await value(service.call('pool.summary', { tapeId }))).toEqual(summary);
    const strat = await value(service.call('pool.strat', { tapeId, by: 'segment' }));
    expect(strat.rows.map((r) => r.count).reduce((a, b) => a + b, 0)).toBe(6);
    const csv = await value(service.call('pool.stratCsv', { tapeId, by: 'rate', edges: [0, 0.1, 0.2] }));
    expect(csv.fileName).toBe('english-clean-strat-rate.csv');
    expect(csv.csv.split('\n')[0]).toContain('WAC (annual %)');
    expect(await service.call('pool.summary', { tapeId: 99 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'No tape with id 99 in this workspace' } });
    expect(await service.call('pool.strat', { tapeId, by: 'rate', edges: [0.2, 0.1] })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await service.dispatch('pool.strat', { tapeId, by: 'colour' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('refuses a preview of a tape wider than 1,000 columns, with the count (issue 17, defect 10)', async () => {
    const file = join(tempDir(), 'wide.csv');
    writeFileSync(file, `${Array.from({ length: 1001 }, (_, k) => `c${k}`).join(',')}\n${Array.from({ length: 1001 }, () => '1').join(',')}\n`);
    expect(await service.call('tape.preview', { source: { kind: 'path', path: file } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_FILE', message: 'wide.csv has 1,001 columns in its header row; a tape has at most 1,000 (is the delimiter right, or is this a loan tape?)' },
    });
  });

  it('refuses a missing tape file and an unknown upload with clear errors', async () => {
    expect(await service.call('tape.preview', { source: { kind: 'path', path: join(tempDir(), 'nope.csv') } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('nope.csv') as unknown },
    });
    expect(await service.call('tape.import', { source: { kind: 'upload', uploadId: 'x' }, mode: 'reject' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
