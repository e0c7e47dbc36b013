import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from '../../../data/excel.ts';
import { UserError } from '../../../data/errors.ts';
import { readStaticPool } from '../../../data/static-pool/index.ts';
import { gb18030Bytes } from '../../helpers/static-pool-generator.ts';
import { useTempDir } from '../../helpers/tmp.ts';
import { SHEET_HEAD, SHEET_TAIL, sheetRow, workbookParts, zipParts } from '../../reliability/fuzz/zip.ts';

const dir = useTempDir('abs-static-read-');

function csv(name: string, text: string): string {
  const path = join(dir(), name);
  writeFileSync(path, text);
  return path;
}

async function problemsOf(files: Parameters<typeof readStaticPool>[0]): Promise<{ message: string; problems: { file: string; row: number | null; column: string | null; reason: string }[] }> {
  try {
    await readStaticPool(files);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { message: error.message, problems: (error.details as { problems?: never[] }).problems ?? [] };
  }
  throw new Error('expected the static pool to be refused');
}

const POOL_NOTES_SHEET = SHEET_HEAD + sheetRow(['本表数据来源于发起机构'], 1) + SHEET_TAIL;

/** A wide 累计违约率 sheet of two vintages, its strings shared (0 "2024-01", 1 "0.1%", 2 "2024-02"), C3 written as given. */
function poolSheet(c3: string): string {
  const rows = `<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>1000</v></c><c r="C2" t="s"><v>1</v></c></row><row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3"><v>1000</v></c>${c3}</row>`;
  return SHEET_HEAD + sheetRow(['起始月份', '放款金额', 'M1'], 1) + rows + SHEET_TAIL;
}

/** A workbook of a notes sheet (说明) then poolSheet(c3), as a static pool is often sent. */
function twoSheetPool(name: string, c3: string): string {
  const parts = workbookParts('说明', POOL_NOTES_SHEET);
  const ns = 'http://schemas.openxmlformats.org';
  parts.set(
    'xl/workbook.xml',
    `<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="说明" sheetId="1" r:id="rId1"/><sheet name="累计违约率" sheetId="2" r:id="rId2"/></sheets></workbook>`,
  );
  parts.set(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
  );
  parts.set('xl/worksheets/sheet2.xml', poolSheet(c3));
  parts.set('xl/sharedStrings.xml', `<sst xmlns="${ns}/spreadsheetml/2006/main"><si><t>2024-01</t></si><si><t>0.1%</t></si><si><t>2024-02</t></si></sst>`);
  const path = join(dir(), name);
  writeFileSync(path, zipParts(parts).bytes);
  return path;
}

describe('reading a static pool', () => {
  it('reads a long table with English headers, decimals and a percent-marked cell', async () => {
    const path = csv(
      'pool.csv',
      'Vintage,Original Balance,MOB,Cumulative Default Rate,Cumulative Prepayment Rate\n2024-01,"1,000,000",1,0.001,2.5%\n2024-01,,2,0.002,0.05\n2024/2,2000000,1,0,0.02\nTotal,3000000,,,\n',
    );
    const pool = await readStaticPool([{ path }]);
    expect(pool.vintages).toEqual([
      { vintage: '2024-01', originalBalance: 1_000_000, cumulativeDefault: [0.001, 0.002], cumulativePrepayment: [0.025, 0.05], delinquency: { dpd1_30: [], dpd31_60: [], dpd61_90: [] } },
      { vintage: '2024-02', originalBalance: 2_000_000, cumulativeDefault: [0], cumulativePrepayment: [0.02], delinquency: { dpd1_30: [], dpd31_60: [], dpd61_90: [] } },
    ]);
  });

  it('reads a wide GB18030 table with a 指标 column, a 单位：% title and months written 第n个月', async () => {
    const text = '静态池表现（单位：%）\n放款月份,放款金额(万元),指标,第1个月,第2个月,第3个月\n2023年5月,500,累计违约率,0.10,0.25,0.40\n2023年5月,500,累计早偿率,1.5,3.1,\n';
    const path = join(dir(), 'wide.csv');
    writeFileSync(path, gb18030Bytes(text));
    const pool = await readStaticPool([{ path }]);
    expect(pool.tables).toEqual([{ file: 'wide.csv', sheet: null, layout: 'wide', headerRow: 2, metrics: ['cumulativeDefault', 'cumulativePrepayment'] }]);
    expect(pool.vintages[0]?.originalBalance).toBe(5_000_000);
    expect(pool.vintages[0]?.cumulativeDefault).toEqual([0.001, 0.0025, 0.004]);
    expect(pool.vintages[0]?.cumulativePrepayment).toEqual([0.015, 0.031]);
  });

  it('merges one file per metric by vintage, the metric of a bare wide table given by the caller', async () => {
    const defaults = csv('defaults.csv', '放款月份,初始本金,M1,M2\n2024-01,100,0.1%,0.3%\n');
    const prepay = csv('prepay.csv', '放款月份,M1,M2\n2024-01,2%,4%\n');
    const pool = await readStaticPool([
      { path: defaults, metric: 'cumulativeDefault' },
      { path: prepay, metric: 'cumulativePrepayment' },
    ]);
    expect(pool.vintages[0]).toMatchObject({ originalBalance: 100, cumulativeDefault: [0.001, 0.003], cumulativePrepayment: [0.02, 0.04] });
  });

  it('names file, row, column and reason for each problem', async () => {
    const path = csv(
      'bad.csv',
      [
        '放款月份,初始本金,账龄,累计违约率(%),累计早偿率(%)',
        '2024-01,1000000,1,0.5,2', // row 2
        '2024-01,,2,0.4,3', // row 3: cumulative default falls 0.5% → 0.4%
        '2024-01,,2,0.6,4', // row 4: month 2 given twice (both columns)
        '2024-02,,1,120,1', // row 5: 120% outside 0–100%; and 2024-02 has no balance
        '2024-03,500000,1,0.2,x', // row 6: not a rate
      ].join('\n'),
    );
    const { message, problems } = await problemsOf([{ path }]);
    expect(problems).toEqual([
      { file: 'bad.csv', sheet: null, row: 5, column: '累计违约率(%)', reason: '120 is outside 0–100%' },
      { file: 'bad.csv', sheet: null, row: 6, column: '累计早偿率(%)', reason: "'x' is not a rate" },
      {
        file: 'bad.csv',
        sheet: null,
        row: 4,
        column: '累计违约率(%)',
        reason: 'vintage 2024-01, month on book 2: 累计违约率 (cumulative default rate) is given twice (also at bad.csv, row 3, column "累计违约率(%)")',
      },
      {
        file: 'bad.csv',
        sheet: null,
        row: 4,
        column: '累计早偿率(%)',
        reason: 'vintage 2024-01, month on book 2: 累计早偿率 (cumulative prepayment rate) is given twice (also at bad.csv, row 3, column "累计早偿率(%)")',
      },
      {
        file: 'bad.csv',
        sheet: null,
        row: 3,
        column: '累计违约率(%)',
        reason: 'vintage 2024-01: 累计违约率 (cumulative default rate) falls from 0.5% at month 1 to 0.4% at month 2; a cumulative rate never falls',
      },
      { file: 'bad.csv', sheet: null, row: 5, column: null, reason: 'vintage 2024-02 has no original balance (初始本金 / 放款金额)' },
    ]);
    expect(message).toMatch(/^The static pool cannot be read \(6 problems\):\nbad\.csv, row 5, column "累计违约率\(%\)": 120 is outside 0–100%/);
  });

  it('says how to read a bare decimal above 1, and refuses a gap in the months', async () => {
    const path = csv('gap.csv', 'vintage,original balance,mob,cumulative default rate\n2024-01,100,1,0.01\n2024-01,100,3,0.02\n2024-02,100,1,1.5\n');
    const { problems } = await problemsOf([{ path }]);
    expect(problems.map((p) => [p.row, p.reason])).toEqual([
      [4, '1.5 is outside 0–100% as a decimal; write 1.5% or mark the column header (%)'],
      [3, 'vintage 2024-01: 累计违约率 (cumulative default rate) has no month on book 2 (given up to 3)'],
    ]);
  });

  it('refuses a wide table that does not say its metric, and a file with no vintage column', async () => {
    const wide = csv('m.csv', '放款月份,初始本金,M1\n2024-01,100,0.1%\n');
    await expect(readStaticPool([{ path: wide }])).rejects.toThrow(/m\.csv holds no static-pool table: a wide table .* needs its metric/);
    const tape = csv('tape.csv', '借据号,合同金额\nL1,100\n');
    await expect(readStaticPool([{ path: tape }])).rejects.toThrow(/tape\.csv holds no static-pool table: no origination-month column/);
  });

  it('reads an XLSX sheet by sheet, naming the sheet and the sheet row of a problem, and passes over a notes sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['本表数据来源于发起机构']);
    const sheet = workbook.addWorksheet('累计违约率');
    sheet.addRow(['起始月份', '放款金额', 'M1', 'M2']);
    sheet.addRow(['2024-01', 1000, 0.001, 0.0005]);
    const path = join(dir(), 'pool.xlsx');
    await workbook.xlsx.writeFile(path);
    const { problems } = await problemsOf([{ path }]);
    expect(problems).toEqual([
      {
        file: 'pool.xlsx',
        sheet: '累计违约率',
        row: 2,
        column: 'M2',
        reason: 'vintage 2024-01: 累计违约率 (cumulative default rate) falls from 0.1% at month 1 to 0.05% at month 2; a cumulative rate never falls',
      },
    ]);
  });

  it('refuses a damaged worksheet naming the file, sheet, part, row and cell', async () => {
    // The workbook undamaged reads (two vintages of one month each, the notes sheet passed over);
    // then C3 refers to a shared string that does not exist, then it holds "12,000" where a number
    // is stored (exceljs's loader, the reader before, read that as 12 without a word).
    const good = await readStaticPool([{ path: twoSheetPool('good.xlsx', '<c r="C3"><v>0.002</v></c>') }]);
    expect(good.vintages.map((v) => v.vintage)).toEqual(['2024-01', '2024-02']);
    expect(good.skipped.map((s) => s.sheet)).toEqual(['说明']);
    await expect(readStaticPool([{ path: twoSheetPool('strings.xlsx', '<c r="C3" t="s"><v>9</v></c>') }])).rejects.toThrow(
      'strings.xlsx is not a readable XLSX workbook: sheet "累计违约率", xl/worksheets/sheet2.xml, row 3, cell C3: refers to shared string "9", but the workbook holds 3 (numbered from 0)',
    );
    await expect(readStaticPool([{ path: twoSheetPool('comma.xlsx', '<c r="C3"><v>12,000</v></c>') }])).rejects.toThrow(
      'comma.xlsx is not a readable XLSX workbook: sheet "累计违约率", xl/worksheets/sheet2.xml, row 3, cell C3: holds "12,000" where a number is stored',
    );
  });

  it('refuses a value past column ALL (1,000 columns) naming its cell, even on a 10,000-row sheet with one on every row; drops empty cells there', async () => {
    const hostile = (name: string, cell: (r: number) => string): string => {
      let rows = '';
      for (let r = 4; r < 10_004; r++) rows += `<row r="${r}"><c r="A${r}" t="s"><v>0</v></c><c r="B${r}"><v>1000</v></c>${cell(r)}</row>`;
      return twoSheetPool(name, `<c r="C3"><v>0.002</v></c></row>${rows}<row r="10004">`);
    };
    await expect(readStaticPool([{ path: hostile('xfd.xlsx', (r) => `<c r="XFD${r}"><v>1</v></c>`) }])).rejects.toThrow(
      'xfd.xlsx: sheet "累计违约率", cell XFD4 holds a value past column ALL; a static pool has at most 1,000 columns (vintage, balance, up to 600 months on book)',
    );
    // Empty cells at XFD (styled only, or an empty string) are dropped: the pool reads as the undamaged one, where C3 is 0.2%.
    const empty = twoSheetPool('empty.xlsx', '<c r="C3"><v>0.002</v></c><c r="XFC3" s="0"/><c r="XFD3" t="inlineStr"><is><t></t></is></c>');
    const read = await readStaticPool([{ path: empty }]);
    expect(read.vintages.map((v) => v.vintage)).toEqual(['2024-01', '2024-02']);
    expect(read.tables[0]?.headerRow).toBe(1);
  });

  it('refuses a damaged workbook and a file that is neither CSV nor XLSX, naming the file', async () => {
    const damaged = join(dir(), 'damaged.xlsx');
    writeFileSync(damaged, Buffer.from('PK\u0003\u0004 not really a zip'));
    await expect(readStaticPool([{ path: damaged }])).rejects.toThrow(/^damaged\.xlsx is not a readable XLSX workbook: /);
    await expect(readStaticPool([{ path: csv('pool.pdf', 'x') }])).rejects.toThrow('pool.pdf: a static pool is read from .csv or .xlsx, not .pdf');
  });
});
