import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealTemplate, GridResult, JobInfo, ScenarioSetRunResult, StoredRun } from '../../service/api/contract.ts';
import { dismissNotifications, openArea, openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { invokeApi, startWebServer, type WebServer } from '../helpers/web.ts';

/**
 * Stored sweeps on the Runs screen in Chromium over the HTTP transport: a grid and a scenario set
 * run through the API are listed with their kind and key figures, and reopen as tables — the
 * grid's loss % per cell equal to the stored result, the set's figures per scenario.
 */

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-sweeps-'));
  server = await startWebServer(['--db', join(dir, 'sweeps.sqlite')]);
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

/** The texts of the stored scenario set's column, found by its header. */
async function columnTexts(header: string): Promise<string[]> {
  const table = browser.page.getByTestId('stored-scenarios-table');
  const headers = await table.locator('thead th').allTextContents();
  const index = headers.findIndex((h) => h.startsWith(header));
  expect(index, `no column "${header}" in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
  return table.locator(`tbody tr td:nth-child(${index + 1})`).allTextContents();
}

/** Yuan as the screens write them: ¥, 2 decimals, grouped by thousands. */
const yuan = (x: number): string => `¥${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

async function finish(job: JobInfo): Promise<void> {
  await expect.poll(async () => (await api<JobInfo>('job.get', { id: job.id })).state, { timeout: 90_000 }).toBe('succeeded');
}

describe('stored sweeps on the Runs screen', () => {
  it('lists a grid and a scenario set and reopens each as a table of its figures', async () => {
    const { page } = browser;
    const consumer = (await api<DealTemplate[]>('deal.templates', {})).find((t) => t.id === 'cn-consumer-revolving');
    await finish(await api<JobInfo>('deal.grid', { deal: consumer?.deal, rows: { parameter: 'defaultMult', values: [1, 4] }, columns: { parameter: 'prepayMult', values: [0.5, 1.5] } }));
    const set = JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'scenarios', 'cn-consumer-revolving.json'), 'utf8')) as { scenarios: unknown[] };
    await finish(await api<JobInfo>('deal.runScenarios', { deal: consumer?.deal, scenarios: { ...set, scenarios: set.scenarios.slice(0, 3) } }));

    await page.goto(server.url);
    await openArea(page, 'Runs');
    const rows = page.getByTestId('runs-table').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => rows.nth(0).textContent()).toContain('Scenario set');
    expect(await rows.nth(0).textContent()).toContain('Scenarios: 3');
    expect(await rows.nth(1).textContent()).toContain('Cells (defaultMult × prepayMult): 4');

    await rows.nth(1).getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.getByTestId('stored-run-caption').textContent(), { timeout: 10_000 }).toMatch(/^Run #1 · Grid · “Grid defaultMult × prepayMult — /);
    const stored = await api<StoredRun>('runs.get', { id: 1 });
    const grid = (stored.result as { grid: GridResult }).grid;
    // The subordinate note's row at 4× defaults: its two cells' loss % as stored (two decimals, as the table prints them).
    const sub = grid.notes.at(-1);
    const table = page.getByTestId(`stored-grid-${sub?.id ?? ''}`);
    const cells = await table.locator('tbody tr').nth(1).locator('td').allTextContents();
    const expected = (grid.cells[1] ?? []).map((cell) => `${((cell.notes.at(-1)?.lossRate ?? 0) * 100).toFixed(2)}%`);
    expect(cells.slice(1, 3)).toEqual(expected);
    // Principal lost from the smallest prepayment multiple on the 4× row: 0.5.
    expect(cells[3]).toBe('0.5');
    await dismissNotifications(page);
    await page.getByTestId('stored-grid').scrollIntoViewIfNeeded();
    await browser.screenshot('runs-grid');

    await rows.nth(0).getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.getByTestId('stored-run-caption').textContent(), { timeout: 10_000 }).toMatch(/^Run #2 · Scenario set/);
    const names = await page.getByTestId('stored-scenarios-table').locator('tbody tr td:first-child').allTextContents();
    expect(names).toEqual(['Base', 'Stress 1.5x', 'Stress 2x']);
    // The consumer template states currency CNY: the set's amounts read in yuan, as on the Deal and Compare screens.
    const set2 = (await api<StoredRun>('runs.get', { id: 2 })).result as { scenarios: ScenarioSetRunResult };
    expect(await columnTexts('Reserve draws')).toEqual(set2.scenarios.scenarios.map((s) => yuan(s.reserveDraws)));
    const senior = set2.scenarios.scenarios[0]?.tranches[0];
    expect(await columnTexts(`${senior?.name ?? ''} interest shortfall`)).toEqual(set2.scenarios.scenarios.map((s) => yuan(s.tranches[0]?.interestShortfall ?? NaN)));
    expect(await page.getByTestId('stored-scenarios').locator('p').first().textContent()).toContain(`pool balance ${yuan(set2.scenarios.poolBalance)} (deal currency)`);
    await page.getByTestId('stored-scenarios').scrollIntoViewIfNeeded();
    await browser.screenshot('runs-scenarios');

    // A 1 × 1 grid and a set of one scenario say their count in the singular ("1 cells", "1 scenarios" before).
    await finish(await api<JobInfo>('deal.grid', { deal: consumer?.deal, rows: { parameter: 'defaultMult', values: [2] }, columns: { parameter: 'prepayMult', values: [1] } }));
    await finish(await api<JobInfo>('deal.runScenarios', { deal: consumer?.deal, scenarios: { ...set, scenarios: set.scenarios.slice(0, 1) } }));
    await page.reload();
    await openArea(page, 'Runs');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(4);
    await rows.nth(1).getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.getByTestId('stored-run-caption').textContent(), { timeout: 10_000 }).toMatch(/^Run #3 · Grid/);
    expect(await page.getByTestId('stored-grid').locator('p').first().textContent()).toMatch(/ · 1 cell in /);
    await rows.nth(0).getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.getByTestId('stored-run-caption').textContent(), { timeout: 10_000 }).toMatch(/^Run #4 · Scenario set/);
    expect(await page.getByTestId('stored-scenarios').locator('p').first().textContent()).toMatch(/ \(deal currency\) · 1 scenario in /);
    expect(browser.pageErrors).toEqual([]);
  }, 240_000);
});
