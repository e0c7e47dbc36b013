import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { importTape } from '../../data/tape/import.ts';
import { openWorkspace } from '../../data/workspace.ts';
import { openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { insertTapeStoredBeforeNoteCodes, NOTES_BEFORE_NOTE_CODES, OVERRUN_TAPE } from '../helpers/legacy-tape.ts';
import { startWebServer, type WebServer } from '../helpers/web.ts';

/**
 * The Tapes screen shows a saved tape's import notes in the chosen language (stored by code), as the
 * import result does; a tape stored before notes were kept by code shows its English notes.
 */

const SAVED = '逾期核查 2026-09';
const OLDER = 'Stored before note codes';

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-tape-notes-'));
  const file = join(dir, 'notes.sqlite');
  const tapeFile = join(dir, 'overrun.csv');
  writeFileSync(tapeFile, `${OVERRUN_TAPE}\n`);
  const ws = openWorkspace(file);
  try {
    insertTapeStoredBeforeNoteCodes(ws.db, OLDER);
    await importTape(ws.db, { path: tapeFile, name: SAVED, mode: 'reject', cutoffDate: '2026-09-30', allowDuplicate: true });
  } finally {
    ws.close();
  }
  server = await startWebServer(['--db', file]);
  browser = await openBrowser();
}, 60_000);

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function notesOf(page: Page, label: string): Promise<string[]> {
  await page.getByRole('button', { name: label }).click();
  const panel = page.getByTestId('tape-notes');
  await expect.poll(() => panel.getByRole('heading').textContent()).toBe(label);
  return panel.locator('li').allTextContents();
}

describe('a saved tape’s notes on the Tapes screen', () => {
  it('says a saved tape’s notes in Chinese, an older tape’s in the English it stored, and English again after the switch', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await expect.poll(() => page.getByTestId('tapes-table').locator('tbody tr').count(), { timeout: 30_000 }).toBe(2);
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('资产清单');
    expect(await page.getByTestId('tapes-table').locator('thead th').allTextContents()).toContain('导入说明');

    const saved = await notesOf(page, `导入说明——${SAVED}`);
    expect(saved).toHaveLength(5);
    expect(saved).toContain('没有还款方式列：每笔贷款都按等额本息处理。');
    expect(saved).toContain('没有逾期本金列和逾期利息列：逾期总额为未知，而非零。');
    expect(saved).toContain(
      '1 笔未标记重组的贷款账龄 + 剩余期数超过总期数一个月以上（行号（账龄 + 剩余期数 > 总期数，单位为月；账龄为放款日至初始起算日 2026-09-30 的月数）：2 (6 + 3 > 3)）：可能是展期、放款日期或总期数有误，或资产清单错误。已按原值导入；请核查，它影响该笔贷款的摊还及资产池的加权平均剩余期限和加权平均账龄。',
    );
    expect(saved).toContain('1 笔标记为重组的贷款账龄 + 剩余期数超过总期数一个月以上（行号：3 (12 + 6 > 12)）：展期后属正常情况；已按原值导入。');
    expect(saved.join(' ')).not.toMatch(/loan|column/);
    await browser.screenshot('zh-tape-notes');

    expect(await notesOf(page, `导入说明——${OLDER}`)).toEqual(NOTES_BEFORE_NOTE_CODES);

    await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tapes');
    const english = await notesOf(page, `Import notes — ${SAVED}`);
    expect(english).toContain('No amortization column: every loan is taken as level payment (等额本息).');
    expect(english).toContain('1 loan flagged restructured has age + remaining term over its original term by more than a month (row: 3 (12 + 6 > 12)): expected of an extension; imported as given.');
    await page.getByTestId('tape-notes').getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByTestId('tape-notes').count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);
});
