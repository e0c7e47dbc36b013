import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridResult, StoredRun } from '../../service/api/contract.ts';
import { dismissNotifications, openArea, openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { invokeApi, startWebServer, type WebServer } from '../helpers/web.ts';

/**
 * The Deal screen's sensitivity grid in Chromium over the HTTP transport: the consumer template on
 * its own lines, defaultMult × prepayMult typed as the CLI writes them, run as a job on 2 workers;
 * per note a loss % and a WAL table whose cells equal the stored grid run's, the frontier's cells
 * marked where the stored frontier says; the link to the Runs screen; a bad axis named; a long grid
 * cancelled with nothing kept.
 */

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-grid-'));
  server = await startWebServer(['--db', join(dir, 'grid.sqlite')]);
  browser = await openBrowser();
}, 60_000);

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the grid panel in Chromium', () => {
  it('runs a 3 × 2 grid and shows per-note loss % and WAL with the frontier marked, stored as a grid run', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await openArea(page, 'Deal');
    const panel = page.getByTestId('grid-panel');
    await expect.poll(() => panel.count(), { timeout: 20_000 }).toBe(1);
    await panel.getByLabel('Rows values').fill('1:8:0.3');
    await expect.poll(() => page.getByTestId('grid-problem').textContent()).toBe('Rows (defaultMult): 1 to 8 is not a whole number of steps of 0.3');
    // A value outside the parameter's range (the service's own) is named under its field before Run, and Run waits.
    await panel.getByLabel('Rows values').fill('-1:2:1');
    await expect.poll(() => page.getByTestId('grid-problem').textContent()).toBe('Rows (defaultMult): value -1 is outside this parameter’s range, 0 to 1000');
    expect(await panel.getByRole('button', { name: 'Run grid' }).isDisabled()).toBe(true);
    const rowValues = panel.getByLabel('Rows values');
    expect(await rowValues.getAttribute('aria-invalid')).toBe('true');
    expect(await rowValues.getAttribute('aria-describedby')).toBe(await page.getByTestId('grid-problem').getAttribute('id'));
    await panel.getByLabel('Rows values').fill('1,4,8');
    await panel.getByLabel('Columns parameter').selectOption('prepayMult');
    await panel.getByLabel('Columns values').fill('0.5:1.5:1');
    await panel.getByLabel('Workers').fill('2');
    await panel.getByRole('button', { name: 'Run grid' }).click();
    await expect.poll(() => page.getByTestId('grid-result').count(), { timeout: 120_000 }).toBe(1);
    expect(await page.getByTestId('grid-caption').textContent()).toContain('6 cells in');

    // Stored as run #1 (the workspace was empty); the link goes to the Runs screen.
    const note = page.getByTestId('grid-result').getByTestId('store-note');
    expect(await note.textContent()).toBe('Stored as run #1');
    const grid = (await invokeApi<StoredRun>(server, 'runs.get', { id: 1 })).result as { grid: GridResult };
    expect(grid.grid.rows).toEqual({ parameter: 'defaultMult', values: [1, 4, 8] });
    expect(grid.grid.columns).toEqual({ parameter: 'prepayMult', values: [0.5, 1.5] });

    for (const [n, gridNote] of grid.grid.notes.entries()) {
      const loss = await page
        .getByTestId(`grid-loss-${gridNote.id}`)
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
      const wal = await page
        .getByTestId(`grid-wal-${gridNote.id}`)
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
      const frontier = grid.grid.frontier[n];
      grid.grid.cells.forEach((row, i) => {
        // Each cell as the stored run has it: loss % with two decimals, WAL in years with two; the frontier's cell carries its mark.
        const marks = (c: number): string => `${frontier?.principalLoss[i] === c ? '■' : ''}${frontier?.timelyInterest[i] === c ? '◆' : ''}`;
        const mark = (c: number, text: string): string => (marks(c) === '' ? text : `${marks(c)} ${text}`);
        expect(loss[i]).toEqual([String(grid.grid.rows.values[i]), ...row.map((cell, j) => mark(grid.grid.columns.values[j] ?? NaN, `${((cell.notes[n]?.lossRate ?? NaN) * 100).toFixed(2)}%`))]);
        expect(wal[i]).toEqual([String(grid.grid.rows.values[i]), ...row.map((cell, j) => mark(grid.grid.columns.values[j] ?? NaN, cell.notes[n]?.walYears?.toFixed(2) ?? '—'))]);
      });
    }
    // The stress reaches the subordinate note: at 8× defaults it loses principal, so its frontier is marked on that row.
    const sub = grid.grid.notes.at(-1);
    expect(grid.grid.frontier.at(-1)?.principalLoss[2]).not.toBeNull();
    expect(
      await page
        .getByTestId(`grid-loss-${sub?.id ?? ''}`)
        .locator('[data-frontier~="principal"]')
        .count(),
    ).toBeGreaterThan(0);

    await dismissNotifications(page);
    await page.getByTestId('grid-panel').scrollIntoViewIfNeeded();
    await browser.screenshot('deal-grid');

    await note.getByRole('link', { name: 'run #1' }).click();
    await expect.poll(() => page.getByTestId('runs-table').locator('tbody tr').first().textContent(), { timeout: 10_000 }).toContain('Cells (defaultMult × prepayMult): 6');
    expect(browser.pageErrors).toEqual([]);
  }, 180_000);

  it('cancels a long grid: the progress goes, the earlier result stays, nothing new is stored', async () => {
    const { page } = browser;
    await openArea(page, 'Deal');
    const panel = page.getByTestId('grid-panel');
    await expect.poll(() => panel.count(), { timeout: 20_000 }).toBe(1);
    await dismissNotifications(page);
    await panel.getByLabel('Rows values').fill('0.5:100:0.5');
    await panel.getByLabel('Columns values').fill('0.25:10:0.25');
    await panel.getByRole('button', { name: 'Run grid' }).click();
    await expect.poll(() => panel.getByTestId('job-progress').count(), { timeout: 20_000 }).toBe(1);
    await panel.getByRole('button', { name: 'Cancel grid' }).click();
    await expect.poll(() => panel.getByTestId('job-progress').count(), { timeout: 20_000 }).toBe(0);
    expect(await page.getByTestId('grid-caption').textContent()).toContain('6 cells in');
    await expect.poll(() => page.getByTestId('grid-out-of-date').count()).toBe(1);
    expect((await invokeApi<{ id: number }[]>(server, 'runs.list', {})).map((run) => run.id)).toEqual([1]);
  }, 60_000);

  it('in Chinese, names a value out of range under its field and keeps Run disabled', async () => {
    const { page } = browser;
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    const panel = page.getByTestId('grid-panel');
    await panel.getByLabel('行取值').fill('2000');
    await expect.poll(() => page.getByTestId('grid-problem').textContent()).toBe('行（defaultMult）：取值 2000 超出该参数的范围 0 到 1000');
    expect(await panel.getByRole('button', { name: '运行网格' }).isDisabled()).toBe(true);
    await panel.getByLabel('行取值').fill('1,2');
    await expect.poll(() => page.getByTestId('grid-problem').count()).toBe(0);
    expect(await panel.getByRole('button', { name: '运行网格' }).isDisabled()).toBe(false);
  }, 60_000);
});
