import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, columnTexts, dismissNotifications, openArea, openBrowser } from '../helpers/browser.ts';
import { startWebServer, type WebServer } from '../helpers/web.ts';

/**
 * Size to pool and price/yield on the Deal screen in Chromium over the HTTP transport: the consumer
 * template (400M of notes) on the 10,000-loan sample tape (about 83M) — the sizing offer appears,
 * the capital-structure bar shows the notes before and after, an infeasible target is refused in
 * plain words, the sized deal is applied to the run and senior A's loss goes from large to 0;
 * then a note's price and yield on a settlement date inside the first coupon period.
 */

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-sizing-'));
  server = await startWebServer(['--db', join(dir, 'sizing.sqlite')]);
  browser = await openBrowser();
}, 60_000);

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Presses Run and waits for a finished run whose caption differs from the one shown before. */
async function runDeal(): Promise<void> {
  const { page } = browser;
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await expect.poll(() => run.isEnabled(), { timeout: 20_000 }).toBe(true);
  const caption = page.getByTestId('deal-run-caption');
  const before = (await caption.count()) > 0 ? await caption.textContent() : null;
  await run.click();
  await expect.poll(async () => ((await caption.count()) > 0 ? caption.textContent() : null), { timeout: 60_000 }).not.toBe(before);
  await expect.poll(() => page.getByTestId('deal-run').getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');
}

describe('Size to pool and price/yield in Chromium', () => {
  it('offers to size the consumer template to the sample tape, refuses an infeasible CE, applies the scaled deal: A’s loss goes to 0', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await openArea(page, 'Tapes');
    await page.getByRole('button', { name: 'Load the sample tape' }).click();
    await expect.poll(() => page.getByTestId('tapes-table').textContent(), { timeout: 30_000 }).toContain('10,000');
    await openArea(page, 'Deal');
    await page.getByLabel('Deal', { exact: true }).selectOption('cn-consumer-revolving');
    await expect.poll(() => page.getByTestId('deal-check').textContent()).toContain('Valid: 3 notes');
    await page.getByRole('radio', { name: 'A tape' }).check();
    await page.getByRole('radio', { name: 'Representative lines' }).check();
    await runDeal();
    const lossBefore = await columnTexts(browser.page, 'tranche-table', 'Loss %');
    expect(Number.parseFloat(lossBefore[0] ?? '0')).toBeGreaterThan(50);

    // The offer: ¥400,000,000.00 stated against the tape's pool (the template's currency is CNY).
    const panel = page.getByTestId('size-panel');
    await expect.poll(() => panel.count()).toBe(1);
    expect(await panel.textContent()).toContain('written for a pool of ¥400,000,000.00');

    // An infeasible target: senior CE 10% with mezzanine 9% and the 5% floor.
    await panel.getByRole('radio', { name: 'Senior class for a target CE' }).check();
    await panel.getByLabel('Sizing target').fill('10');
    await panel.getByRole('button', { name: 'Size', exact: true }).click();
    await expect.poll(() => page.getByTestId('size-error').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('size-error').textContent()).toMatch(/below its floor of .* \(5\.00% of the pool.*smallest senior CE the floor allows is 14\.89%/);
    await dismissNotifications(page);
    await panel.scrollIntoViewIfNeeded();
    await browser.screenshot('sizing-infeasible');

    // A target breakeven: the largest senior class that still pays timely at 15× the default curve.
    await panel.getByRole('radio', { name: 'Senior class for a target breakeven multiple' }).check();
    await panel.getByLabel('Sizing target').fill('15');
    await panel.getByRole('button', { name: 'Size', exact: true }).click();
    await expect.poll(() => page.getByTestId('size-result').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByTestId('size-result').textContent()).toMatch(/Senior A breakeven after sizing: 15\.\d{3}× \(timely\)/);

    // Scale keeping %: A 80%, B 9%, Sub 11% of the pool; the bar draws both structures.
    await panel.getByRole('radio', { name: 'Scale every class, keeping its % of the pool' }).check();
    await panel.getByRole('button', { name: 'Size', exact: true }).click();
    await expect.poll(async () => (await page.getByTestId('size-table').locator('tbody tr').first().textContent()) ?? '', { timeout: 30_000 }).toContain('80.00%');
    const table = page.getByTestId('size-table');
    const sized = await table.locator('tbody tr').allTextContents();
    expect(sized[0]).toContain('80.00%');
    expect(sized[1]).toContain('9.00%');
    expect(sized[2]).toContain('11.00%');
    // CE of A after: (pool + reserve − A) ÷ pool = 20% + 0.89% (reserve 3.56M × pool/400M ÷ pool = 0.89%).
    expect(sized[0]).toContain('20.89%');
    const bars = page.getByTestId('capital-structure-bar').locator('.recharts-bar-rectangle');
    await expect.poll(() => bars.count()).toBe(6);
    expect(await page.getByTestId('capital-structure-bar').textContent()).toContain('A 80.0% · CE 20.9%');
    await dismissNotifications(page);
    await page.getByTestId('size-result').scrollIntoViewIfNeeded();
    await browser.screenshot('sizing-offer');

    await page.getByRole('button', { name: 'Apply to the run' }).click();
    await expect.poll(() => page.getByTestId('size-panel').count()).toBe(0);
    await runDeal();
    const balances = await columnTexts(browser.page, 'tranche-table', 'Original balance');
    expect(balances[0]).toMatch(/^¥[\d,]+\.\d\d$/);
    expect(balances[0]).not.toBe('¥320,000,000.00');
    expect(await columnTexts(browser.page, 'tranche-table', 'Loss %')).toEqual(['0.00%', '0.00%', '0.00%']);
    expect((await columnTexts(browser.page, 'tranche-table', 'CE at closing'))[0]).toBe('20.89%');
    await dismissNotifications(page);
    await browser.screenshot('sizing-applied');
    expect(browser.pageErrors).toEqual([]);
  }, 180_000);

  it('prices senior A inside its first coupon period: accrued 2.8% × 21/365 (ACT/365), yield ↔ price round trip', async () => {
    const { page } = browser;
    const panel = page.getByTestId('price-yield-panel');
    await panel.scrollIntoViewIfNeeded();
    // Closing 2027-01-20, first payment 2027-02-26; settle 2027-02-10: 21 actual days accrued.
    await panel.getByLabel('Settlement date').fill('2027-02-10');
    await panel.getByLabel('Price or yield', { exact: true }).fill('100');
    await panel.getByRole('button', { name: 'Compute' }).click();
    await expect.poll(() => page.getByTestId('price-yield-result').count(), { timeout: 10_000 }).toBe(1);
    // Accrued % of face = 2.8 × 21 / 365 = 0.16109…; dirty = clean + accrued = 100.1611.
    expect(await page.getByTestId('py-accrued').textContent()).toContain('0.1611% ');
    expect(await page.getByTestId('py-accrued').textContent()).toContain('21 days ACT/365 from 2027-01-20');
    expect(await page.getByTestId('py-accrued').textContent()).toMatch(/ = ¥[\d,]+\.\d\d on face ¥[\d,]+\.\d\d /);
    expect(await page.getByTestId('py-dirty').textContent()).toBe('100.1611');
    const yieldText = (await page.getByTestId('py-yield').textContent()) ?? '';
    // Back from that yield (shown to 4 decimals of a percent) to the price: 100 clean, within what
    // the rounding of the yield moves it (duration < 1 year × 0.00005% ≈ 0.00005 of price).
    await panel.getByLabel('Price or yield given').selectOption('yield');
    await panel.getByLabel('Price or yield', { exact: true }).fill(yieldText.replace('%', ''));
    await panel.getByRole('button', { name: 'Compute' }).click();
    await expect.poll(async () => Math.abs(Number(await page.getByTestId('py-clean').textContent()) - 100), { timeout: 10_000 }).toBeLessThanOrEqual(0.0001);
    expect(await page.getByTestId('py-accrued').textContent()).toContain('0.1611% ');
    await dismissNotifications(page);
    await browser.screenshot('sizing-price-yield');
    expect(browser.pageErrors).toEqual([]);
  }, 60_000);
});
