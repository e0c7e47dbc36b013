import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSampleTape } from '../../data/sample/index.ts';
import { openBrowser, type BrowserSession, publishScreenshot, dismissNotifications } from '../helpers/browser.ts';
import { startWebServer, type WebServer } from '../helpers/web.ts';

let dir: string;
let server: WebServer;
let browser: BrowserSession;
let tapeFile: string;
const LOANS = 150_000;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-tapes-'));
  tapeFile = join(dir, 'originator-a-2026-09.csv');
  await writeSampleTape({ loans: LOANS, seed: 11, out: tapeFile, format: 'csv' });
  server = await startWebServer(['--db', join(dir, 'tapes.sqlite')]);
  browser = await openBrowser();
}, 120_000);

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('tapes and pool in Chromium', () => {
  it('offers the bundled sample on an empty workspace and loads it in one click', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await expect.poll(() => page.getByText('Empty workspace — import a tape').count()).toBe(1);
    await page.getByRole('button', { name: 'Load the sample tape' }).click();
    const table = page.getByTestId('tapes-table');
    await expect.poll(() => table.textContent(), { timeout: 30_000 }).toContain('Sample consumer-loan tape (10,000 loans, seed 2026)');
    expect(await table.textContent()).toContain('10,000');
  });

  it('imports a tape through the file chooser, with mapping preview and progress', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Import a tape…' }).click();
    await page.getByLabel('Tape file').setInputFiles(tapeFile);
    const mapping = page.getByTestId('mapping-table');
    await expect.poll(() => mapping.textContent(), { timeout: 30_000 }).toContain('借据号');
    await expect.poll(() => page.getByTestId('detection').textContent()).toContain('originator-a-2026-09.csv');
    expect(await page.getByLabel('Field for 年化利率').inputValue()).toBe('rateAnnual');
    expect(await page.getByLabel('Field for 职业类型').inputValue()).toBe('segment');
    await browser.screenshot('10-import-mapping');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const progress = page.getByTestId('job-progress');
    await progress.waitFor({ state: 'visible', timeout: 10_000 });
    await browser.screenshot('11-import-progress');
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toContain('Imported tape 2');
    expect(await result.textContent()).toContain(`${LOANS.toLocaleString('en-US')} imported`);
    await browser.screenshot('12-import-result');
  });

  it('shows the pool summary, the delinquency mix and a stratification chart', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'See the pool' }).click();
    const summary = page.getByTestId('pool-summary');
    await expect.poll(() => page.getByTestId('card-loans').textContent(), { timeout: 30_000 }).toContain(LOANS.toLocaleString('en-US'));
    expect(await summary.textContent()).toContain('WAC');
    expect(await page.getByTestId('card-overdue').textContent()).toContain('¥');
    await expect.poll(() => page.locator('[data-testid=strat-chart] .recharts-wrapper > svg.recharts-surface').count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid=strat-chart] .recharts-bar-rectangle').count()).toBeGreaterThan(4);
    const strat = page.getByTestId('strat-table');
    await expect.poll(() => strat.textContent()).toContain('10,000 – < 20,000');
    await dismissNotifications(page);
    await browser.screenshot('13-pool');
    publishScreenshot('13-pool', 'screenshot-pool.png');

    await page.getByLabel('Stratify by').selectOption('segment');
    await expect.poll(() => strat.textContent()).toContain('Self-employed');
    // Sorting by balance % puts the largest segment last when ascending.
    await page.getByRole('button', { name: 'Balance %' }).click();
    const firstCell = await strat.locator('tbody tr').first().locator('td').first().textContent();
    expect(firstCell).toContain('Gig');
    await browser.screenshot('14-pool-segment');
    expect(browser.pageErrors).toEqual([]);
  });

  it('custom bucket edges redraw the strat', async () => {
    const { page } = browser;
    await page.getByLabel('Stratify by').selectOption('rate');
    const edges = page.getByLabel('Bucket edges');
    await expect.poll(() => edges.inputValue()).toBe('0, 8, 10, 12, 15, 18, 21, 24');
    await edges.fill('0, 12, 18');
    await page.getByRole('button', { name: 'Apply' }).click();
    const strat = page.getByTestId('strat-table');
    await expect.poll(() => strat.locator('tbody tr').count()).toBe(3);
    expect(await strat.textContent()).toContain('≥ 18%');
  });
});
