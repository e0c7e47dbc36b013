import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dismissNotifications, openArea, openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { invokeApi, startWebServer, type WebServer } from '../helpers/web.ts';

/**
 * The roll-rate grid edits the 91–180 days range month by month (91–120, 121–150, 151–180) as well
 * as in one compact row, in Chromium over the HTTP transport, with the implied long-run 1+ DPD share
 * beside it. The shipped example's pool row: cure 2% a month, nothing rolled back, so each monthly
 * bucket rolls 98% forward (docs/assumptions.md, "The compact 91–180 row").
 */

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-roll-grid-'));
  server = await startWebServer(['--db', join(dir, 'roll-grid.sqlite')]);
  browser = await openBrowser();
}, 60_000);

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the roll-rate grid, 91–180 days month by month', () => {
  it('writes the compact row as three monthly rows, edits one, keeps the implied 1+ DPD share beside it, and will not fold unequal rows back', async () => {
    const { page } = browser;
    const job = await invokeApi<{ id: string }>(server, 'tape.importSample', { loans: 2000, seed: 5 });
    await expect.poll(async () => (await invokeApi<{ state: string }>(server, 'job.get', { id: job.id })).state, { timeout: 60_000, interval: 250 }).toBe('succeeded');
    await page.goto(server.url);
    await openArea(page, 'Assumptions');
    await page.getByRole('button', { name: 'Start from the example' }).first().click();
    const pool = page.getByRole('group', { name: 'Pool-wide' });
    await expect.poll(() => page.getByTestId('check-status').textContent(), { timeout: 10_000 }).toContain('Valid: 24 months');
    await expect.poll(() => pool.getByText('Implied long-run 1+ DPD: 1.51%').count()).toBe(1);
    expect(await pool.getByLabel('Cure from 91–180 dpd (%)').inputValue()).toBe('2');

    await pool.getByLabel('91–180 days written as').selectOption('monthly');
    for (const bucket of ['91–120', '121–150', '151–180']) {
      expect(await pool.getByLabel(`Cure from ${bucket} dpd (%)`).inputValue()).toBe('2');
      expect(await pool.getByLabel(`Roll back from ${bucket} dpd (%)`).inputValue()).toBe('');
    }
    expect(await pool.getByLabel('Roll forward from 91–120 dpd (%)').inputValue()).toBe('98');
    expect(await pool.getByLabel('Charge-off from 151–180 dpd (%)').inputValue()).toBe('98');
    expect(await pool.getByLabel('Cure from 91–180 dpd (%)').count()).toBe(0);
    // The same matrix written another way: the same implied share.
    await expect.poll(() => page.getByTestId('check-status').textContent(), { timeout: 10_000 }).toContain('Valid: 24 months');
    await expect.poll(() => pool.getByText('Implied long-run 1+ DPD: 1.51%').count()).toBe(1);

    // 121–150 on its own: roll forward 48%, cure 10%, so 42% stay (pay the month's installment and stay 121–150).
    await pool.getByLabel('Roll forward from 121–150 dpd (%)').fill('48');
    await pool.getByLabel('Cure from 121–150 dpd (%)').fill('10');
    await expect.poll(() => page.getByTestId('check-status').textContent(), { timeout: 10_000 }).toContain('Valid: 24 months');
    const row = pool.locator('tr', { has: page.getByRole('rowheader', { name: '121–150 dpd' }) });
    expect(await row.locator('td').last().textContent()).toBe('42%');
    // Loans staying in 121–150 raise the long-run 1+ DPD share; it is still shown beside the grid.
    const implied = pool.locator('.implied-dpd').first();
    await expect.poll(() => implied.textContent(), { timeout: 10_000 }).not.toBe('Implied long-run 1+ DPD: 1.51%');
    expect(await implied.textContent()).toMatch(/^Implied long-run 1\+ DPD: \d+\.\d\d%$/);
    // Unequal monthly rows cannot be one row: the compact choice is off, and the grid says why.
    expect(await pool.getByLabel('91–180 days written as').locator('option[value="compact"]').isDisabled()).toBe(true);
    expect(await pool.getByText('One row is not possible: the monthly buckets have different cure or roll-back rates.').count()).toBe(1);
    await dismissNotifications(page);
    await implied.scrollIntoViewIfNeeded();
    await browser.screenshot('roll-grid-monthly');

    await page.getByRole('button', { name: 'JSON', exact: true }).click();
    const json = await page.getByLabel('Assumption file (JSON)').inputValue();
    const file = JSON.parse(json) as { pool: { rollRates: Record<string, Record<string, number>> } };
    expect(file.pool.rollRates['cure']).toMatchObject({ dpd91_120: 0.02, dpd121_150: 0.1, dpd151_180: 0.02 });
    expect(file.pool.rollRates['rollForward']).toMatchObject({ dpd91_120: 0.98, dpd121_150: 0.48, dpd151_180: 0.98 });
    expect(file.pool.rollRates['cure']).not.toHaveProperty('dpd91_180');
    await page.getByRole('button', { name: 'Form', exact: true }).click();

    // Equal rows again (cure 2%, 98% on): back to one row, the file as shipped.
    await pool.getByLabel('Cure from 121–150 dpd (%)').fill('2');
    await pool.getByLabel('Roll forward from 121–150 dpd (%)').fill('98');
    await expect.poll(() => pool.getByLabel('91–180 days written as').locator('option[value="compact"]').isDisabled()).toBe(false);
    await pool.getByLabel('91–180 days written as').selectOption('compact');
    await expect.poll(() => pool.getByLabel('Cure from 91–180 dpd (%)').inputValue()).toBe('2');
    await expect.poll(() => pool.getByText('Implied long-run 1+ DPD: 1.51%').count()).toBe(1);
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);
});

describe('a cell that does not read as a number', () => {
  /**
   * The walkthrough typed "1,2" (a decimal comma) over Current's 0.5% roll forward: the cell said
   * it was not a number, yet the set was "✓ Valid" and Save stored the old 0.5%. The typed text
   * now goes into the file, so the check refuses the set, the banner names the cell and Save is off.
   */
  it('makes the set invalid (banner, Save off, nothing stored) until it is fixed, and a row over 100% is named whole', async () => {
    const { page } = browser;
    const pool = page.getByRole('group', { name: 'Pool-wide' });
    const status = page.getByTestId('check-status');
    const save = page.getByRole('button', { name: 'Save', exact: true });
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('Valid: 24 months');
    const cell = pool.getByLabel('Roll forward from Current (%)');
    expect(await cell.inputValue()).toBe('0.5');

    await cell.fill('1,2');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('✗ 1 problem: $.pool.rollRates.rollForward.current — “1,2” is not a number');
    expect(await save.isDisabled()).toBe(true);
    expect(await pool.getByTestId('error $.pool.rollRates').textContent()).toBe('rollForward.current: “1,2” is not a number');
    expect(await cell.inputValue()).toBe('1,2');
    // Enter in the name field saves too: not while a cell is unread.
    await page.getByLabel('Set name').press('Enter');
    expect(await invokeApi<unknown[]>(server, 'assumptions.list', {})).toEqual([]);

    // A row whose moves add up to more than 100%: named, its moves added, the message whole.
    await cell.fill('0.8');
    await pool.getByLabel('Cure from 1–30 dpd (%)').fill('70');
    await expect.poll(() => pool.getByTestId('error $.pool.rollRates').textContent(), { timeout: 10_000 }).toBe('1–30 dpd: roll forward 35% + cure 70% = 105%, more than 100%.');
    expect(await save.isDisabled()).toBe(true);

    await pool.getByLabel('Cure from 1–30 dpd (%)').fill('45');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('Valid: 24 months');
    await save.click();
    await expect
      .poll(async () =>
        (await invokeApi<{ assumptions: { pool: { rollRates: { rollForward: { current: number } } } } }[]>(server, 'assumptions.list', {})).map(
          (s) => s.assumptions.pool.rollRates.rollForward.current,
        ),
      )
      .toEqual([0.008]);
    expect(browser.pageErrors).toEqual([]);
  }, 60_000);
});

describe('a roll-rate model the engine refuses for another reason', () => {
  /**
   * The compact 91–180 row beside a monthly row went through "Not a usable roll-rate model:
   * {reason}", the reason cut at 80 characters and the banner cut by an ellipsis. The problem is
   * said whole, in its own words, and the banner wraps in a narrow window rather than hide its end.
   */
  it('says it whole under the grid and in the banner, wrapped', async () => {
    const { page } = browser;
    const status = page.getByTestId('check-status');
    await page.setViewportSize({ width: 900, height: 900 });
    await page.getByRole('button', { name: 'JSON', exact: true }).click();
    const json = page.getByLabel('Assumption file (JSON)');
    const file = JSON.parse(await json.inputValue()) as { pool: { rollRates: { rollForward: Record<string, number> } } };
    file.pool.rollRates.rollForward['dpd91_120'] = 0.5;
    await json.fill(JSON.stringify(file, null, 2));
    await page.getByRole('button', { name: 'Form', exact: true }).click();
    const words = 'Give either the compact 91–180 dpd row or the monthly rows 91–120, 121–150 and 151–180 dpd, not both (dpd91_120 given).';
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe(`✗ 1 problem: $.pool.rollRates — ${words}`);
    expect(await page.getByRole('group', { name: 'Pool-wide' }).getByTestId('error $.pool.rollRates').textContent()).toBe(words);
    // Nothing of it is hidden: the banner is as wide as its text needs, on more than one line.
    const box = (await page.evaluate(
      `(() => { const el = document.querySelector('[data-testid="check-status"]'); return { scroll: el.scrollWidth, client: el.clientWidth, height: el.clientHeight }; })()`,
    )) as { scroll: number; client: number; height: number };
    expect(box.scroll).toBeLessThanOrEqual(box.client);
    expect(box.height).toBeGreaterThan(40);
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(browser.pageErrors).toEqual([]);
  }, 60_000);
});
