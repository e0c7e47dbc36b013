import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS, { type ExcelJSTypes } from '../../data/excel.ts';
import type { DealTemplate, JobInfo, StoredRun } from '../../service/api/contract.ts';
import { dismissNotifications, openArea, openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { invokeApi, startWebServer, type WebServer } from '../helpers/web.ts';

/**
 * The Reports screen in Chromium over the HTTP transport: two stored deal runs of the auto template
 * are picked, Chinese labels chosen, and the workbook arrives as a browser download whose tranche
 * numbers are the stored runs'.
 */

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-reports-'));
  server = await startWebServer(['--db', join(dir, 'reports.sqlite')]);
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

async function storedDealRun(params: unknown): Promise<void> {
  const job = await api<JobInfo>('deal.run', params);
  await expect.poll(async () => (await api<JobInfo>('job.get', { id: job.id })).state, { timeout: 60_000 }).toBe('succeeded');
}

describe('the Reports screen in Chromium', () => {
  it('exports the chosen stored runs as an Excel download in Chinese', async () => {
    const auto = (await api<DealTemplate[]>('deal.templates', {})).find((t) => t.id === 'us-auto-oc-turbo');
    await storedDealRun({ deal: auto?.deal });
    await storedDealRun({ deal: auto?.deal, scenarioOverrides: { defaultMultiplier: 3 } });
    const { page } = browser;
    await page.goto(server.url);
    await openArea(page, 'Reports');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Reports');
    const rows = page.getByTestId('report-runs').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    await page.getByLabel('Include run #1').check();
    await page.getByLabel('Include run #2').check();
    await page.getByLabel('Report language').selectOption('zh-CN');
    const downloaded = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Download Excel report' }).click();
    const download = await downloaded;
    // the deal's letters and digits, each run of other characters one '-' (messages/file-name.ts): "US auto-loan ABS, sequential pay with OC target and turbo"
    expect(download.suggestedFilename()).toBe('US-auto-loan-ABS-sequential-pay-with-OC-target-and-turbo-tranche-report.xlsx');
    const path = join(dir, 'report.xlsx');
    await download.saveAs(path);
    await expect.poll(() => page.getByTestId('report-written').count(), { timeout: 10_000 }).toBe(1);
    await dismissNotifications(page);
    await browser.screenshot('reports-exported');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.slice(0, 3).map((s) => s.name)).toEqual(['概要', '情景比较', '假设']);
    // The comparison sheet's WAL row of the first note: the stored runs' WALs, run #1 then #2.
    const runs = await Promise.all([1, 2].map((id) => api<StoredRun>('runs.get', { id })));
    const wal = runs.map((r) => (r.result.kind === 'deal.run' ? r.result.run.tranches[0]?.walYears : null));
    const comparison = workbook.getWorksheet('情景比较') as ExcelJSTypes.Worksheet;
    const first = runs[0]?.result.kind === 'deal.run' ? runs[0].result.run.tranches[0]?.id : '';
    const walRow = comparison.getRows(2, comparison.rowCount - 1)?.find((row) => row.getCell(1).value === `${first ?? ''} · 加权平均期限（年）`);
    expect([walRow?.getCell(2).value, walRow?.getCell(3).value]).toEqual(wal);
    expect(browser.pageErrors).toEqual([]);
  }, 180_000);
});
