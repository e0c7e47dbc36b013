/**
 * Loan-tape import defects a new-user walkthrough found: each on a real CSV or XLSX file imported
 * into a real workspace (SQLite).
 */
import ExcelJS from '../../data/excel.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importTape, type ImportRequest } from '../../data/tape/import.ts';
import { openWorkspace, type Workspace } from '../../data/workspace.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();
let ws: Workspace | null = null;

afterEach(() => {
  ws?.close();
  ws = null;
});

function workspace(): Workspace {
  ws = openWorkspace(join(tempDir(), 'ws.sqlite'));
  return ws;
}

function csvFile(name: string, lines: readonly string[]): string {
  const path = join(tempDir(), name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function xlsxFile(name: string, rows: ReadonlyArray<ReadonlyArray<string | number | null>>): Promise<string> {
  const path = join(tempDir(), name);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tape');
  for (const row of rows) sheet.addRow([...row]);
  await workbook.xlsx.writeFile(path);
  return path;
}

function request(path: string, extra: Partial<ImportRequest> = {}): ImportRequest {
  return { path, mode: 'reject', ...extra };
}

interface Loan {
  loan_id: string;
  original_principal: number;
  current_principal: number;
  rate_annual: number;
}

function loans(w: Workspace): Loan[] {
  return w.db.prepare('SELECT loan_id, original_principal, current_principal, rate_annual FROM loans ORDER BY row_no').all() as Loan[];
}

const EN_HEADER = 'Loan ID,Origination Date,Original Principal,Current Balance,Annual Rate,Original Term,Remaining Term,As of date';

describe('blank rows', () => {
  it('skips a CSV row whose every cell is empty, as a sheet’s blank row is', async () => {
    const w = workspace();
    const path = csvFile('blank.csv', [EN_HEADER, 'L1,2026-01-15,12000,8000,0.18,12,4,2026-09-30', ',,,,,,,', 'L2,2026-02-15,5000,4000,0.15,6,1,2026-09-30', ' , ,,,,,,']);
    const report = await importTape(w.db, request(path));
    expect(report.status).toBe('imported');
    expect(report.problemCount).toBe(0);
    expect(report.rowsRead).toBe(2);
    expect(loans(w).map((l) => l.loan_id)).toEqual(['L1', 'L2']);
  });

  it('skips a sheet row of empty cells the same way', async () => {
    const w = workspace();
    const path = await xlsxFile('blank.xlsx', [
      EN_HEADER.split(','),
      ['L1', '2026-01-15', 12000, 8000, 0.18, 12, 4, '2026-09-30'],
      ['', '', '', '', '', '', '', ''],
      ['L2', '2026-02-15', 5000, 4000, 0.15, 6, 1, '2026-09-30'],
    ]);
    const report = await importTape(w.db, request(path));
    expect(report.status).toBe('imported');
    expect(report.rowsRead).toBe(2);
  });
});
