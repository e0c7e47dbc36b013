/**
 * Hostile tapes, generated on the fly from a seed (nothing large is committed): each generator
 * turns the PRNG and a small real sample tape into one file for `tape.import`.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, createDeflateRaw } from 'node:zlib';
import { encodeGbk, generateSampleLoans, sampleCsvLine, sampleHeaderRow, writeSampleTape, type SampleHeaders } from '../../../data/sample/index.ts';
import type { Random } from '../harness.ts';
import { SHEET_HEAD, SHEET_TAIL, sheetRow, workbookParts, xlsxOfRows, zipParts, type DeflatedPart } from './zip.ts';

export interface TapeCase {
  /** The kind of hostile input, tallied in the figures. */
  readonly input: string;
  readonly fileName: string;
  readonly bytes: Buffer;
  /** What the user would pick in the import dialog (a wrong encoding, a sheet). */
  readonly encoding?: string;
  readonly mode: 'reject' | 'keepValid';
}

/** The real material the cases are cut from. */
export interface TapeBase {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** A real XLSX as the sample writer (exceljs) writes it. */
  readonly xlsx: Buffer;
  /** Highly compressible huge sheets, deflated as streams. */
  readonly bombs: readonly { readonly name: string; readonly sheet: DeflatedPart }[];
}

const ROWS = 40;
/** The zip bombs' inflated size: 256 MiB in the full run; 16 MiB in CI (still 16 times the text-run limit). */
const BOMB_BYTES = { small: 16 << 20, full: 256 << 20 } as const;

export async function tapeBase(workDir: string, size: 'small' | 'full', headers: SampleHeaders = 'zh'): Promise<TapeBase> {
  const bombBytes = BOMB_BYTES[size];
  const loans = [...generateSampleLoans({ loans: ROWS, seed: 5 })];
  // The sample's CSV values hold no comma or quote (codes, dates, plain numbers, labels), so a line splits on ','.
  const rows = loans.map((loan) => sampleCsvLine(loan, headers).trimEnd().split(','));
  const out = join(workDir, 'base.xlsx');
  await writeSampleTape({ loans: ROWS, seed: 5, out, format: 'xlsx' });
  const header = sampleHeaderRow(headers);
  const row = sheetRow(rows[0] ?? [], 2);
  const bombs = [
    // One cell of 256 MiB (16 MiB in CI): a parser that gathers a cell's text in memory meets a string that size.
    { name: 'one huge cell', sheet: await deflateStream(SHEET_HEAD + sheetRow(header, 1) + '<row r="2"><c r="A2" t="inlineStr"><is><t>', 'A', bombBytes, '</t></is></c></row>' + SHEET_TAIL) },
    // As much whitespace between two rows.
    { name: 'whitespace', sheet: await deflateStream(SHEET_HEAD + sheetRow(header, 1) + row, ' ', bombBytes, SHEET_TAIL) },
  ];
  return { header, rows, xlsx: readFileSync(out), bombs };
}

/** head + `bytes` of `fill` + tail, deflated chunk by chunk (never held whole). */
async function deflateStream(head: string, fill: string, bytes: number, tail: string): Promise<DeflatedPart> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const chunk = Buffer.alloc(1024 * 1024, fill);
  let crc = crc32(head);
  deflate.write(head);
  for (let written = 0; written < bytes; written += chunk.length) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  crc = crc32(tail, crc);
  const ended = once(deflate, 'end');
  deflate.end(tail);
  await ended;
  return { deflated: Buffer.concat(out), crc, size: Buffer.byteLength(head) + bytes + Buffer.byteLength(tail) };
}

const csvText = (rows: readonly (readonly string[])[]): string => rows.map((row) => row.join(',')).join('\r\n') + '\r\n';
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** Rows with `edit` applied to copies of the base rows. */
function editedRows(base: TapeBase, edit: (rows: string[][]) => void): string[][] {
  const rows = [[...base.header], ...base.rows.map((row) => [...row])];
  edit(rows);
  return rows;
}

/** The case as CSV or as XLSX (same rows), by a coin. */
function asTape(random: Random, input: string, rows: readonly (readonly string[])[], mode: 'reject' | 'keepValid' = 'keepValid'): TapeCase {
  if (random.chance(0.5)) return { input: `${input} (csv)`, fileName: 'tape.csv', bytes: utf8(csvText(rows)), mode };
  return { input: `${input} (xlsx)`, fileName: 'tape.xlsx', bytes: zipParts(xlsxOfRows(rows)).bytes, mode };
}

function setCell(random: Random, rows: string[][], value: string, columns?: readonly number[]): void {
  const row = rows[random.between(1, rows.length - 1)];
  if (!row) return;
  row[columns ? random.pick(columns) : random.int(row.length)] = value;
}

function flipBytes(random: Random, bytes: Buffer, start: number, end: number, count: number): Buffer {
  const copy = Buffer.from(bytes);
  if (end <= start) return copy;
  for (let k = 0; k < count; k++) copy[random.between(start, end - 1)] = random.int(256);
  return copy;
}

const RESERVED = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', '__defineGetter__', 'valueOf'];
const FORMULAS = ['=1+1', '=HYPERLINK("http://x.example","x")', "=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1:A2)', '＝1+1', ' =1+1', '\t=1+1', '=1;2'];
const NON_FINITE = ['NaN', 'Infinity', '-Infinity', '1e309', '-1e309', '1e308', '-0', '0x10', '1e-400', '9e99', '1,000,000.00.00', '∞', ''];
/** Columns of the sample tape holding numbers: amounts, rate, terms, days past due, overdue amounts, score. */
const NUMERIC = [5, 6, 7, 8, 9, 11, 12, 13, 16];

type Generator = (random: Random, base: TapeBase) => TapeCase;

/** Every generator, played in turn so even a small run tries each kind. */
export const TAPE_GENERATORS: readonly Generator[] = [
  (random) => {
    const bytes = Buffer.alloc(random.int(32 * 1024));
    for (let k = 0; k < bytes.length; k++) bytes[k] = random.int(256);
    return { input: 'random bytes', fileName: random.pick(['tape.csv', 'tape.xlsx', 'tape.txt']), bytes, mode: 'keepValid' };
  },
  (random, base) => {
    const bytes = utf8(csvText([base.header, ...base.rows]));
    return { input: 'truncated csv', fileName: 'tape.csv', bytes: bytes.subarray(0, random.int(bytes.length)), mode: random.pick(['reject', 'keepValid']) };
  },
  (random, base) => ({ input: 'truncated xlsx', fileName: 'tape.xlsx', bytes: base.xlsx.subarray(0, random.int(base.xlsx.length)), mode: 'keepValid' }),
  (random, base) => {
    const text = csvText([base.header, ...base.rows]);
    const variant = random.int(3);
    const le = Buffer.from(text, 'utf16le');
    const bytes = variant === 0 ? le : variant === 1 ? Buffer.concat([Buffer.from([0xff, 0xfe]), le]) : Buffer.from(le).swap16();
    return {
      input: ['utf-16le without bom', 'utf-16le with bom', 'utf-16be'][variant] ?? 'utf-16',
      fileName: 'tape.csv',
      bytes,
      mode: 'keepValid',
      ...(random.chance(0.5) ? { encoding: random.pick(['utf-8', 'gbk']) } : {}),
    };
  },
  (random, base) => ({
    input: 'gb18030 mislabeled',
    fileName: 'tape.csv',
    bytes: encodeGbk(csvText([base.header, ...base.rows])),
    mode: 'keepValid',
    encoding: random.pick(['utf-8', 'utf-8-bom', 'utf-16le']),
  }),
  (random, base) => {
    // One to three bytes changed inside the worksheet's (or another part's) deflate stream.
    const zip = zipParts(xlsxOfRows([base.header, ...base.rows]));
    const part = random.pick([...zip.data.keys()]);
    const [start, end] = zip.data.get(part) ?? [0, 0];
    return {
      input: `deflate flip in ${part.includes('sheet') ? 'the worksheet' : 'another part'}`,
      fileName: 'tape.xlsx',
      bytes: flipBytes(random, zip.bytes, start, end, random.between(1, 3)),
      mode: 'keepValid',
    };
  },
  (random, base) => ({ input: 'byte flips in a real xlsx', fileName: 'tape.xlsx', bytes: flipBytes(random, base.xlsx, 0, base.xlsx.length, random.between(1, 8)), mode: 'keepValid' }),
  (random, base) => {
    // Characters changed, removed or inserted inside a part's XML, then zipped properly.
    const parts = xlsxOfRows([base.header, ...base.rows]);
    const name = random.pick([...parts.keys()]);
    const xml = parts.get(name);
    if (typeof xml !== 'string') throw new Error('a built part is text');
    const at = random.int(xml.length);
    const edit = random.pick(['<', '>', '"', '&', '</c>', '<row>', '\u0000', '']);
    parts.set(name, xml.slice(0, at) + edit + xml.slice(at + random.int(20)));
    return { input: `xml damage in ${name.includes('sheet1') ? 'the worksheet' : 'another part'}`, fileName: 'tape.xlsx', bytes: zipParts(parts).bytes, mode: 'keepValid' };
  },
  (random, base) => {
    const wide = Array.from({ length: 10_000 }, (_, k) => base.header[k] ?? `col${k}`);
    return asTape(random, '10,000-column header', [wide, ...base.rows]);
  },
  (random, base) =>
    asTape(
      random,
      '10,000-cell row',
      editedRows(base, (rows) => rows[1]?.push(...Array.from({ length: 10_000 - (rows[1]?.length ?? 0) }, (_, k) => String(k)))),
    ),
  (random, base) =>
    asTape(
      random,
      '1 MB cell',
      editedRows(base, (rows) => (random.chance(0.2) ? rows[0]?.splice(random.int(rows[0].length), 1, 'X'.repeat(1 << 20)) : setCell(random, rows, random.pick(['7', '中', 'a']).repeat(1 << 20)))),
    ),
  (random, base) =>
    asTape(
      random,
      'reserved-name headers',
      editedRows(base, (rows) => {
        const header = rows[0] ?? [];
        for (let k = random.between(1, 3); k > 0; k--) {
          if (random.chance(0.5)) header[random.int(header.length)] = random.pick(RESERVED);
          else rows.forEach((row, r) => row.push(r === 0 ? random.pick(RESERVED) : '{"polluted":true}'));
        }
      }),
    ),
  (random, base) =>
    asTape(
      random,
      'formula strings',
      editedRows(base, (rows) => Array.from({ length: random.between(1, 6) }, () => setCell(random, rows, random.pick(FORMULAS)))),
    ),
  (random, base) =>
    asTape(
      random,
      'NaN, Infinity, 1e309',
      editedRows(base, (rows) => Array.from({ length: random.between(1, 5) }, () => setCell(random, rows, random.pick(NON_FINITE), NUMERIC))),
      random.pick(['reject', 'keepValid']),
    ),
  (random, base) => {
    const bomb = random.pick(base.bombs);
    return { input: `zip bomb: ${bomb.name}`, fileName: 'tape.xlsx', bytes: zipParts(workbookParts('loans', bomb.sheet)).bytes, mode: 'keepValid' };
  },
  (random, base) => {
    const parts = xlsxOfRows([base.header, ...base.rows]);
    const ns = 'http://schemas.openxmlformats.org';
    const damage = random.pick([
      ['missing [Content_Types].xml', () => parts.delete('[Content_Types].xml')],
      ['missing _rels/.rels', () => parts.delete('_rels/.rels')],
      ['missing workbook', () => parts.delete('xl/workbook.xml')],
      ['missing workbook relationships', () => parts.delete('xl/_rels/workbook.xml.rels')],
      ['missing worksheet', () => parts.delete('xl/worksheets/sheet1.xml')],
      [
        'relationship to a missing part',
        () =>
          parts.set(
            'xl/_rels/workbook.xml.rels',
            `<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/nope.xml"/></Relationships>`,
          ),
      ],
      [
        'relationship out of the package',
        () =>
          parts.set(
            'xl/_rels/workbook.xml.rels',
            `<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="../../../../etc/passwd"/></Relationships>`,
          ),
      ],
      [
        'sheet with an unknown r:id',
        () =>
          parts.set(
            'xl/workbook.xml',
            `<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="loans" sheetId="1" r:id="rId9"/></sheets></workbook>`,
          ),
      ],
      ['workbook without sheets', () => parts.set('xl/workbook.xml', `<workbook xmlns="${ns}/spreadsheetml/2006/main"><sheets/></workbook>`)],
      [
        'two sheets, one part',
        () =>
          parts.set(
            'xl/workbook.xml',
            `<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="loans" sheetId="1" r:id="rId1"/><sheet name="loans" sheetId="2" r:id="rId1"/></sheets></workbook>`,
          ),
      ],
      ['empty worksheet', () => parts.set('xl/worksheets/sheet1.xml', SHEET_HEAD + SHEET_TAIL)],
    ] as const);
    damage[1]();
    return { input: `malformed xlsx: ${damage[0]}`, fileName: 'tape.xlsx', bytes: zipParts(parts).bytes, mode: 'keepValid' };
  },
];
