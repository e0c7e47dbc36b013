import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArea, openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { startWebServer, type WebServer } from '../helpers/web.ts';

/**
 * The Assumptions screen checks the shipped example against a tape without a segment column
 * (职业类型): the example is valid (its self_employed and gig sets apply to no loan, every loan takes
 * the pool-level set), and the check names both segments whose assumptions are not used, in English
 * and in Chinese (docs/assumptions.md, Segments).
 */

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-unmatched-'));
  server = await startWebServer(['--db', join(dir, 'unmatched.sqlite')]);
  browser = await openBrowser();
}, 60_000);

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('assumptions for segments a tape has not, on the Assumptions screen', () => {
  it('checks the example against a tape without segments: valid, with a warning naming both segments, in both languages', async () => {
    const { page } = browser;
    const path = join(dir, 'plain.csv');
    writeFileSync(path, ['借据号,放款日期,到期日期,合同金额,剩余本金,年化利率,总期数', 'L1,2026-06-15,2027-06-15,10000,8000,0.18,12', 'L2,2026-06-15,2027-06-15,10000,9000,0.18,12'].join('\n'));
    await page.goto(server.url);
    await openArea(page, 'Tapes');
    await page.getByRole('button', { name: 'Import a tape…' }).first().click();
    await page.getByLabel('Tape file').setInputFiles(path);
    await expect.poll(() => page.getByTestId('mapping-table').count(), { timeout: 30_000 }).toBe(1);
    await page.getByLabel('Cutoff date').fill('2026-12-31');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByTestId('import-result').count(), { timeout: 30_000 }).toBe(1);
    await openArea(page, 'Assumptions');
    await page.getByRole('button', { name: 'Start from the example' }).first().click();
    const status = page.getByTestId('check-status');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('Valid: 24 months');
    const warning = page.getByTestId('check-warning');
    await expect
      .poll(() => warning.textContent(), { timeout: 10_000 })
      .toContain('The pool has no loan in segment self_employed, gig (its segments: none): the assumptions given for it at $.segments.self_employed, $.segments.gig were not used.');
    await browser.screenshot('assumptions-unmatched-segments');
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    await expect
      .poll(() => warning.textContent(), { timeout: 10_000 })
      .toContain('资产池中没有属于借款人类型 self_employed, gig 的贷款（现有类型：none）：$.segments.self_employed, $.segments.gig 为其设定的假设未被使用。');
    expect(browser.pageErrors).toEqual([]);
  });
});
