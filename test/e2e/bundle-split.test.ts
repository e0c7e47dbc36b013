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
  it('the first screen (Tapes) loads at most half of the app’s JavaScript; the Pool screen loads its charts when opened', async () => {
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
    expect(firstScreen).toBeLessThanOrEqual(total / 2);
    const chartChunks = [...scripts.keys()].filter((name) => name.startsWith('CartesianChart-'));
    expect(chartChunks.length).toBe(1);
    expect(loaded.has(chartChunks[0] ?? '')).toBe(false);

    // Opening the Pool screen fetches its chunk and the charts' then, and it renders.
    await browser.page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Pool' }).click();
    await expect.poll(() => browser.page.getByRole('heading', { name: 'Pool', level: 1 }).count()).toBe(1);
    await expect.poll(() => [...loaded].some((name) => name.startsWith('PoolArea-'))).toBe(true);
    await expect.poll(() => loaded.has(chartChunks[0] ?? '')).toBe(true);
    expect(browser.pageErrors).toEqual([]);
  });
});
