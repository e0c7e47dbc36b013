import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from './repo.ts';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test', 'e2e', 'screenshots');

/**
 * Copies the screenshot `name` (just taken) to docs/`docsFile`, the README's pictures — only when
 * `npm run docs:screenshots` runs the tests (ABS_DOCS_SCREENSHOTS=1), so a test run leaves docs/ as it was.
 */
export function publishScreenshot(name: string, docsFile: string): void {
  if (process.env['ABS_DOCS_SCREENSHOTS'] === '1') copyFileSync(join(SCREENSHOT_DIR, `${name}.png`), join(REPO_ROOT, 'docs', docsFile));
}

export interface BrowserSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Errors the page logged or threw, so a test can assert the UI ran cleanly. */
  readonly pageErrors: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with a fresh profile each time (STACK-NOTES.md). */
export async function openBrowser(): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'abs-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  return {
    context,
    page,
    pageErrors,
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Closes the notifications (success toasts fade by themselves, but not before a screenshot). */
export async function dismissNotifications(page: Page): Promise<void> {
  const buttons = page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Dismiss' });
  while ((await buttons.count()) > 0)
    await buttons
      .first()
      .click({ timeout: 2000 })
      .catch(() => undefined);
}

/** Follows a link of the side navigation (an area's own page may link to another area by name too). */
export function openArea(page: Page, name: string): Promise<void> {
  return page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name, exact: true }).click();
}

/** The texts of a table's column, found by its header (not its position). */
export async function columnTexts(page: Page, testId: string, header: string): Promise<string[]> {
  const table = page.getByTestId(testId);
  const headers = await table.locator('thead th').allTextContents();
  const index = headers.indexOf(header);
  expect(index, `no column "${header}" in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
  return table
    .locator('tbody tr')
    .locator(`td:nth-child(${index + 1})`)
    .allTextContents();
}
