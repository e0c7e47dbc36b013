import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../../package.json' with { type: 'json' };

/**
 * Which engine computed a stored run: the package version and a SHA-256 of the sources that turn
 * inputs into results. Both go into every run's input hash, so a changed engine never serves a
 * result computed by another one (docs/run-store.md, "Engine identity").
 *
 * From sources (dev, `abs`, tests) the hash is computed from the files themselves at first use, so
 * it can never be stale. A bundled build (the Electron app: dist/ in an asar, no sources shipped)
 * carries the hash computed by scripts/build-electron.ts when it bundled those same files, as the
 * constant ABS_ENGINE_SOURCES_SHA256 (esbuild `define`).
 */
export interface EngineIdentity {
  readonly version: string;
  readonly sourcesSha256: string;
}

/**
 * The folders whose sources determine a result: the engine, the run preparation (scenario
 * overrides, tranche analytics, breakeven search, a tape's loans as projection input) and the file
 * readers (their defaults are part of what a file means). Paths relative to the repository root.
 */
export const ENGINE_SOURCE_FOLDERS: readonly string[] = ['engine', 'service/runs', 'service/files'];

declare const ABS_ENGINE_SOURCES_SHA256: string | undefined;

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(root: string, folder: string): string[] {
  const entries = readdirSync(join(root, folder), { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/**
 * SHA-256 over every `.ts` file of ENGINE_SOURCE_FOLDERS, in path order, each as `path NUL text NUL`
 * with CRLF read as LF (a Windows checkout of the same commit hashes the same).
 */
export function hashEngineSources(root: string = REPO_ROOT): string {
  const hash = createHash('sha256');
  for (const path of ENGINE_SOURCE_FOLDERS.flatMap((folder) => sourceFiles(root, folder))) {
    hash.update(`${path}\0`);
    hash.update(readFileSync(join(root, path), 'utf8').replace(/\r\n/g, '\n'));
    hash.update('\0');
  }
  return hash.digest('hex');
}

let identity: EngineIdentity | null = null;

export function engineIdentity(): EngineIdentity {
  identity ??= {
    version: pkg.version,
    sourcesSha256: typeof ABS_ENGINE_SOURCES_SHA256 === 'string' ? ABS_ENGINE_SOURCES_SHA256 : hashEngineSources(),
  };
  return identity;
}
