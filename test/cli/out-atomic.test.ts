import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAbs } from '../helpers/cli.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();
const DEALS = join(REPO_ROOT, 'templates', 'deals');
const DEAL_A = join(DEALS, 'us-auto-oc-turbo.json');
const DEAL_B = join(DEALS, 'pass-through.json');
const SET = ['periods.csv', 'result.json', 'tranches.csv'];

/** `abs run DEAL --out DIR` in a child that SIGKILLs itself at `stage` of the --out write (the ABS_TEST_KILL_OUT hook). */
function runKilledAt(deal: string, out: string, stage: string): { status: number | null; signal: NodeJS.Signals | null } {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'abs.js'), 'run', deal, '--out', out], {
    env: { ...process.env, ABS_TEST_KILL_OUT: stage },
    encoding: 'utf8',
  });
  return { status: result.status, signal: result.signal };
}

/** The folder's files and their contents, so two sets compare whole. */
function folderSet(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
  );
}

describe('abs run --out writes its folder as one set (kill -9 safe)', () => {
  it('a kill at any point of a rerun leaves the earlier complete set; the next run cleans up and writes the new set', () => {
    const parent = tempDir();
    const out = join(parent, 'results');
    expect(runAbs(['run', DEAL_A, '--out', out]).status).toBe(0);
    const dealA = folderSet(out);
    expect(Object.keys(dealA)).toEqual(SET);
    expect(JSON.parse(dealA['result.json'] ?? '')).toHaveProperty('run.tranches');

    // Killed after the 1st, 2nd and 3rd file of deal B: DIR is still exactly deal A's set (today the
    // files were written straight into DIR, so a kill after the first left B's tranches beside A's rest).
    for (const stage of ['file-1', 'file-2', 'file-3']) {
      expect(runKilledAt(DEAL_B, out, stage)).toEqual({ status: null, signal: 'SIGKILL' });
      expect(folderSet(out), stage).toEqual(dealA);
    }
    // Killed between renaming A aside and renaming B in: the next run puts A back before it writes
    // (and that run, killed again after its first file, still leaves A whole).
    expect(runKilledAt(DEAL_B, out, 'aside')).toEqual({ status: null, signal: 'SIGKILL' });
    expect(runKilledAt(DEAL_B, out, 'file-1').signal).toBe('SIGKILL');
    expect(folderSet(out)).toEqual(dealA);

    const finished = runAbs(['run', DEAL_B, '--out', out]);
    expect(finished.status, finished.stderr).toBe(0);
    const dealB = folderSet(out);
    expect(Object.keys(dealB)).toEqual(SET);
    expect(dealB['tranches.csv']).not.toBe(dealA['tranches.csv']);
    // The killed runs' temporary folders are gone: DIR is the only entry beside it.
    expect(readdirSync(parent)).toEqual(['results']);
  });

  it('a first run killed midway leaves no DIR and no temporary folder after the next run', () => {
    const parent = tempDir();
    const out = join(parent, 'fresh');
    expect(runKilledAt(DEAL_A, out, 'file-2').signal).toBe('SIGKILL');
    expect(readdirSync(parent).filter((name) => name === 'fresh')).toEqual([]);
    expect(runAbs(['run', DEAL_A, '--out', out]).status).toBe(0);
    expect(readdirSync(parent)).toEqual(['fresh']);
    expect(Object.keys(folderSet(out))).toEqual(SET);
  });

  it('refuses to replace a folder holding files the run did not write', () => {
    const out = join(tempDir(), 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'keep me');
    const run = runAbs(['run', DEAL_A, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('holds other files (notes.txt)');
    expect(readdirSync(out)).toEqual(['notes.txt']);
  });
});
