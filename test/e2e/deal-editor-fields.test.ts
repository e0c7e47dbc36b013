import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, columnTexts, dismissNotifications, openArea, openBrowser } from '../helpers/browser.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { startWebServer, type WebServer } from '../helpers/web.ts';

/**
 * The structure editor's controls for the fields that were once edited only in JSON, in Chromium over
 * the HTTP transport at 1366×768: on the CN credit-card template, an excess-servicing split (超额服务费)
 * is added to the principal waterfall and its tier edited (a hurdle of 150 % named in plain words at
 * its field, Run off, then corrected), the deal's own default definition is switched on and set to
 * 60 days (the section saying that on this schedule pool the definition moves no number), and the run shows the subordinate class's return cut by the servicer's share. Screenshots in
 * English and Chinese.
 */

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-deal-editor-fields-'));
  server = await startWebServer(['--db', join(dir, 'fields.sqlite')]);
  browser = await openBrowser();
  await browser.page.setViewportSize({ width: 1366, height: 768 });
}, 60_000);

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

const editor = () => browser.page.getByTestId('deal-editor');
const input = (path: string) => editor().locator(`input[data-path="${path}"]`);
const select = (path: string) => editor().locator(`select[data-path="${path}"]`);
const valid = () => browser.page.getByTestId('deal-check').textContent();
const run = () => browser.page.getByRole('button', { name: 'Run', exact: true });
const yields = () => columnTexts(browser.page, 'tranche-table', 'Yield at par, annual effective (ACT/365) / IRR');

/** The subordinate class's IRR as the tranche table shows it ("IRR 43.41%"). */
async function subordinateIrr(): Promise<string> {
  await expect.poll(async () => (await yields()).length, { timeout: 60_000 }).toBe(3);
  return (await yields())[2] ?? '';
}

/** "IRR 43.41%" → 43.41. */
const irr = (text: string): number => Number(/IRR (-?[\d.]+)%/.exec(text)?.[1]);

async function runDeal(): Promise<void> {
  await expect.poll(() => run().isEnabled(), { timeout: 20_000 }).toBe(true);
  await run().click();
  await expect.poll(() => browser.page.getByTestId('tranche-table').count(), { timeout: 60_000 }).toBe(1);
}

/** The run folds the editor away: open it again. */
/** Unfolds the structure editor: a closed <details> keeps its content's layout box (content-visibility), so ask the details, not the editor's visibility. */
async function openEditor(): Promise<void> {
  const details = browser.page.locator('details.deal-details', { has: editor() });
  if ((await details.getAttribute('open')) === null) await details.locator('> summary').click();
  await expect.poll(() => details.getAttribute('open')).not.toBeNull();
}

describe('the structure editor’s new controls in Chromium', () => {
  let before = '';
  const tiers = '$.waterfall.principal[1].tiers[0]';

  it('opens the CN credit-card template and runs it as shipped', async () => {
    const { page } = browser;
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(server.url);
    await openArea(page, 'Deal');
    await expect.poll(() => page.getByLabel('Deal', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await page.getByLabel('Deal', { exact: true }).selectOption('cn-credit-card-installment');
    await expect.poll(valid, { timeout: 10_000 }).toContain('Valid: 3 notes');
    await runDeal();
    before = await subordinateIrr();
    expect(before).toMatch(/^IRR \d/);
    await openEditor();
    for (const section of ['rate-indices', 'default-definition', 'yield-supplement']) expect(await page.getByTestId(`editor-${section}`).count()).toBe(1);
  });

  it('adds an excess-servicing split, names a 150 % hurdle in plain words at its field, then takes 5 % / 50 %', async () => {
    const { page } = browser;
    const principal = page.getByTestId('waterfall-principal');
    await principal.getByLabel('New step').selectOption('excessServicing');
    await principal.getByRole('button', { name: /^Add step/ }).click();
    await expect.poll(() => principal.locator('li.step-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')))).toEqual(['principal', 'excessServicing', 'residual']);
    const hurdle = input(`${tiers}.hurdleRate`);
    await hurdle.fill('150');
    const error = principal.locator('.field-error').first();
    await expect.poll(() => error.textContent(), { timeout: 10_000 }).toContain('Enter a percentage between 0% and 100%.');
    expect(await hurdle.getAttribute('aria-invalid')).toBe('true');
    // The JSON path only in small type, after the words.
    expect(await error.locator('.issue-path').textContent()).toBe(`${tiers}.hurdleRate`);
    expect(await run().isDisabled()).toBe(true);
    await hurdle.scrollIntoViewIfNeeded();
    await browser.screenshot('deal-editor-fields-tier-error');
    await hurdle.fill('5');
    await input(`${tiers}.noteShare`).fill('50');
    await expect.poll(valid, { timeout: 10_000 }).toContain('Valid: 3 notes');
    expect(await principal.locator('.field-error').count()).toBe(0);
  });

  it('switches on the deal’s own default definition and sets it to more than 60 days past due', async () => {
    const { page } = browser;
    const section = page.getByTestId('editor-default-definition');
    await section.getByRole('button', { name: 'Use the deal’s own definition' }).click();
    await select('$.defaultDefinition.daysPastDue').selectOption('60');
    // The template's pool is a collection schedule, whose defaults are its own: the section says so.
    expect(await section.getByTestId('definition-on-schedule').textContent()).toContain('collection schedule');
    expect(await select('$.defaultDefinition.daysPastDue').inputValue()).toBe('60');
    await expect.poll(valid, { timeout: 10_000 }).toContain('Valid: 3 notes');
    await section.scrollIntoViewIfNeeded();
    await browser.screenshot('deal-editor-fields-default-definition');
  });

  it('runs the edited deal: the servicer’s half of the funds above a 5 % hurdle cuts the subordinate IRR', async () => {
    await runDeal();
    await expect.poll(subordinateIrr, { timeout: 60_000 }).not.toBe(before);
    const after = await subordinateIrr();
    expect(irr(after)).toBeLessThan(irr(before));
    await browser.page.getByTestId('tranche-table').scrollIntoViewIfNeeded();
    await browser.screenshot('deal-editor-fields-run');
  });

  it('shows the same controls in Chinese', async () => {
    const { page } = browser;
    await dismissNotifications(page);
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    if (!(await editor().isVisible())) await page.getByText('结构编辑器').click();
    await expect.poll(() => input(`${tiers}.hurdleRate`).isVisible(), { timeout: 10_000 }).toBe(true);
    const principal = page.getByTestId('waterfall-principal');
    await expect.poll(() => principal.getByText('超额服务费分档').count(), { timeout: 10_000 }).toBe(1);
    await input(`${tiers}.hurdleRate`).scrollIntoViewIfNeeded();
    await browser.screenshot('deal-editor-fields-tier-zh');
    await page.getByTestId('editor-default-definition').scrollIntoViewIfNeeded();
    expect(await page.getByTestId('editor-default-definition').getByText('违约定义（违约分期债权）').count()).toBe(1);
    await browser.screenshot('deal-editor-fields-default-definition-zh');
    expect(browser.pageErrors).toEqual([]);
  });

  it('opens a US prospectus deal (a printed YSOC schedule, pool lines starting in later months), saves it unchanged: the same JSON', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'English', exact: true }).click();
    const file = join(REPO_ROOT, 'test', 'fixtures', 'prospectus', 'gmcar-2025-2-1291.json');
    await page.getByLabel('Open deal file').setInputFiles(file);
    await openEditor();
    await expect.poll(() => input('$.pool.lines[0].startMonth').count(), { timeout: 10_000 }).toBe(1);
    const original = JSON.parse(readFileSync(file, 'utf8')) as { pool: { lines: { startMonth?: number }[] } };
    const pool = page.getByTestId('editor-pool');
    await pool.locator('summary').click();
    expect(await input('$.pool.lines[0].startMonth').inputValue()).toBe(String(original.pool.lines[0]?.startMonth ?? ''));
    await page.getByTestId('editor-yield-supplement').scrollIntoViewIfNeeded();
    await browser.screenshot('deal-editor-fields-yield-supplement');
    await pool.scrollIntoViewIfNeeded();
    await browser.screenshot('deal-editor-fields-pool-lines');
    await page.getByRole('button', { name: 'Save as…' }).click();
    await page.getByLabel('File name').fill('gmcar unchanged');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save file' }).click()]);
    const saved = join(dir, 'gmcar-unchanged.json');
    copyFileSync(await download.path(), saved);
    expect(JSON.stringify(JSON.parse(readFileSync(saved, 'utf8')))).toBe(JSON.stringify(original));
    expect(browser.pageErrors).toEqual([]);
  });
});
