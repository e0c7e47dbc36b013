/**
 * Determinism: the same inputs give byte-identical results (DESIGN, Numbers). The real `abs`
 * command, in a fresh process each time, on two workspace files into which the same tape file
 * was imported — the second one after another tape and later, so the tape's id and import time
 * differ. Each result — a deal run in representative lines and at loan level (`abs run --json`),
 * breakevens, the projection at loan level and in lines, strats — repeated in both workspaces
 * must print the same bytes as the first. The projection names its tape by id (the request's
 * own `tapeId`, echoed so a screen can link back); that one field is set aside before comparing
 * across workspaces — any other difference is a defect.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorText, inTempDir, sampleCsv, stopwatch, type FamilyFigures, type FamilySize, type TrialFailure } from './load-support.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ABS = join(ROOT, 'bin', 'abs.js');
const DEAL = join(ROOT, 'templates', 'deals', 'cn-consumer-revolving.json');
const ASSUMPTIONS = join(ROOT, 'templates', 'assumptions', 'consumer-base.json');
/** Each size: the tape, how many times each workspace's results are printed, and the strats among them. */
const SIZES = {
  small: { loans: 2_000, repeats: [2, 1], strats: ['rate', 'segment'] },
  full: { loans: 20_000, repeats: [3, 3], strats: ['currentBalance', 'rate', 'remainingTerm', 'segment', 'region', 'delinquency', 'creditScore'] },
} as const;

/** One `abs` invocation: its stdout, or an error naming the command and its stderr. */
function abs(args: readonly string[]): string {
  const result = spawnSync(process.execPath, [ABS, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 512 * 1024 ** 2 });
  if (result.status !== 0) throw new Error(`abs ${args.join(' ')} exited ${String(result.status)}: ${result.stderr.trim().split('\n')[0] ?? ''}`);
  return result.stdout;
}

function importTape(workspace: string, file: string): number {
  const report = JSON.parse(abs(['import', file, '--db', workspace, '--json', '--quiet', '--allow-duplicate'])) as { tapeId: number };
  return report.tapeId;
}

/** Every result of one workspace's tape, by name, as printed. */
function results(workspace: string, tapeId: number, strats: readonly string[]): Map<string, string> {
  // --no-store: every print is computed (the run store would serve the second and third; docs/run-store.md).
  const tape = ['--db', workspace, '--tape', String(tapeId)];
  const computed = [...tape, '--no-store'];
  const out = new Map<string, string>([
    ['abs run --json (repline)', abs(['run', DEAL, ...computed, '--json', '--quiet'])],
    ['abs run --json --mode loan', abs(['run', DEAL, ...computed, '--mode', 'loan', '--json', '--quiet'])],
    ['abs run --breakeven --json', abs(['run', DEAL, ...computed, '--breakeven', '--json', '--quiet'])],
    ['abs project --json (loan)', abs(['project', ...computed, '--assumptions', ASSUMPTIONS, '--json', '--quiet'])],
    ['abs project --json --mode repline', abs(['project', ...computed, '--assumptions', ASSUMPTIONS, '--mode', 'repline', '--json', '--quiet'])],
  ]);
  for (const by of strats) out.set(`abs strat --by ${by} --json`, abs(['strat', ...tape, '--by', by, '--json']));
  return out;
}

/** The projection's echo of the request's tape id, set aside when workspaces differ (see the header). */
function withoutTapeId(text: string): string {
  return text.replace(/^ {2}"tapeId": \d+,$/m, '  "tapeId": "(this workspace\'s id)",');
}

/** Where two printed results first differ, with a little context. */
function firstDifference(expected: string, actual: string): string {
  let i = 0;
  while (i < expected.length && i < actual.length && expected[i] === actual[i]) i++;
  const around = (s: string): string => JSON.stringify(s.slice(Math.max(0, i - 60), i + 60));
  return `differs at byte ${i} (lengths ${expected.length} and ${actual.length}): expected …${around(expected)}… got …${around(actual)}…`;
}

export async function run(size: FamilySize): Promise<FamilyFigures> {
  const { loans, repeats, strats } = SIZES[size];
  const elapsed = stopwatch();
  return inTempDir('abs-reliability-determinism-', async (dir) => {
    const failures: TrialFailure[] = [];
    let trials = 0;
    let compared = 0;
    const tapeIds: number[] = [];
    try {
      const tape = await sampleCsv(dir, loans, 41);
      const earlierTape = await sampleCsv(dir, 500, 42);
      const first = join(dir, 'first.sqlite');
      const second = join(dir, 'second.sqlite');
      tapeIds.push(importTape(first, tape));
      importTape(second, earlierTape);
      tapeIds.push(importTape(second, tape));
      const reference = results(first, tapeIds[0] ?? 0, strats);
      const runs: { label: string; workspace: string; tapeId: number }[] = [];
      for (let r = 1; r < repeats[0]; r++) runs.push({ label: `first.sqlite, repeat ${r + 1}`, workspace: first, tapeId: tapeIds[0] ?? 0 });
      for (let r = 0; r < repeats[1]; r++) runs.push({ label: `second.sqlite, repeat ${r + 1}`, workspace: second, tapeId: tapeIds[1] ?? 0 });
      for (const other of runs) {
        const acrossWorkspaces = other.workspace !== first;
        for (const [name, text] of results(other.workspace, other.tapeId, strats)) {
          trials++;
          const expected = reference.get(name) ?? '';
          compared += text.length;
          const [a, b] = acrossWorkspaces ? [withoutTapeId(expected), withoutTapeId(text)] : [expected, text];
          if (a !== b) failures.push({ trial: `${name} on ${other.label}`, problem: firstDifference(a, b) });
        }
      }
    } catch (error) {
      trials++;
      failures.push({ trial: 'determinism setup', problem: errorText(error) });
    }
    return {
      family: 'determinism',
      size,
      trials,
      survived: trials - failures.length,
      failures,
      seconds: elapsed(),
      tapeLoans: loans,
      tapeIds,
      printsPerWorkspace: repeats,
      resultsCompared: trials,
      megabytesCompared: Math.round((compared / 1024 ** 2) * 10) / 10,
    };
  });
}
