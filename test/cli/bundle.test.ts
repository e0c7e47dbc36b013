import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();
const DEAL = join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json');
const ASSUMPTIONS = join(REPO_ROOT, 'templates', 'assumptions', 'consumer-base.json');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** bin/abs.js as a user runs it; `fromSources` forces the TypeScript sources, else the bundle is used when fresh. */
function abs(args: readonly string[], fromSources: boolean, cwd: string): Run {
  const env = { ...process.env, ABS_DEBUG_LOADER: '1', ABS_FROM_SOURCES: fromSources ? '1' : '0' };
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'abs.js'), ...args], { cwd, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the bundled abs (npm run build:cli)', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build-cli.ts')], { cwd: REPO_ROOT, encoding: 'utf8' });
  }, 120_000);

  it('bundles the command and every worker, listing the sources it was built from', () => {
    for (const file of ['abs.mjs', 'deal-worker.mjs', 'query-worker.mjs', 'import-worker.mjs', 'writer-worker.mjs', 'project-worker.mjs', 'pool-worker.mjs']) {
      expect(existsSync(join(REPO_ROOT, 'dist', 'cli', file)), file).toBe(true);
    }
    const inputs = JSON.parse(readFileSync(join(REPO_ROOT, 'dist', 'cli', 'inputs.json'), 'utf8')) as string[];
    expect(inputs).toContain('cli/main.ts');
    expect(inputs).toContain('engine/deal/schema.ts');
    expect(inputs).toContain('service/jobs/workers/deal-worker.ts');
  });

  it('prints what the sources print: a template run on the calling thread, a tape run on the bundled deal thread, a strat on the bundled query thread, loan-level projections on the calling thread (one chunk) and on a bundled pool thread', () => {
    const dir = tempDir();
    const bundled = abs(['run', DEAL, '--json'], false, dir);
    expect(bundled.stderr).toContain('abs: running the bundle dist/cli/abs.mjs');
    expect(bundled.status, bundled.stderr).toBe(0);
    const sources = abs(['run', DEAL, '--json'], true, dir);
    expect(sources.stderr).toContain('abs: running the sources');
    expect(bundled.stdout).toBe(sources.stdout);
    expect(JSON.parse(bundled.stdout)).toHaveProperty('run');

    const tape = join(dir, 'tape.csv');
    const db = join(dir, 'ws.sqlite');
    expect(abs(['sample', '--loans', '300', '--seed', '7', '--out', tape], false, dir).status).toBe(0);
    const imported = abs(['import', tape, '--db', db], false, dir);
    expect(imported.status, imported.stderr).toBe(0);
    // Tape 2: two engine chunks of loans (2 × 32,768 ≥ 40,000 > 32,768), so `abs project` runs them on a bundled pool thread.
    const big = join(dir, 'big.csv');
    expect(abs(['sample', '--loans', '40000', '--seed', '8', '--out', big], false, dir).status).toBe(0);
    expect(abs(['import', big, '--db', db], false, dir).status).toBe(0);
    for (const args of [
      ['run', DEAL, '--db', db, '--tape', '1', '--size-to-pool', '--no-store', '--json'],
      ['strat', '--db', db, '--tape', '1', '--by', 'region', '--json'],
      ['project', '--db', db, '--tape', '1', '--assumptions', ASSUMPTIONS, '--no-store', '--json'],
      ['project', '--db', db, '--tape', '2', '--assumptions', ASSUMPTIONS, '--no-store', '--json'],
    ]) {
      const fromBundle = abs(args, false, dir);
      expect(fromBundle.status, fromBundle.stderr).toBe(0);
      expect(fromBundle.stdout.length).toBeGreaterThan(100);
      expect(abs(args, true, dir).stdout).toBe(fromBundle.stdout);
    }
  }, 120_000);
});

describe('bin/abs.js picks the bundle only while it is fresh', () => {
  it('runs the bundle when no source it lists is newer, the sources when one is, when one is gone, or when told to', () => {
    // A tree shaped like the repository: bin/abs.js itself, a stand-in bundle and sources that say which ran.
    const root = tempDir();
    for (const folder of ['bin', 'cli', 'dist/cli']) mkdirSync(join(root, folder), { recursive: true });
    copyFileSync(join(REPO_ROOT, 'bin', 'abs.js'), join(root, 'bin', 'abs.js'));
    writeFileSync(join(root, 'cli', 'main.ts'), "process.stdout.write('sources');\n");
    writeFileSync(join(root, 'dist', 'cli', 'abs.mjs'), "process.stdout.write('bundle');\n");
    writeFileSync(join(root, 'dist', 'cli', 'inputs.json'), JSON.stringify(['cli/main.ts']));
    const built = new Date('2026-01-02T00:00:00Z');
    utimesSync(join(root, 'dist', 'cli', 'abs.mjs'), built, built);
    const which = (env: Record<string, string> = {}): string =>
      spawnSync(process.execPath, [join(root, 'bin', 'abs.js')], { encoding: 'utf8', env: { ...process.env, ABS_FROM_SOURCES: '0', ...env } }).stdout;

    utimesSync(join(root, 'cli', 'main.ts'), new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    expect(which()).toBe('bundle');
    expect(which({ ABS_FROM_SOURCES: '1' })).toBe('sources');
    // A source edited after the build: the bundle is stale.
    utimesSync(join(root, 'cli', 'main.ts'), new Date('2026-01-03T00:00:00Z'), new Date('2026-01-03T00:00:00Z'));
    expect(which()).toBe('sources');
    // A source the bundle was built from is gone (renamed, deleted): stale too.
    writeFileSync(join(root, 'dist', 'cli', 'inputs.json'), JSON.stringify(['cli/main.ts', 'cli/gone.ts']));
    utimesSync(join(root, 'cli', 'main.ts'), new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    expect(which()).toBe('sources');
  });
});
