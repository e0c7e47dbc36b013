import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../../package.json' with { type: 'json' };

/**
 * The folder Electron calls `userData` for this app (appData + productName), computed the
 * same way outside Electron so the desktop app, `npm run web` and the CLI share one default
 * workspace: ~/.config/ABS Workbench (Linux), ~/Library/Application Support/ABS Workbench
 * (macOS), %APPDATA%\ABS Workbench (Windows).
 */
function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = homedir();
  const appData =
    platform === 'win32'
      ? (env['APPDATA'] ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env['XDG_CONFIG_HOME'] ?? join(home, '.config'));
  return join(appData, pkg.productName);
}

const DEFAULT_WORKSPACE_NAME = 'default.sqlite';

export function defaultWorkspacePath(dataDir: string = userDataDir()): string {
  return join(dataDir, 'workspaces', DEFAULT_WORKSPACE_NAME);
}

/** The built renderer, relative to this source tree. */
export function rendererDistDir(): string {
  return fileURLToPath(new URL('../../dist/renderer/', import.meta.url));
}
