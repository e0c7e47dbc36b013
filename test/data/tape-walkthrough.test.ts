/**
 * Loan-tape import defects a new-user walkthrough found: each on a real CSV or XLSX file imported
 * into a real workspace (SQLite).
 */
import ExcelJS from '../../data/excel.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../data/errors.ts';
import { importTape, type ImportRequest } from '../../data/tape/import.ts';
import { listTapes } from '../../data/tape/store.ts';
import { sayCodedIn } from '../../messages/all.ts';
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

async function refusal(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
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

describe('a unit in the header: amounts', () => {
  it('reads 合同金额(万元) / 剩余本金(万元) as the principal columns, every amount × 10,000 exactly', async () => {
    const w = workspace();
    // The walkthrough's wan.csv, plus a row whose float product is off: 1.005 × 10000 = 10049.999999999998.
    const path = csvFile('wan.csv', [
      '借据号,放款日期,合同金额(万元),剩余本金(万元),年化利率,总期数,剩余期数,数据日期',
      'W1,2026-01-15,1.2,0.8,0.18,12,4,2026-09-30',
      'W2,2026-01-15,30,25.5,0.18,12,4,2026-09-30',
      'W3,2026-01-15,1.005,0.00003,0.18,12,4,2026-09-30',
    ]);
    const report = await importTape(w.db, request(path));
    expect(report.status).toBe('imported');
    expect(loans(w).map((l) => [l.original_principal, l.current_principal])).toEqual([
      [12000, 8000],
      [300000, 255000],
      [10050, 0.3],
    ]);
    expect(report.mapping.filter((m) => m.unit !== undefined).map((m) => [m.header, m.field, m.unit])).toEqual([
      ['合同金额(万元)', 'originalPrincipal', '万元'],
      ['剩余本金(万元)', 'currentPrincipal', '万元'],
    ]);
    expect(listTapes(w.db)[0]?.mapping.find((m) => m.field === 'currentPrincipal')?.unit).toBe('万元');
    expect(listTapes(w.db)[0]?.currentBalance).toBe(263000.3);
  });

  it('reads full-width （万元） and (亿元) in a sheet, and a column mapped by hand', async () => {
    const w = workspace();
    const path = await xlsxFile('wan.xlsx', [
      ['借据号', '放款日期', '本金A（亿元）', '剩余本金（万元）', '年化利率', '总期数', '剩余期数', '数据日期'],
      ['X1', '2026-01-15', 0.0012, 0.8, 0.18, 12, 4, '2026-09-30'],
    ]);
    const report = await importTape(w.db, request(path, { mapping: { '本金A（亿元）': 'originalPrincipal' } }));
    expect(report.status).toBe('imported');
    expect(loans(w).map((l) => [l.original_principal, l.current_principal])).toEqual([[120000, 8000]]);
  });

  it('refuses a unit it does not know at that column, and a unit of the wrong kind; the workspace is unchanged', async () => {
    const w = workspace();
    const unknown = csvFile('qian.csv', ['借据号,放款日期,合同金额(千元),剩余本金(元),年化利率,总期数,数据日期', 'Q1,2026-01-15,12,8000,0.18,12,2026-09-30']);
    const error = await refusal(importTape(w.db, request(unknown, { mapping: { '合同金额(千元)': 'originalPrincipal' } })));
    expect(error.code).toBe('BAD_MAPPING');
    expect(error.message).toBe(
      'qian.csv: column "合同金额(千元)" (Original principal) states its unit as (千元), which the import does not know: amounts are read in 元, 万元 or 亿元, rates in % or ‰ — fix the header\'s unit or convert the column',
    );
    const details = error.details as { messageCode: string; messageParams: Record<string, string> };
    const zh = sayCodedIn('zh-CN', { code: details.messageCode, params: details.messageParams, message: error.message });
    expect(zh).toContain('列“合同金额(千元)”（合同金额）表头注明的单位（千元）无法识别');
    const wrongKind = csvFile('kind.csv', ['借据号,放款日期,合同金额(元),剩余本金(元),年化利率(万元),总期数,数据日期', 'Q1,2026-01-15,12000,8000,0.18,12,2026-09-30']);
    const error2 = await refusal(importTape(w.db, request(wrongKind)));
    expect(error2.code).toBe('BAD_MAPPING');
    expect(error2.message).toContain('column "年化利率(万元)" states the unit (万元), which does not fit');
    expect(listTapes(w.db)).toEqual([]);
    expect(loans(w)).toEqual([]);
  });

  it('refuses a value that states its own unit in a column whose header states one', async () => {
    const w = workspace();
    const path = csvFile('twice.csv', ['借据号,放款日期,合同金额(万元),剩余本金(万元),年化利率,总期数,数据日期', 'T1,2026-01-15,1.2万,0.8,0.18,12,2026-09-30']);
    const report = await importTape(w.db, request(path));
    expect(report.status).toBe('rejected');
    expect(report.problems.map((p) => [p.row, p.column, p.value, p.message])).toEqual([
      [
        2,
        '合同金额(万元)',
        '1.2万',
        'row 2, column "合同金额(万元)" (original principal), value "1.2万": the value states its own unit (万) and the column\'s header states 万元: write the number alone',
      ],
    ]);
    expect(listTapes(w.db)).toEqual([]);
  });
});

describe('a unit in the header: rates', () => {
  it('reads every value of 年化利率(%) as a percentage: 0.5 is 0.5%, not 50%', async () => {
    const w = workspace();
    const path = csvFile('pct.csv', [
      '借据号,放款日期,合同金额(元),剩余本金(元),年化利率(%),总期数,剩余期数,数据日期',
      'P1,2026-01-15,12000,8000,0.5,12,4,2026-09-30',
      'P2,2026-01-15,12000,8000,18,12,4,2026-09-30',
      'P3,2026-01-15,12000,8000,9.5,12,4,2026-09-30',
      'P4,2026-01-15,12000,8000,12%,12,4,2026-09-30',
    ]);
    const report = await importTape(w.db, request(path));
    expect(report.status).toBe('imported');
    expect(loans(w).map((l) => l.rate_annual)).toEqual([0.005, 0.18, 0.095, 0.12]);
    expect(report.mapping.find((m) => m.field === 'rateAnnual')?.unit).toBe('%');
    expect(report.codedNotes?.map((n) => n.code)).not.toContain('tapeNote.rateReadingsMixed');
  });

  it('reads 年化利率（‰） in a sheet in per mille', async () => {
    const w = workspace();
    const path = await xlsxFile('permille.xlsx', [
      ['借据号', '放款日期', '合同金额', '剩余本金', '年化利率（‰）', '总期数', '数据日期'],
      ['R1', '2026-01-15', 12000, 8000, 180, 12, '2026-09-30'],
      ['R2', '2026-01-15', 12000, 8000, 0.5, 12, '2026-09-30'],
    ]);
    await importTape(w.db, request(path));
    expect(loans(w).map((l) => l.rate_annual)).toEqual([0.18, 0.0005]);
  });

  it('without a unit in the header, reads each cell as today and warns when a column mixes the readings, naming the rows', async () => {
    const w = workspace();
    const path = csvFile('mixed.csv', [
      '借据号,放款日期,合同金额,剩余本金,年化利率,总期数,数据日期',
      'M1,2026-01-15,12000,8000,0.5,12,2026-09-30',
      'M2,2026-01-15,12000,8000,18,12,2026-09-30',
      'M3,2026-01-15,12000,8000,9.5,12,2026-09-30',
      'M4,2026-01-15,12000,8000,12%,12,2026-09-30',
    ]);
    const report = await importTape(w.db, request(path));
    expect(loans(w).map((l) => l.rate_annual)).toEqual([0.5, 0.18, 0.095, 0.12]);
    const note = report.codedNotes?.find((n) => n.code === 'tapeNote.rateReadingsMixed');
    expect(note?.message).toBe(
      'Rate column "年化利率" states no unit and its values were read two ways: 1 below 1 as fractions (0.5 = 50%; rows 2 (0.5)) and 2 from 1 as percentages (18 = 18%; rows 3 (18), 4 (9.5)). One column most likely means one unit: check these rates, or state the unit in the header (年化利率(%)) to read every value in it.',
    );
    const stored = listTapes(w.db)[0]?.codedNotes?.find((n) => n.code === 'tapeNote.rateReadingsMixed');
    expect(stored).toEqual(note);
    expect(sayCodedIn('zh-CN', note as NonNullable<typeof note>)).toContain('行 2 (0.5)');
  });

  it('does not warn when every bare rate reads the same way', async () => {
    const w = workspace();
    const path = csvFile('same.csv', ['借据号,放款日期,合同金额,剩余本金,年化利率,总期数,数据日期', 'S1,2026-01-15,12000,8000,0.18,12,2026-09-30', 'S2,2026-01-15,12000,8000,12%,12,2026-09-30']);
    const report = await importTape(w.db, request(path));
    expect(report.codedNotes?.map((n) => n.code)).not.toContain('tapeNote.rateReadingsMixed');
  });
});

describe('one data date per tape', () => {
  const MIXED = [
    '借据号,放款日期,合同金额,剩余本金,年化利率,总期数,剩余期数,数据日期',
    'M1,2026-01-15,12000,8000,0.18,12,4,2026-09-30',
    'M2,2026-01-15,12000,8000,0.18,12,4,2026-12-31',
    'M3,2026-11-15,12000,12000,0.18,12,12,2026/12/31',
    'M4,2026-02-15,12000,9000,0.18,12,5,',
    'M5,2026-02-15,12000,9000,0.18,12,5,2026年9月30日',
  ];

  it('refuses a row whose data date differs from the tape’s, with row, column, value and why; the workspace is unchanged', async () => {
    const w = workspace();
    const report = await importTape(w.db, request(csvFile('mixdate.csv', MIXED)));
    expect(report.status).toBe('rejected');
    const dated = report.problems.filter((p) => p.rule === 'data_date');
    expect(dated.map((p) => [p.row, p.column, p.field, p.value, p.message])).toEqual([
      [
        3,
        '数据日期',
        'asOfDate',
        '2026-12-31',
        'row 3, column "数据日期" (data date (cutoff)), value "2026-12-31": data date 2026-12-31 differs from the tape\'s 2026-09-30 (row 2): a tape is one snapshot — import each data date as its own tape',
      ],
      [
        4,
        '数据日期',
        'asOfDate',
        '2026/12/31',
        'row 4, column "数据日期" (data date (cutoff)), value "2026/12/31": data date 2026-12-31 differs from the tape\'s 2026-09-30 (row 2): a tape is one snapshot — import each data date as its own tape',
      ],
    ]);
    const first = dated[0];
    expect(sayCodedIn('zh-CN', { code: first?.code ?? '', params: first?.params ?? {}, message: '' })).toBe(
      '数据日期 2026-12-31 与本资产清单的数据日期 2026-09-30（第 2 行）不同：一份资产清单是同一时点的快照——请将每个数据日期分别导入为一份资产清单。',
    );
    expect(listTapes(w.db)).toEqual([]);
    expect(loans(w)).toEqual([]);
  });

  it('keeps the rows of the tape’s data date (and a blank one) in keep-valid mode, and the others as rejects', async () => {
    const w = workspace();
    const report = await importTape(w.db, request(csvFile('mixdate-keep.csv', MIXED), { mode: 'keepValid' }));
    expect(report.status).toBe('imported');
    expect(report.cutoffDate).toBe('2026-09-30');
    expect(loans(w).map((l) => l.loan_id)).toEqual(['M1', 'M4', 'M5']);
    expect(report.rowsRejected).toBe(2);
  });

  it('refuses an unreadable data date on a later row', async () => {
    const w = workspace();
    const report = await importTape(w.db, request(csvFile('baddate.csv', [...MIXED.slice(0, 2), 'M6,2026-02-15,12000,9000,0.18,12,5,2026-02-30'])));
    expect(report.problems.map((p) => [p.row, p.column, p.rule])).toEqual([[3, '数据日期', 'format']]);
  });
});
