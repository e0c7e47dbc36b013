import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialog } from 'playwright-core';
import { openArea, type BrowserSession } from '../helpers/browser.ts';
import type { WebServer } from '../helpers/web.ts';
import { openWebSession, type WebSession } from '../helpers/web-session.ts';

/**
 * A reload drops unsaved edits, so it asks first (new-user walkthrough: a set's horizon changed to
 * 36 was back at 24 after a reload, with no question). Chromium's own beforeunload confirmation,
 * seen by playwright as a 'beforeunload' dialog: none while every editor is saved; one after an
 * edit, where Stay keeps the edit on screen and Leave reloads to the saved set.
 */

let session: WebSession;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  session = await openWebSession('abs-e2e-unsaved-reload-', 'w.sqlite');
  ({ server, browser } = session);
}, 60_000);

afterAll(() => session.close());

describe('reloading with unsaved edits', () => {
  it('asks first, and Stay keeps the edit', async () => {
    const { page } = browser;
    const dialogs: Dialog[] = [];
    let accept = false;
    page.on('dialog', (dialog) => {
      dialogs.push(dialog);
      void (accept ? dialog.accept() : dialog.dismiss());
    });
    await page.goto(server.url);
    await openArea(page, 'Assumptions');
    await page.getByRole('button', { name: 'Start from the example' }).first().click();
    await page.getByLabel('Set name').fill('base');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByLabel('Open set').locator('option').allTextContents()).toEqual(['base']);
    const horizon = page.getByLabel('Horizon (months)');
    await expect.poll(() => horizon.inputValue()).toBe('24');

    // Saved: a reload goes at once.
    await page.reload();
    await openArea(page, 'Assumptions');
    await expect.poll(() => horizon.inputValue()).toBe('24');
    expect(dialogs.map((dialog) => dialog.type())).toEqual([]);

    // Edited: the reload asks; Stay keeps the edit.
    await horizon.fill('36');
    await expect.poll(() => page.getByLabel('Open set').locator('option').allTextContents()).toEqual(['base (edited)']);
    void page.reload().catch(() => undefined);
    await expect.poll(() => dialogs.map((dialog) => dialog.type())).toEqual(['beforeunload']);
    await expect.poll(() => horizon.inputValue()).toBe('36');

    // Leave: the page reloads to the saved set.
    accept = true;
    await page.reload();
    expect(dialogs.map((dialog) => dialog.type())).toEqual(['beforeunload', 'beforeunload']);
    await openArea(page, 'Assumptions');
    await expect.poll(() => horizon.inputValue()).toBe('24');
  }, 120_000);
});
