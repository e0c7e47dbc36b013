import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { ENGINE_SOURCE_FOLDERS, engineIdentity, hashEngineSources } from '../../service/run-store/engine-identity.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();

/** A copy of the folders the identity hashes, to change. */
function copySources(): string {
  const root = join(tempDir(), 'repo');
  for (const folder of ENGINE_SOURCE_FOLDERS) {
    mkdirSync(join(root, folder), { recursive: true });
    cpSync(join(REPO_ROOT, folder), join(root, folder), { recursive: true });
  }
  return root;
}

describe('the engine identity', () => {
  it('is the package version and the hash of the engine sources as they are now', () => {
    expect(engineIdentity()).toEqual({ version: pkg.version, sourcesSha256: hashEngineSources(REPO_ROOT) });
    expect(engineIdentity().sourcesSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when a file of the engine changes, and not when only its line endings do', () => {
    const root = copySources();
    const before = hashEngineSources(root);
    expect(before).toBe(hashEngineSources(REPO_ROOT));
    const file = join(root, 'engine', 'rounding.ts');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/\n/g, '\r\n'));
    expect(hashEngineSources(root)).toBe(before);
    writeFileSync(file, `${text}\n// a change\n`);
    expect(hashEngineSources(root)).not.toBe(before);
  });

  it('a bundle built as scripts/build-electron.ts builds the app carries the hash of the sources it bundled, without reading them', async () => {
    // The packaged app ships no sources (dist/ in an asar): the hash is fixed when the bundle is built.
    const outfile = join(tempDir(), 'elsewhere', 'identity.mjs');
    await build({
      entryPoints: [join(REPO_ROOT, 'service', 'run-store', 'engine-identity.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
      define: { ABS_ENGINE_SOURCES_SHA256: JSON.stringify('f'.repeat(64)) },
    });
    const bundled = (await import(pathToFileURL(outfile).href)) as { engineIdentity: typeof engineIdentity };
    expect(bundled.engineIdentity()).toEqual({ version: pkg.version, sourcesSha256: 'f'.repeat(64) });
    expect(readFileSync(join(REPO_ROOT, 'scripts', 'build-electron.ts'), 'utf8')).toContain('define: { ABS_ENGINE_SOURCES_SHA256: JSON.stringify(hashEngineSources()) }');
  });
});
