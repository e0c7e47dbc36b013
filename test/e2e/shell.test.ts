import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { LATEST_SCHEMA_VERSION } from '../../data/migrations/index.ts';
import { openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { startWebServer, type WebServer } from '../helpers/web.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-'));
  server = await startWebServer(['--db', join(dir, 'e2e.sqlite')]);
  browser = await openBrowser();
});

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('app frame in Chromium over the HTTP transport', () => {
  it('shows the version and the workspace path from the API, with every area in the navigation', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await expect.poll(() => page.getByTestId('app-version').textContent()).toBe(`v${pkg.version}`);
    await expect.poll(() => page.getByTestId('workspace-path').textContent()).toBe(join(dir, 'e2e.sqlite'));
    // the token left the address bar once stored for the session
    expect(page.url()).not.toContain('token=');
    const areas = await page.getByRole('navigation', { name: 'Areas' }).getByRole('link').allTextContents();
    expect(areas).toEqual(['Tapes', 'Pool', 'Assumptions', 'Deal', 'Results', 'Runs', 'Compare', 'Reports', 'Workspace']);
    await expect.poll(() => page.locator('.status-bar').textContent()).toContain('Browser (local HTTP)');
    await browser.screenshot('01-frame');
    expect(browser.pageErrors).toEqual([]);
  });

  it('routes between areas', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Deal' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Deal');
    expect(page.url()).toMatch(/#\/deal$/);
    await expect.poll(() => page.getByText('Empty workspace — import a tape').count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Deal');
    await expect.poll(() => page.getByTestId('app-version').textContent()).toBe(`v${pkg.version}`);
  });

  it('shows a refused workspace as a clear error and keeps the current one', async () => {
    const { page } = browser;
    const bogus = join(dir, 'not-a-db.sqlite'); // inside the workspaces folder (that of --db), which is all the browser may open
    writeFileSync(bogus, 'this is a text file');
    await page.getByRole('link', { name: 'Workspace' }).first().click();
    await page.getByLabel(/File name in that folder/).fill(bogus);
    await page.getByRole('button', { name: 'Open' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('not-a-db.sqlite is not a SQLite database');
    await expect.poll(() => alert.textContent()).toContain('WORKSPACE_NOT_SQLITE');
    expect(await page.getByTestId('workspace-path').textContent()).toBe(join(dir, 'e2e.sqlite'));
    await browser.screenshot('02-workspace-error');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => alert.count()).toBe(0);
  });

  it('opens another workspace and the frame follows (event pushed from the service)', async () => {
    const { page } = browser;
    const second = join(dir, 'second.sqlite');
    await page.getByLabel(/File name in that folder/).fill(second);
    await page.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.getByTestId('workspace-path').textContent()).toBe(second);
    await expect.poll(() => page.getByTestId('workspace-facts').textContent()).toContain(`version ${LATEST_SCHEMA_VERSION}`);
    await browser.screenshot('03-workspace');
  });

  it('refuses the API to a page without the token', async () => {
    const response = await fetch(`${server.origin}/api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'workspace.info', params: {} }),
    });
    expect(response.status).toBe(401);
  });
});
