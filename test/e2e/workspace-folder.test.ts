import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArea, openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { startWebServer, type WebServer } from '../helpers/web.ts';

/**
 * Over the browser transport workspaces open and are created only inside the workspaces folder
 * (issue 17, defect 4): the Workspace screen names that folder and asks only for a file name; a
 * path leading outside it is refused with a message naming the folder.
 */

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-workspaces-'));
  // Without --workspaces the folder is that of --db.
  server = await startWebServer(['--db', join(dir, 'first.sqlite')]);
  browser = await openBrowser();
}, 60_000);

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Workspace screen in the browser', () => {
  it('names the workspaces folder, creates a workspace from a bare file name there, and refuses a path outside it', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await openArea(page, 'Workspace');
    await expect.poll(() => page.getByTestId('workspaces-folder').textContent()).toBe(`Workspaces are kept in ${dir}: in the browser a workspace opens, or is created, only there.`);
    expect(await page.getByText('Path on this computer').count()).toBe(0);
    const name = page.getByLabel('File name in that folder (opened, or created if it does not exist)');
    expect(await name.getAttribute('placeholder')).toBe('2026-cash-loan.sqlite');

    await name.fill('cash-loan-2026.sqlite');
    await page.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.getByTestId('workspace-path').textContent()).toBe(join(dir, 'cash-loan-2026.sqlite'));
    await browser.screenshot('workspace-folder');

    await name.fill('../elsewhere.sqlite');
    await page.getByRole('button', { name: 'Open' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain(`In the browser, workspaces open and are created only inside ${dir}: ../elsewhere.sqlite is outside it`);
    expect(await page.getByTestId('workspace-path').textContent()).toBe(join(dir, 'cash-loan-2026.sqlite'));
    await browser.screenshot('workspace-folder-refused');
    expect(browser.pageErrors.filter((e) => !e.includes('status of 4'))).toEqual([]);
  });
});
