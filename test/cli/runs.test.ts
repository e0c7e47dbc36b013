import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runAbs } from '../helpers/cli.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();
const DEAL = join(REPO_ROOT, 'templates', 'deals', 'us-auto-oc-turbo.json');

function newWorkspace(): string {
  const file = join(tempDir(), 'ws.sqlite');
  expect(runAbs(['workspace', 'info', '--db', file]).status).toBe(0);
  return file;
}

function ok(args: readonly string[]): { stdout: string; stderr: string } {
  const run = runAbs(args);
  expect(run.status, run.stderr).toBe(0);
  return run;
}

/** The runs table as SQLite sees it, after checking the file's integrity. */
function inspect(file: string): { integrity: string; ids: number[] } {
  const db = new Database(file, { readonly: true });
  try {
    return { integrity: String(db.pragma('integrity_check', { simple: true })), ids: db.prepare('SELECT id FROM runs ORDER BY id').pluck().all() as number[] };
  } finally {
    db.close();
  }
}

describe('abs run --db and abs runs', () => {
  it('stores the run, serves the identical rerun from the store with the same --json bytes, and lists, shows, renames and deletes runs', () => {
    const file = newWorkspace();
    const first = ok(['run', DEAL, '--db', file]);
    expect(first.stdout).toMatch(/^Deal run: stored as run #1 \(abs runs show 1\)$/m);
    expect(first.stdout).toMatch(/^Cumulative default rate \d+\.\d\d% \(÷ the cutoff pool\) · /m);
    const fresh = ok(['run', DEAL, '--json', '--no-store']);
    const served = ok(['run', DEAL, '--db', file, '--json']);
    expect(served.stdout).toBe(fresh.stdout);
    expect(served.stderr).toMatch(/^Deal run: served from the run store \(run #1 of \d{4}-\d\d-\d\d \d\d:\d\d UTC\); not computed again$/m);
    // --no-store: computed afresh, nothing kept.
    const skipped = ok(['run', DEAL, '--db', file, '--no-store', '--default-mult', '2']);
    expect(skipped.stdout).not.toMatch(/run store|stored as run/);
    expect(inspect(file).ids).toEqual([1]);

    const list = JSON.parse(ok(['runs', 'list', '--db', file, '--json']).stdout) as { id: number; kind: string; name: string }[];
    expect(list).toMatchObject([{ id: 1, kind: 'deal', name: 'US auto-loan ABS, sequential pay with OC target and turbo on its own pool — deal’s scenario' }]);
    const listed = ok(['runs', 'list', '--db', file]).stdout;
    expect(listed).toMatch(/^ID {2}Kind {6}Created {15}Name .*\n 1 {2}deal run {2}\d{4}-.* UTC {2}US auto-loan ABS/);
    // The key figures name the denominator in the screens' words, not its key (the deal names none and has no
    // revolving period: the default is the cutoff pool throughout, not the revolving deals' NAFMII rule).
    expect(listed).toContain('Cumulative default rate (÷ the cutoff pool) ');
    expect(listed).not.toContain('initialPool');
    // Reopened: the stored result is the run --json printed.
    const shown = JSON.parse(ok(['runs', 'show', '1', '--db', file, '--json']).stdout) as { result: { run: unknown } };
    expect(JSON.stringify(shown.result.run, null, 2)).toBe(JSON.stringify((JSON.parse(fresh.stdout) as { run: unknown }).run, null, 2));
    expect(ok(['runs', 'show', '1', '--db', file]).stdout).toMatch(
      /^Run #1 · deal run · "US auto-loan ABS, sequential pay with OC target and turbo on its own pool — deal’s scenario" · computed .* UTC in \d+\.\d\d s · engine 0\.1\.0/,
    );
    expect(ok(['runs', 'rename', '1', 'Auto base', '--db', file]).stdout).toBe('Run #1 is now "Auto base"\n');
    expect(ok(['runs', 'delete', '1', '--db', file]).stdout).toBe('Deleted run #1\n');
    expect(ok(['runs', 'list', '--db', file]).stdout).toBe('No stored runs in this workspace (abs run DEAL.json --db … stores one).\n');
  }, 120_000);

  it('tells two runs of one name but other inputs apart by their short input hashes; a name of its own shows none', () => {
    const file = newWorkspace();
    // The same deal file with its class A a million smaller: the same name, other inputs.
    const deal = JSON.parse(readFileSync(DEAL, 'utf8')) as { notes: { originalBalance: number }[] };
    const smaller = join(tempDir(), 'smaller.json');
    writeFileSync(smaller, JSON.stringify({ ...deal, notes: deal.notes.map((n, i) => (i === 0 ? { ...n, originalBalance: n.originalBalance - 1_000_000 } : n)) }));
    ok(['run', DEAL, '--db', file]);
    ok(['run', smaller, '--db', file]);
    ok(['run', DEAL, '--db', file, '--default-mult', '2']);
    const runs = JSON.parse(ok(['runs', 'list', '--db', file, '--json']).stdout) as { id: number; name: string; inputHash: string }[];
    const hash = (id: number): string => runs.find((r) => r.id === id)?.inputHash.slice(0, 12) ?? '';
    const names = ok(['runs', 'list', '--db', file])
      .stdout.trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => /UTC {2}(.+? — deal’s scenario(?:, defaults × 2)?(?: \[inputs [0-9a-f]{12}\])?)/.exec(line)?.[1]);
    expect(names).toEqual([
      'US auto-loan ABS, sequential pay with OC target and turbo on its own pool — deal’s scenario, defaults × 2',
      `US auto-loan ABS, sequential pay with OC target and turbo on its own pool — deal’s scenario [inputs ${hash(2)}]`,
      `US auto-loan ABS, sequential pay with OC target and turbo on its own pool — deal’s scenario [inputs ${hash(1)}]`,
    ]);
    expect(hash(1)).not.toBe(hash(2));
    // The reopened run names the same short hash.
    expect(ok(['runs', 'show', '2', '--db', file]).stdout).toContain(`input hash ${hash(2)}`);
  }, 120_000);

  it('says what is wrong with a runs command', () => {
    const file = newWorkspace();
    expect(runAbs(['runs', 'show', '7', '--db', file])).toMatchObject({ status: 1, stderr: 'abs: No stored run with id 7 in this workspace\n' });
    expect(runAbs(['runs', 'show', 'x', '--db', file])).toMatchObject({ status: 1, stderr: expect.stringMatching(/a run id is a whole number \(abs runs list shows them\), got 'x'/) as unknown });
    expect(runAbs(['runs', 'list'])).toMatchObject({ status: 1, stderr: expect.stringMatching(/runs list needs --db WORKSPACE/) as unknown });
    expect(runAbs(['runs', 'rename', '1', '--db', file])).toMatchObject({ status: 1, stderr: expect.stringMatching(/runs rename needs a name/) as unknown });
    expect(runAbs(['runs', 'purge', '--db', file])).toMatchObject({ status: 1, stderr: expect.stringMatching(/unknown runs command 'purge'/) as unknown });
    expect(runAbs(['run', DEAL, '--tape', '1'])).toMatchObject({ status: 1, stderr: expect.stringMatching(/--tape ID needs --db WORKSPACE/) as unknown });
  }, 60_000);

  it('a kill -9 while a run is being stored (before its commit) leaves no half-stored run; the next run stores it whole', () => {
    const file = newWorkspace();
    const killed = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'abs.js'), 'run', DEAL, '--db', file], {
      env: { ...process.env, ABS_TEST_KILL_RUN_STORE: 'before-commit' },
      encoding: 'utf8',
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(inspect(file)).toEqual({ integrity: 'ok', ids: [] });
    const next = ok(['run', DEAL, '--db', file]);
    expect(next.stdout).toMatch(/^Deal run: stored as run #1 /m);
    expect(inspect(file)).toEqual({ integrity: 'ok', ids: [1] });
    expect(ok(['run', DEAL, '--db', file]).stdout).toMatch(/^Deal run: served from the run store \(run #1 of /m);
  }, 60_000);
});
