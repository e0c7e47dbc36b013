import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dismissNotifications as dismissNotificationsOf, openArea as openAreaOf, openBrowser, type BrowserSession, publishScreenshot } from '../helpers/browser.ts';
import { invokeApi, startWebServer, type WebServer } from '../helpers/web.ts';
import { expectChineseMoneyAxis, expectDelinquentOnlyAxis } from '../helpers/axis-ticks.ts';

/**
 * The analyst's loop from a tape to its projected cash flows, in Chromium over the HTTP
 * transport: load the sample tape, start an assumption set from the shipped example, see a
 * vector-notation typo reported next to its field, fix it, save the set; run the projection
 * loan by loan and by representative lines, and read the results.
 */

let dir: string;
let server: WebServer;
let browser: BrowserSession;
/** The Pool screen's current balance, as shown ("¥…"): the projection's month-1 beginning balance. */
let poolBalance = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-projection-'));
  server = await startWebServer(['--db', join(dir, 'projection.sqlite')]);
  browser = await openBrowser();
}, 60_000);

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A call of the API as the page makes it. */
function api<T>(method: string, params: unknown): Promise<T> {
  return invokeApi<T>(server, method, params);
}

/** The text of the first row's cell under the header named (the table's columns are found by header, not position). */
async function firstRowCell(testId: string, header: string): Promise<string | null> {
  const table = browser.page.getByTestId(testId);
  const headers = await table.locator('thead th').allTextContents();
  const index = headers.indexOf(header);
  expect(index, `no column "${header}" in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
  return table.locator('tbody tr').first().locator('td').nth(index).textContent();
}

function dismissNotifications(): Promise<void> {
  return dismissNotificationsOf(browser.page);
}

function openArea(name: string): Promise<void> {
  return openAreaOf(browser.page, name);
}

describe('assumptions and results in Chromium', () => {
  it('loads the sample tape and reads its balance on the Pool screen', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Load the sample tape' }).click();
    await expect.poll(() => page.getByTestId('tapes-table').textContent(), { timeout: 30_000 }).toContain('10,000');
    await openArea('Pool');
    const balance = page.getByTestId('card-balance').locator('.card-value');
    await expect.poll(() => balance.textContent(), { timeout: 30_000 }).toMatch(/^¥[\d,]+\.\d\d$/);
    poolBalance = (await balance.textContent()) ?? '';
  });

  it('says what to do before any set exists, and runs nothing without one', async () => {
    const { page } = browser;
    await openArea('Results');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Results');
    await expect.poll(() => page.getByText('No assumption set — start from the example').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Run' }).isDisabled()).toBe(true);
  });

  it('starts from the example, shows a bad prepayment vector next to its field, and saves the fixed set as "base"', async () => {
    const { page } = browser;
    await openArea('Assumptions');
    await expect.poll(() => page.getByText('No assumption set yet — start from the example').count()).toBe(1);
    await page.getByRole('button', { name: 'Start from the example' }).first().click();

    const pool = page.getByRole('group', { name: 'Pool-wide' });
    const prepayment = pool.getByLabel('Prepayment', { exact: true });
    await expect.poll(() => prepayment.inputValue()).toBe('2 ramp 8 6 CPR');
    // Percentages shown, decimals stored: the example's 0.15 recovery rate reads 15 (%).
    expect(await pool.getByLabel('Recovery rate (%)').inputValue()).toBe('15');
    expect(await pool.getByLabel('Cure from 1–30 dpd (%)').inputValue()).toBe('45');
    await expect.poll(() => page.getByTestId('check-status').textContent()).toContain('Valid: 24 months');
    // The tape's segments are offered; the example overrides two of them.
    await expect.poll(() => page.getByRole('group', { name: /^Segment: / }).count()).toBe(3);

    await prepayment.fill('2 ramp CPR');
    const field = page.locator('[data-path="$.pool.prepayment"]');
    const error = page.getByTestId('error $.pool.prepayment');
    await expect.poll(() => error.textContent()).toMatch(/ramp/i);
    // The message sits in the field's own box and the input points at it.
    expect(await field.getByTestId('error $.pool.prepayment').count()).toBe(1);
    expect(await prepayment.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await prepayment.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(await error.getAttribute('id'));
    expect(await page.getByTestId('check-status').textContent()).toContain('$.pool.prepayment');
    await dismissNotifications();
    await browser.screenshot('assumptions');

    await prepayment.fill('2 ramp 8 6 CPR');
    await expect.poll(() => error.count()).toBe(0);
    await expect.poll(() => page.getByTestId('check-status').textContent()).toContain('Valid: 24 months');

    // Beside the grid, the long-run 1+ DPD share the roll rates imply: the shipped salaried set is
    // calibrated to the sample tape's 1.5% (docs/assumptions.md, Calibration).
    await expect.poll(() => pool.getByText('Implied long-run 1+ DPD: 1.51%').count()).toBe(1);
    // An edit in the roll-rate grid (in %) lands in the file as a decimal.
    await pool.getByLabel('Cure from 1–30 dpd (%)').fill('40');
    await page.getByRole('button', { name: 'JSON', exact: true }).click();
    const json = page.getByLabel('Assumption file (JSON)');
    await expect.poll(() => json.inputValue()).toContain('"dpd1_30": 0.4,');
    expect(await json.inputValue()).toContain('"prepayment": "2 ramp 8 6 CPR"');
    await page.getByRole('button', { name: 'Form', exact: true }).click();
    await expect.poll(() => pool.getByLabel('Cure from 1–30 dpd (%)').inputValue()).toBe('40');

    await page.getByLabel('Set name').fill('base');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Assumption set saved' }).count()).toBe(1);
    await expect.poll(() => page.getByLabel('Open set').locator('option').allTextContents()).toEqual(['base']);
    await expect.poll(() => page.getByText(/^Saved /).count()).toBe(1);
    await dismissNotifications();
    await browser.screenshot('assumptions-saved');
  });

  it('runs the pool loan by loan, with progress, and its first month starts at the pool balance', async () => {
    const { page } = browser;
    await openArea('Results');
    await expect.poll(() => page.getByText('Nothing run yet').count()).toBe(1);
    await expect.poll(() => page.getByLabel('Assumption set').inputValue()).toBe('base');
    expect(await page.getByRole('radio', { name: /Loan level/ }).isChecked()).toBe(true);

    // Watch for the progress bar from before the click: a 10,000-loan run may take well under a second.
    const sawProgress = page
      .getByTestId('job-progress')
      .waitFor({ state: 'attached', timeout: 30_000 })
      .then(
        () => true,
        () => false,
      );
    await page.getByRole('button', { name: 'Run' }).click();
    const table = page.getByTestId('projection-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 60_000 }).toBe(24);
    expect(await sawProgress).toBe(true);

    expect(await firstRowCell('projection-table', 'Month')).toBe('1');
    // Month 1 is the calendar month after the cutoff (2026-09-30 for the sample).
    expect(await firstRowCell('projection-table', 'Period')).toBe('2026-10');
    expect(await firstRowCell('projection-table', 'Beginning balance (¥)')).toBe(poolBalance);
    expect(await page.getByTestId('card-cutoff-balance').locator('.card-value').textContent()).toBe(poolBalance);
    expect(await page.getByTestId('run-caption').textContent()).toContain('loan level');
    // The compute time is the job's (the result holds none), shown as before.
    expect(await page.getByTestId('run-caption').textContent()).toMatch(/ · computed in (\d+ ms|\d+\.\d\d s)$/);
    // Headers carry units and conventions.
    const headers = await table.locator('thead th').allTextContents();
    expect(headers).toContain('Beginning balance (¥)');
    expect(headers).toContain('CPR (%, annual)');
    expect(headers).toContain('Overdue total 逾期总额 (¥)');
    expect(await page.getByTestId('card-cdr').locator('.card-value').textContent()).toMatch(/^\d+\.\d\d%$/);
    for (const chart of ['chart-balance', 'chart-flows', 'chart-defaults', 'chart-speeds']) {
      await expect.poll(() => page.locator(`[data-testid=${chart}] .recharts-wrapper svg.recharts-surface`).count()).toBeGreaterThan(0);
    }
    // The balance chart plots five states and 逾期总额 (shapes wider than 50 px) over calendar months (ISO year-month).
    const balance = await page.getByTestId('chart-balance').evaluate((figure) => ({
      curves: [...figure.querySelectorAll('path.recharts-curve, path.recharts-area-area')].filter((el) => el.getBoundingClientRect().width > 50).length,
      xTicks: [...figure.querySelectorAll('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')].map((el) => el.textContent ?? ''),
      legend: figure.querySelector('.recharts-legend-wrapper')?.textContent ?? '',
    }));
    expect(balance.curves).toBeGreaterThanOrEqual(6);
    expect(balance.xTicks.length).toBeGreaterThan(1);
    for (const tick of balance.xTicks) expect(tick).toMatch(/^\d{4}-\d\d$/);
    expect(balance.legend).toContain('逾期总额');
    expect(await page.getByTestId('lines-table').count()).toBe(0);
    await dismissNotifications();
    await browser.screenshot('results');
    publishScreenshot('results', 'screenshot-results.png');

    // In Chinese the money axes (the stacked balance and collections, defaults and losses side by side) count in one unit, 万 or 亿, in round steps.
    await page.locator('.language-switch').getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    for (const chart of ['chart-balance', 'chart-flows', 'chart-defaults']) {
      await expectChineseMoneyAxis(page.getByTestId(chart), chart);
    }
    await expectDelinquentOnlyAxis(page.getByTestId('chart-balance'), 'chart-balance');
    await page.locator('.language-switch').getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');

    // CSV export is written in the page.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/-base-loan-projection\.csv$/);
    await browser.screenshot('results-table');
  });

  it('runs representative lines and lists them', async () => {
    const { page } = browser;
    expect(await page.getByTestId('out-of-date').count()).toBe(0);
    await page.getByRole('radio', { name: /Representative lines/ }).check();
    // The loan-level result still shows, flagged as not matching the mode now chosen.
    expect(await page.getByTestId('out-of-date').textContent()).toContain('Run again');
    await page.getByRole('button', { name: 'Run' }).click();
    const lines = page.getByTestId('lines-table');
    await expect.poll(() => lines.locator('tbody tr').count(), { timeout: 60_000 }).toBeGreaterThan(1);
    expect(await page.getByTestId('out-of-date').count()).toBe(0);
    expect(await page.getByTestId('run-caption').textContent()).toContain('representative lines');
    expect(await firstRowCell('projection-table', 'Beginning balance (¥)')).toBe(poolBalance);
    // Long line lists come in pages.
    expect(await lines.locator('tbody tr').count()).toBeLessThanOrEqual(50);
    await page.getByRole('heading', { name: /^Representative lines/ }).scrollIntoViewIfNeeded();
    await dismissNotifications();
    await browser.screenshot('results-lines');
    expect(browser.pageErrors).toEqual([]);
  });

  it('imports a JSON file, warns of a segment the tape lacks (its assumptions apply to no loan), then saves, renames, exports and deletes the set', async () => {
    const { page } = browser;
    const example = JSON.parse(readFileSync(new URL('../../templates/assumptions/consumer-base.json', import.meta.url), 'utf8')) as {
      pool: Record<string, unknown>;
      segments: Record<string, unknown>;
    };
    const file = join(dir, 'stress.json');
    writeFileSync(file, JSON.stringify({ ...example, pool: { ...example.pool, prepayment: '150 PSA' }, segments: { ...example.segments, students: { default: '3 CDR' } } }));
    await openArea('Assumptions');
    await page.getByLabel('Import JSON file').setInputFiles(file);
    await expect.poll(() => page.getByLabel('Set name').inputValue()).toBe('stress');
    // Not an error since 20d756e: the set is valid, and its status names the segment no loan of the tape is in.
    await expect.poll(() => page.getByTestId('check-warning').allTextContents()).toEqual([expect.stringContaining('students')]);
    expect(await page.getByTestId('error $.segments.students').count()).toBe(0);
    await page.getByRole('button', { name: 'Remove the overrides of students' }).click();
    await expect.poll(() => page.getByTestId('check-status').textContent()).toContain('Valid: 24 months');
    await expect.poll(() => page.getByTestId('check-warning').count()).toBe(0);
    expect(await page.getByRole('group', { name: 'Pool-wide' }).getByLabel('Prepayment', { exact: true }).inputValue()).toBe('150 PSA');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const options = page.getByLabel('Open set').locator('option');
    await expect.poll(() => options.allTextContents()).toEqual(['base', 'stress']);
    await page.getByLabel('Set name').fill('stress 150 PSA');
    await page.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => options.allTextContents()).toEqual(['base', 'stress 150 PSA']);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    expect(download.suggestedFilename()).toBe('stress-150-PSA.json'); // a composed name: spaces become '-' (messages/file-name.ts)
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as { pool: { prepayment: string }; segments: Record<string, unknown> };
    expect(exported.pool.prepayment).toBe('150 PSA');
    expect(Object.keys(exported.segments)).toEqual(['self_employed', 'gig']);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => options.allTextContents()).toEqual(['base']);
    expect(await page.getByLabel('Set name').inputValue()).toBe('base');
    expect(browser.pageErrors).toEqual([]);
  });

  it('cancels a loan-level run of a large tape, keeps the last results, and runs it to the end when asked', async () => {
    const { page } = browser;
    // 1,000,000 loans (the sample's most through the API): ≈ 1.1 s of reading the tape on the loader thread, then the
    // projection on every pool thread — ≈ 1.4 s of a quiet 2-core machine (300,000 took ≈ 0.4 s): time to press
    // Cancel. Imported through the API, as the CLI would.
    const job = await api<{ id: string }>('tape.importSample', { loans: 1_000_000, seed: 7 });
    await expect.poll(async () => (await api<{ state: string }>('job.get', { id: job.id })).state, { timeout: 180_000, interval: 250 }).toBe('succeeded');
    await openArea('Results');
    const tape = page.getByLabel('Tape', { exact: true });
    await expect.poll(() => tape.locator('option').count()).toBe(2);
    await tape.selectOption({ label: '2 · Sample consumer-loan tape (1,000,000 loans, seed 7)' });
    await page.getByRole('radio', { name: /Loan level/ }).check();
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByTestId('job-progress').waitFor({ state: 'visible', timeout: 10_000 });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Projection cancelled' }).count(), { timeout: 30_000 }).toBe(1);
    // The results of the last finished run (the sample tape, representative lines) stay on screen.
    expect(await page.getByTestId('run-caption').textContent()).toContain('representative lines');

    await page.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => page.getByTestId('run-caption').textContent(), { timeout: 120_000 }).toContain('1,000,000 loans, seed 7');
    expect(await page.getByTestId('run-caption').textContent()).toContain('loan level');
    const summary = await api<{ currentBalance: number }>('pool.summary', { tapeId: 2 });
    expect(await firstRowCell('projection-table', 'Beginning balance (¥)')).toBe(`¥${summary.currentBalance.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
    expect(browser.pageErrors).toEqual([]);
  }, 300_000);
});
