import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealTemplate, JobInfo, RunRecord } from '../../service/api/contract.ts';
import { openArea, openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { invokeApi, startWebServer, type WebServer } from '../helpers/web.ts';

/**
 * Stored runs of one name told apart in Chromium over the HTTP transport: the consumer template on
 * a sample tape as written and sized to the tape's pool (Deal ▸ Size to pool ▸ Apply, then Run)
 * share the deal's name; the Runs and Reports lists and Compare's run picker show each one's short
 * input hash beside it, in English and in Chinese; a run whose name is its own shows none.
 */

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-run-fingerprints-'));
  server = await startWebServer(['--db', join(dir, 'fingerprints.sqlite')]);
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

async function finish(job: JobInfo): Promise<JobInfo> {
  await expect.poll(async () => (await api<JobInfo>('job.get', { id: job.id })).state, { timeout: 120_000, interval: 250 }).toBe('succeeded');
  return api<JobInfo>('job.get', { id: job.id });
}

/** Each row's texts in the given table column (by header). */
async function cells(testId: string, header: string): Promise<string[]> {
  const table = browser.page.getByTestId(testId);
  const headers = await table.locator('thead th').allTextContents();
  const index = headers.findIndex((h) => h.startsWith(header));
  expect(index, headers.join(' | ')).toBeGreaterThanOrEqual(0);
  return table
    .locator('tbody tr')
    .locator(`td:nth-child(${index + 1})`)
    .allTextContents();
}

describe('stored runs of one name, told apart by their inputs', () => {
  it('shows the short input hash beside each alike name in Runs, Reports and Compare’s picker, and none beside a name of its own', async () => {
    const { page } = browser;
    const deal = (await api<DealTemplate[]>('deal.templates', {})).find((t) => t.id === 'cn-consumer-revolving')?.deal;
    const tape = await finish(await api<JobInfo>('tape.importSample', { loans: 2000, seed: 2026 }));
    const tapeId = tape.result?.kind === 'tape.import' ? tape.result.report.tapeId : null;
    await finish(await api<JobInfo>('deal.run', { deal, tapeId }));
    const sizing = await finish(await api<JobInfo>('deal.size', { deal, tapeId, method: 'scale' }));
    const sized = sizing.result?.kind === 'deal.size' ? sizing.result.size.deal : null;
    expect(sized?.name).toBe(deal?.name);
    await finish(await api<JobInfo>('deal.run', { deal: sized, tapeId }));
    await finish(await api<JobInfo>('deal.run', { deal, tapeId, scenarioOverrides: { defaultMultiplier: 2 } }));
    // Newest first: #3 (defaults × 2, a name of its own), #2 sized, #1 as written.
    const runs = await api<RunRecord[]>('runs.list', {});
    expect(runs.map((r) => r.id)).toEqual([3, 2, 1]);
    expect(runs[1]?.name).toBe(runs[2]?.name);
    const short = (id: number): string => runs.find((r) => r.id === id)?.inputHash.slice(0, 12) ?? '';
    expect(short(1)).not.toBe(short(2));
    const name = (id: number): string => runs.find((r) => r.id === id)?.name ?? '';

    await page.goto(server.url);
    await openArea(page, 'Runs');
    await expect.poll(() => page.getByTestId('runs-table').locator('tbody tr').count(), { timeout: 20_000 }).toBe(3);
    expect(await cells('runs-table', 'Name')).toEqual([name(3), `${name(2)} inputs ${short(2)}`, `${name(1)} inputs ${short(1)}`]);
    const fingerprint = page.getByTestId('runs-table').getByTestId('run-fingerprint').first();
    expect(await fingerprint.getAttribute('title')).toMatch(/^Another stored run has this name but other inputs/);
    await browser.screenshot('run-fingerprints');

    await openArea(page, 'Reports');
    await expect.poll(() => page.getByTestId('report-runs').locator('tbody tr').count(), { timeout: 20_000 }).toBe(3);
    expect(await cells('report-runs', 'Name')).toEqual([name(3), `${name(2)} inputs ${short(2)}`, `${name(1)} inputs ${short(1)}`]);

    await openArea(page, 'Compare');
    await page.locator('.stored-runs-panel > summary').click();
    const picker = page.getByTestId('stored-run-picker');
    await expect.poll(() => picker.getByRole('checkbox').count(), { timeout: 20_000 }).toBe(3);
    const items = (await picker.locator('li').allTextContents()).map((text) => text.replace(/\s*\(\d{4}-\d\d-\d\d \d\d:\d\d\)\s*$/, ''));
    expect(items).toEqual([`#3 · Deal run · ${name(3)}`, `#2 · Deal run · ${name(2)} inputs ${short(2)}`, `#1 · Deal run · ${name(1)} inputs ${short(1)}`]);

    // In Chinese, the same hashes in Chinese words.
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    await page.getByRole('navigation', { name: '功能区' }).getByRole('link', { name: '运行记录', exact: true }).click();
    await expect.poll(() => page.getByTestId('runs-table').getByTestId('run-fingerprint').allTextContents(), { timeout: 20_000 }).toEqual([`输入 ${short(2)}`, `输入 ${short(1)}`]);
    await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
  }, 240_000);
});
