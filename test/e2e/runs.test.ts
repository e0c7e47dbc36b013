import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealTemplate, JobInfo, RunRecord, StoredRun } from '../../service/api/contract.ts';
import { dismissNotifications, openArea, openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { invokeApi, startWebServer, type WebServer } from '../helpers/web.ts';

/**
 * The Runs screen in Chromium over the HTTP transport: a deal run from the Deal screen and a
 * breakeven search are stored; the Runs screen lists them newest first with their key figures,
 * reopens the deal run in the deal results view with the numbers the Deal screen showed, renames
 * one and deletes the other.
 */

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-runs-'));
  server = await startWebServer(['--db', join(dir, 'runs.sqlite')]);
  browser = await openBrowser();
}, 60_000);

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

function api<T>(method: string, params: unknown): Promise<T> {
  return invokeApi<T>(server, method, params);
}

/** The texts of a table's column, found by its header. */
async function columnTexts(testId: string, header: string): Promise<string[]> {
  const table = browser.page.getByTestId(testId).first();
  const headers = await table.locator('thead th').allTextContents();
  const index = headers.findIndex((h) => h.startsWith(header));
  expect(index, `no column "${header}" in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
  return table
    .locator('tbody tr')
    .locator(`td:nth-child(${index + 1})`)
    .allTextContents();
}

/**
 * The focused control as "<its text> in row <n>" of the runs table (n from 0), or its tag when it
 * is outside the table: after a rename the focus must be back on the row's Rename button.
 */
async function focusedInRunsTable(): Promise<string> {
  return browser.page.evaluate(`(() => {
    const el = document.activeElement;
    const row = el?.closest('[data-testid="runs-table"] tbody tr');
    if (!el || !row) return el ? el.tagName.toLowerCase() : 'none';
    return el.textContent.trim() + ' in row ' + [...row.parentElement.children].indexOf(row);
  })()`);
}

describe('the Runs screen in Chromium', () => {
  it('lists the stored runs, reopens a deal run with the numbers the Deal screen showed, renames and deletes runs', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await openArea(page, 'Deal');
    const run = page.getByRole('button', { name: 'Run', exact: true });
    await expect.poll(() => run.isEnabled(), { timeout: 20_000 }).toBe(true);
    await run.click();
    await expect.poll(() => page.getByTestId('deal-run-caption').count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('deal-run').getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');
    await expect.poll(() => page.getByTestId('store-note').textContent(), { timeout: 10_000 }).toBe('Stored as run #1');
    // The same deal, pool and scenario again: served from the store, said so, the same figures.
    const walFirst = await columnTexts('tranche-table', 'WAL (years');
    await run.click();
    await expect
      .poll(() => page.getByTestId('store-note').textContent(), { timeout: 60_000 })
      .toMatch(/^Served from the run store: identical to run #1 of .* \(same inputs, same engine; not computed again\)$/);
    expect(await columnTexts('tranche-table', 'WAL (years')).toEqual(walFirst);
    await dismissNotifications(page);
    await page.getByTestId('store-note').scrollIntoViewIfNeeded();
    await browser.screenshot('runs-served');
    const walOnDealScreen = await columnTexts('tranche-table', 'WAL (years');
    const yieldOnDealScreen = await columnTexts('tranche-table', 'Yield at par');

    // A breakeven search of another template, through the API as the page would start it.
    const [, passThrough] = (await api<DealTemplate[]>('deal.templates', {})).filter((t) => t.id === 'cn-consumer-revolving' || t.id === 'pass-through');
    const job = await api<JobInfo>('deal.breakeven', { deal: passThrough?.deal });
    await expect.poll(async () => (await api<JobInfo>('job.get', { id: job.id })).state, { timeout: 60_000 }).toBe('succeeded');

    await openArea(page, 'Runs');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Runs');
    const rows = page.getByTestId('runs-table').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    expect(await columnTexts('runs-table', 'Kind')).toEqual(['Breakevens', 'Deal run']);
    expect(await columnTexts('runs-table', 'Run')).toEqual(['#2', '#1']);
    const figures = (await columnTexts('runs-table', 'Key figures'))[1] ?? '';
    // The senior note's WAL in the list is the one the Deal screen showed, with its unit and basis.
    expect(figures).toContain(`Senior A 优先A WAL (y, ACT/365): ${walOnDealScreen[0]} years`);

    await rows.nth(1).getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.getByTestId('stored-run-caption').textContent(), { timeout: 10_000 }).toMatch(/^Run #1 · Deal run · “.*” · computed .* · engine v0\.1\.0 \(sources [0-9a-f]{12}\)/);
    await expect.poll(() => columnTexts('tranche-table', 'WAL (years')).toEqual(walOnDealScreen);
    expect(await columnTexts('tranche-table', 'Yield at par')).toEqual(yieldOnDealScreen);
    const stored = await api<StoredRun>('runs.get', { id: 1 });
    expect(stored.result.kind).toBe('deal.run');

    // Rename edits the name in place (Electron has no window.prompt): Escape leaves it as it was, Enter saves.
    const oldName = (await columnTexts('runs-table', 'Name'))[1] ?? '';
    await rows.nth(1).getByRole('button', { name: 'Rename' }).click();
    const newName = page.getByLabel('New name for this run');
    expect(await newName.inputValue()).toBe(oldName);
    await newName.fill('Not kept');
    await newName.press('Escape');
    await expect.poll(() => newName.count()).toBe(0);
    expect((await columnTexts('runs-table', 'Name'))[1]).toBe(oldName);
    // Leaving the form gives the focus back to the row's Rename button (not to the page's top): by Escape, by Cancel.
    expect(await focusedInRunsTable()).toBe('Rename in row 1');
    await rows.nth(1).getByRole('button', { name: 'Rename' }).click();
    await rows.nth(1).getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => newName.count()).toBe(0);
    expect(await focusedInRunsTable()).toBe('Rename in row 1');
    await rows.nth(1).getByRole('button', { name: 'Rename' }).click();
    await newName.fill('Consumer revolving');
    await newName.press('Enter');
    await expect.poll(() => columnTexts('runs-table', 'Name')).toContain('Consumer revolving');
    expect(await focusedInRunsTable()).toBe('Rename in row 1');
    await page.keyboard.press('Enter');
    await newName.fill('Consumer revolving, base case');
    await rows.nth(1).getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => columnTexts('runs-table', 'Name')).toEqual([expect.stringMatching(/^Breakevens \(default multiplier\) of /) as unknown, 'Consumer revolving, base case']);
    expect(await focusedInRunsTable()).toBe('Rename in row 1');

    // The opened run's caption follows the new name.
    await expect.poll(() => page.getByTestId('stored-run-caption').textContent()).toContain('“Consumer revolving, base case”');
    await dismissNotifications(page);
    await page.getByTestId('runs-table').scrollIntoViewIfNeeded();
    await browser.screenshot('runs');

    page.once('dialog', (dialog) => void dialog.accept());
    await rows.nth(0).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect((await api<RunRecord[]>('runs.list', {})).map((r) => r.id)).toEqual([1]);
    expect(browser.pageErrors).toEqual([]);
  }, 180_000);
});
