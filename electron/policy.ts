/**
 * The shell's security decisions as pure functions, so test/ can check them without Electron
 * (importing `electron` as a value outside Electron throws). main.ts only wires them in.
 * Follows Electron's security checklist (electronjs.org/docs/latest/tutorial/security):
 * §13 "Disable or limit creation of new windows", §15 "Do not use shell.openExternal with
 * untrusted content", §5 "Handle session permission requests from remote content".
 */
import { APP_ORIGIN, APP_SCHEME } from './ipc.ts';

/**
 * Hosts whose https pages may open in the system browser. Empty: the app shows no external
 * links today, so every link is refused. Add a documentation host here only together with the
 * link that needs it.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [];

/** Setting this to exactly `1` shows the DevTools in a packaged build (support sessions only). */
export const DEVTOOLS_ENV_FLAG = 'ABS_WORKBENCH_DEVTOOLS';

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * May `shell.openExternal` open this URL? Only https, on the default port, with no user name or
 * password in it, to a host on the list (exact match: `docs.example.org.evil.test` is not
 * `docs.example.org`). Anything else (file:, javascript:, custom schemes that launch other
 * programs, http) is refused.
 */
export function isAllowedExternalUrl(url: string, allowedHosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  return allowedHosts.includes(parsed.hostname);
}

/** Is this URL a page of the app itself (the only place the window may navigate to)? */
export function isAppPage(url: string): boolean {
  const parsed = parseUrl(url);
  // Checked by parts: under Node's URL a non-special scheme's `origin` is "null".
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'renderer' && url.startsWith(`${APP_ORIGIN}/`);
}

/**
 * DevTools only in development (`electron .` from the repository, where `app.isPackaged` is
 * false) or when the support flag is set; a shipped build has no DevTools menu item, shortcut
 * or `webPreferences.devTools`.
 */
export function devToolsAllowed(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  return !isPackaged || env[DEVTOOLS_ENV_FLAG] === '1';
}

export type ViewMenuRole = 'reload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen';

/** The View menu's items in order (`separator` between groups); DevTools only where allowed. */
export function viewMenuItems(withDevTools: boolean): readonly (ViewMenuRole | 'separator')[] {
  return ['reload', ...(withDevTools ? (['toggleDevTools'] as const) : []), 'separator', 'resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen'];
}
