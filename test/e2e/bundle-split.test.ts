import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { startWebServer, type WebServer } from '../helpers/web.ts';

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-split-'));
  server = await startWebServer(['--db', join(dir, 'e2e.sqlite')]);
  browser = await openBrowser();
});

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Every JavaScript file of the built renderer (npm run build:renderer), with its size in bytes. */
function builtScripts(): Map<string, number> {
  const assets = join(REPO_ROOT, 'dist', 'renderer', 'assets');
  return new Map(
    readdirSync(assets)
      .filter((name) => name.endsWith('.js'))
      .map((name) => [name, statSync(join(assets, name)).size]),
  );
}

describe('the renderer loads each area when it is opened (issue 24)', () => {
  it('the first screen (Tapes, in English) loads at most 40% of the app’s JavaScript; the Pool screen loads its charts when opened, 中文 its Chinese', async () => {
    const scripts = builtScripts();
    const total = [...scripts.values()].reduce((sum, bytes) => sum + bytes, 0);
    const loaded = new Set<string>();
    browser.page.on('response', (response) => {
      const name = new URL(response.url()).pathname.split('/').pop() ?? '';
      if (scripts.has(name)) loaded.add(name);
    });
    const loadedBytes = (): number => [...loaded].reduce((sum, name) => sum + (scripts.get(name) ?? 0), 0);

    await browser.page.goto(server.url);
    await expect.poll(() => browser.page.getByRole('heading', { name: 'Tapes', level: 1 }).count()).toBe(1);
    await browser.page.waitForLoadState('networkidle');
    const firstScreen = loadedBytes();
    process.stdout.write(`first screen: ${firstScreen} of ${total} bytes of JavaScript (${((100 * firstScreen) / total).toFixed(1)}%) in ${loaded.size} of ${scripts.size} files\n`);
    expect(firstScreen).toBeGreaterThan(0);
    // Issue 24 asks for at most half; 40% catches a catalogue or a chart library slipping back into the
    // first screen (Chinese did: 43.5%, 32.3% since it is its own chunk) with room for the screen's own growth.
    expect(firstScreen).toBeLessThanOrEqual(0.4 * total);
    const chartChunks = [...scripts.keys()].filter((name) => name.startsWith('CartesianChart-'));
    expect(chartChunks.length).toBe(1);
    expect(loaded.has(chartChunks[0] ?? '')).toBe(false);
    // Chinese (the UI's and the coded messages' catalogues) is a chunk of its own, not fetched for an English first screen.
    const chineseChunks = [...scripts.keys()].filter((name) => name.startsWith('zh-CN-chunk-'));
    expect(chineseChunks.length).toBe(1);
    expect(loaded.has(chineseChunks[0] ?? '')).toBe(false);

    // Opening the Pool screen fetches its chunk and the charts' then, and it renders.
    await browser.page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Pool' }).click();
    await expect.poll(() => browser.page.getByRole('heading', { name: 'Pool', level: 1 }).count()).toBe(1);
    await expect.poll(() => [...loaded].some((name) => name.startsWith('PoolArea-'))).toBe(true);
    await expect.poll(() => loaded.has(chartChunks[0] ?? '')).toBe(true);

    // Choosing 中文 fetches the Chinese chunk, then the page switches: the Pool heading in Chinese.
    await browser.page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    await expect.poll(() => loaded.has(chineseChunks[0] ?? '')).toBe(true);
    await expect.poll(() => browser.page.getByRole('heading', { name: '资产池', level: 1 }).count()).toBe(1);

    // Started again with Chinese chosen, the page waits for its chunk: no heading or area link is ever drawn in English.
    // (script text: the tests are typed without the DOM's names)
    await browser.page.addInitScript(`
      window.drawn = [];
      new MutationObserver(() => {
        for (const element of document.querySelectorAll('h1, nav a')) window.drawn.push(element.textContent);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    `);
    await browser.page.reload();
    await expect.poll(() => browser.page.getByRole('heading', { name: '资产池', level: 1 }).count()).toBe(1);
    const drawn = (await browser.page.evaluate('window.drawn')) as string[];
    expect(drawn).toContain('资产池');
    expect(drawn.filter((text) => ['Pool', 'Tapes', 'Deal'].includes(text))).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});
