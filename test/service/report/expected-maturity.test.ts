import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS, { type ExcelJSTypes } from '../../../data/excel.ts';
import type { DealFile, JobInfo } from '../../../service/api/contract.ts';
import { readDealFile } from '../../../service/files/deal-file.ts';
import { labelsFor, type Labels } from '../../../service/report/labels.ts';
import { Service } from '../../../service/service.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

// The Excel Summary's tranche table on the 和享 2017-5 golden deal with only the schedule's principal (no turbo):
// each class's 预期到期日 (definition (16), p. 80 of the circular) beside the computed expected final and the legal
// final, and the balance left after it. By hand (test/service/prospectus/hx5-2017.test.ts): A's last principal
// 2019-03-26, B's 2019-05-26, the subordinate class's 2019-11-26; with A expected 2019-03-01, A still owes its last
// payment, 310,336,300.00, after 2019-02-26.

type Cell = ExcelJSTypes.CellValue;
let dir = '';
let service: Service;

async function value<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

async function finished(job: JobInfo): Promise<JobInfo> {
  const done = await service.jobs.wait(job.id);
  if (done.state !== 'succeeded') throw new Error(done.error?.message ?? done.state);
  return done;
}

function noTurboDeal(aExpected: string): DealFile {
  const file = readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'prospectus', 'hx5-2017.json'), 'utf8')));
  if (!('principal' in file.waterfall)) throw new Error('the golden deal has separate accounts');
  const principal = file.waterfall.principal.map((step) => (step.kind === 'principal' ? { ...step, amount: 'principalDue' as const } : step));
  const notes = file.notes.map((n) => (n.id === 'A' ? { ...n, expectedMaturity: aExpected } : n));
  return readDealFile({ ...file, notes, waterfall: { ...file.waterfall, principal } });
}

/** The Summary's tranche table: header row (the row whose first cell is the class label) and its rows by header. */
async function trancheTable(file: string, t: Labels, sheetName: string): Promise<Record<string, Cell>[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(dir, file));
  const sheet = workbook.getWorksheet(sheetName) as ExcelJSTypes.Worksheet;
  let at = 1;
  while (sheet.getCell(at, 1).value !== t('col.class')) at++;
  const headers = (sheet.getRow(at).values as Cell[]).map((v) => (typeof v === 'string' ? v : ''));
  return [1, 2, 3].map((k) => Object.fromEntries(headers.map((h, c) => [h, sheet.getCell(at + k, c).value] as const).filter(([h]) => h !== '')));
}

const day = (cell: Cell | undefined): string | null => (cell instanceof Date ? cell.toISOString().slice(0, 10) : null);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-report-em-'));
  service = new Service({ transport: 'test' });
  await value(service.call('workspace.open', { path: join(dir, 'ws.sqlite'), create: true }));
  await finished(await value(service.call('deal.run', { deal: noTurboDeal('2019-03-01') })));
  await finished(await value(service.call('deal.run', { deal: noTurboDeal('2019-04-26') })));
  await finished(await value(service.call('report.excel', { runIds: [1], outPath: join(dir, 'missed.xlsx') })));
  await finished(await value(service.call('report.excel', { runIds: [2], outPath: join(dir, 'met.xlsx'), language: 'zh-CN' })));
}, 120_000);

afterAll(async () => {
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Excel Summary: expected maturity beside the computed expected final and the legal final', () => {
  it('English: a missed expected maturity with the balance left after it', async () => {
    const t = labelsFor('en');
    const rows = await trancheTable('missed.xlsx', t, t('sheet.summary'));
    const cols = ['col.expectedFinal', 'col.expectedMaturity', 'col.legalFinal'] as const;
    expect(rows.map((r) => cols.map((c) => day(r[t(c)])))).toEqual([
      ['2019-03-26', '2019-03-01', '2021-11-26'],
      ['2019-05-26', '2019-06-26', '2021-11-26'],
      ['2019-11-26', '2019-11-26', '2021-11-26'],
    ]);
    expect(rows.map((r) => r[t('col.balanceAfterExpectedMaturity')])).toEqual([310_336_300, 0, 0]);
  });

  it('Chinese labels: every class repaid by its 预期到期日', async () => {
    const zh = labelsFor('zh-CN');
    const rows = await trancheTable('met.xlsx', zh, zh('sheet.summary'));
    expect(rows.map((r) => [day(r['预期到期日（测算）']), day(r['预期到期日（交易文件）']), day(r['法定到期日']), r['预期到期日后未偿本金']])).toEqual([
      ['2019-03-26', '2019-04-26', '2021-11-26', 0],
      ['2019-05-26', '2019-06-26', '2021-11-26', 0],
      ['2019-11-26', '2019-11-26', '2021-11-26', 0],
    ]);
  });
});
