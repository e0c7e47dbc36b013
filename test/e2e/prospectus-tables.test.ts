import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealTablesResult, DealTemplate } from '../../service/api/contract.ts';
import { openArea, openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { invokeApi, startWebServer, type WebServer } from '../helpers/web.ts';

/**
 * Deal ▸ Prospectus tables in Chromium over the HTTP transport: the US auto template's decrement
 * tables and WALs for chosen speeds, to call and to maturity, as deal.tables computes them (the
 * service's figures are held to published prospectuses by test/service/prospectus/).
 */

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-tables-'));
  server = await startWebServer(['--db', join(dir, 'tables.sqlite')]);
  browser = await openBrowser();
}, 60_000);

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('Deal ▸ Prospectus tables', () => {
  it('shows each class’s table at the chosen speeds, the same figures as deal.tables', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await openArea(page, 'Deal');
    await page.getByLabel('Deal', { exact: true }).selectOption('us-auto-oc-turbo');
    // The US template's own total (475M), not only "3 notes": the consumer template shown first also has three.
    await expect.poll(() => page.getByTestId('deal-check').textContent(), { timeout: 10_000 }).toContain('475,000,000.00');
    await page.locator('summary', { hasText: 'Prospectus tables' }).click();
    await page.getByLabel('Speeds (vector notation)').fill('0.5,1.5 ABS');
    await page.getByRole('button', { name: 'Compute tables' }).click();
    const table = page.getByTestId('prospectus-table-A-to-call');
    await expect.poll(() => table.count(), { timeout: 30_000 }).toBe(1);

    const templates = await invokeApi<DealTemplate[]>(server, 'deal.templates', {});
    const deal = templates.find((t) => t.id === 'us-auto-oc-turbo')?.deal;
    const expected = await invokeApi<DealTablesResult>(server, 'deal.tables', { deal, speeds: '0.5,1.5 ABS', call: 'both' });
    const classA = expected.cases[0]?.tables.find((t) => t.noteId === 'A');
    // Polled: the tables area is a lazily loaded chunk and its rows may fill a frame after the table appears.
    await expect.poll(() => table.locator('thead th').allTextContents()).toEqual(['Payment date', '0.5 ABS', '1.5 ABS']);
    // The first payment date's row and the WAL row, cell by cell.
    await expect.poll(() => table.locator('tbody tr').nth(1).locator('td').allTextContents()).toEqual(classA?.cells[1]);
    const walRow = table.locator('tbody tr', { hasText: 'WAL (years' });
    await expect.poll(() => walRow.locator('td').allTextContents()).toEqual(classA?.columns.map((c) => c.walPrinted));
    await expect.poll(() => page.getByTestId('prospectus-table-C-to-maturity').count()).toBe(1);
    await table.scrollIntoViewIfNeeded();
    await browser.screenshot('deal-prospectus-tables');
  });
});
