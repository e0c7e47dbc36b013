import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { electronBinary, MISSING_ELECTRON } from '../../scripts/check-electron.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();

/** A project folder with an `electron` package as `npm install` leaves it; `binary` adds path.txt and dist/electron. */
function fakeProject(binary: boolean): { root: string; electronDir: string } {
  const root = tempDir();
  const electronDir = join(root, 'node_modules', 'electron');
  mkdirSync(electronDir, { recursive: true });
  writeFileSync(join(electronDir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1', main: 'index.js' }));
  // index.js as the real package's: importing it without the binary throws (or tries to download).
  writeFileSync(join(electronDir, 'index.js'), "throw new Error('Electron failed to install correctly');\n");
  if (binary) {
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    mkdirSync(join(electronDir, 'dist'));
    writeFileSync(join(electronDir, 'dist', 'electron'), '');
  }
  mkdirSync(join(root, 'scripts'));
  copyFileSync(join(REPO_ROOT, 'scripts', 'check-electron.ts'), join(root, 'scripts', 'check-electron.ts'));
  return { root, electronDir };
}

function runCheck(root: string): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env['ELECTRON_OVERRIDE_DIST_PATH'];
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'check-electron.ts')], { cwd: root, encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm start without Electrons binary', () => {
  it('npm start checks for the binary before building and launching', () => {
    expect(pkg.scripts.start).toMatch(/^node scripts\/check-electron\.ts && npm run build && electron \.$/);
  });

  it('says in one line that the binary is missing and points to npm run web (exit 1, no stack trace)', () => {
    const run = runCheck(fakeProject(false).root);
    expect(run).toEqual({ status: 1, stdout: '', stderr: `${MISSING_ELECTRON}\n` });
    expect(MISSING_ELECTRON).toContain('npm run web');
    expect(MISSING_ELECTRON).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
  });

  it('passes quietly when the binary is installed', () => {
    expect(runCheck(fakeProject(true).root)).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('finds the binary as the electron package does: path.txt under dist/, or ELECTRON_OVERRIDE_DIST_PATH', () => {
    const { electronDir } = fakeProject(true);
    expect(electronBinary(electronDir, {})).toBe(join(electronDir, 'dist', 'electron'));
    const override = join(tempDir(), 'custom');
    mkdirSync(override);
    expect(electronBinary(electronDir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBeNull();
    writeFileSync(join(override, 'electron'), '');
    expect(electronBinary(electronDir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(join(override, 'electron'));
  });
});
