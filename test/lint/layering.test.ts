import { spawnSync } from 'node:child_process';
import { cpSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir('abs-lint-');

interface Diagnostic {
  readonly code: string;
  readonly message: string;
  readonly filename: string;
}

/**
 * Runs the project's real oxlint config over fixture files placed where engine/, data/ and
 * renderer/ code would live, and reads which imports it rejects.
 */
function lintFixtures(): Diagnostic[] {
  const dir = tempDir();
  copyFileSync(join(REPO_ROOT, '.oxlintrc.json'), join(dir, '.oxlintrc.json'));
  for (const layer of ['engine', 'renderer', 'data']) {
    mkdirSync(join(dir, layer), { recursive: true });
    cpSync(join(REPO_ROOT, 'test', 'lint', 'fixtures', layer), join(dir, layer), { recursive: true });
  }
  const oxlint = join(REPO_ROOT, 'node_modules', '.bin', 'oxlint');
  const result = spawnSync(oxlint, ['-c', '.oxlintrc.json', '--format', 'json', '-A', 'all', '-D', 'no-restricted-imports', '.'], {
    cwd: dir,
    encoding: 'utf8',
  });
  const report = JSON.parse(result.stdout) as { diagnostics: Diagnostic[] };
  return report.diagnostics.filter((d) => d.code.includes('no-restricted-imports'));
}

describe('layering lint rule', () => {
  const diagnostics = lintFixtures();
  const inFile = (name: string) => diagnostics.filter((d) => d.filename.endsWith(name));

  it('rejects node, path, better-sqlite3, react and other layers in engine/', () => {
    const messages = inFile("engine/impure.ts").map((d) => d.message).join("\n");
    expect(inFile('engine/impure.ts')).toHaveLength(6);
    for (const module of ['node:fs', 'path', 'better-sqlite3', 'react', '../data/workspace.ts', '../service/service.ts']) {
      expect(messages).toContain(`'${module}'`);
    }
  });

  it('allows engine files to import each other and decimal.js', () => {
    expect(inFile('engine/pure.ts')).toEqual([]);
  });

  it('rejects electron, data/, service internals and node in renderer/, but allows the API contract', () => {
    expect(inFile('renderer/leaky.tsx')).toHaveLength(5);
    expect(inFile('renderer/allowed.tsx')).toEqual([]);
  });

  it('rejects data/ reaching up into service/, and exceljs imported around data/excel.ts', () => {
    expect(inFile('data/upward.ts').map((d) => d.message)).toEqual([
      "'exceljs' import is restricted from being used.",
      "'../service/service.ts' import is restricted from being used by a pattern.",
    ]);
  });
});
