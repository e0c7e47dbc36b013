/**
 * `npm start` runs this first: without Electron's binary (installed with
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1, or with no network) `electron .` would end in a stack trace
 * that never mentions the browser version. This finds the binary the way the `electron`
 * package's index.js does — `path.txt` names it under `dist/`, or ELECTRON_OVERRIDE_DIST_PATH
 * holds it — without importing the package (its import tries to download the binary).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const MISSING_ELECTRON =
  "Electron's binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD was set or there was no network): " +
  'run `npm run web` for the browser version, or reinstall with network (delete node_modules/electron, then npm install).';

/** The Electron executable's path, or null when it is not installed. `electronDir` is the electron package's folder. */
export function electronBinary(electronDir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const pathFile = join(electronDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  const binary = override ? join(override, executable || 'electron') : executable ? join(electronDir, 'dist', executable) : null;
  return binary !== null && existsSync(binary) ? binary : null;
}

/** The installed electron package's folder, or null when the package itself is missing. */
export function electronPackageDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

if (import.meta.main) {
  const dir = electronPackageDir();
  if (dir === null || electronBinary(dir) === null) {
    process.stderr.write(`${MISSING_ELECTRON}\n`);
    process.exit(1);
  }
}
