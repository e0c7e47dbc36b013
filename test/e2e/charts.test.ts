import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealRunResult, DealTemplate, JobInfo } from '../../service/api/contract.ts';
import { dismissNotifications, openArea, openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { invokeApi, startWebServer, type WebServer } from '../helpers/web.ts';
import { expectChineseMoneyAxis, expectDelinquentOnlyAxis } from '../helpers/axis-ticks.ts';

/**
 * The Deal screen's charts in Chromium at 1366×768: every chart plots data (SVG shapes with real
 * size, not an empty surface), time axes read payment dates (ISO), money axes use the locale's
 * scale words, and the period table shows the numbers the API returns for the same run.
 */

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-charts-'));
  server = await startWebServer(['--db', join(dir, 'charts.sqlite')]);
  browser = await openBrowser();
  await browser.page.setViewportSize({ width: 1366, height: 768 });
}, 60_000);

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The consumer template on its own lines, over the API, as the screen runs it. */
async function runOverApi(): Promise<DealRunResult> {
  const deals = await invokeApi<DealTemplate[]>(server, 'deal.templates', {});
  const deal = deals.find((d) => d.id === 'cn-consumer-revolving')?.deal;
  const job = await invokeApi<JobInfo>(server, 'deal.run', { deal });
  await expect.poll(async () => (await invokeApi<JobInfo>(server, 'job.get', { id: job.id })).state, { timeout: 60_000, interval: 250 }).toBe('succeeded');
  const done = await invokeApi<JobInfo>(server, 'job.get', { id: job.id });
  if (done.result?.kind !== 'deal.run') throw new Error('not a deal run');
  return done.result.run;
}

/** What a chart drew: lines and areas wider than 50 px, bars at least 1 px tall, axis tick texts, reference lines. */
async function plotted(testId: string): Promise<{ curves: number; bars: number; xTicks: string[]; yTicks: string[]; references: number }> {
  return browser.page.getByTestId(testId).evaluate((figure) => {
    const curves = [...figure.querySelectorAll('path.recharts-curve, path.recharts-area-area')].filter((el) => el.getBoundingClientRect().width > 50 && (el.getAttribute('d') ?? '').length > 20);
    const bars = [...figure.querySelectorAll('.recharts-bar-rectangle path, path.recharts-rectangle')].filter((el) => el.getBoundingClientRect().height >= 1 && el.getBoundingClientRect().width >= 1);
    const ticks = (axis: string): string[] => [...figure.querySelectorAll(`.recharts-${axis}-tick-labels .recharts-cartesian-axis-tick-value`)].map((el) => el.textContent ?? '');
    return { curves: curves.length, bars: bars.length, xTicks: ticks('xAxis'), yTicks: ticks('yAxis'), references: figure.querySelectorAll('.recharts-reference-line').length };
  });
}

describe('the charts an analyst reads first, in Chromium', () => {
  it('plots notes, liquidity, coverage, losses and delinquency over payment dates for the consumer template', async () => {
    const { page } = browser;
    const api = await runOverApi();
    await page.goto(server.url);
    await openArea(page, 'Deal');
    await expect.poll(() => page.getByLabel('Deal', { exact: true }).inputValue(), { timeout: 10_000 }).toBe('cn-consumer-revolving');
    const run = page.getByRole('button', { name: 'Run', exact: true });
    await expect.poll(() => run.isEnabled(), { timeout: 20_000 }).toBe(true);
    await run.click();
    await expect.poll(() => page.getByTestId('deal-run-caption').count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('deal-run').getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');

    const notes = api.tranches.length;
    const expectations: Record<string, { curves: number; bars: number }> = {
      'chart-note-balances': { curves: notes, bars: 0 }, // one stacked area per class
      'chart-note-payments': { curves: 0, bars: api.periods.length }, // at least a bar a date
      'chart-liquidity': { curves: 1, bars: api.periods.length * 2 }, // reserve line; collections and senior due each date
      'chart-coverage': { curves: 2, bars: 0 },
      'chart-losses': { curves: 3, bars: 0 }, // default rate, net loss, the cdr trigger's stepped threshold
      'chart-dq90': { curves: 2, bars: 0 }, // the 90+ ratio and the dq90 threshold
      'chart-deal-delinquency': { curves: 1, bars: 0 },
    };
    for (const [testId, least] of Object.entries(expectations)) {
      await page.getByTestId(testId).scrollIntoViewIfNeeded();
      const drawn = await plotted(testId);
      expect(drawn.curves, `${testId}: curves`).toBeGreaterThanOrEqual(least.curves);
      expect(drawn.bars, `${testId}: bars`).toBeGreaterThanOrEqual(least.bars);
      // Time axes read ISO payment dates from the run, never period numbers.
      expect(drawn.xTicks.length, `${testId}: x ticks`).toBeGreaterThan(1);
      for (const tick of drawn.xTicks) expect(api.periods.map((p) => p.paymentDate)).toContain(tick);
    }
    // Money axes in the browser's locale (headless Chromium: en-US): K/M/B scale words.
    const balanceTicks = (await plotted('chart-note-balances')).yTicks;
    expect(
      balanceTicks.some((t) => /^\d+(\.\d)?M$/.test(t)),
      balanceTicks.join(' '),
    ).toBe(true);
    // The coverage chart marks 1.0× and a breached trigger its first breach date.
    expect((await plotted('chart-coverage')).references).toBe(1);
    const breached = Object.values(api.triggerFirstBreach).filter((p) => p !== null).length;
    const marks = (await plotted('chart-losses')).references + (await plotted('chart-dq90')).references;
    expect(marks).toBe(breached);

    // The period table shows what the API returned, to the cent, in the deal's currency (the template states CNY: ¥).
    const table = page.getByTestId('period-table');
    const headers = await table.locator('thead th').allTextContents();
    const cell = async (header: string, row: number): Promise<string> => (await table.locator('tbody tr').nth(row).locator('td').nth(headers.indexOf(header)).textContent()) ?? '';
    const grouped = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const yuan = (x: number): string => `¥${grouped.format(x)}`;
    for (const row of [0, 5, 13]) {
      const p = api.periods[row];
      if (p === undefined) throw new Error(`no period ${row + 1}`);
      expect(await cell('Payment date', row)).toBe(p.paymentDate);
      expect(await cell('Pool ending balance', row)).toBe(yuan(p.pool.endingBalance));
      expect(await cell('Excess spread', row)).toBe(yuan(p.excessSpread));
      expect(await cell('A interest paid', row)).toBe(yuan(p.notes.find((n) => n.id === 'A')?.interestPaid ?? Number.NaN));
    }

    await dismissNotifications(page);
    await page.mouse.move(0, 0); // no tooltip left over the charts
    await page.getByTestId('chart-note-balances').scrollIntoViewIfNeeded();
    await browser.screenshot('charts-notes');
    await page.getByTestId('chart-coverage').scrollIntoViewIfNeeded();
    await browser.screenshot('charts-liquidity');
    await page.getByTestId('chart-dq90').scrollIntoViewIfNeeded();
    await browser.screenshot('charts-losses');
    expect(browser.pageErrors).toEqual([]);
  });

  it('writes every money axis in Chinese in one unit, 万 or 亿, in even round steps', async () => {
    const { page } = browser;
    await page.locator('.language-switch').getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // The stacked charts (note balances, payments, the delinquency pipeline) and the liquidity chart's bars and reserve line.
    for (const testId of ['chart-note-balances', 'chart-note-payments', 'chart-liquidity', 'chart-deal-delinquency']) {
      await page.getByTestId(testId).scrollIntoViewIfNeeded();
      await expectChineseMoneyAxis(page.getByTestId(testId), testId);
    }
    await expectDelinquentOnlyAxis(page.getByTestId('chart-deal-delinquency'), 'chart-deal-delinquency');
    await page.locator('.language-switch').getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(browser.pageErrors).toEqual([]);
  }, 60_000);
});
