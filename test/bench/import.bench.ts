import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSampleTape } from '../../data/sample/index.ts';
import { openWorkspace } from '../../data/workspace.ts';
import { budget, round, type Bench, type BenchResult } from './harness.ts';

const CSV_LOANS = 1_000_000;
const XLSX_LOANS = 200_000;
const RUNS = 2;
const child = fileURLToPath(new URL('./import-child.ts', import.meta.url));

/** The sqlite3 shell, installed from Debian's packages when missing. */
function sqlite3(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v sqlite3'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const install = spawnSync(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), 'install', '-y', 'sqlite3'], {
    stdio: 'ignore',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (install.status !== 0) return null;
  return spawnSync('sh', ['-c', 'command -v sqlite3'], { encoding: 'utf8' }).stdout.trim() || null;
}

function timeSqliteImport(shell: string, file: string, dir: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < RUNS; i++) {
    const db = join(dir, `sqlite3-${i}.db`);
    const start = performance.now();
    execFileSync(shell, [db, `.import --csv ${file} t`]);
    best = Math.min(best, (performance.now() - start) / 1000);
    rmSync(db, { force: true });
  }
  return best;
}

function timeOurImport(file: string, dir: string): { seconds: number; peakRssMb: number; rows: number } {
  let best = { seconds: Number.POSITIVE_INFINITY, peakRssMb: 0, rows: 0 };
  let peak = 0;
  for (let i = 0; i < RUNS; i++) {
    const workspace = join(dir, `ws-${i}.sqlite`);
    openWorkspace(workspace).close();
    const out = execFileSync(process.execPath, [child, file, workspace], { encoding: 'utf8' });
    const run = JSON.parse(out) as { seconds: number; peakRssMb: number; rows: number };
    peak = Math.max(peak, run.peakRssMb);
    if (run.seconds < best.seconds) best = run;
    for (const suffix of ['', '-wal', '-shm']) rmSync(workspace + suffix, { force: true });
  }
  return { ...best, peakRssMb: peak };
}

/**
 * DESIGN.md budget: a 1,000,000-loan CSV tape imported with validation into SQLite in no more
 * than 1.5× the sqlite3 shell's own `.import` of the same file into a plain table, under 500 MB
 * peak RSS. Also a 200,000-row XLSX import. Best of two runs each; a fresh process per run.
 */
export const bench: Bench = {
  name: 'import',
  async run(): Promise<BenchResult> {
    const dir = mkdtempSync(join(tmpdir(), 'abs-bench-import-'));
    try {
      const csv = join(dir, 'sample-1m.csv');
      await writeSampleTape({ loans: CSV_LOANS, seed: 1, out: csv, format: 'csv' });
      const shell = sqlite3();
      const baseline = shell ? timeSqliteImport(shell, csv, dir) : Number.NaN;
      const ours = timeOurImport(csv, dir);

      const xlsx = join(dir, 'sample-200k.xlsx');
      await writeSampleTape({ loans: XLSX_LOANS, seed: 2, out: xlsx, format: 'xlsx' });
      const xlsxRun = timeOurImport(xlsx, dir);

      const metrics = {
        csvLoans: ours.rows,
        csvMegabytes: round(statSync(csv).size / 1024 ** 2, 1),
        csvWallSeconds: round(ours.seconds),
        csvRowsPerSecond: Math.round(ours.rows / ours.seconds),
        csvPeakRssMb: round(ours.peakRssMb, 1),
        sqlite3ImportSeconds: round(baseline),
        ratioToSqliteImport: round(ours.seconds / baseline),
        xlsxLoans: xlsxRun.rows,
        xlsxWallSeconds: round(xlsxRun.seconds),
        xlsxRowsPerSecond: Math.round(xlsxRun.rows / xlsxRun.seconds),
        xlsxPeakRssMb: round(xlsxRun.peakRssMb, 1),
      };
      return {
        name: 'import',
        description: `Import of a ${CSV_LOANS.toLocaleString('en-US')}-loan sample CSV (and a ${XLSX_LOANS.toLocaleString('en-US')}-row XLSX) through the service, vs sqlite3 .import`,
        metrics,
        budgets: [budget(metrics, 'ratioToSqliteImport', 1.5), budget(metrics, 'csvPeakRssMb', 500)],
        notes: shell ? [`baseline: ${shell} .import --csv into a new database`] : ['sqlite3 shell not available: no baseline'],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
