import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from '../../../data/excel.ts';
import { UserError } from '../../../data/errors.ts';
import { columnLetters } from '../../../data/tape/xlsx-common.ts';
import { readXlsxFile, type XlsxReaderName } from '../../../data/tape/xlsx.ts';
import { useTempDir } from '../../helpers/tmp.ts';
import { SHEET_HEAD, SHEET_TAIL, sheetRow, workbookParts, zipParts } from '../../reliability/fuzz/zip.ts';

const tempDir = useTempDir('abs-xlsx-right-of-header-');
const READERS: readonly XlsxReaderName[] = ['stream', 'exceljs'];

/** Eleven headings, A to K: the header's last column is K. */
const HEADER = ['借据号', '放款日期', '合同金额', '剩余本金', '年化利率', '总期数', '剩余期数', '还款方式', '逾期天数', '职业类型', '省份'];
const loanRow = (k: number): string[] => [`L${k}`, '2025-01-15', '12000', '9000', '0.156', '12', '8', '等额本息', '0', '工薪', '广东'];

async function rowsOf(file: string, reader: XlsxReaderName): Promise<string[][]> {
  const out: string[][] = [];
  await readXlsxFile(file, { reader, onHeader: (fields) => void out.push(fields), onRow: (fields) => void out.push(fields) });
  return out;
}

async function refusal(file: string, reader: XlsxReaderName): Promise<UserError> {
  const error = await rowsOf(file, reader).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, reader).toBeInstanceOf(UserError);
  expect((error as UserError).code).toBe('BAD_FILE');
  return error as UserError;
}

/** A one-sheet workbook ("loans") of the header and `rows` hand-written rows of worksheet XML. */
function handWritten(name: string, rows: (rowNo: number) => string, count: number): string {
  let xml = SHEET_HEAD + sheetRow(HEADER, 1);
  for (let r = 2; r < count + 2; r++) xml += rows(r);
  const file = join(tempDir(), name);
  writeFileSync(file, zipParts(workbookParts('loans', xml + SHEET_TAIL)).bytes);
  return file;
}

/** An empty inline string and a styled empty cell, alternately: both are cells with nothing in them. */
const emptyAtXfd = (r: number): string => (r % 2 ? `<c r="XFD${r}" t="inlineStr"><is><t></t></is></c>` : `<c r="XFD${r}" s="0"/>`);

describe("XLSX tapes: cells right of the header's last column", () => {
  it('names a column as Excel does (A, Z, AA, AZ, BA, ZZ, AAA, XFD)', () => {
    // Bijective base 26: AA = 26·1 + 1 = 27th column (index 26); ZZ = 26·26 + 26 = 702nd; AAA the 703rd; XFD = 24·676 + 6·26 + 4 = 16,384th.
    expect([0, 25, 26, 51, 52, 701, 702, 16_383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });

  it('a value at XFD under an A–K header is refused by both readers, naming the file, sheet, cell and the header’s last column', async () => {
    const file = join(tempDir(), 'tape.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(HEADER);
    for (let k = 1; k <= 12; k++) sheet.addRow(loanRow(k));
    sheet.getCell('XFD12').value = 'checked 2026-03-01';
    await workbook.xlsx.writeFile(file);
    for (const reader of READERS) {
      const error = await refusal(file, reader);
      expect(error.message).toBe("tape.xlsx: Sheet1!XFD12 holds a value right of the header's last column (K); a column without a heading cannot be imported — give it a heading or clear the cell");
      expect(error.details).toMatchObject({ file: 'tape.xlsx', sheet: 'Sheet1', cell: 'XFD12', lastColumn: 'K' });
    }
  });

  it('quotes a sheet name with a space as Excel does, and names a cell written without its r reference', async () => {
    // Row 3 has twelve cells and no references: the twelfth lies in column L (§18.3.1.4 lets r be absent;
    // exceljs's reader cannot read such cells at all, so this is the purpose-built reader's alone).
    const cells = [...loanRow(1), 'note'].map((text) => `<c t="inlineStr"><is><t>${text}</t></is></c>`).join('');
    const xml = SHEET_HEAD + sheetRow(HEADER, 1) + sheetRow(loanRow(2), 2) + `<row r="3">${cells}</row>` + SHEET_TAIL;
    const file = join(tempDir(), 'spaced.xlsx');
    writeFileSync(file, zipParts(workbookParts("Tom's loans", xml)).bytes);
    expect((await refusal(file, 'stream')).message).toMatch(/^spaced\.xlsx: 'Tom''s loans'!L3 holds a value right of the header's last column \(K\)/);
  });

  it('empty cells right of the header (styled only, or an empty string) are dropped: every row is the header’s width', async () => {
    const file = join(tempDir(), 'styled.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('loans');
    sheet.addRow(HEADER);
    sheet.addRow(loanRow(1));
    sheet.addRow(loanRow(2));
    sheet.getCell('XFD2').value = '';
    sheet.getCell('M3').value = '   ';
    sheet.getCell('XFD3').numFmt = '0.00%';
    await workbook.xlsx.writeFile(file);
    for (const reader of READERS) expect(await rowsOf(file, reader), reader).toEqual([HEADER, loanRow(1), loanRow(2)]);
  });

  it('a hostile sheet of 10,000 rows each with a value at XFD is refused at its first loan row', async () => {
    const file = handWritten('hostile.xlsx', (r) => sheetRow(loanRow(r), r).replace('</row>', `<c r="XFD${r}" t="inlineStr"><is><t>x</t></is></c></row>`), 10_000);
    let loansRead = 0;
    const error = await readXlsxFile(file, { onHeader: () => undefined, onRow: () => void loansRead++ }).then(
      () => null,
      (e: unknown) => e as UserError,
    );
    expect(error?.message).toMatch(/^hostile\.xlsx: loans!XFD2 holds a value right of the header's last column \(K\)/);
    expect(loansRead).toBe(0);
  });

  // exceljs's reader builds every such row 16,384 cells wide (over 20 s here), so the purpose-built
  // reader alone; the test above checks that both give the same rows on a small sheet.
  it('a hostile sheet of 10,000 rows each with an empty cell at XFD reads as 10,000 rows of the header’s width (11 cells)', async () => {
    const file = handWritten('hostile-empty.xlsx', (r) => sheetRow(loanRow(r), r).replace('</row>', `${emptyAtXfd(r)}</row>`), 10_000);
    const rows = await rowsOf(file, 'stream');
    expect(rows.length).toBe(10_001);
    expect(rows.every((row) => row.length === 11)).toBe(true);
    expect(rows[10_000]).toEqual(loanRow(10_001));
  });
});
