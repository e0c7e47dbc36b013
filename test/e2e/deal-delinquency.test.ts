import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealRunResult, DealTemplate, JobInfo } from '../../service/api/contract.ts';
import { dismissNotifications, openArea, openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { invokeApi, startWebServer, type WebServer } from '../helpers/web.ts';

/**
 * The delinquency pipeline on the Deal screen, as on Results: the consumer revolving template's run
 * stacks the pool by delinquency state (current, 1–30, 31–60, 61–90, 91–180 dpd) with 逾期总额, on
 * the API's payment dates, in Chromium at 1366×768.
 */

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-dq-'));
  server = await startWebServer(['--db', join(dir, 'dq.sqlite')]);
  browser = await openBrowser();
  await browser.page.setViewportSize({ width: 1366, height: 768 });
}, 60_000);

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function runOverApi(): Promise<DealRunResult> {
  const deals = await invokeApi<DealTemplate[]>(server, 'deal.templates', {});
  const deal = deals.find((d) => d.id === 'cn-consumer-revolving')?.deal;
  const job = await invokeApi<JobInfo>(server, 'deal.run', { deal });
  await expect.poll(async () => (await invokeApi<JobInfo>(server, 'job.get', { id: job.id })).state, { timeout: 60_000, interval: 250 }).toBe('succeeded');
  const done = await invokeApi<JobInfo>(server, 'job.get', { id: job.id });
  if (done.result?.kind !== 'deal.run') throw new Error('not a deal run');
  return done.result.run;
}

/** The pipeline chart's stacked areas (name and drawn size), the 逾期总额 line, the x tick texts and the legend. */
async function pipeline(page: BrowserSession['page']) {
  return page.getByTestId('chart-deal-delinquency').evaluate((figure) => {
    const areas = [...figure.querySelectorAll('.recharts-area')].map((g) => {
      const path = g.querySelector('path.recharts-area-area');
      const box = path?.getBoundingClientRect();
      return { width: box?.width ?? 0, height: box?.height ?? 0, d: path?.getAttribute('d')?.length ?? 0 };
    });
    const lines = [...figure.querySelectorAll('.recharts-line path.recharts-curve')].filter((el) => el.getBoundingClientRect().width > 50).length;
    const xTicks = [...figure.querySelectorAll('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')].map((el) => el.textContent ?? '');
    const legend = [...figure.querySelectorAll('.recharts-legend-item-text')].map((el) => el.textContent ?? '');
    const yTicks = [...figure.querySelectorAll('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')].map((el) => el.textContent ?? '');
    return { areas, lines, xTicks, legend, yTicks };
  });
}

/** The highest money tick, read back from its K/M/B scale word (headless Chromium is en-US). */
function axisTop(ticks: readonly string[]): number {
  const scale: Record<string, number> = { '': 1, K: 1e3, M: 1e6, B: 1e9 };
  return Math.max(
    ...ticks.map((t) => {
      const m = /^(-?[\d.,]+)([KMB]?)$/.exec(t.trim());
      if (m === null) throw new Error(`money tick ${t}`);
      return Number((m[1] ?? '').replaceAll(',', '')) * (scale[m[2] ?? ''] ?? 1);
    }),
  );
}

describe('the delinquency pipeline on the Deal screen', () => {
  it('stacks the consumer template’s pool by state with 逾期总额 on the API’s payment dates', async () => {
    const { page } = browser;
    const api = await runOverApi();
    // The API carries every state per period, adding up to the pool balance.
    expect(api.delinquencyStateBasis).toBe('rollRate');
    for (const p of api.periods) {
      const s = p.pool.delinquencyStates;
      if (s === undefined) throw new Error(`period ${p.period} has no states`);
      expect(Math.round((s.current + s.dpd1_30 + s.dpd31_60 + s.dpd61_90 + s.dpd91_180) * 100)).toBe(Math.round(p.pool.endingBalance * 100));
    }

    await page.goto(server.url);
    await openArea(page, 'Deal');
    await expect.poll(() => page.getByLabel('Deal', { exact: true }).inputValue(), { timeout: 10_000 }).toBe('cn-consumer-revolving');
    const run = page.getByRole('button', { name: 'Run', exact: true });
    await expect.poll(() => run.isEnabled(), { timeout: 20_000 }).toBe(true);
    await run.click();
    await expect.poll(() => page.getByTestId('deal-run').getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');
    const chart = page.getByTestId('chart-deal-delinquency');
    await expect.poll(() => chart.locator('.recharts-area').count(), { timeout: 30_000 }).toBe(5);
    await chart.scrollIntoViewIfNeeded();

    const drawn = await pipeline(page);
    expect(drawn.legend).toEqual(['Current', '1–30 dpd', '31–60 dpd', '61–90 dpd', '91–180 dpd', '逾期总额 overdue principal + interest']);
    // Five stacked areas across the plot (wider than 300 px of the 1366 px page), current the tallest.
    for (const area of drawn.areas) {
      expect(area.width).toBeGreaterThan(300);
      expect(area.d).toBeGreaterThan(100);
    }
    expect(drawn.areas[0]?.height ?? 0).toBeGreaterThan(100);
    expect(drawn.lines).toBe(1); // 逾期总额
    // Ticks are the API's payment dates (ISO), never period numbers.
    expect(drawn.xTicks.length).toBeGreaterThan(2);
    for (const tick of drawn.xTicks) expect(api.periods.map((p) => p.paymentDate)).toContain(tick);

    await dismissNotifications(page);
    await page.mouse.move(0, 0);
    await browser.screenshot('deal-delinquency-pipeline');

    // Hiding current loans rescales the money axis to the delinquent buckets: its top falls to a
    // fraction of the pool's (the consumer template's delinquent share is a few percent).
    await chart.getByLabel('Delinquent buckets only').check();
    await expect.poll(() => chart.locator('.recharts-area').count()).toBe(4);
    const delinquent = await pipeline(page);
    expect(delinquent.legend[0]).toBe('1–30 dpd');
    expect(axisTop(delinquent.yTicks)).toBeLessThan(axisTop(drawn.yTicks) / 5);
    expect(delinquent.areas.every((a) => a.width > 300)).toBe(true);
    await browser.screenshot('deal-delinquency-pipeline-delinquent');
    expect(browser.pageErrors).toEqual([]);
  });
});
