import ExcelJS from '../../data/excel.ts';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../data/errors.ts';
import { writeSampleTape } from '../../data/sample/index.ts';
import { importTape, type ImportRequest } from '../../data/tape/import.ts';
import { listRejects, listTapes, rejectsCsv } from '../../data/tape/store.ts';
import { openWorkspace, type Workspace } from '../../data/workspace.ts';
import { sayCodedIn } from '../../messages/all.ts';
import { reorderLikeOpenpyxl, storedPartNames } from '../helpers/openpyxl-order.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'tapes');
const CUTOFF = '2026-09-30';

/** Why a loan tape refuses a date in January–February 1900 (data/tape/values/dates.ts parseTapeDate): Excel's day `serial`. */
const early = (date: string, serial: number): string =>
  `${date} is Excel day ${serial}: no loan dates from January–February 1900 — most likely a number (a term, a count) formatted or typed as a date`;
const day60 =
  '1900-02-29 is Excel day 60, a day that did not exist (Excel counts 1900 as a leap year), and no loan dates from January–February 1900 — most likely a number (a term, a count) formatted or typed as a date';
let ws: Workspace | null = null;

afterEach(() => {
  ws?.close();
  ws = null;
});

function workspace(): Workspace {
  ws = openWorkspace(join(tempDir(), 'ws.sqlite'));
  return ws;
}

function fixture(name: string): string {
  return join(FIXTURES, name);
}

interface LoanRow {
  loan_id: string;
  borrower_id: string | null;
  origination_date: string;
  maturity_date: string | null;
  original_principal: number;
  current_principal: number;
  rate_annual: number;
  original_term: number;
  remaining_term: number;
  age_months: number;
  amortization: string;
  days_past_due: number;
  overdue_principal: number;
  overdue_interest: number;
  segment: string | null;
  region: string | null;
  credit_score: number | null;
  restructured: number;
  extra_json: string | null;
  row_no: number;
}

function loans(db: Workspace['db'], tapeId: number): Map<string, LoanRow> {
  const rows = db.prepare<[number], LoanRow>('SELECT * FROM loans WHERE tape_id = ? ORDER BY row_no').all(tapeId);
  return new Map(rows.map((r) => [r.loan_id, r]));
}

function request(path: string, extra: Partial<ImportRequest> = {}): ImportRequest {
  return { path, cutoffDate: CUTOFF, mode: 'reject', ...extra };
}

async function expectUserError(promise: Promise<unknown>, code: string): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe(code);
    return error as UserError;
  }
  throw new Error(`expected ${code}`);
}

describe('importTape: English headers, messy but valid values', () => {
  it('maps every column, normalises rates, amounts, amortization and segments, keeps unknown columns', async () => {
    const { db } = workspace();
    const report = await importTape(db, request(fixture('english-clean.csv'), { name: 'Clean EN' }));
    expect(report).toMatchObject({
      status: 'imported',
      name: 'Clean EN',
      sourceFile: 'english-clean.csv',
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      cutoffDate: CUTOFF,
      cutoffSource: 'given',
      rowsRead: 6,
      rowsImported: 6,
      rowsRejected: 0,
      problemCount: 0,
      extraColumns: ['branch'],
    });
    const byId = loans(db, report.tapeId ?? 0);
    // Rates: 0.156 stays; "18%" → 0.18; bare 24 (≥ 1) is a percentage → 0.24; "7.5%" → 0.075.
    expect(byId.get('EN001')?.rate_annual).toBeCloseTo(0.156, 12);
    expect(byId.get('EN002')?.rate_annual).toBeCloseTo(0.18, 12);
    expect(byId.get('EN003')?.rate_annual).toBeCloseTo(0.24, 12);
    expect(byId.get('EN005')?.rate_annual).toBeCloseTo(0.075, 12);
    // Amounts with thousands separators and the yuan sign.
    expect(byId.get('EN001')?.original_principal).toBe(12000);
    expect(byId.get('EN004')?.original_principal).toBe(8800.5);
    // Restructured loan may carry more than its original principal.
    expect(byId.get('EN004')).toMatchObject({ current_principal: 8900, restructured: 1, amortization: 'flat_fee', days_past_due: 95 });
    expect(byId.get('EN002')).toMatchObject({ amortization: 'equal_principal', segment: 'self_employed', region: 'Zhejiang' });
    expect(byId.get('EN005')).toMatchObject({ amortization: 'level_payment', segment: 'salaried' });
    // Age = whole months from origination to the cutoff: 2026-03-15 → 2026-09-30 is 6 months;
    // 2024-09-30 → 2026-09-30 is 24 months; 2026-09-01 → 2026-09-30 is 0.
    expect(byId.get('EN001')?.age_months).toBe(6);
    expect(byId.get('EN006')?.age_months).toBe(24);
    expect(byId.get('EN005')?.age_months).toBe(0);
    // Unknown columns are kept as extra attributes, quoted commas intact.
    expect(JSON.parse(byId.get('EN002')?.extra_json ?? '{}')).toEqual({ branch: 'Hangzhou, West Lake' });
    expect(byId.get('EN003')?.extra_json).toBeNull();
    expect(report.rowsPerSecond).toBeGreaterThan(0);
  });

  it('stores the tape with its source, hash, cutoff, counts and mapping', async () => {
    const { db } = workspace();
    const report = await importTape(db, request(fixture('english-clean.csv')));
    const [tape] = listTapes(db);
    expect(tape).toMatchObject({
      id: report.tapeId,
      name: 'english-clean',
      sourceFile: 'english-clean.csv',
      sha256: report.sha256,
      cutoffDate: CUTOFF,
      rowsRead: 6,
      rowsImported: 6,
      rowsRejected: 0,
      extraColumns: ['branch'],
    });
    expect(tape?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(tape?.mapping.find((m) => m.header === 'province')?.field).toBe('region');
    expect(tape?.currentBalance).toBeCloseTo(6123.45 + 41666.67 + 3000 + 8900 + 1000 + 180000, 6);
  });

  it("records the rowid range of the tape's loans, which the pool summary scans", async () => {
    const { db } = workspace();
    const first = await importTape(db, request(fixture('english-clean.csv')));
    const second = await importTape(db, request(fixture('chinese-gbk.csv')));
    const ranges = db.prepare('SELECT id, loan_rowid_first AS f, loan_rowid_last AS l FROM tapes ORDER BY id').all();
    expect(ranges).toEqual([
      { id: first.tapeId, f: 1, l: 6 },
      { id: second.tapeId, f: 7, l: 10 },
    ]);
    const { poolSummary } = await import('../../data/pool/index.ts');
    expect(poolSummary(db, second.tapeId ?? 0)).toMatchObject({ loanCount: 4, currentBalance: 6123.45 + 41666.67 + 3000 + 8900 });
    expect(listTapes(db).find((t) => t.id === second.tapeId)?.currentBalance).toBeCloseTo(6123.45 + 41666.67 + 3000 + 8900, 9);
  });

  it('detects a re-import of the same file, and allows it when asked', async () => {
    const { db } = workspace();
    const first = await importTape(db, request(fixture('english-clean.csv')));
    const error = await expectUserError(importTape(db, request(fixture('english-clean.csv'))), 'DUPLICATE_TAPE');
    expect(error.message).toContain(`already imported as tape ${first.tapeId}`);
    expect(listTapes(db)).toHaveLength(1);
    const again = await importTape(db, request(fixture('english-clean.csv'), { allowDuplicate: true }));
    expect(again.tapeId).not.toBe(first.tapeId);
    expect(listTapes(db)).toHaveLength(2);
  });
});

describe('importTape: Chinese headers in GBK', () => {
  it('detects GBK, maps Chinese headers and converts daily rates × 365', async () => {
    const { db } = workspace();
    const report = await importTape(db, request(fixture('chinese-gbk.csv')));
    expect(report).toMatchObject({ status: 'imported', encoding: 'gb18030', rowsImported: 4, extraColumns: ['客户经理'] });
    const byId = loans(db, report.tapeId ?? 0);
    // 日利率 0.05% = 0.0005 per day → APR 0.0005 × 365 = 18.25% (ACT/365).
    expect(byId.get('ZH001')?.rate_annual).toBeCloseTo(0.1825, 12);
    // 万分之五 = 5/10,000 per day → 18.25%.
    expect(byId.get('ZH002')?.rate_annual).toBeCloseTo(0.1825, 12);
    // 0.0004 per day → 14.6%.
    expect(byId.get('ZH003')?.rate_annual).toBeCloseTo(0.146, 12);
    expect(byId.get('ZH001')).toMatchObject({ origination_date: '2026-03-15', maturity_date: '2026-09-15', amortization: 'level_payment', segment: 'salaried', region: '广东' });
    expect(byId.get('ZH002')).toMatchObject({ origination_date: '2026-01-10', amortization: 'equal_principal', segment: 'self_employed' });
    expect(byId.get('ZH003')).toMatchObject({ origination_date: '2026-07-01', amortization: 'interest_only', segment: 'gig' });
    expect(byId.get('ZH004')).toMatchObject({ original_principal: 8800.5, amortization: 'flat_fee', restructured: 1 });
    expect(JSON.parse(byId.get('ZH001')?.extra_json ?? '{}')).toEqual({ 客户经理: '张三' });
  });

  it('reads the file as mojibake-free only with the right encoding: forcing UTF-8 loses the Chinese headers', async () => {
    const { db } = workspace();
    await expectUserError(importTape(db, request(fixture('chinese-gbk.csv'), { encoding: 'utf-8' })), 'BAD_MAPPING');
    expect(listTapes(db)).toHaveLength(0);
  });
});

describe('importTape: validation rules', () => {
  const expected: Array<[number, string, string]> = [
    [3, 'required', 'loan id is missing'],
    [4, 'format', '2025-02-30'],
    [5, 'range', 'current principal must not be negative'],
    [6, 'current_exceeds_original', 'exceeds original principal 6,000'],
    [8, 'range', 'rate 150% is outside 0–100%'],
    [9, 'remaining_exceeds_term', 'remaining term 9 exceeds the original term 6'],
    [10, 'duplicate', 'first seen on row 2'],
    [11, 'after_cutoff', 'after the cutoff date 2026-09-30'],
    [12, 'date_order', 'maturity date is not after the origination date'],
    [13, 'overdue_exceeds_balance', 'overdue principal 3,500 exceeds the current principal 3,000'],
    [14, 'format', 'ambiguous'],
    [15, 'format', 'six thousand'],
    [16, 'required', 'rate'],
    [17, 'format', '6.5'],
  ];

  it('rejects the whole file by default, naming row, column, value and rule for every problem', async () => {
    const { db } = workspace();
    const report = await importTape(db, request(fixture('english-bad.csv')));
    expect(report.status).toBe('rejected');
    expect(report.tapeId).toBeNull();
    expect(report.rowsRead).toBe(17);
    expect(report.rowsRejected).toBe(14);
    expect(report.rowsImported).toBe(0);
    for (const [row, rule, text] of expected) {
      const problem = report.problems.find((p) => p.row === row);
      expect(problem, `row ${row}`).toBeDefined();
      expect(problem?.rule, `row ${row}`).toBe(rule);
      expect(problem?.message, `row ${row}`).toContain(text);
      expect(problem?.message.startsWith(`row ${row}`)).toBe(true);
    }
    const dateProblem = report.problems.find((p) => p.row === 4);
    expect(dateProblem).toMatchObject({ column: 'origination_date', field: 'originationDate', value: '2025-02-30' });
    // Nothing landed: no tape, no loans, no rejects.
    expect(listTapes(db)).toHaveLength(0);
    expect(db.prepare('SELECT count(*) FROM loans').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM tape_rejects').pluck().get()).toBe(0);
  });

  it('keep-valid imports the valid rows and keeps each rejected row with its reasons, exportable to CSV', async () => {
    const { db } = workspace();
    const report = await importTape(db, request(fixture('english-bad.csv'), { mode: 'keepValid' }));
    expect(report).toMatchObject({ status: 'imported', rowsRead: 17, rowsImported: 3, rowsRejected: 14 });
    expect([...loans(db, report.tapeId ?? 0).keys()].sort()).toEqual(['OK001', 'OK005', 'OK016']);
    const rejects = listRejects(db, report.tapeId ?? 0, 0, 100);
    expect(rejects.total).toBe(14);
    expect(rejects.rows.map((r) => r.row)).toEqual(expected.map(([row]) => row));
    expect(rejects.rows[1]?.raw['origination_date']).toBe('2025-02-30');
    const csv = rejectsCsv(db, report.tapeId ?? 0);
    expect(csv.split('\n')[0]).toBe(
      'Row,Rules,Reasons,loan_id,origination_date,maturity_date,original_principal,current_principal,annual_rate,original_term,remaining_term,days_past_due,overdue_principal,restructured',
    );
    expect(csv).toContain('4,format,');
    // A value that starts like a formula is neutralised and quoted (OWASP CSV Injection): "-5" is written as "'-5" in quotes.
    expect(csv).toContain(`,"'-5",`);
  });

  it('guards a rejected value whose first non-space character is a formula trigger (issue 17, defect 11)', async () => {
    const { db } = workspace();
    const [header, row] = readFileSync(fixture('english-clean.csv'), 'utf8').split(/\r?\n/);
    const file = join(tempDir(), 'formula.csv');
    // original_principal (the 5th column) " =1+1": rejected, and kept as read in the rejects.
    writeFileSync(file, `${header}\n${(row ?? '').replace('"12,000.00"', '" =1+1"')}\n`);
    const report = await importTape(db, request(file, { mode: 'keepValid' }));
    expect(report).toMatchObject({ rowsRejected: 1 });
    const csv = rejectsCsv(db, report.tapeId ?? 0);
    // Hand-written: the apostrophe goes before the leading space, and the field is quoted.
    expect(csv.split('\n')[1]).toContain(`,2026-09-15,"' =1+1",6123.45,`);
  });
});

describe('importTape: XLSX', () => {
  it('keeps Chinese text intact across exceljs stream chunks (exceljs#2063 fix in data/excel.ts)', async () => {
    // 40,000 rows of Chinese values: unfixed, exceljs 4.4 turns a few characters split across
    // its 16 KiB inflate chunks into U+FFFD ("等��等息"), which then fail validation.
    const file = join(tempDir(), 'chinese.xlsx');
    await writeSampleTape({ loans: 40_000, seed: 5, out: file, format: 'xlsx' });
    const { db } = workspace();
    const report = await importTape(db, request(file));
    expect(report).toMatchObject({ status: 'imported', rowsImported: 40_000, rowsRejected: 0 });
    const garbled = db.prepare("SELECT count(*) FROM loans WHERE instr(coalesce(product, '') || coalesce(region, '') || coalesce(segment, ''), char(65533)) > 0").pluck().get();
    expect(garbled).toBe(0);
  }, 60_000);

  it('reads the first sheet with real date cells, numbers and a named sheet', async () => {
    const file = join(tempDir(), 'tape.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['This sheet is not the tape']);
    const sheet = workbook.addWorksheet('Loans');
    sheet.addRow(['借据号', '放款日期', '合同金额', '剩余本金', '年化利率', '总期数', '还款方式']);
    sheet.addRow(['X1', new Date(Date.UTC(2026, 2, 15)), 12000, 6000.5, 0.156, 6, '等额本息']);
    sheet.addRow(['X2', new Date(Date.UTC(2026, 0, 31)), 5000, 5000, '18%', 12, '先息后本']);
    sheet.getColumn(2).numFmt = 'yyyy-mm-dd';
    await workbook.xlsx.writeFile(file);

    const { db } = workspace();
    await expectUserError(importTape(db, request(file)), 'BAD_MAPPING'); // first sheet is "Notes"
    const report = await importTape(db, request(file, { sheet: 'Loans' }));
    expect(report).toMatchObject({ status: 'imported', format: 'xlsx', sheet: 'Loans', rowsImported: 2 });
    const byId = loans(db, report.tapeId ?? 0);
    expect(byId.get('X1')).toMatchObject({ origination_date: '2026-03-15', original_principal: 12000, current_principal: 6000.5, amortization: 'level_payment', row_no: 2 });
    expect(byId.get('X1')?.rate_annual).toBeCloseTo(0.156, 12);
    // 2026-01-31 → 2026-09-30: 8 calendar months less one (day 30 < 31) = 7 months of age; 12 − 7 = 5 remaining.
    expect(byId.get('X2')).toMatchObject({ origination_date: '2026-01-31', amortization: 'interest_only', remaining_term: 5, age_months: 7 });
    await expectUserError(importTape(db, request(file, { sheet: 'Nope' })), 'BAD_FILE');
  });

  it('reads a rate cell formatted as a percentage as the percent Excel shows, so the XLSX imports as the same tape as CSV', async () => {
    // The walkthrough: 1.8 under 0.00% shows 180% in Excel and was accepted as 1.8% APR, while the
    // CSV's 180% is refused. Rates: P1 0.18 under 0.00% (18%), P2 1.8 under 0.00% (180%), P3 a
    // plain 18 (a bare number ≥ 1 is a percentage: 18%), P4 a plain 0.18 (a decimal: 18%).
    const header = ['借据号', '放款日期', '到期日期', '合同金额', '剩余本金', '年利率', '总期数'];
    const rows: [string, number | string][] = [
      ['P1', 0.18],
      ['P2', 1.8],
      ['P3', 18],
      ['P4', 0.18],
    ];
    const xlsx = join(tempDir(), 'pct.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Loans');
    sheet.addRow(header);
    for (const [id, rate] of rows) sheet.addRow([id, '2026-03-15', '2027-03-15', 12000, 10000, rate, 12]);
    sheet.getCell('F2').numFmt = '0.00%';
    sheet.getCell('F3').numFmt = '0.00%';
    await workbook.xlsx.writeFile(xlsx);
    const csv = join(tempDir(), 'pct.csv');
    const csvRates = ['18%', '180%', '18', '0.18'];
    writeFileSync(csv, [header.join(','), ...rows.map(([id], k) => `${id},2026-03-15,2027-03-15,12000,10000,${csvRates[k] ?? ''},12`)].join('\n') + '\n');

    const { db } = workspace();
    const fromXlsx = await importTape(db, request(xlsx, { mode: 'keepValid' }));
    const fromCsv = await importTape(db, request(csv, { mode: 'keepValid', allowDuplicate: true }));
    for (const report of [fromXlsx, fromCsv]) {
      expect(report).toMatchObject({ rowsRead: 4, rowsImported: 3, rowsRejected: 1 });
      expect(report.problems).toEqual([
        {
          row: 3,
          column: '年利率',
          field: 'rateAnnual',
          value: '180%',
          rule: 'range',
          message: 'row 3, column "年利率" (annual rate), value "180%": rate 180% is outside 0–100%',
          code: 'tapeRow.outOfRange',
          params: { reason: { code: 'tapeValue.rateAbove100', params: { rate: '180%' }, message: 'rate 180% is outside 0–100%' } },
        },
      ]);
      const byId = loans(db, report.tapeId ?? 0);
      expect([...byId.keys()]).toEqual(['P1', 'P3', 'P4']);
      for (const loan of byId.values()) expect(loan.rate_annual).toBe(0.18);
    }
  });

  it('refuses a time cell in the date column as a time without a date (not as year 1899), naming its row and column', async () => {
    const file = join(tempDir(), 'time-cell.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Loans');
    sheet.addRow(['借据号', '放款日期', '合同金额', '剩余本金', '年化利率', '总期数', '还款方式']);
    sheet.addRow(['T1', new Date(Date.UTC(2026, 2, 15)), 12000, 6000, 0.156, 6, '等额本息']);
    // A clock time typed into the date column: Excel stores day 0 + 0.35 (08:24) with a time format.
    const timed = sheet.addRow(['T2', 0.35, 5000, 5000, 0.18, 12, '等额本息']);
    sheet.getCell('B2').numFmt = 'yyyy-mm-dd';
    timed.getCell(2).numFmt = 'h:mm';
    await workbook.xlsx.writeFile(file);
    const { db } = workspace();
    const report = await importTape(db, request(file, { mode: 'keepValid' }));
    expect(report).toMatchObject({ rowsRead: 2, rowsImported: 1, rowsRejected: 1 });
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ row: 3, column: '放款日期', value: '08:24' });
    expect(report.problems[0]?.message).toContain('a time of day without a date');
  });

  it('refuses a date in January–February 1900 (Excel days 1–60) as out of range and a duration as not a date, naming row, column, field and the value Excel shows; the sheet’s CSV export alike', async () => {
    const header = ['借据号', '放款日期', '到期日期', '合同金额', '剩余本金', '年化利率', '总期数', '还款方式'];
    const file = join(tempDir(), 'early-dates.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Loans');
    sheet.addRow(header);
    // Each origination or maturity cell: [value, its number format]. Excel shows serial 15 as
    // 1900-01-15, 60 as 1900-02-29 (the day its 1900 calendar adds), 36 (a term typed into the
    // maturity column) as 1900-02-05, and 30.5 under [h]:mm as 732:00 (30.5 days × 24 hours).
    const rows: readonly (readonly [string, number | Date, string, number | Date, string])[] = [
      ['E1', new Date(Date.UTC(2026, 2, 15)), 'yyyy-mm-dd', new Date(Date.UTC(2027, 2, 15)), 'yyyy-mm-dd'],
      ['E2', 15, 'yyyy-mm-dd', new Date(Date.UTC(2027, 2, 15)), 'yyyy-mm-dd'],
      ['E3', 60, 'yyyy"年"m"月"d"日"', new Date(Date.UTC(2027, 2, 15)), 'yyyy-mm-dd'],
      ['E4', 30.5, '[h]:mm', new Date(Date.UTC(2027, 2, 15)), 'yyyy-mm-dd'],
      ['E5', new Date(Date.UTC(2026, 2, 15)), 'yyyy-mm-dd', 36, 'yyyy-mm-dd'],
      ['E6', 61, 'yyyy-mm-dd', new Date(Date.UTC(2027, 2, 15)), 'yyyy-mm-dd'],
    ];
    for (const [id, origination, originationFormat, maturity, maturityFormat] of rows) {
      const row = sheet.addRow([id, origination, maturity, 12000, 6000, 0.156, 12, '等额本息']);
      row.getCell(2).numFmt = originationFormat;
      row.getCell(3).numFmt = maturityFormat;
    }
    await workbook.xlsx.writeFile(file);
    const { db } = workspace();
    const report = await importTape(db, request(file, { mode: 'keepValid' }));
    expect(report).toMatchObject({ rowsRead: 6, rowsImported: 2, rowsRejected: 4 });
    const duration = 'not a date (a duration: 732:00 is elapsed time, as Excel shows a number under a format such as [h]:mm — give the column a date format)';
    expect(report.problems.map((p) => [p.row, p.column, p.field, p.value, p.rule, p.message])).toEqual([
      [3, '放款日期', 'originationDate', '1900-01-15', 'range', `row 3, column "放款日期" (origination date), value "1900-01-15": ${early('1900-01-15', 15)}`],
      [4, '放款日期', 'originationDate', '1900-02-29', 'range', `row 4, column "放款日期" (origination date), value "1900-02-29": ${day60}`],
      [5, '放款日期', 'originationDate', '732:00', 'format', `row 5, column "放款日期" (origination date), value "732:00": ${duration}`],
      [6, '到期日期', 'maturityDate', '1900-02-05', 'range', `row 6, column "到期日期" (maturity date), value "1900-02-05": ${early('1900-02-05', 36)}`],
    ]);
    // Serial 61, 1900-03-01, is where Excel and exceljs agree again: read exactly, it is left to the
    // tape's plausibility limits (from 1900-01-01 by default; a source's own minDate refuses it).
    expect([...loans(db, report.tapeId ?? 0).values()].map((l) => [l.loan_id, l.origination_date])).toEqual([
      ['E1', '2026-03-15'],
      ['E6', '1900-03-01'],
    ]);
    // The screens say them by code, in Chinese too.
    const said = report.problems.slice(0, 3).map((p) => sayCodedIn('zh-CN', { code: p.code, params: p.params ?? {}, message: p.message }));
    expect(said).toEqual([
      '超出范围：1900-01-15 即 Excel 日期序号 15：贷款日期不会在 1900 年 1–2 月——多半是数字（期数、笔数等）被设成了日期格式，或误填为日期。',
      '超出范围：1900-02-29 即 Excel 日期序号 60，该日并不存在（Excel 把 1900 年当作闰年），且贷款日期不会在 1900 年 1–2 月——多半是数字（期数、笔数等）被设成了日期格式，或误填为日期。',
      '无法识别：不是日期（是时长：732:00 是 Excel 以 [h]:mm 等格式显示的经过时间——请把该列设为日期格式）',
    ]);

    // The sheet's CSV export holds the text Excel shows; it imports alike, row for row.
    const csv = join(tempDir(), 'early-dates.csv');
    const shown = ['E1,2026-03-15,2027-03-15', 'E2,1900-01-15,2027-03-15', 'E3,1900年2月29日,2027-03-15', 'E4,732:00,2027-03-15', 'E5,2026-03-15,1900-02-05', 'E6,1900-03-01,2027-03-15'];
    writeFileSync(csv, `${[header.join(','), ...shown.map((r) => `${r},12000,6000,0.156,12,等额本息`)].join('\n')}\n`);
    const fromCsv = await importTape(db, request(csv, { mode: 'keepValid' }));
    expect(fromCsv).toMatchObject({ rowsRead: 6, rowsImported: 2, rowsRejected: 4 });
    expect(fromCsv.problems.map((p) => [p.row, p.field, p.rule, p.code])).toEqual(report.problems.map((p) => [p.row, p.field, p.rule, p.code]));
  });

  it('reads a sheet by name from a workbook stored in openpyxl part order (issue 17, defect 2)', async () => {
    // pandas' to_excel (through openpyxl) stores the worksheets before xl/workbook.xml and points
    // the relationships at absolute part names; exceljs's streaming reader then calls the sheets
    // Sheet1, Sheet2. The sheet is found by its relationship (ECMA-376 §18.2.19), not that name.
    const file = join(tempDir(), '资产包.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('资产明细');
    sheet.addRow(['借据号', '放款日期', '合同金额', '剩余本金', '年化利率', '总期数', '还款方式']);
    sheet.addRow(['Y1', '2026-03-15', 12000, 6000, 0.156, 6, '等额本息']);
    sheet.addRow(['Y2', '2026-01-31', 5000, 5000, 0.18, 12, '先息后本']);
    workbook.addWorksheet('说明').addRow(['本表为资产明细的说明']);
    await workbook.xlsx.writeFile(file);
    await reorderLikeOpenpyxl(file);
    const parts = storedPartNames(file);
    expect(parts.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(parts.indexOf('xl/workbook.xml'));

    const { db } = workspace();
    const report = await importTape(db, request(file, { sheet: '资产明细' }));
    expect(report).toMatchObject({ status: 'imported', sheet: '资产明细', rowsImported: 2 });
    expect([...loans(db, report.tapeId ?? 0).keys()].sort()).toEqual(['Y1', 'Y2']);
    // The first sheet in tab order when none is named.
    expect(await importTape(db, request(file, { name: 'first', allowDuplicate: true }))).toMatchObject({ sheet: '资产明细', rowsImported: 2 });
    const error = await expectUserError(importTape(db, request(file, { sheet: 'Sheet3' })), 'BAD_FILE');
    expect(error.message).toBe('资产包.xlsx has no sheet named "Sheet3" (sheets: 资产明细, 说明)');
  });
});

describe('importTape: bad files and cancellation', () => {
  it('names the missing required fields when headers cannot be mapped', async () => {
    const file = join(tempDir(), 'unmapped.csv');
    writeFileSync(file, 'id,amount\nA,100\n');
    const { db } = workspace();
    const error = await expectUserError(importTape(db, request(file)), 'BAD_MAPPING');
    expect(error.message).toContain('unmapped.csv: no column is mapped to');
    expect(error.message).toContain('Origination date');
  });

  it('refuses a legacy .xls file with a clear message', async () => {
    const file = join(tempDir(), 'old.xls');
    copyFileSync(fixture('english-clean.csv'), file);
    const { db } = workspace();
    const error = await expectUserError(importTape(db, request(file)), 'BAD_FILE');
    expect(error.message).toContain('save it as .xlsx or CSV');
  });

  it('uses the tape data-date column as the cutoff when none is given', async () => {
    const file = join(tempDir(), 'asof.csv');
    writeFileSync(file, 'loan_id,origination_date,original_principal,current_principal,annual_rate,original_term,as_of_date\nA,2026-01-15,1000,500,0.15,6,2026-06-30\n');
    const { db } = workspace();
    const report = await importTape(db, { path: file, mode: 'reject' });
    expect(report).toMatchObject({ cutoffDate: '2026-06-30', cutoffSource: 'tape' });
    expect(report.notes.join(' ')).toContain('No amortization column');
  });

  it('a cancelled import rolls back completely', async () => {
    const { db } = workspace();
    const error = await expectUserError(importTape(db, request(fixture('english-clean.csv')), { shouldStop: () => true }), 'CANCELLED');
    expect(error.message).toContain('workspace is unchanged');
    expect(listTapes(db)).toHaveLength(0);
    expect(db.prepare('SELECT count(*) FROM loans').pluck().get()).toBe(0);
    expect(db.inTransaction).toBe(false);
  });
});

/** The clean English tape's header and first two rows, widened to `columns` columns by extra ones. */
const wideTape = (columns: number): string => {
  const lines = readFileSync(fixture('english-clean.csv'), 'utf8').split(/\r?\n/).slice(0, 3);
  const extras = columns - 18; // english-clean.csv has 18 columns
  const pad = (line: string, cell: (k: number) => string): string => `${line},${Array.from({ length: extras }, (_, k) => cell(k)).join(',')}`;
  const file = join(tempDir(), `wide-${columns}.csv`);
  writeFileSync(file, [pad(lines[0] ?? '', (k) => `extra_${k + 1}`), pad(lines[1] ?? '', () => 'x'), pad(lines[2] ?? '', () => 'y')].join('\n'));
  return file;
};

describe('importTape: tape width', () => {
  // Issue 17, defect 10: a 200,000-column CSV took 18 s and 820 MB. A tape has at most 1,000
  // columns (data/tape/width.ts); the header row says how wide the tape is, so a wider one is
  // refused there with its count, before any row is read.
  it('refuses a 200,000-column tape at its header, with the count', async () => {
    const { db } = workspace();
    const error = await expectUserError(importTape(db, request(wideTape(200_000))), 'BAD_FILE');
    expect(error.message).toContain('has 200,000 columns in its header row; a tape has at most 1,000');
    expect(listTapes(db)).toHaveLength(0);
  });

  it('refuses 1,001 columns and imports 1,000', async () => {
    const { db } = workspace();
    expect((await expectUserError(importTape(db, request(wideTape(1001))), 'BAD_FILE')).message).toContain('has 1,001 columns');
    await importTape(db, request(wideTape(1000)));
    expect(listTapes(db)).toHaveLength(1);
  });
});

/** english-clean.csv's first loan under another id, with the given cells (by column) changed. */
const cells = (changes: Record<number, string>, id: string): string => {
  const base = 'EN001,B01,2026-03-15,2026-09-15,12000.00,6123.45,0.156,6,1,level payment,0,0,0,salaried,Guangdong,712,N,Shenzhen'.split(',');
  base[0] = id;
  for (const [column, text] of Object.entries(changes)) base[Number(column)] = text;
  return base.join(',');
};

describe('importTape: plausibility limits (issue 17, defect 9)', () => {
  // data/tape/rows/checks.ts PLAUSIBLE, README "Loan tapes": amounts up to 1e11 per loan, dates
  // from 1900-01-01 to 2100-12-31, credit scores 0–1,000; "-0" is a sign error. Each row below is
  // english-clean.csv's first loan with one cell changed, and the rule it breaks written by hand.
  it('rejects absurd amounts, scores, dates and -0, and keeps the figures at the limits', async () => {
    const { db } = workspace();
    const header = readFileSync(fixture('english-clean.csv'), 'utf8').split(/\r?\n/)[0] ?? '';
    const rows = [
      cells({ 4: '1e30' }, 'P1'), // original principal ¥1e30
      cells({ 12: '9e99' }, 'P2'), // overdue interest
      cells({ 15: '1e308' }, 'P3'), // credit score
      cells({ 5: '-0' }, 'P4'), // current principal
      cells({ 3: '2101-01-01' }, 'P5'), // maturity after 2100
      cells({ 4: '100000000000', 15: '1000' }, 'OK1'), // exactly 1e11 and a score of 1,000: kept
    ];
    const file = join(tempDir(), 'absurd.csv');
    writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
    const report = await importTape(db, request(file, { mode: 'keepValid' }));
    expect(report.problems.map((p) => [p.row, p.field, p.rule])).toEqual([
      [2, 'originalPrincipal', 'amount_limit'],
      [3, 'overdueInterest', 'amount_limit'],
      [4, 'creditScore', 'score_limit'],
      [5, 'currentPrincipal', 'range'],
      [6, 'maturityDate', 'date_limit'],
    ]);
    expect([...loans(db, report.tapeId ?? 0).keys()]).toEqual(['OK1']);
  });

  it('refuses a data date of 0000-00-00 instead of taking today as the cutoff', async () => {
    const { db } = workspace();
    const file = join(tempDir(), 'data-date.csv');
    writeFileSync(file, `loan_id,origination_date,original_principal,current_principal,annual_rate,original_term,数据日期\nD1,2026-03-15,12000,6000,0.156,6,0000-00-00\n`);
    const error = await expectUserError(importTape(db, { path: file, mode: 'reject' }), 'BAD_FILE');
    expect(error.message).toContain('The data date "0000-00-00" on the tape\'s first row');
    expect(listTapes(db)).toHaveLength(0);
  });

  it('refuses a data date of Excel day 15 (1900-01-15 in a date cell) as out of range, not as the tape’s cutoff', async () => {
    const { db } = workspace();
    const file = join(tempDir(), 'data-date-1900.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Loans');
    sheet.addRow(['loan_id', 'origination_date', 'original_principal', 'current_principal', 'annual_rate', 'original_term', '数据日期']);
    const row = sheet.addRow(['D1', '2026-03-15', 12000, 6000, 0.156, 6, 15]);
    row.getCell(7).numFmt = 'yyyy-mm-dd';
    await workbook.xlsx.writeFile(file);
    const error = await expectUserError(importTape(db, { path: file, mode: 'reject' }), 'BAD_FILE');
    expect(error.message).toBe(
      'The data date "1900-01-15" on the tape\'s first row (its cutoff) is out of range: 1900-01-15 is Excel day 15: no loan dates from January–February 1900 — most likely a number (a term, a count) formatted or typed as a date; fix it or give the cutoff date',
    );
    expect(error.details).toMatchObject({ value: '1900-01-15', rule: 'range' });
    expect(listTapes(db)).toHaveLength(0);
  });
});

describe('importTape: a CSV value right of the header’s last column', () => {
  // english-clean.csv has 18 columns. Row 3's name-like region field holds an unquoted comma
  // ("Shenzhen, Nanshan"), which shifts nothing the header maps but leaves a 19th value; row 4 ends
  // in a trailing comma (an empty 19th field: no value); rows 2 and 5 are clean.
  it('refuses the row (rule unheaded_value, its column and the header’s width in the reason), keeps the trailing-comma row, and stores the value as column 19', async () => {
    const { db } = workspace();
    const header = readFileSync(fixture('english-clean.csv'), 'utf8').split(/\r?\n/)[0] ?? '';
    expect(header.split(',')).toHaveLength(18);
    const rows = [cells({}, 'U1'), `${cells({}, 'U2')}, Nanshan`, `${cells({}, 'U3')},`, cells({}, 'U4')];
    const file = join(tempDir(), 'unheaded.csv');
    writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
    const report = await importTape(db, request(file, { mode: 'keepValid' }));
    expect(report).toMatchObject({ rowsRead: 4, rowsImported: 3, rowsRejected: 1 });
    expect(report.problems).toEqual([
      {
        row: 3,
        column: null,
        field: null,
        value: 'Nanshan',
        rule: 'unheaded_value',
        message:
          'row 3, value "Nanshan": it is in column 19, right of the header\'s last column (18): a value without a heading cannot be imported — an unquoted delimiter in an earlier field shifts the row\'s values right; quote that field, or give the column a heading',
        code: 'tapeRow.valueWithoutHeading',
        params: { column: 19, lastColumn: 18 },
      },
    ]);
    expect([...loans(db, report.tapeId ?? 0).keys()].sort()).toEqual(['U1', 'U3', 'U4']);
    expect(listRejects(db, report.tapeId ?? 0, 0, 10).rows[0]?.raw['column 19']).toBe(' Nanshan');
    // The rejects export gives the value a column of its own after the tape's 18.
    const [csvHeader, csvRow] = rejectsCsv(db, report.tapeId ?? 0).split('\n');
    expect(csvHeader?.split(',').slice(-2)).toEqual([header.split(',').at(-1), 'column 19']);
    expect(csvRow?.endsWith(',N,Shenzhen, Nanshan')).toBe(true);
    // In reject mode the file is refused and nothing more is stored.
    const refused = await importTape(db, request(file, { mode: 'reject' }));
    expect(refused).toMatchObject({ status: 'rejected', rowsRejected: 1 });
    expect(listTapes(db)).toHaveLength(1);
  });
});

/** english-clean.csv's header over the rows given, as limits.csv. */
function limitsTape(rows: readonly string[]): string {
  const header = readFileSync(fixture('english-clean.csv'), 'utf8').split(/\r?\n/)[0] ?? '';
  const file = join(tempDir(), 'limits.csv');
  writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
  return file;
}

describe('importTape: plausibility limits the tape states (its mapping or the import options)', () => {
  // data/tape/rows/limits.ts: each limit given replaces its default (1e11, 1900-01-01 to 2100-12-31,
  // scores 0–1,000). Each row is english-clean.csv's first loan with the cells named changed; the
  // rule each breaks is worked out by hand against the limits written here.
  const rows = [
    cells({ 15: '900' }, 'S900'), // above an 850 top
    cells({ 15: '250' }, 'S250'), // below a 300 floor
    cells({ 15: '850' }, 'S850'), // at the top: kept
    cells({ 4: '60000', 5: '30000' }, 'A60K'), // original principal above 50,000
    cells({ 4: '50000', 5: '30000' }, 'A50K'), // exactly 50,000: kept
    cells({ 3: '2031-01-01' }, 'D2031'), // maturity after 2030-12-31
  ];

  it('by default every row is plausible (scores 0–1,000, amounts to 1e11, dates 1900–2100)', async () => {
    const { db } = workspace();
    const report = await importTape(db, request(limitsTape(rows), { mode: 'keepValid' }));
    expect(report.problems).toEqual([]);
    expect(report.rowsImported).toBe(6);
  });

  it('a 300–850 score scale, a 50,000 amount limit and dates to 2030 reject the rows outside them, with the limit in the message', async () => {
    const { db } = workspace();
    const limits = { scoreMin: 300, scoreMax: 850, maxAmount: 50_000, maxDate: '2030-12-31' };
    const report = await importTape(db, request(limitsTape(rows), { mode: 'keepValid', limits }));
    expect(report.problems.map((p) => [p.row, p.field, p.rule, p.message])).toEqual([
      [2, 'creditScore', 'score_limit', 'row 2, column "credit_score" (credit score), value "900": credit score 900 is outside the scale 300 to 850'],
      [3, 'creditScore', 'score_limit', 'row 3, column "credit_score" (credit score), value "250": credit score 250 is outside the scale 300 to 850'],
      [5, 'originalPrincipal', 'amount_limit', 'row 5, column "original_principal" (original principal), value "60000": original principal 60,000 is above the plausible limit of 50,000 per loan'],
      [7, 'maturityDate', 'date_limit', 'row 7, column "maturity_date" (maturity date), value "2031-01-01": maturity date 2031-01-01 is outside the plausible range 1900-01-01 to 2030-12-31'],
    ]);
    expect([...loans(db, report.tapeId ?? 0).keys()].sort()).toEqual(['A50K', 'S850']);
  });

  it('a data date before the tape’s minDate is refused as its cutoff', async () => {
    const { db } = workspace();
    const file = join(tempDir(), 'old-data-date.csv');
    writeFileSync(file, `loan_id,origination_date,original_principal,current_principal,annual_rate,original_term,数据日期\nD1,2026-03-15,12000,6000,0.156,6,1999-12-31\n`);
    const error = await expectUserError(importTape(db, { path: file, mode: 'reject', limits: { minDate: '2000-01-01' } }), 'BAD_FILE');
    expect(error.message).toContain('outside the plausible range 2000-01-01 to 2100-12-31');
  });

  it('limits that do not fit together are refused before anything is written, naming the key', async () => {
    const { db } = workspace();
    const file = limitsTape(rows);
    const cases: [ImportRequest['limits'], string][] = [
      [{ scoreMin: 900, scoreMax: 850 }, 'Plausibility limits limits.scoreMax: must be above limits.scoreMin (900)'],
      [{ minDate: '2030-01-01', maxDate: '2020-01-01' }, 'Plausibility limits limits.maxDate: must be after limits.minDate (2030-01-01)'],
      [{ maxDate: '2030-02-30' }, 'Plausibility limits limits.maxDate: "2030-02-30" is not a calendar date written YYYY-MM-DD'],
      [{ maxAmount: 0 }, 'Plausibility limits limits.maxAmount: must be a positive amount per loan'],
    ];
    for (const [limits, message] of cases) {
      const error = await expectUserError(importTape(db, request(file, { mode: 'keepValid', limits })), 'BAD_REQUEST');
      expect(error.message).toBe(message);
    }
    expect(listTapes(db)).toHaveLength(0);
  });
});
