import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, dismissNotifications, openArea, openBrowser } from '../helpers/browser.ts';
import { startWebServer, type WebServer } from '../helpers/web.ts';

/**
 * A bad value in the structure editor, named where it is on the form, in Chromium over the HTTP
 * transport at 1366×768: on the consumer template, note B renamed "Class B" and given a coupon of
 * 150 %. The list above the editor says "Note Class B — Coupon rate: …" (the note by its own name,
 * the field by its label; the JSON path only in small type), the field itself says what it needs,
 * and a click on the listed problem unfolds the folded Notes section and puts the keyboard in the
 * field. Then the same in Chinese: 「证券 优先B档——票面利率：…」.
 */

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-deal-editor-labels-'));
  server = await startWebServer(['--db', join(dir, 'labels.sqlite')]);
  browser = await openBrowser();
  await browser.page.setViewportSize({ width: 1366, height: 768 });
}, 60_000);

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

const field = (path: string) => browser.page.locator(`[data-testid="deal-editor"] input[data-path="${path}"]`);
const listed = () => browser.page.getByTestId('deal-issues').locator('li');
/** The JSON path of the control the keyboard is in. */
const focusedPath = () => browser.page.evaluate('document.activeElement && document.activeElement.getAttribute("data-path")');
const notesOpen = async () => (await browser.page.getByTestId('editor-notes').getAttribute('open')) !== null;

describe('the deal editor names a problem by its field’s label, in English and in Chinese', () => {
  it('says a coupon of 150 % as “Note Class B — Coupon rate”, with its path in small type, and opens the field from the list', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await openArea(page, 'Deal');
    await expect.poll(() => page.getByTestId('deal-check').textContent(), { timeout: 10_000 }).toContain('Valid: 3 notes');
    await field('$.notes[1].name').fill('Class B');
    await field('$.notes[1].coupon.rate').fill('150');

    await expect.poll(() => listed().count(), { timeout: 10_000 }).toBe(1);
    expect(await listed().getByRole('button').textContent()).toBe('Note Class B — Coupon rate: Enter a percentage between 0% and 100%.');
    const path = listed().locator('.issue-path');
    expect(await path.textContent()).toBe('$.notes[1].coupon.rate');
    expect(await path.getAttribute('title')).toContain('JSON path');
    // At the field, beside its label: what it needs.
    const atField = page.getByTestId('note-1').locator('.field-error');
    expect(await atField.textContent()).toBe('Enter a percentage between 0% and 100%.$.notes[1].coupon.rate');
    expect(await field('$.notes[1].coupon.rate').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('deal-issues').scrollIntoViewIfNeeded();
    await dismissNotifications(page);
    await browser.screenshot('deal-editor-labelled-problem');

    // Fold the Notes section, then follow the listed problem: the section opens and the keyboard is in the coupon rate.
    await page.getByTestId('editor-notes').locator('summary').first().click();
    expect(await notesOpen()).toBe(false);
    await listed().getByRole('button').click();
    expect(await notesOpen()).toBe(true);
    expect(await focusedPath()).toBe('$.notes[1].coupon.rate');
    await browser.screenshot('deal-editor-problem-opened');
  }, 60_000);

  it('says it in Chinese, the note by the name it is given', async () => {
    const { page } = browser;
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.getByTestId('deal-issues').locator('strong').textContent()).toContain('交易有');
    await field('$.notes[1].name').fill('优先B档');
    await expect.poll(() => listed().getByRole('button').textContent(), { timeout: 10_000 }).toBe('证券 优先B档——票面利率：请输入 0% 到 100% 之间的百分比。');
    expect(await listed().locator('.issue-path').textContent()).toBe('$.notes[1].coupon.rate');
    expect(await page.getByTestId('note-1').locator('.field-error').textContent()).toBe('请输入 0% 到 100% 之间的百分比。$.notes[1].coupon.rate');
    await page.getByTestId('deal-issues').scrollIntoViewIfNeeded();
    await browser.screenshot('zh-deal-editor-labelled-problem');

    // Corrected: the list goes, Run comes back.
    await field('$.notes[1].coupon.rate').fill('4.2');
    await expect.poll(() => page.getByTestId('deal-issues').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: '运行', exact: true }).isEnabled(), { timeout: 10_000 }).toBe(true);
    expect(browser.pageErrors).toEqual([]);
  }, 60_000);
});
