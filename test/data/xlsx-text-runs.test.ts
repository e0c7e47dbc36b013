import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../data/errors.ts';
import { importTape } from '../../data/tape/import.ts';
import { listTapes } from '../../data/tape/store.ts';
import { MAX_TEXT_RUN_BYTES, textRunGuard } from '../../data/tape/xlsx-text-runs.ts';
import { openWorkspace } from '../../data/workspace.ts';
import { useTempDir } from '../helpers/tmp.ts';
import { SHEET_HEAD, SHEET_TAIL, sheetRow, workbookParts, xlsxOfRows, zipParts } from '../reliability/fuzz/zip.ts';

const tempDir = useTempDir();
const HEADER = ['loan_id', 'origination_date', 'original_principal', 'current_principal', 'annual_rate', 'original_term', 'remark'];
const LOAN = ['A1', '2026-01-15', '1000', '500', '0.15', '6'];

async function importOf(file: string): Promise<{ error: unknown; tapes: number }> {
  const ws = openWorkspace(join(tempDir(), 'ws.sqlite'));
  try {
    const error = await importTape(ws.db, { path: file, mode: 'reject', cutoffDate: '2026-09-30' }).then(
      () => null,
      (e: unknown) => e,
    );
    return { error, tapes: listTapes(ws.db).length };
  } finally {
    ws.close();
  }
}

describe('XLSX import: a part holding more text in one piece than any cell can is refused (zip bombs)', () => {
  it('refuses a sheet whose one cell inflates to 8 MiB, before exceljs parses it, and imports nothing', async () => {
    // 8 MiB of 'A' deflates to ~8 KB: the fuzzer's 256 MiB version (263 KB on disk) held the
    // parser 35 s and 3 GB before this check; any run of text over 1 MiB is refused the same way.
    const sheet = SHEET_HEAD + sheetRow(HEADER, 1) + sheetRow([...LOAN, 'A'.repeat(8 << 20)], 2) + SHEET_TAIL;
    const file = join(tempDir(), 'bomb.xlsx');
    writeFileSync(file, zipParts(workbookParts('loans', sheet)).bytes);
    const { error, tapes } = await importOf(file);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('BAD_FILE');
    expect((error as UserError).message).toBe(
      "bomb.xlsx is not a readable XLSX workbook: xl/worksheets/sheet1.xml holds more than 1,048,576 bytes of text in one piece, more than any spreadsheet cell (Excel's limit is 32,767 characters): the file is damaged or built to exhaust memory",
    );
    expect(tapes).toBe(0);
  });

  it('refuses 2 MiB of whitespace between two rows the same way', async () => {
    const sheet = SHEET_HEAD + sheetRow(HEADER, 1) + ' '.repeat(2 << 20) + sheetRow([...LOAN, 'x'], 2) + SHEET_TAIL;
    const file = join(tempDir(), 'spaces.xlsx');
    writeFileSync(file, zipParts(workbookParts('loans', sheet)).bytes);
    const { error } = await importOf(file);
    expect((error as UserError).message).toContain('spaces.xlsx is not a readable XLSX workbook: xl/worksheets/sheet1.xml holds more than 1,048,576 bytes');
  });

  it("imports a cell at Excel's limit (32,767 characters, each escaped in the XML as &amp;: 163,835 bytes)", async () => {
    expect(32_767 * '&amp;'.length).toBeLessThan(MAX_TEXT_RUN_BYTES);
    const file = join(tempDir(), 'full-cell.xlsx');
    writeFileSync(file, zipParts(xlsxOfRows([HEADER, [...LOAN, '&'.repeat(32_767)]])).bytes);
    const { error, tapes } = await importOf(file);
    expect(error).toBeNull();
    expect(tapes).toBe(1);
  });
});

// A run is every byte between two "<" (tag text included): below only "<" separates runs of "A".
const MAX = MAX_TEXT_RUN_BYTES;
const LT = Buffer.from('<');

function text(n: number): Buffer {
  return Buffer.alloc(n, 0x41);
}

function feed(chunks: readonly Buffer[]): void {
  const guard = textRunGuard('xl/worksheets/sheet1.xml');
  for (const chunk of chunks) guard(chunk);
}

/** The buffer in 64 KiB chunks, as the reader inflates it. */
function split(buffer: Buffer): Buffer[] {
  return Array.from({ length: Math.ceil(buffer.length / 65_536) }, (_, k) => buffer.subarray(k * 65_536, (k + 1) * 65_536));
}

function run(n: number): Buffer {
  return Buffer.concat([LT, text(n), LT]);
}

describe('textRunGuard: the longest run without "<" counted across chunks of any size', () => {
  it('passes a run of exactly the limit split over 64 KiB chunks, refuses one byte more', () => {
    expect(() => feed(split(run(MAX)))).not.toThrow();
    expect(() => feed(split(run(MAX + 1)))).toThrow('xl/worksheets/sheet1.xml holds more than 1,048,576 bytes of text in one piece');
  });

  it('counts the run carried into a chunk up to its first "<", and the run a chunk ends with', () => {
    // MAX − 10 bytes end chunk 1; chunk 2 starts with 10 more, then "<": exactly MAX, allowed; 11 more is one too many.
    expect(() => feed([Buffer.concat([LT, text(MAX - 10)]), Buffer.concat([text(10), LT, text(5)])])).not.toThrow();
    expect(() => feed([Buffer.concat([LT, text(MAX - 10)]), Buffer.concat([text(11), LT])])).toThrow('holds more than');
    // A chunk without "<" carries the run on.
    expect(() => feed([Buffer.concat([LT, text(MAX - 10)]), text(5), Buffer.concat([text(6), LT])])).toThrow('holds more than');
    // "<" in between resets the count: many short runs never add up.
    expect(() => feed(Array.from({ length: 40 }, () => Buffer.concat([text(60_000), LT])))).not.toThrow();
  });

  it('scans a chunk longer than the limit "<" by "<"', () => {
    expect(() => feed([Buffer.concat([text(MAX), LT, text(MAX)])])).not.toThrow();
    expect(() => feed([Buffer.concat([LT, text(MAX + 1), LT])])).toThrow('holds more than');
  });
});
