import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealRunResult, DealTemplate, GridResult, JobInfo, MonteCarloResult, RunRecord, StoredRun } from '../../service/api/contract.ts';
import { dismissNotifications, openArea, openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { invokeApi, startWebServer, type WebServer } from '../helpers/web.ts';

/**
 * Compare's stored runs in Chromium over the HTTP transport: two deal runs (base and 3× defaults)
 * side by side with the stressed cells marked as differing and their charts overlaid on the API's
 * payment dates; a grid as loss and WAL heatmaps with the breakeven frontier where its cells say;
 * a Monte Carlo as histograms with expected loss, P(loss) and percentiles beside them.
 */

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-compare-stored-'));
  server = await startWebServer(['--db', join(dir, 'compare-stored.sqlite')]);
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

async function finish(job: JobInfo): Promise<void> {
  await expect.poll(async () => (await api<JobInfo>('job.get', { id: job.id })).state, { timeout: 120_000, interval: 250 }).toBe('succeeded');
}

const pct = (x: number, digits = 2): string => `${(x * 100).toFixed(digits)}%`;

/** Ticks of a chart's x axis, as drawn. */
const xTicks = (testId: string): Promise<string[]> => browser.page.getByTestId(testId).locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();

/** An amount as the screens write it: the currency's sign, 2 decimals, grouped by thousands. */
const money = (sign: string, x: number): string => `${sign}${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
/** A deal run's reserve draws over its life: the periods' draws summed, to the cent (stored-columns.ts rowOfDealRun). */
const draws = (run: DealRunResult): number => Math.round(run.periods.reduce((sum, p) => sum + (p.reserve?.draws ?? 0), 0) * 100) / 100;

async function pick(id: number): Promise<void> {
  await browser.page
    .getByTestId('stored-run-picker')
    .getByRole('checkbox', { name: new RegExp(`^#${id} `) })
    .check();
}
async function unpick(id: number): Promise<void> {
  await browser.page
    .getByTestId('stored-run-picker')
    .getByRole('checkbox', { name: new RegExp(`^#${id} `) })
    .uncheck();
}

describe('Compare: stored runs', () => {
  let runs: RunRecord[];

  it('puts two stored deal runs side by side, marks what the stress changed, and overlays them on payment dates', async () => {
    const { page } = browser;
    const deal = (await api<DealTemplate[]>('deal.templates', {})).find((t) => t.id === 'cn-consumer-revolving')?.deal;
    await finish(await api<JobInfo>('deal.run', { deal }));
    await finish(await api<JobInfo>('deal.run', { deal, scenarioOverrides: { defaultMultiplier: 3 } }));
    await finish(await api<JobInfo>('deal.grid', { deal, rows: { parameter: 'defaultMult', values: [1, 2, 3, 4] }, columns: { parameter: 'prepayMult', values: [0.5, 1, 1.5] } }));
    await finish(await api<JobInfo>('deal.monteCarlo', { deal, distribution: { kind: 'lognormal', mean: 0.08, cv: 0.6 }, paths: 300, seed: 11 }));
    runs = [...(await api<RunRecord[]>('runs.list', {}))].sort((a, b) => a.id - b.id);
    expect(runs.map((r) => r.kind)).toEqual(['deal', 'deal', 'grid', 'monte-carlo']);
    const dealRunOf = async (id: number): Promise<DealRunResult> => ((await api<StoredRun>('runs.get', { id })).result as { run: DealRunResult }).run;
    const baseRun = await dealRunOf(1);
    const stressedRun = await dealRunOf(2);

    await page.goto(server.url);
    await openArea(page, 'Compare');
    await page.locator('.stored-runs-panel > summary').click();
    await expect.poll(() => page.getByTestId('stored-run-picker').getByRole('checkbox').count(), { timeout: 10_000 }).toBe(4);
    await pick(1);
    await pick(2);
    const table = page.getByTestId('stored-compare-table');
    await expect.poll(() => table.count(), { timeout: 20_000 }).toBe(1);
    const headers = await table.locator('thead th').allTextContents();
    expect(headers).toEqual(['Note', 'Figure (unit, convention)', `#1 ${runs[0]?.name}`, `#2 ${runs[1]?.name}`]);

    // The subordinate note's loss: the API's, and the stressed cell marked with the difference in percentage points.
    const sub = [...baseRun.tranches].sort((a, b) => b.seniority - a.seniority)[0];
    const lossRow = table.locator(`tr[data-key="${sub?.id}:loss"] td`);
    const [baseLoss, stressLoss] = [baseRun, stressedRun].map((r) => r.tranches.find((t) => t.id === sub?.id)?.lossRate ?? NaN);
    expect((await lossRow.allTextContents()).slice(2)).toEqual([pct(baseLoss ?? NaN), pct(stressLoss ?? NaN)]);
    const cdrCells = table.locator('tr[data-key="pool:cdr"] td');
    expect(await cdrCells.nth(2).getAttribute('class')).toBe('num');
    expect(await cdrCells.nth(3).getAttribute('class')).toBe('num differs');
    const baseCdr = baseRun.cumulativeDefaultRate.at(-1) ?? NaN;
    const stressCdr = stressedRun.cumulativeDefaultRate.at(-1) ?? NaN;
    expect(await cdrCells.nth(3).getAttribute('data-difference')).toBe(`+${((stressCdr - baseCdr) * 100).toFixed(2)} pp`);

    // Overlaid charts: one line per run, on the payment dates the API gave (ISO), drawn (a real path).
    const chart = 'overlay-cumulative-default';
    await expect.poll(() => page.getByTestId(chart).locator('.recharts-line-curve').count(), { timeout: 10_000 }).toBe(2);
    const d = await page.getByTestId(chart).locator('.recharts-line-curve').first().getAttribute('d');
    expect(d?.length ?? 0).toBeGreaterThan(50);
    // Each tick is a payment date of one of the runs (the stressed run pays for longer: the axis is their union).
    const dates = new Set([...baseRun.periods, ...stressedRun.periods].map((p) => p.paymentDate));
    const ticks = await xTicks(chart);
    expect(ticks.length).toBeGreaterThan(2);
    for (const tick of ticks) expect(dates.has(tick), tick).toBe(true);
    for (const note of baseRun.tranches) expect(await page.getByTestId(`overlay-balance-${note.id}`).locator('.recharts-line-curve').count()).toBe(2);

    await dismissNotifications(page);
    await table.scrollIntoViewIfNeeded();
    await browser.screenshot('compare-stored-runs');
    await page.getByTestId(chart).scrollIntoViewIfNeeded();
    await browser.screenshot('compare-stored-overlay');
    expect(browser.pageErrors).toEqual([]);
  }, 300_000);

  it('shows a stored grid as loss and WAL heatmaps, the breakeven frontier on the first losing cell of each row', async () => {
    const { page } = browser;
    await unpick(1);
    await unpick(2);
    await pick(3);
    await expect.poll(() => page.getByTestId('grid-heatmaps').count(), { timeout: 20_000 }).toBe(1);
    const grid = ((await api<StoredRun>('runs.get', { id: 3 })).result as { grid: GridResult }).grid;
    for (const [n, note] of grid.notes.entries()) {
      const loss = page.getByTestId(`heatmap-loss-${note.id}`);
      const wal = page.getByTestId(`heatmap-wal-${note.id}`);
      expect(await loss.locator('thead th').allTextContents()).toEqual(['default curve multiplier (×) ↓ / prepayment multiplier (×) →', '0.5', '1', '1.5']);
      for (const [i, row] of grid.cells.entries()) {
        const lossCells = loss.locator('tbody tr').nth(i).locator('td');
        // To 2 decimals, as the Deal screen's grid, the Excel report and the pack show the same cells.
        expect(await lossCells.allTextContents()).toEqual(row.map((c) => pct(c.notes[n]?.lossRate ?? NaN, 2)));
        expect(await wal.locator('tbody tr').nth(i).locator('td').allTextContents()).toEqual(row.map((c) => c.notes[n]?.walYears?.toFixed(2) ?? '—'));
        // The frontier, read from the cells themselves: the first column (smallest prepayment multiple) whose note lost principal.
        const first = row.findIndex((c) => c.notes[n]?.principalLost === true);
        const marked = await lossCells.evaluateAll((tds) => tds.map((td, j) => (td.classList.contains('frontier-principal') ? j : -1)).filter((j) => j >= 0));
        expect(marked).toEqual(first < 0 ? [] : [first]);
      }
      expect(await loss.getByTestId('heat-legend').textContent()).toContain('0%');
      expect(await loss.getByTestId('heat-legend').textContent()).toContain('100%');
    }
    // The consumer template's subordinate note loses principal somewhere on this grid (docs/scenarios.md: from Stress 2×).
    expect(await page.locator('td.frontier-principal').count()).toBeGreaterThan(0);
    await dismissNotifications(page);
    await page.getByTestId('grid-heatmaps').scrollIntoViewIfNeeded();
    await browser.screenshot('compare-grid-heatmaps');
    expect(browser.pageErrors).toEqual([]);
  }, 60_000);

  it('shows a stored Monte Carlo as the pool’s and each note’s loss histogram with expected loss, P(loss) and percentiles beside', async () => {
    const { page } = browser;
    await unpick(3);
    await pick(4);
    await expect.poll(() => page.getByTestId('mc-compare').count(), { timeout: 20_000 }).toBe(1);
    const mc = ((await api<StoredRun>('runs.get', { id: 4 })).result as { monteCarlo: MonteCarloResult }).monteCarlo;
    await expect.poll(() => page.getByTestId('mc-compare-pool').locator('.recharts-bar-rectangle').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const figures = page.getByTestId('mc-compare').getByTestId('mc-figures');
    expect(await figures.count()).toBe(mc.notes.length + 1);
    expect(await figures.first().textContent()).toContain(pct(mc.pool.meanNetLoss, 3));
    for (const [k, note] of mc.notes.entries()) {
      const text = (await figures.nth(k + 1).textContent()) ?? '';
      expect(text).toContain(`Expected loss${pct(note.expectedLoss, 3)}`);
      expect(text).toContain(`P(loss)${pct(note.probabilityOfLoss, 1)}`);
      expect(text).toContain(`${pct(note.percentiles.p95)} / ${pct(note.percentiles.p99)}`);
      // Paths per bin add up to the paths run.
      expect(note.histogram.reduce((sum, b) => sum + b.paths, 0)).toBe(300);
    }
    await dismissNotifications(page);
    await page.getByTestId('mc-compare').scrollIntoViewIfNeeded();
    await browser.screenshot('compare-monte-carlo');
    expect(browser.pageErrors).toEqual([]);
  }, 60_000);

  it('writes each stored run’s amounts in its own deal’s currency: a yuan deal’s run beside a dollar deal’s', async () => {
    const { page } = browser;
    // The US auto template states currency USD (templates/deals/us-auto-oc-turbo.json); run 1 is the consumer template's, CNY.
    const us = (await api<DealTemplate[]>('deal.templates', {})).find((t) => t.id === 'us-auto-oc-turbo')?.deal;
    expect(us?.currency).toBe('USD');
    await finish(await api<JobInfo>('deal.run', { deal: us, scenarioOverrides: { defaultMultiplier: 4 } }));
    const usId = Math.max(...(await api<RunRecord[]>('runs.list', {})).map((r) => r.id));
    const dealRunOf = async (id: number): Promise<DealRunResult> => ((await api<StoredRun>('runs.get', { id })).result as { run: DealRunResult }).run;
    const [cn, dollar] = [await dealRunOf(1), await dealRunOf(usId)];

    await page.goto(server.url);
    await page.reload();
    await openArea(page, 'Compare');
    await page.locator('.stored-runs-panel > summary').click();
    await expect.poll(() => page.getByTestId('stored-run-picker').getByRole('checkbox').count(), { timeout: 10_000 }).toBe(5);
    await pick(1);
    await pick(usId);
    const table = page.getByTestId('stored-compare-table');
    await expect.poll(() => table.count(), { timeout: 20_000 }).toBe(1);
    const cells = async (key: string): Promise<string[]> => (await table.locator(`tr[data-key="${key}"] td`).allTextContents()).slice(2);
    // The pool's net loss (defaults − recoveries, the last period's) and reserve draws over the life, each in its deal's sign.
    expect(await cells('pool:cnl')).toEqual([money('¥', cn.cumulativeNetLoss.at(-1) ?? NaN), money('$', dollar.cumulativeNetLoss.at(-1) ?? NaN)]);
    expect(await cells('pool:reserve')).toEqual([money('¥', draws(cn)), money('$', draws(dollar))]);
    // The rows of the first run's notes (by id: both deals have a class A): each shortfall in its own deal's currency.
    const senior = [...cn.tranches].sort((a, b) => a.seniority - b.seniority)[0];
    const namesake = dollar.tranches.find((t) => t.id === senior?.id);
    expect(namesake).toBeDefined();
    expect(await cells(`${senior?.id}:shortfall`)).toEqual([money('¥', senior?.interestShortfall ?? NaN), money('$', namesake?.interestShortfall ?? NaN)]);
    // Yuan and dollars are not subtracted: the dollar cell says what the first column reads.
    const dollarCell = table.locator('tr[data-key="pool:cnl"] td').nth(3);
    expect(await dollarCell.getAttribute('data-difference')).toBe(`${money('¥', cn.cumulativeNetLoss.at(-1) ?? NaN)} in the first column`);
    await dismissNotifications(page);
    await table.scrollIntoViewIfNeeded();
    await browser.screenshot('compare-stored-currencies');
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);
});
