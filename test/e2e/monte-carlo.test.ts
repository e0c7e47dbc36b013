import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonteCarloResult, StoredRun } from '../../service/api/contract.ts';
import { binLabels } from '../../renderer/areas/deal/loss-bins.ts';
import { dismissNotifications, openArea, openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { invokeApi, startWebServer, type WebServer } from '../helpers/web.ts';

/**
 * The Deal screen's Monte Carlo panel in Chromium over the HTTP transport: the consumer template on
 * its own lines, a lognormal centred on the scenario, run as a job with progress; the per-note table
 * and the histograms of the pool's and each note's loss, their bins labelled with exact edges; the
 * run store's note (stored as run #1, then served from it); a bad input named; a long run cancelled.
 */

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-mc-'));
  server = await startWebServer(['--db', join(dir, 'mc.sqlite')]);
  browser = await openBrowser();
}, 60_000);

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Monte Carlo panel in Chromium', () => {
  it('runs 100 paths of the consumer template and shows the per-note table and loss histograms', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await openArea(page, 'Deal');
    const panel = page.getByTestId('monte-carlo-panel');
    await expect.poll(() => panel.count(), { timeout: 20_000 }).toBe(1);
    await panel.getByLabel('Paths').fill('abc');
    await expect.poll(() => page.getByTestId('mc-problem').textContent()).toContain('Paths must be a whole number');
    await panel.getByLabel('Paths').fill('100');
    await panel.getByLabel('Seed').fill('7');
    await panel.getByRole('button', { name: 'Run Monte Carlo' }).click();
    const table = page.getByTestId('monte-carlo-table');
    await expect.poll(() => table.count(), { timeout: 120_000 }).toBe(1);
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('Senior A');
    expect(await page.getByTestId('monte-carlo').textContent()).toContain('100 paths · seed 7 · lognormal:mean=');
    // The pool's histogram and one per note, drawn by recharts.
    await expect.poll(() => page.getByTestId('mc-pool-histogram').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    for (const id of ['A', 'B', 'Sub']) expect(await page.getByTestId(`mc-note-histogram-${id}`).count()).toBe(1);
    // Each bin's edges as the stored run has them, exact (one decimal read 0.95% bins as 0.0–0.9%, 2.8–3.8%).
    const stored = (await invokeApi<StoredRun>(server, 'runs.get', { id: 1 })).result as { monteCarlo: MonteCarloResult };
    const labels = binLabels(stored.monteCarlo.pool.histogram);
    const ticks = await page.getByTestId('mc-pool-histogram').locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
    expect(ticks[0]).toBe(labels[0]);
    expect(ticks.length).toBeGreaterThan(1);
    for (const tick of ticks) expect(labels).toContain(tick);
    // What the run store did, as the deal run and the grid say it: stored as run #1, then served from it for the same inputs.
    const note = page.getByTestId('monte-carlo').getByTestId('store-note');
    expect(await note.textContent()).toBe('Stored as run #1');
    await panel.getByRole('button', { name: 'Run Monte Carlo' }).click();
    await expect.poll(() => note.textContent(), { timeout: 60_000 }).toMatch(/^Served from the run store: identical to run #1 of .+ \(same inputs, same engine; not computed again\)$/);
    await page.getByTestId('monte-carlo-panel').scrollIntoViewIfNeeded();
    await browser.screenshot('deal-monte-carlo');
    expect(browser.pageErrors).toEqual([]);
  }, 180_000);

  it('cancels a long Monte Carlo: the progress goes, the earlier result stays, nothing new is shown', async () => {
    const { page } = browser;
    const panel = page.getByTestId('monte-carlo-panel');
    await dismissNotifications(page);
    await panel.getByLabel('Paths').fill('20000');
    await panel.getByRole('button', { name: 'Run Monte Carlo' }).click();
    await expect.poll(() => panel.getByTestId('job-progress').count(), { timeout: 20_000 }).toBe(1);
    await panel.getByRole('button', { name: 'Cancel Monte Carlo' }).click();
    await expect.poll(() => panel.getByTestId('job-progress').count(), { timeout: 20_000 }).toBe(0);
    expect(await page.getByTestId('monte-carlo').textContent()).toContain('100 paths · seed 7');
    await expect.poll(() => page.getByTestId('mc-out-of-date').count()).toBe(1);
  }, 60_000);
});
