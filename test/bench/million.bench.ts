import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkspace } from '../../data/workspace.ts';
import { round, type Bench, type BenchResult } from './harness.ts';

const LOANS = 1_000_000;
const millionChild = fileURLToPath(new URL('./million-child.ts', import.meta.url));
const importChild = fileURLToPath(new URL('./import-child.ts', import.meta.url));

interface StepFigures {
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly [figure: string]: number;
}

/** One step in a fresh process (its peak RSS is its own), as JSON. */
function step(script: string, args: readonly string[]): StepFigures {
  return JSON.parse(execFileSync(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 ** 2 })) as StepFigures;
}

/**
 * Issue 17, Load: a 1,000,000-loan tape through the whole chain, each step in a fresh process as
 * the app (or `abs`) runs it, timed end to end and with the process's peak resident memory (all
 * threads): the sample generator writes the CSV, the service imports it (reader and writer
 * threads), projects it at loan level and in representative lines (the example assumption set,
 * roll-rate delinquency), and runs the revolving consumer-loan template on it (its notes sized
 * to the pool) in representative lines and at loan level. One pass: minutes, not a loop.
 */
export const bench: Bench = {
  name: 'million',
  run(): BenchResult {
    const dir = mkdtempSync(join(tmpdir(), 'abs-bench-million-'));
    try {
      const tape = join(dir, 'sample-1m.csv');
      const workspace = join(dir, 'million.sqlite');
      const generated = step(millionChild, ['generate', tape, String(LOANS)]);
      openWorkspace(workspace).close();
      const imported = step(importChild, [tape, workspace]);
      const tapeId = String(imported['tapeId']);
      const projectLoan = step(millionChild, ['project', workspace, tapeId, 'loan']);
      const projectLoanOneThread = step(millionChild, ['project', workspace, tapeId, 'loan', '1']);
      const projectLines = step(millionChild, ['project', workspace, tapeId, 'repline']);
      const runLines = step(millionChild, ['run', workspace, tapeId, 'repline']);
      const runLoan = step(millionChild, ['run', workspace, tapeId, 'loan']);
      const metrics = {
        loans: imported['rows'] ?? Number.NaN,
        csvMegabytes: round(generated['megabytes'] ?? Number.NaN, 1),
        generateSeconds: round(generated.seconds),
        generatePeakRssMb: round(generated.peakRssMb, 1),
        importSeconds: round(imported.seconds),
        importPeakRssMb: round(imported.peakRssMb, 1),
        projectLoanSeconds: round(projectLoan.seconds),
        projectLoanWorkerSeconds: round(projectLoan['workerSeconds'] ?? Number.NaN),
        projectLoanPeakRssMb: round(projectLoan.peakRssMb, 1),
        projectLoanOneThreadWorkerSeconds: round(projectLoanOneThread['workerSeconds'] ?? Number.NaN),
        projectLoanThreadSpeedup: round((projectLoanOneThread['workerSeconds'] ?? Number.NaN) / (projectLoan['workerSeconds'] ?? Number.NaN)),
        projectReplineSeconds: round(projectLines.seconds),
        projectReplinePeakRssMb: round(projectLines.peakRssMb, 1),
        dealRunReplineSeconds: round(runLines.seconds),
        dealRunReplinePeakRssMb: round(runLines.peakRssMb, 1),
        dealRunLoanSeconds: round(runLoan.seconds),
        dealRunLoanPeakRssMb: round(runLoan.peakRssMb, 1),
        dealPeriods: runLines['periods'] ?? Number.NaN,
      };
      return {
        name: 'million',
        description: `A ${LOANS.toLocaleString('en-US')}-loan sample tape generated, imported, projected and run under a template deal, each step in a fresh process`,
        metrics,
        notes: [
          'seconds: wall time of the step as its caller waits for it (a job: from the API call to its result, loading the tape’s loans included); workerSeconds: the calculation alone, on its thread (a loan-level projection: on the worker pool, every core; OneThread: the pool held to one thread; ThreadSpeedup: one thread’s workerSeconds ÷ every core’s)',
          `projection: templates/assumptions/consumer-base.json over ${projectLoan['months'] ?? '?'} months; deal: templates/deals/cn-consumer-revolving.json, notes 80/9/11% of the pool`,
          'peakRssMb: the step’s process, all threads (getrusage maxrss)',
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
