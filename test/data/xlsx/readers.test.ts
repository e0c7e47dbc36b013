import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from '../../../data/excel.ts';
import { writeSampleTape } from '../../../data/sample/index.ts';
import { readCsvFile } from '../../../data/tape/csv.ts';
import { readXlsxFile, type XlsxReaderName } from '../../../data/tape/xlsx.ts';
import { reorderLikeOpenpyxl } from '../../helpers/openpyxl-order.ts';
import { useTempDir } from '../../helpers/tmp.ts';

const tempDir = useTempDir('abs-xlsx-readers-');

interface Read {
  readonly sheet: string;
  /** Every non-blank row: its sheet row number, then its cells (the header first). */
  readonly rows: readonly (readonly [number, readonly string[]])[];
}

async function readWith(reader: XlsxReaderName, file: string, sheet?: string): Promise<Read> {
  const rows: [number, string[]][] = [];
  let headerRow = true;
  const result = await readXlsxFile(file, {
    reader,
    ...(sheet ? { sheet } : {}),
    onHeader: (fields) => void rows.push([0, fields]),
    onRow: (fields, rowNo) => {
      headerRow = false;
      rows.push([rowNo, fields]);
    },
  });
  expect(headerRow || rows.length > 1).toBe(true);
  return { sheet: result.sheet, rows };
}

/** Both readers on one file: the same sheet, the same rows, cell by cell. */
async function bothReaders(file: string, sheet?: string): Promise<Read> {
  const stream = await readWith('stream', file, sheet);
  const exceljs = await readWith('exceljs', file, sheet);
  expect(stream.sheet).toBe(exceljs.sheet);
  expect(stream.rows.length).toBe(exceljs.rows.length);
  for (let r = 0; r < stream.rows.length; r++) expect(stream.rows[r], `row ${r}`).toEqual(exceljs.rows[r]);
  return stream;
}

/** A CSV decimal as the number a spreadsheet stores: "4800.00" is 4800, "0.1420" is 0.142. */
function stored(fields: string[]): string[] {
  return fields.map((cell) => (/^-?\d+(\.\d+)?$/.test(cell) ? String(Number(cell)) : cell));
}

describe('XLSX readers: the purpose-built reader gives the text exceljs gives, cell by cell', () => {
  it('a workbook written by exceljs (shared strings, dates, percents, booleans, formulas, rich text, errors, gaps)', async () => {
    const file = join(tempDir(), 'exceljs.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['本表为资产明细的说明']);
    const sheet = workbook.addWorksheet('资产明细');
    sheet.addRow([]);
    sheet.addRow(['借据号', '放款日期', '合同金额', '年化利率', '是否重组', '剩余本金', '备注', '状态']);
    sheet.addRow([
      'L1',
      new Date(Date.UTC(2026, 2, 15)),
      12000,
      0.156,
      true,
      { formula: 'C3/2', result: 6000 },
      { richText: [{ text: '等额' }, { text: '本息', font: { bold: true } }] },
      { error: '#N/A' },
    ]);
    sheet.addRow(['L2', new Date(Date.UTC(2025, 11, 31)), 5000.5, 0.18, false, { formula: 'C4-1', result: 4999.5 }, '  先息后本  ']);
    sheet.addRow([]);
    const sparse = sheet.getRow(6);
    sparse.getCell(1).value = 'L3';
    sparse.getCell(3).value = 1e-7;
    sparse.getCell(7).value = { formula: 'A6&"x"', result: 'L3x' };
    sparse.commit();
    sheet.getColumn(2).numFmt = 'yyyy"年"m"月"d"日"';
    sheet.getColumn(4).numFmt = '0.00%';
    await workbook.xlsx.writeFile(file);

    const read = await bothReaders(file, '资产明细');
    // Hand-written: dates as YYYY-MM-DD, numbers at full precision (1e-7 as JavaScript writes it),
    // a percent cell as the percent Excel shows (0.156 under 0.00% is 15.6%, docs/xlsx-import.md),
    // rich text joined, each cell trimmed, gaps ''.
    expect(read.rows).toEqual([
      [0, ['借据号', '放款日期', '合同金额', '年化利率', '是否重组', '剩余本金', '备注', '状态']],
      [3, ['L1', '2026-03-15', '12000', '15.6%', 'true', '6000', '等额本息', '#N/A']],
      [4, ['L2', '2025-12-31', '5000.5', '18%', 'false', '4999.5', '先息后本', '']],
      [6, ['L3', '', '1e-7', '', '', '', 'L3x', '']],
    ]);
  });

  it('a number under a percentage format is the percent Excel shows (0%, 0.00%, #,##0.0%; a quoted "%" is text)', async () => {
    const file = join(tempDir(), 'percent.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('loans');
    sheet.addRow(['借据号', '0%', '0.00%', '#,##0.0%', '0.00"%"', 'formula']);
    sheet.addRow(['L1', 0.18, 1.8, 0.07, 18, { formula: 'B2/2', result: 0.09 }]);
    sheet.addRow(['L2', 18, 0.185, -0.005, 0.18, { formula: 'B3/2', result: 9 }]);
    for (const [column, numFmt] of [
      [2, '0%'],
      [3, '0.00%'],
      [4, '#,##0.0%'],
      [5, '0.00"%"'],
      [6, '0.00%'],
    ] as const)
      sheet.getColumn(column).numFmt = numFmt;
    await workbook.xlsx.writeFile(file);
    const read = await bothReaders(file);
    // Hand-written: value × 100 with %, by moving the decimal point (0.07 → 7%, 0.185 → 18.5%:
    // full precision, not the format's rounding); a quoted "%" shows the number as it is.
    expect(read.rows.slice(1)).toEqual([
      [2, ['L1', '18%', '180%', '7%', '18', '9%']],
      [3, ['L2', '1800%', '18.5%', '-0.5%', '0.18', '900%']],
    ]);
  });

  it('a time cell (day 0, formatted as a time) is its time of day, not a date of 1899-12-30', async () => {
    const file = join(tempDir(), 'times.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('资产明细');
    sheet.addRow(['借据号', '放款日期', '放款时间']);
    // 0.35 of a day is 08:24; 30 s more is 08:24:30; 45662.75 is 2025-01-05 18:00 (a date with its time).
    const row = sheet.addRow(['L1', 45662.75, 0.35]);
    const seconds = sheet.addRow(['L2', 0, 0.35 + 30 / 86_400]);
    row.getCell(2).numFmt = 'yyyy-mm-dd hh:mm';
    row.getCell(3).numFmt = 'h:mm';
    seconds.getCell(2).numFmt = 'h:mm';
    seconds.getCell(3).numFmt = 'hh:mm:ss';
    await workbook.xlsx.writeFile(file);
    expect((await bothReaders(file)).rows).toEqual([
      [0, ['借据号', '放款日期', '放款时间']],
      [2, ['L1', '2025-01-05', '08:24']],
      [3, ['L2', '00:00', '08:24:30']],
    ]);
  });

  it('a date of Excel’s days 1–60 is the date Excel shows (1900-01-01 … its 1900-02-29), not a day early; a duration format shows elapsed time', async () => {
    // exceljs's excelToDate counts every serial from 1899-12-30, right only from 61 (1900-03-01) on:
    // Excel counts 1–59 from 1899-12-31 and shows 60 as 1900-02-29 (Lotus 1-2-3's leap year), so
    // DATE(1900,1,15) is 15. Under [h]:mm Excel shows the serial's days × 24 hours (30.5 → 732:00),
    // under [mm]:ss its minutes (30.5 × 1,440 = 43,920); [h]:mm:ss is the built-in format 46, which
    // exceljs writes by its id; 1 day + 1 h + 1 min + 1 s is 25:01:01.
    const cases: readonly (readonly [number, string, string])[] = [
      [1, 'yyyy-mm-dd', '1900-01-01'],
      [15, 'yyyy-mm-dd', '1900-01-15'],
      [15, 'yyyy"年"m"月"d"日"', '1900-01-15'],
      [59, 'yyyy-mm-dd', '1900-02-28'],
      [60, 'yyyy-mm-dd', '1900-02-29'],
      [60.75, 'yyyy-mm-dd hh:mm', '1900-02-29'],
      [61, 'yyyy-mm-dd', '1900-03-01'],
      [45662, 'yyyy-mm-dd', '2025-01-05'],
      [1.5, '[h]:mm', '36:00'],
      [30.5, '[h]:mm', '732:00'],
      [30.5, '[h]:mm:ss', '732:00:00'],
      [1 + 1 / 24 + 1 / 1440 + 1 / 86_400, '[h]:mm:ss', '25:01:01'],
      [30.5, '[mm]:ss', '43920:00'],
      [0.5, '[h]:mm', '12:00'],
      [46096, '[h]:mm', '1106304:00'],
    ];
    const write = async (name: string, date1904: boolean): Promise<string> => {
      const file = join(tempDir(), name);
      const workbook = new ExcelJS.Workbook();
      workbook.properties.date1904 = date1904;
      const sheet = workbook.addWorksheet('资产明细');
      sheet.addRow(['借据号', '放款日期']);
      // In the 1904 system 2025-01-05 is 1,462 serials fewer; the other numbers stay (durations are the same).
      cases.forEach(([serial, numFmt], k) => {
        sheet.addRow([`L${k + 1}`, date1904 && serial === 45662 ? serial - 1462 : serial]).getCell(2).numFmt = numFmt;
      });
      await workbook.xlsx.writeFile(file);
      return file;
    };
    const expected = [[0, ['借据号', '放款日期']], ...cases.map(([, , shown], k) => [k + 2, [`L${k + 1}`, shown]])];
    expect((await bothReaders(await write('days-1900.xlsx', false))).rows).toEqual(expected);
    // 1904 system: serial 0 is 1904-01-01 and no day is missing (1904 is a leap year: 59 is 1904-02-29); the same durations.
    const in1904 = (await bothReaders(await write('days-1904.xlsx', true))).rows;
    expect(in1904.filter(([row]) => row >= 2 && row <= 8).map(([, [, text]]) => text)).toEqual(['1904-01-02', '1904-01-16', '1904-01-16', '1904-02-29', '1904-03-01', '1904-03-01', '1904-03-02']);
    expect(in1904.slice(8)).toEqual(expected.slice(8));
  });

  it('the sample tape as the streaming writer stores it (inline strings), also in openpyxl part order', async () => {
    const file = join(tempDir(), 'sample.xlsx');
    await writeSampleTape({ loans: 3_000, seed: 11, out: file, format: 'xlsx' });
    const read = await bothReaders(file);
    expect(read.rows.length).toBe(3_001);
    await reorderLikeOpenpyxl(file);
    const reordered = await bothReaders(file);
    expect(reordered.rows).toEqual(read.rows);
  }, 60_000);

  const soffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
  it.skipIf(!soffice)(
    `a workbook LibreOffice wrote from a CSV (soffice --convert-to xlsx)${soffice ? '' : ' — skipped: LibreOffice is not installed'}`,
    () => {
      const dir = tempDir();
      const csv = join(dir, 'lo.csv');
      writeFileSync(csv, '借据号,放款日期,合同金额,年化利率,备注,是否重组\nL1,2026-03-15,12000,18%,等额本息 & <x>,TRUE\nL2,2026-01-31,5000.5,0.156,,FALSE\n\nL3,2025-12-01,1e3,7.5%,"a,b",\n');
      // CSV filter options: comma (44), double quote (34), UTF-8 (76), from line 1.
      const converted = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', dir, csv], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(converted.status, converted.stderr).toBe(0);
      return bothReaders(join(dir, 'lo.xlsx')).then((read) => {
        // Hand-written: LibreOffice stores the ISO dates as serials under `yyyy\-mm\-dd`, 18% as 0.18
        // under `0.00%` (read back as the 18% the CSV said), TRUE as a boolean, 1e3 as 1000; the empty line is no row.
        expect(read.rows).toEqual([
          [0, ['借据号', '放款日期', '合同金额', '年化利率', '备注', '是否重组']],
          [2, ['L1', '2026-03-15', '12000', '18%', '等额本息 & <x>', 'true']],
          [3, ['L2', '2026-01-31', '5000.5', '0.156', '', 'false']],
          [5, ['L3', '2025-12-01', '1000', '7.5%', 'a,b', '']],
        ]);
      });
    },
    150_000,
  );

  it.skipIf(!soffice)(
    `the sample tape's CSV converted by LibreOffice reads to the CSV's own text${soffice ? '' : ' — skipped: LibreOffice is not installed'}`,
    async () => {
      const dir = tempDir();
      const csv = join(dir, 'tape.csv');
      await writeSampleTape({ loans: 2_000, seed: 3, out: csv, format: 'csv' });
      const expected: (readonly [number, readonly string[]])[] = [];
      await readCsvFile(csv, { onHeader: (fields) => void expected.push([0, fields]), onRow: (fields, _recordNo, lineNo) => void expected.push([lineNo, stored(fields)]) });
      const converted = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', dir, csv], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(converted.status, converted.stderr).toBe(0);
      // LibreOffice turns the ISO dates into date serials, the amounts and rates into numbers and
      // keeps every text in shared strings; read back, each cell is the CSV's text again (its numbers as stored).
      const read = await bothReaders(join(dir, 'tape.xlsx'));
      expect(read.rows).toEqual(expected);
    },
    150_000,
  );
});
