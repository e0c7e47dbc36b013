import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS, { type ExcelJSTypes } from '../../data/excel.ts';
import type { RunRecord, StoredRun } from '../../service/api/contract.ts';
import { dismissNotifications, openArea, openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { invokeApi, startWebServer, type WebServer } from '../helpers/web.ts';

/**
 * A scenario set reported from the Reports screen in Chromium: the auto template under its shipped
 * set of seven scenarios; each scenario runs as a stored deal run, the workbook arrives as a
 * download whose comparison sheet holds those runs' numbers, and the runs' investor pack opens.
 */

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-report-set-'));
  server = await startWebServer(['--db', join(dir, 'report-set.sqlite')]);
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

describe('a scenario set on the Reports screen', () => {
  it('runs every scenario as a stored run, downloads their workbook and opens their pack', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await openArea(page, 'Reports');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Reports');
    const panel = page.getByRole('group', { name: 'Scenario set to report' });
    await panel.getByLabel('Deal', { exact: true }).selectOption('us-auto-oc-turbo');
    await panel.getByLabel('Scenario set').selectOption('shipped:us-auto-oc-turbo');
    await expect.poll(() => page.getByTestId('report-set-check').textContent(), { timeout: 20_000 }).toContain('Base, Stress 1.5x, Stress 2x, Stress 3x, Stress 4x, Prepay 0.5x, Prepay 2x');
    const downloaded = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByRole('button', { name: 'Download the set’s Excel report' }).click();
    const download = await downloaded;
    const path = join(dir, 'set.xlsx');
    await download.saveAs(path);
    await expect.poll(() => page.getByTestId('report-set-written').count(), { timeout: 10_000 }).toBe(1);
    await dismissNotifications(page);
    await page.getByTestId('report-set-written').scrollIntoViewIfNeeded();
    await browser.screenshot('reports-scenario-set');

    // Seven stored deal runs (run side by side, so stored in any order); the line names each scenario's run.
    expect((await api<RunRecord[]>('runs.list', {})).filter((r) => r.kind === 'deal').length).toBe(7);
    const written = (await page.getByTestId('report-set-written').textContent()) ?? '';
    const listed = written.split(' — scenarios ')[1] ?? '';
    const ids = [...listed.matchAll(/(?:^|, )([^,]+?) \(run #(\d+)\)/g)].map((m) => [m[1], Number(m[2])] as const);
    expect(ids.map(([name]) => name)).toEqual(['Base', 'Stress 1.5x', 'Stress 2x', 'Stress 3x', 'Stress 4x', 'Prepay 0.5x', 'Prepay 2x']);
    // The comparison sheet's first WAL row: each scenario's stored run's WAL, in the set's order.
    const runs = await Promise.all(ids.map(([, id]) => api<StoredRun>('runs.get', { id })));
    const wal = runs.map((r) => (r.result.kind === 'deal.run' ? r.result.run.tranches[0]?.walYears : undefined));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const comparison = workbook.getWorksheet('Scenario comparison') as ExcelJSTypes.Worksheet;
    expect((comparison.getRow(1).values as unknown[]).slice(2)).toEqual(['Base', 'Stress 1.5x', 'Stress 2x', 'Stress 3x', 'Stress 4x', 'Prepay 0.5x', 'Prepay 2x']);
    const walRow = comparison.getRows(2, comparison.rowCount - 1)?.find((row) => row.getCell(1).value === 'A · WAL (years)');
    expect(Array.from({ length: 7 }, (_, k) => walRow?.getCell(2 + k).value)).toEqual(wal);

    await page.getByTestId('open-set-pack').click();
    await expect.poll(() => page.locator('[data-pack-ready="true"]').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('pack-scenario').count()).toBe(7);
    expect(browser.pageErrors).toEqual([]);
  }, 240_000);
});
