import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../data/errors.ts';
import { readXlsxFile, type XlsxReaderName } from '../../../data/tape/xlsx.ts';
import { useTempDir } from '../../helpers/tmp.ts';
import { SHEET_HEAD, SHEET_TAIL, workbookParts, zipParts } from '../../reliability/fuzz/zip.ts';

const tempDir = useTempDir('abs-xlsx-stream-');
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

interface Extra {
  readonly styles?: string;
  readonly sharedStrings?: string;
  readonly workbookPr?: string;
}

/** A one-sheet workbook ("loans") whose worksheet XML, styles, shared strings and workbookPr are written by hand. */
function workbook(name: string, sheetData: string, extra: Extra = {}): string {
  const parts = workbookParts('loans', SHEET_HEAD + sheetData + SHEET_TAIL);
  if (extra.workbookPr) parts.set('xl/workbook.xml', (parts.get('xl/workbook.xml') as string).replace('<sheets>', `${extra.workbookPr}<sheets>`));
  if (extra.styles) parts.set('xl/styles.xml', `<styleSheet xmlns="${MAIN}">${extra.styles}</styleSheet>`);
  if (extra.sharedStrings) parts.set('xl/sharedStrings.xml', `<sst xmlns="${MAIN}">${extra.sharedStrings}</sst>`);
  const file = join(tempDir(), name);
  writeFileSync(file, zipParts(parts).bytes);
  return file;
}

async function rows(file: string, reader: XlsxReaderName = 'stream'): Promise<string[][]> {
  const out: string[][] = [];
  await readXlsxFile(file, { reader, onHeader: (fields) => void out.push(fields), onRow: (fields) => void out.push(fields) });
  return out;
}

async function failure(file: string): Promise<UserError> {
  const error = await rows(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).code).toBe('BAD_FILE');
  return error as UserError;
}

const HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>value</t></is></c></row>';
/** cellXfs: 0 General, 1 built-in 14 (m/d/yyyy), 2 built-in 31 (zh-CN yyyy"年"m"月"d"日"), 3 custom 164 date, 4 custom 165 percent. */
const STYLES =
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;mm&quot;月&quot;dd&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00%"/></numFmts>' +
  '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
  '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>';

/** A sheet of one serial day under each style of STYLES. */
const datedSheet = (serial: number): string =>
  HEADER + [1, 2, 3, 0, 4].map((style, k) => `<row r="${k + 2}"><c r="A${k + 2}" t="inlineStr"><is><t>s${style}</t></is></c><c r="B${k + 2}" s="${style}"><v>${serial}</v></c></row>`).join('');
const datedRows = (day: string, serial: string): string[][] => [
  ['id', 'value'],
  ['s1', day],
  ['s2', day],
  ['s3', day],
  ['s0', serial],
  // under 0.00%: the percent Excel shows, serial × 100 (xlsx-percent.ts)
  ['s4', `${serial}00%`],
];
describe('the purpose-built XLSX reader: cells as a CSV export would hold them', () => {
  it('reads dates by their style, in the 1900 and the 1904 date systems', async () => {
    // Hand computation: serial 46096 = 25569 (1970-01-01) + 20527 days; 2026-01-01 is day
    // 56·365 + 14 leap days = 20454 after 1970-01-01, and 20527 − 20454 = 73 → 31 (Jan) + 28 (Feb) + 14 → 2026-03-15.
    // In the 1904 system the same day is 46096 − 1462 = 44634 (ECMA-376 Part 1 §18.17.4.1).
    expect(await rows(workbook('1900.xlsx', datedSheet(46096), { styles: STYLES }))).toEqual(datedRows('2026-03-15', '46096'));
    expect(await rows(workbook('1904.xlsx', datedSheet(44634), { styles: STYLES, workbookPr: '<workbookPr date1904="1"/>' }))).toEqual(datedRows('2026-03-15', '44634'));
    // exceljs reads the zh-CN built-in 31 as a plain number: the one place the readers differ on dates.
    expect((await rows(workbook('1900-exceljs.xlsx', datedSheet(46096), { styles: STYLES }), 'exceljs'))[2]).toEqual(['s2', '46096']);
  });

  it('takes number formats from <numFmts> only, not from the conditional formats (<dxfs>) that reuse their ids', async () => {
    // ECMA-376 Part 1 §18.8.31 numFmts: the formats cellXfs refers to; a <dxf>'s own <numFmt>
    // (§18.8.14) styles a conditional format only, and may carry any id. Here the dxf's 164 is a
    // date and 165 a percent: the cells' 164 (percent) and 165 (date) must not change with them.
    const styles =
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.00%"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts>' +
      '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>' +
      '<dxfs count="2"><dxf><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></dxf><dxf><numFmt numFmtId="165" formatCode="0.00%"/></dxf></dxfs>';
    const file = workbook('dxf.xlsx', HEADER + '<row r="2"><c r="A2" s="1"><v>0.1447</v></c><c r="B2" s="2"><v>46096</v></c></row>', { styles });
    // Hand-written: 0.1447 under 0.00% is the 14.47% Excel shows; serial 46,096 under yyyy-mm-dd is 2026-03-15.
    expect((await rows(file))[1]).toEqual(['14.47%', '2026-03-15']);
  });

  it('reads a number under a percentage format as the percent Excel shows (built-in 9 and 10, custom)', async () => {
    // ECMA-376 Part 1 §18.8.31: a % in the format multiplies by 100 for display; built-in 9 is 0%,
    // 10 is 0.00% (§18.8.30). A % in quotes or brackets is text, no scaling. Hand-written
    // expectations: the value × 100 by moving the decimal point (0.07 → 7%, not 7.000000000000001%).
    const styles =
      '<numFmts count="3"><numFmt numFmtId="164" formatCode="#,##0.0%"/><numFmt numFmtId="165" formatCode="0.00&quot;%&quot;"/><numFmt numFmtId="166" formatCode="[Red]0.00;[$%-804]0.00"/></numFmts>' +
      '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs>';
    const cells: readonly (readonly [number, string])[] = [
      [1, '<v>0.18</v>'],
      [2, '<v>1.8</v>'],
      [3, '<v>0.07</v>'],
      [2, '<v>-0.005</v>'],
      [2, '<f>B2/2</f><v>0.09</v>'],
      [4, '<v>18</v>'],
      [5, '<v>0.18</v>'],
      [0, '<v>0.18</v>'],
    ];
    const sheet = HEADER + cells.map(([style, inner], k) => `<row r="${k + 2}"><c r="A${k + 2}" t="inlineStr"><is><t>r${k}</t></is></c><c r="B${k + 2}" s="${style}">${inner}</c></row>`).join('');
    const file = workbook('percent.xlsx', sheet, { styles });
    expect((await rows(file)).slice(1).map((row) => row[1])).toEqual(['18%', '180%', '7%', '-0.5%', '9%', '18', '0.18', '0.18']);
  });

  it('reads a formula\'s cached value of every type, t="d" ISO dates, shared and inline rich text without phonetic guides', async () => {
    const file = workbook(
      'types.xlsx',
      HEADER +
        '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="b"><f>1=1</f><v>1</v></c></row>' +
        '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="e"><f>NA()</f><v>#N/A</v></c></row>' +
        '<row r="4"><c r="A4" t="str"><f>"x"</f><v>等额本息</v></c><c r="B4" s="1"><f>DATE(2026,3,15)</f><v>46096</v></c></row>' +
        '<row r="5"><c r="A5" t="inlineStr"><is><r><t>先息</t></r><r><t xml:space="preserve">后本 </t></r><rPh sb="0" eb="1"><t>xian</t></rPh></is></c><c r="B5" t="d"><v>2026-03-15T00:00:00</v></c></row>' +
        '<row r="6"><c t="inlineStr"><is><t><![CDATA[a<b]]>&amp;&#x4E2D;</t></is></c><c><v>1.50E+3</v></c></row>',
      { styles: STYLES, sharedStrings: '<si><t>L1</t></si><si><r><t>L</t></r><r><rPr><b/></rPr><t>2</t></r><rPh sb="0" eb="1"><t>el</t></rPh></si>' },
    );
    // Hand-written: TRUE → 'true'; the error code as written; the date formula's cached serial as
    // its date; runs joined and trimmed, guides dropped; cells without `r` follow each other.
    expect(await rows(file)).toEqual([
      ['id', 'value'],
      ['L1', 'true'],
      ['L2', '#N/A'],
      ['等额本息', '2026-03-15'],
      ['先息后本', '2026-03-15'],
      ['a<b&中', '1500'],
    ]);
  });

  it('reads prefixed SpreadsheetML (x:row, x:c) and places cells by reference, skipped columns empty', async () => {
    const sheet = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:t>id</x:t></x:is></x:c><x:c r="D3"><x:v>7</x:v></x:c><x:c r="AB3" t="inlineStr"><x:is><x:t>note</x:t></x:is></x:c></x:row><x:row r="4"><x:c r="AB4"><x:v>1</x:v></x:c></x:row><x:row r="5"><x:c r="D5"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const parts = workbookParts('loans', sheet);
    const file = join(tempDir(), 'prefixed.xlsx');
    writeFileSync(file, zipParts(parts).bytes);
    const read = await rows(file);
    expect(read[0]).toEqual(['', 'id', '', '7', ...Array<string>(23).fill(''), 'note']); // AB is column 28: 26 + 2
    expect(read[1]).toHaveLength(28);
    expect(read[1]?.[27]).toBe('1');
    expect(read[2]).toEqual(['', '', '', '2', ...Array<string>(24).fill('')]); // padded to the header's width
  });
});

/** `depth` nested elements, empty. */
const nested = (depth: number): string => '<a>'.repeat(depth) + '</a>'.repeat(depth);

describe('the purpose-built XLSX reader: a damaged workbook fails naming the file, sheet, part, row and cell', () => {
  const PREFIX = 'bad.xlsx is not a readable XLSX workbook: sheet "loans", xl/worksheets/sheet1.xml';

  it('a cell referring to a shared string the workbook lacks', async () => {
    const error = await failure(workbook('bad.xlsx', HEADER + '<row r="2"><c r="A2" t="s"><v>5</v></c></row>', { sharedStrings: '<si><t>a</t></si><si><t>b</t></si>' }));
    expect(error.message).toBe(`${PREFIX}, row 2, cell A2: refers to shared string "5", but the workbook holds 2 (numbered from 0)`);
  });

  it('a shared-string reference that is not a whole number is refused, not read as another string', async () => {
    // Number() reads ' ' as 0 and '0x1' as 1: without a check those cells would silently hold
    // "first" and "second", strings they never referred to.
    const strings = { sharedStrings: '<si><t>first</t></si><si><t>second</t></si>' };
    for (const [value, shown] of [
      [' ', ' '],
      ['0x1', '0x1'],
      ['1e0', '1e0'],
      ['1.5', '1.5'],
    ] as const) {
      const error = await failure(workbook('bad.xlsx', HEADER + `<row r="2"><c r="A2" t="s"><v>${value}</v></c></row>`, strings));
      expect(error.message).toBe(`${PREFIX}, row 2, cell A2: holds "${shown}" where the number of a shared string (0, 1, 2, …) is stored`);
    }
    // Whitespace around the digits is only layout: string 1 (the row padded to the header's two columns).
    expect((await rows(workbook('ok.xlsx', HEADER + '<row r="2"><c r="A2" t="s"><v> 1 </v></c></row>', strings)))[1]).toEqual(['second', '']);
  });

  it('a shared string with no shared strings part', async () => {
    const error = await failure(workbook('bad.xlsx', HEADER + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'));
    expect(error.message).toBe(`${PREFIX}, row 2, cell A2: refers to shared string 0, but the workbook has no shared strings part (xl/sharedStrings.xml)`);
  });

  it('tags that do not close in order, a truncated part, text where a number belongs, a cell reference off the grid', async () => {
    expect((await failure(workbook('bad.xlsx', HEADER + '<row r="2"><c r="A2"><v>1</v></row>'))).message).toBe(`${PREFIX}, row 2, cell A2: </row> where </c> was expected — the XML is damaged`);
    expect((await failure(workbook('bad.xlsx', HEADER + '<row r="2"><c r="A2"><v>1</v></c></row><row r="3"><c r="A3'))).message).toContain(`${PREFIX}, row 3:`);
    expect((await failure(workbook('bad.xlsx', HEADER + '<row r="2"><c r="B2"><v>12,000</v></c></row>'))).message).toBe(`${PREFIX}, row 2, cell B2: holds "12,000" where a number is stored`);
    expect((await failure(workbook('bad.xlsx', HEADER + '<row r="2"><c r="XFE2"><v>1</v></c></row>'))).message).toBe(
      `${PREFIX}, row 2, cell XFE2: has the reference "XFE2", which is not a cell (column A–XFD, row 1–1,048,576)`,
    );
    expect((await failure(workbook('bad.xlsx', HEADER + '<row r="2"><c r="A2" t="inlineStr"><is><t>&bogus;</t></is></c></row>'))).message).toBe(
      `${PREFIX}, row 2, cell A2: unknown entity "&bogus;" — the XML is damaged`,
    );
  });

  it('elements nested deeper than any SpreadsheetML part nests (the scanner keeps every open element)', async () => {
    // Measured before this check: 30 million nested <a> (a 201 KB file) read "fine" and took the
    // process from 495 to 1,559 MB. A worksheet nests 7 deep (worksheet/sheetData/row/c/is/r/t).
    expect((await failure(workbook('bad.xlsx', HEADER + nested(300)))).message).toBe(`${PREFIX}, after row 1: elements nested more than 256 deep — the XML is damaged`);
    // 250 levels inside sheetData (253 in all) still read.
    expect(await rows(workbook('deep.xlsx', HEADER + nested(250)))).toEqual([['id', 'value']]);
  });

  it('a DOCTYPE (entity expansion) is refused before any row is read', async () => {
    const parts = workbookParts('loans', `<!DOCTYPE lol [<!ENTITY lol "lol">]>${SHEET_HEAD.replace(/^<\?xml[^>]*>\n/, '')}${HEADER}${SHEET_TAIL}`);
    const file = join(tempDir(), 'bad.xlsx');
    writeFileSync(file, zipParts(parts).bytes);
    expect((await failure(file)).message).toBe(`${PREFIX}: a DOCTYPE declaration (a workbook part never holds one) — the XML is damaged`);
  });

  it('a part whose bytes do not match the CRC-32 the zip directory states', async () => {
    const zip = zipParts(workbookParts('loans', SHEET_HEAD + HEADER + SHEET_TAIL));
    const bytes = Buffer.from(zip.bytes);
    // The central directory entry of the worksheet: its CRC-32 at offset 16 (APPNOTE.TXT §4.3.12).
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const entry = bytes.lastIndexOf(name) - 46;
    expect(bytes.readUInt32LE(entry)).toBe(0x02014b50);
    bytes.writeUInt32LE((bytes.readUInt32LE(entry + 16) ^ 1) >>> 0, entry + 16);
    const file = join(tempDir(), 'bad.xlsx');
    writeFileSync(file, bytes);
    expect((await failure(file)).message).toBe(`${PREFIX} fails its CRC-32 check: the zip is damaged`);
  });

  it('a part the directory lists with no stored bytes', async () => {
    const zip = zipParts(workbookParts('loans', SHEET_HEAD + HEADER + SHEET_TAIL));
    const bytes = Buffer.from(zip.bytes);
    const entry = bytes.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml')) - 46;
    bytes.writeUInt32LE(0, entry + 20); // compressed size (APPNOTE.TXT §4.3.12)
    const file = join(tempDir(), 'bad.xlsx');
    writeFileSync(file, bytes);
    const size = (SHEET_HEAD + HEADER + SHEET_TAIL).length;
    expect((await failure(file)).message).toBe(`${PREFIX} holds no data where the zip's directory states ${size.toLocaleString('en-US')} bytes: the zip is damaged`);
  });

  it('a damaged deflate stream', async () => {
    const zip = zipParts(workbookParts('loans', SHEET_HEAD + HEADER.repeat(50) + SHEET_TAIL));
    const [start = 0] = zip.data.get('xl/worksheets/sheet1.xml') ?? [];
    const bytes = Buffer.from(zip.bytes);
    bytes.fill(0xff, start, start + 8);
    const file = join(tempDir(), 'bad.xlsx');
    writeFileSync(file, bytes);
    expect((await failure(file)).message).toMatch(/^bad\.xlsx is not a readable XLSX workbook: sheet "loans", xl\/worksheets\/sheet1\.xml cannot be inflated \(.+\): the zip is damaged$/);
  });
});

describe('the purpose-built XLSX reader: a cancelled read', () => {
  it('ends while the shared strings are read, before any row, and says it stopped', async () => {
    const strings = Array.from({ length: 20_000 }, (_, k) => `<si><t>借据${k}</t></si>`).join('');
    const rowsXml = Array.from({ length: 2_000 }, (_, k) => `<row r="${k + 1}"><c r="A${k + 1}" t="s"><v>${k}</v></c></row>`).join('');
    const file = workbook('cancel.xlsx', rowsXml, { sharedStrings: strings });
    let seen = 0;
    const result = await readXlsxFile(file, { onHeader: () => void seen++, onRow: () => void seen++, shouldStop: () => true });
    expect(result).toMatchObject({ stopped: true, records: 0 });
    expect(seen).toBe(0);
    // Not stopped, the same file reads whole: 2,000 rows, the last naming string 1,999.
    const all = await rows(file);
    expect(all).toHaveLength(2_000);
    expect(all.at(-1)).toEqual(['借据1999']);
  });
});

describe('the purpose-built XLSX reader: text assembled from many pieces is bounded like one run', () => {
  // The zip-bomb guard (xlsx-text-runs.ts) bounds a run of text WITHOUT a '<' at 1 MiB; a cell's
  // text can still be assembled from runs (<r><t>…</t></r>), each short enough to pass it.
  // 1,100 runs of 1,024 'a' = 1,126,400 characters: 34 times Excel's cell limit (32,767), more
  // than the 1,048,576 the guard allows one run. Deflated, such a part is a few KB; at 10^6 runs it
  // would be a 1 GB string built from a 1 MB file.
  const RUNS = '<r><t>' + 'a'.repeat(1024) + '</t></r>';

  it('refuses an inline rich-text cell longer than any cell can be, naming the cell', async () => {
    const file = workbook('runs.xlsx', HEADER + `<row r="2"><c r="A2" t="inlineStr"><is>${RUNS.repeat(1100)}</is></c></row>`);
    expect((await failure(file)).message).toBe(
      'runs.xlsx is not a readable XLSX workbook: sheet "loans", xl/worksheets/sheet1.xml, row 2, cell A2: holds more than 1,048,576 characters of text, more than any spreadsheet cell (Excel\'s limit is 32,767 characters): the file is damaged or built to exhaust memory',
    );
  });

  it('refuses a shared string longer than any cell can be, naming the string', async () => {
    const file = workbook('runs.xlsx', HEADER, { sharedStrings: `<si><t>ok</t></si><si>${RUNS.repeat(1100)}</si>` });
    expect((await failure(file)).message).toBe(
      "runs.xlsx is not a readable XLSX workbook: xl/sharedStrings.xml, string 2: holds more than 1,048,576 characters of text, more than any spreadsheet cell (Excel's limit is 32,767 characters): the file is damaged or built to exhaust memory",
    );
  });

  it("still reads a rich-text cell at Excel's limit, 32 runs of 1,024 characters", async () => {
    const file = workbook('runs-ok.xlsx', HEADER + `<row r="2"><c r="A2" t="inlineStr"><is>${RUNS.repeat(32)}</is></c><c r="B2" t="s"><v>0</v></c></row>`, {
      sharedStrings: `<si>${RUNS.repeat(32)}</si>`,
    });
    const read = await rows(file);
    expect(read[1]?.[0]).toBe('a'.repeat(32 * 1024));
    expect(read[1]?.[1]).toBe('a'.repeat(32 * 1024));
  });
});

const inline = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

describe('the purpose-built XLSX reader: where the 64 KiB inflated chunks of a part meet', () => {
  // part.ts inflates 65,536 bytes at a time (CHUNK_BYTES) and the scanner carries what a chunk
  // cuts. Each case row below is cut at the next chunk boundary inside its most fragile piece, a
  // filler row before it sized to put the cut there.
  const CHUNK = 65_536;
  /** [text of column B as written, the piece cut, bytes of the piece before the cut, the text read]. */
  const CASES = [
    ['a&#x1F600;b', '&#x1F600;', 4, 'a😀b'], // a character reference
    ['c😀d', '😀', 2, 'c😀d'], // a 4-byte UTF-8 character
    ['e&amp;f', '&amp;', 2, 'e&f'], // a named entity
    ['g', '<c r="B', 4, 'g'], // a start tag
    ['h', '</is>', 3, 'h'], // an end tag
  ] as const;

  it('keeps references, characters and tags whole across chunks', async () => {
    let xml = SHEET_HEAD + HEADER;
    const expected: string[][] = [['id', 'value']];
    let rowNo = 1;
    for (const [k, [written, piece, into, read]] of CASES.entries()) {
      const filler = (pad: string): string => `<row r="${++rowNo}">${inline(`A${rowNo}`, `F${k}`)}${inline(`B${rowNo}`, pad)}</row>`;
      const fillerBytes = Buffer.byteLength(filler(''));
      rowNo--;
      const caseRow = `<row r="${rowNo + 2}">${inline(`A${rowNo + 2}`, `E${k}`)}${inline(`B${rowNo + 2}`, written)}</row>`;
      const before = caseRow.slice(0, caseRow.indexOf(piece, caseRow.indexOf(`B${rowNo + 2}`) - 6));
      const pad = 'y'.repeat((k + 1) * CHUNK - into - Buffer.byteLength(xml + before) - fillerBytes);
      xml += filler(pad);
      expect(Buffer.byteLength(xml + before) + into).toBe((k + 1) * CHUNK);
      xml += caseRow;
      rowNo++;
      expected.push([`F${k}`, pad], [`E${k}`, read]);
    }
    const file = join(tempDir(), 'chunks.xlsx');
    writeFileSync(file, zipParts(workbookParts('loans', xml + SHEET_TAIL)).bytes);
    expect(await rows(file)).toEqual(expected);
  });
});
