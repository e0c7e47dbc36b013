import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssumptionSetRecord } from '../../service/api/contract.ts';
import { dismissNotifications, openArea, openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { generateStaticPool, writeLongCsv } from '../helpers/static-pool-generator.ts';
import { invokeApi, startWebServer, type WebServer } from '../helpers/web.ts';

/**
 * Assumptions ▸ Import static pool in Chromium over the HTTP transport: upload a generated
 * 静态池 (36 vintages, lifetime default 4% ± 10%), see the vintages charted with the fitted curve
 * and the fit errors, save the fit as an assumption set that names its source.
 */
let dir: string;
let server: WebServer;
let browser: BrowserSession;
let poolFile: string;

const TIMING = [0, 0, 2, 4, 6, 8, 9, 10, 10, 9, 8, 7, 6, 5, 5, 4, 4, 3];
const VINTAGES = generateStaticPool(
  {
    lifetimeDefault: 0.04,
    lifetimeSpread: 0.1,
    timingPct: TIMING,
    cprByAge: Array.from({ length: 12 }, (_, i) => 0.06 + (0.12 * i) / 11),
    termMonths: 24,
    rateAnnual: 0.18,
    roll: { current: 0.02, dpd1_30: 0.4, dpd31_60: 0.6 },
  },
  36,
  24,
);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-static-'));
  poolFile = join(dir, '静态池-originator-a.csv');
  writeLongCsv(poolFile, VINTAGES, 2);
  server = await startWebServer(['--db', join(dir, 'static.sqlite')]);
  browser = await openBrowser();
}, 60_000);

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('static pool import in Chromium', () => {
  it('uploads a static pool, charts the vintages with the fitted curve and the fit errors, and saves the set with its source', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await openArea(page, 'Assumptions');
    await page.getByRole('button', { name: 'Import static pool…' }).click();
    await page.getByLabel('Term (months)').fill('24');
    await page.getByLabel('Rate (% APR)').fill('18');
    await page.getByLabel('Static pool files').setInputFiles(poolFile);

    const lifetime = page.getByTestId('static-pool-lifetime');
    await expect.poll(() => lifetime.textContent(), { timeout: 30_000 }).toContain('4.00');
    expect(await page.getByTestId('static-pool-summary').textContent()).toContain('36');
    // 36 vintage lines and the dashed fitted curve.
    const chart = page.getByTestId('static-pool-default-chart');
    await expect.poll(() => chart.locator('.recharts-line').count()).toBe(37);
    expect(await chart.locator('.recharts-line path[stroke-dasharray="6 4"]').count()).toBe(1);
    await expect.poll(() => page.getByTestId('static-pool-cpr-chart').locator('.recharts-line').count()).toBe(1);
    expect(await page.getByTestId('static-pool-vintages').locator('tbody tr').count()).toBe(36);
    expect(await page.getByTestId('static-pool-rmse').textContent()).toMatch(/0\.0\d{3} pp/);
    await page.getByTestId('static-pool-import').scrollIntoViewIfNeeded();
    await browser.screenshot('40-static-pool-fit');

    await page.getByLabel('Static pool set name').fill('Originator A history');
    await page.getByRole('button', { name: 'Save as assumption set' }).click();
    await expect.poll(() => page.getByLabel('Open set').inputValue(), { timeout: 10_000 }).toBe('Originator A history');
    const sets = await invokeApi<AssumptionSetRecord[]>(server, 'assumptions.list', {});
    expect(sets[0]?.assumptions.source).toMatchObject({ kind: 'staticPool', files: ['静态池-originator-a.csv'] });
    expect(sets[0]?.assumptions.pool.defaultTiming?.cumulativeDefaultRate).toBeCloseTo(0.04, 3);
    await expect.poll(() => page.getByTestId('assumption-source').textContent()).toContain('This set was fitted from 静态池-originator-a.csv (36 vintages, 2021-01–2023-12)');
    expect(await page.getByTestId('assumption-source').textContent()).toContain('Its defaults: 4.005% of the cutoff balance over the life');
    await dismissNotifications(page);
    await browser.screenshot('41-static-pool-saved');
    expect(browser.pageErrors).toEqual([]);
  });
});
