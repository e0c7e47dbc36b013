import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { startWebServer, type WebServer } from '../helpers/web.ts';

/** The import screen's mapping shows the unit each header states and what the import does with it, in both languages. */
let dir: string;
let server: WebServer;
let browser: BrowserSession;
let tapeFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-tape-units-'));
  tapeFile = join(dir, 'wan.csv');
  writeFileSync(
    tapeFile,
    ['借据号,放款日期,合同金额(万元),剩余本金（万元）,年化利率(%),总期数,备注(千元),数据日期', 'W1,2026-01-15,1.2,0.8,18,12,x,2026-09-30', 'W2,2026-01-15,30,25.5,9.5,12,y,2026-09-30'].join('\n') +
      '\n',
  );
  server = await startWebServer(['--db', join(dir, 'units.sqlite')]);
  browser = await openBrowser();
}, 120_000);

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('tape header units on the import screen', () => {
  it('maps 合同金额(万元) and 剩余本金（万元） and says the unit read, in English and in Chinese; the balance imports as ¥263,000', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Import a tape…' }).click();
    await page.getByLabel('Tape file').setInputFiles(tapeFile);
    const mapping = page.getByTestId('mapping-table');
    await expect.poll(() => mapping.textContent(), { timeout: 30_000 }).toContain('借据号');
    expect(await page.getByLabel('Field for 合同金额(万元)').inputValue()).toBe('originalPrincipal');
    expect(await page.getByLabel('Field for 剩余本金（万元）').inputValue()).toBe('currentPrincipal');
    expect(await page.getByLabel('Field for 年化利率(%)').inputValue()).toBe('rateAnnual');
    const units = page.getByTestId('header-unit');
    expect(await units.allTextContents()).toEqual([
      'Unit 万元: amounts × 10,000',
      'Unit 万元: amounts × 10,000',
      'Unit %: every rate read in % (0.5 = 0.5%)',
      'Unit (千元) not known: refused as an amount or a rate',
    ]);

    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    await expect.poll(() => units.first().textContent()).toBe('单位 万元：金额 × 10,000');
    expect(await units.allTextContents()).toEqual([
      '单位 万元：金额 × 10,000',
      '单位 万元：金额 × 10,000',
      '单位 %：每个利率均按 % 读取（0.5 = 0.5%）',
      '单位（千元）无法识别：用作金额或利率时将被拒绝',
    ]);
    await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toContain('Imported tape 1');
    await page.getByRole('link', { name: 'See the pool' }).click();
    await expect.poll(() => page.getByTestId('pool-summary').textContent(), { timeout: 30_000 }).toContain('263,000.00');
  });
});
