/**
 * The shell's security decisions (electron/policy.ts), checked without Electron. The rules follow
 * Electron's security checklist, electronjs.org/docs/latest/tutorial/security (§13 limit new
 * windows, §15 no shell.openExternal with untrusted content).
 */
import { describe, expect, it } from 'vitest';
import { DEVTOOLS_ENV_FLAG, EXTERNAL_LINK_HOSTS, devToolsAllowed, isAllowedExternalUrl, isAppPage, viewMenuItems } from '../../electron/policy.ts';

describe('links opened in the system browser', () => {
  it('opens nothing with the shipped list: the app shows no external links', () => {
    expect(EXTERNAL_LINK_HOSTS).toEqual([]);
    expect(isAllowedExternalUrl('https://www.electronjs.org/docs')).toBe(false);
    expect(isAllowedExternalUrl('https://example.com/')).toBe(false);
  });

  const docs = ['docs.example.org'];
  it('opens an https page of a listed host', () => {
    expect(isAllowedExternalUrl('https://docs.example.org/guide#fuses', docs)).toBe(true);
    expect(isAllowedExternalUrl('https://DOCS.example.org/', docs)).toBe(true);
  });

  it('refuses other schemes, look-alike hosts, credentials and odd ports even for a listed host', () => {
    for (const url of [
      'http://docs.example.org/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'smb://docs.example.org/share',
      'https://docs.example.org.evil.test/',
      'https://evil.test/docs.example.org',
      'https://docs.example.org@evil.test/',
      'https://user:pw@docs.example.org/',
      'https://docs.example.org:8443/',
      'not a url',
      '',
    ]) {
      expect(isAllowedExternalUrl(url, docs), url).toBe(false);
    }
  });
});

describe('pages the window may show', () => {
  it('is only the app’s own origin', () => {
    expect(isAppPage('app://renderer/index.html')).toBe(true);
    expect(isAppPage('app://renderer/#/deals')).toBe(true);
    for (const url of ['app://renderer.evil/index.html', 'app://renderer', 'app://other/index.html', 'https://renderer/index.html', 'file:///index.html', 'about:blank', '']) {
      expect(isAppPage(url), url).toBe(false);
    }
  });
});

describe('DevTools', () => {
  it('are there when running from the repository, gone in a packaged build', () => {
    expect(devToolsAllowed(false, {})).toBe(true);
    expect(devToolsAllowed(true, {})).toBe(false);
    expect(viewMenuItems(false)).not.toContain('toggleDevTools');
    expect(viewMenuItems(true)).toContain('toggleDevTools');
  });

  it('come back in a packaged build only with the support flag set to exactly 1', () => {
    expect(devToolsAllowed(true, { [DEVTOOLS_ENV_FLAG]: '1' })).toBe(true);
    for (const value of ['0', 'true', '', ' 1']) {
      expect(devToolsAllowed(true, { [DEVTOOLS_ENV_FLAG]: value }), value).toBe(false);
    }
  });

  it('leave the rest of the View menu as it was', () => {
    expect(viewMenuItems(false)).toEqual(['reload', 'separator', 'resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen']);
    expect(viewMenuItems(true)).toEqual(['reload', 'toggleDevTools', 'separator', 'resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen']);
  });
});
