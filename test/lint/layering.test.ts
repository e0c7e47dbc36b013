import { spawnSync } from 'node:child_process';
import { cpSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
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
 * Runs the project's real oxlint config over fixture files placed where each layer's code would
 * live, and reads what it reports: every diagnostic of the config's own rules (severities as the
 * project sets them; `npm run lint` denies warnings too).
 */
function lintFixtures(): Diagnostic[] {
  const dir = tempDir();
  copyFileSync(join(REPO_ROOT, '.oxlintrc.json'), join(dir, '.oxlintrc.json'));
  for (const layer of ['engine', 'renderer', 'data', 'cli', 'electron', 'messages']) {
    mkdirSync(join(dir, layer), { recursive: true });
    cpSync(join(REPO_ROOT, 'test', 'lint', 'fixtures', layer), join(dir, layer), { recursive: true });
  }
  const oxlint = join(REPO_ROOT, 'node_modules', '.bin', 'oxlint');
  const result = spawnSync(oxlint, ['-c', '.oxlintrc.json', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' });
  const report = JSON.parse(result.stdout) as { diagnostics: Diagnostic[] };
  return report.diagnostics;
}

describe('layering lint rule', () => {
  const all = lintFixtures();
  const diagnostics = all.filter((d) => d.code.includes('no-restricted-imports'));
  const inFile = (name: string) => diagnostics.filter((d) => d.filename.endsWith(name));

  it('rejects node, path, better-sqlite3, react and other layers in engine/', () => {
    const messages = inFile('engine/impure.ts')
      .map((d) => d.message)
      .join('\n');
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

  it('keeps messages/ (shared by the renderer and the service) free of Node, UI, Excel and every layer; the renderer may import it', () => {
    const messages = inFile('messages/impure.ts').map((d) => d.message);
    expect(messages).toHaveLength(6);
    for (const module of ['node:fs', 'react', 'exceljs', '../engine/dates.ts', '../service/service.ts', '../renderer/app/i18n.tsx']) expect(messages.join('\n')).toContain(`'${module}'`);
    expect(inFile('messages/pure.ts')).toEqual([]);
    expect(inFile('renderer/shared-messages.tsx')).toEqual([]);
  });

  it('rejects data/ reaching up into service/, and exceljs imported around data/excel.ts', () => {
    expect(inFile('data/upward.ts').map((d) => d.message)).toEqual(["'exceljs' import is restricted from being used.", "'../service/service.ts' import is restricted from being used by a pattern."]);
  });

  it('rejects data/, engine/, electron, renderer and UI imports in cli/, but allows service/ and Node', () => {
    const messages = inFile('cli/leaky.ts')
      .map((d) => d.message)
      .join('\n');
    expect(inFile('cli/leaky.ts')).toHaveLength(5);
    for (const module of ['../data/workspace.ts', '../engine/index.ts', 'electron', 'react', '../renderer/app/App.tsx']) expect(messages).toContain(`'${module}'`);
    expect(inFile('cli/allowed.ts')).toEqual([]);
  });

  it('lets abs sample, by name, import the sample generator and engine/dates.ts — and no other command', () => {
    expect(inFile('cli/commands/sample.ts')).toEqual([]);
    expect(inFile('cli/commands/project.ts')).toHaveLength(2);
  });

  it('rejects data/, engine/, cli/, renderer/ and react in electron/, but allows electron, Node and service/', () => {
    expect(inFile('electron/leaky.ts')).toHaveLength(5);
    expect(inFile('electron/allowed.ts')).toEqual([]);
  });
});

describe('structure lint rules', () => {
  const all = lintFixtures();
  const rule = (code: string, file: string) => all.filter((d) => d.code.includes(code) && d.filename.endsWith(file));

  it('rejects an import cycle, even through a type-only import', () => {
    expect(rule('no-cycle', 'engine/cycle/a.ts')).toHaveLength(1);
    expect(rule('no-cycle', 'engine/cycle/b.ts')).toHaveLength(1);
  });

  it('warns on a function over 150 lines, except in the projection kernels named in the config', () => {
    const long = rule('max-lines-per-function', 'engine/long.ts');
    expect(long).toHaveLength(1);
    expect(long[0]?.message).toContain('tooLong');
    expect(rule('max-lines-per-function', 'engine/project/kernel-banded.ts')).toEqual([]);
  });
});

/** Runs `prettier --check` with the project's own config and ignore file over one file. */
function prettierCheck(name: string, source: string): number | null {
  const dir = tempDir();
  copyFileSync(join(REPO_ROOT, '.prettierrc.json'), join(dir, '.prettierrc.json'));
  copyFileSync(join(REPO_ROOT, '.prettierignore'), join(dir, '.prettierignore'));
  mkdirSync(join(dir, 'engine'), { recursive: true });
  writeFileSync(join(dir, 'engine', name), source);
  const prettier = join(REPO_ROOT, 'node_modules', '.bin', 'prettier');
  return spawnSync(prettier, ['--check', '.'], { cwd: dir, encoding: 'utf8' }).status;
}

describe('formatting check', () => {
  it('fails on a source file that is not formatted', () => {
    expect(prettierCheck('ugly.ts', 'export const  x = {a:1,\n  b : "two"}\n')).not.toBe(0);
  });

  it('passes a formatted source file', () => {
    expect(prettierCheck('tidy.ts', "export const x = { a: 1, b: 'two' };\n")).toBe(0);
  });

  it('leaves data files alone (JSON is written by the code and the schema generator)', () => {
    expect(prettierCheck('data.json', '{"a":1,\n    "b":[1,2]}\n')).toBe(0);
  });
});
