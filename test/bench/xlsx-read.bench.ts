import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSampleTape } from '../../data/sample/index.ts';
import type { XlsxReaderName } from '../../data/tape/xlsx.ts';
import { round, type Bench, type BenchResult } from './harness.ts';

const LOANS = 200_000;
/** Rounds of (exceljs, purpose-built), interleaved so both see the same machine load. */
const ROUNDS = 3;
const child = fileURLToPath(new URL('./xlsx-read-child.ts', import.meta.url));

interface Read {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
  readonly rows: number;
  readonly cells: number;
}

function readWith(reader: XlsxReaderName, file: string): Read {
  return JSON.parse(execFileSync(process.execPath, [child, reader, file], { encoding: 'utf8', maxBuffer: 1 << 20 })) as Read;
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/**
 * Issue 24: exceljs's streaming WorkbookReader (xlsx-exceljs.ts) against the purpose-built reader
 * (xlsx-stream/) on the same 200,000-loan sample XLSX (the import bench's tape): each reads the
 * sheet into rows of cell text in a fresh process, nothing written. Rounds alternate the two
 * readers; the speed-up is the median of each round's ratio, so load on a shared machine cancels.
 * The faster is data/tape/xlsx.ts's DEFAULT_XLSX_READER.
 */
export const bench: Bench = {
  name: 'xlsx-read',
  async run(): Promise<BenchResult> {
    const dir = mkdtempSync(join(tmpdir(), 'abs-bench-xlsx-'));
    try {
      const file = join(dir, 'sample-200k.xlsx');
      await writeSampleTape({ loans: LOANS, seed: 2, out: file, format: 'xlsx' });
      const exceljs: Read[] = [];
      const stream: Read[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        exceljs.push(readWith('exceljs', file));
        stream.push(readWith('stream', file));
      }
      const rows = stream[0]?.rows ?? 0;
      if (exceljs.some((read) => read.rows !== rows || read.cells !== stream[0]?.cells)) throw new Error('the readers disagree on the rows or cells of the sample tape');
      const seconds = (reads: readonly Read[]): number => median(reads.map((read) => read.seconds));
      const metrics = {
        xlsxLoans: rows,
        xlsxFileMb: round(statSync(file).size / 2 ** 20, 1),
        exceljsSeconds: round(seconds(exceljs)),
        exceljsRowsPerSecond: Math.round(rows / seconds(exceljs)),
        exceljsCpuSeconds: round(median(exceljs.map((read) => read.cpuSeconds))),
        exceljsPeakRssMb: round(Math.max(...exceljs.map((read) => read.peakRssMb)), 1),
        streamSeconds: round(seconds(stream)),
        streamRowsPerSecond: Math.round(rows / seconds(stream)),
        streamCpuSeconds: round(median(stream.map((read) => read.cpuSeconds))),
        streamPeakRssMb: round(Math.max(...stream.map((read) => read.peakRssMb)), 1),
        speedUp: round(median(exceljs.map((read, r) => read.seconds / (stream[r]?.seconds ?? Number.NaN)))),
      };
      return {
        name: 'xlsx-read',
        description: `Reading a ${LOANS.toLocaleString('en-US')}-loan sample XLSX sheet into rows of cell text: exceljs's streaming reader vs the purpose-built one (data/tape/xlsx-stream/)`,
        metrics,
        notes: [`${ROUNDS} rounds of (exceljs, purpose-built), each a fresh process; seconds are medians, speedUp the median of the rounds' ratios; peak RSS is the whole process's`],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
