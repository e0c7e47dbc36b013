import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, columnTexts, dismissNotifications, openArea, openBrowser, publishScreenshot } from '../helpers/browser.ts';
import { startWebServer, type WebServer } from '../helpers/web.ts';

/**
 * The structure editor of the Deal screen in Chromium over the HTTP transport, at 1366×768: the
 * consumer template opened in it, the senior coupon and a trigger threshold changed, two
 * principal-waterfall steps reordered with the keyboard-reachable buttons, an invalid value named
 * in plain words at its field (Run off), undone with Ctrl+Z, the edited deal run (the tranche table
 * shows the new coupon), saved as a file (a download) and opened again.
 */

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-deal-editor-'));
  server = await startWebServer(['--db', join(dir, 'editor.sqlite')]);
  browser = await openBrowser();
  await browser.page.setViewportSize({ width: 1366, height: 768 });
}, 60_000);

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The editor's input for a JSON path of the deal. */
const field = (path: string) => browser.page.locator(`[data-testid="deal-editor"] input[data-path="${path}"]`);

/** The kinds of the principal waterfall's steps, in order. */
const principalKinds = (): Promise<(string | null)[]> =>
  browser.page
    .getByTestId('waterfall-principal')
    .locator('li.step-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-kind')));

const valid = () => browser.page.getByTestId('deal-check').textContent();

/** Accepts a page's confirm dialog (leaving an edited file asks first). */
const accept = (dialog: { accept: () => Promise<void> }): void => void dialog.accept();

describe('the deal structure editor in Chromium', () => {
  it('opens the consumer template in the editor, every section shown', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await openArea(page, 'Deal');
    await expect.poll(() => page.getByLabel('Deal', { exact: true }).inputValue(), { timeout: 10_000 }).toBe('cn-consumer-revolving');
    await expect.poll(valid, { timeout: 10_000 }).toContain('Valid: 3 notes');
    for (const section of ['dates', 'notes', 'fees', 'reserve', 'triggers', 'waterfall', 'revolving', 'options']) expect(await page.getByTestId(`editor-${section}`).count()).toBe(1);
    // Every control has an accessible name a screen reader says: its <label>'s words, or an aria-label (a table cell's input names its column and row).
    const controls = page.getByTestId('deal-editor').locator('input, select, textarea');
    const unnamed = await controls.evaluateAll((elements) =>
      elements
        .map((e) => e as unknown as { labels: ArrayLike<{ textContent: string | null }> | null; getAttribute: (name: string) => string | null; outerHTML: string })
        .filter((e) => {
          const labelled = Array.from(e.labels ?? []).some((label) => (label.textContent ?? '').trim() !== '');
          return !labelled && (e.getAttribute('aria-label') ?? '').trim() === '' && e.getAttribute('aria-labelledby') === null;
        })
        .map((e) => e.outerHTML.slice(0, 120)),
    );
    expect(await controls.count()).toBeGreaterThan(200);
    expect(unnamed).toEqual([]);
    // The file's decimals shown as percentages: A's 2.8 % coupon, the cumulative default rate's 2 % for periods 1–6.
    expect(await field('$.notes[0].coupon.rate').inputValue()).toBe('2.8');
    expect(await field('$.triggers[0].threshold[0].threshold').inputValue()).toBe('2');
    expect(await field('$.dates.firstPaymentDate').inputValue()).toBe('2027-02-26');
    // Senior A is 80 % of the 400,000,000 the notes were written for (no tape: the deal's own pool lines).
    expect(await page.locator('input[data-share-of="$.notes[0].originalBalance"]').inputValue()).toBe('80');
    // An amount that is no round share reads to four decimals of a percent (319,698,113.21 ÷ 400,000,000 =
    // 79.92452830…%, shown 79.9245, not 79.9245283025); a share typed is kept as typed while its amount is set.
    const share = page.locator('input[data-share-of="$.notes[0].originalBalance"]');
    await field('$.notes[0].originalBalance').fill('319698113.21');
    await expect.poll(() => share.inputValue()).toBe('79.9245');
    await share.fill('79.9');
    await expect.poll(() => field('$.notes[0].originalBalance').inputValue()).toMatch(/^319,?600,?000(\.00)?$/);
    expect(await share.inputValue()).toBe('79.9');
    await share.fill('80');
    await expect.poll(() => field('$.notes[0].originalBalance').inputValue()).toMatch(/^320,?000,?000(\.00)?$/);
    expect(await principalKinds()).toEqual(['principal', 'residual']);
    await page.getByTestId('deal-editor').scrollIntoViewIfNeeded();
    await browser.screenshot('deal-editor');
    publishScreenshot('deal-editor', 'screenshot-deal-editor.png');
    for (const section of ['triggers', 'revolving', 'options']) {
      await page.getByTestId(`editor-${section}`).scrollIntoViewIfNeeded();
      await browser.screenshot(`deal-editor-${section}`);
    }
  });

  it('changes the senior coupon and a trigger threshold, and reorders two principal-waterfall steps', async () => {
    const { page } = browser;
    await field('$.notes[0].coupon.rate').fill('4.1');
    await field('$.triggers[0].threshold[0].threshold').fill('2.5');
    // Add a turbo step (it goes before the residual, which must stay last), then move it above the principal step.
    const principal = page.getByTestId('waterfall-principal');
    await principal.getByLabel('New step').selectOption('turbo');
    await principal.getByRole('button', { name: /^Add step/ }).click();
    expect(await principalKinds()).toEqual(['principal', 'turbo', 'residual']);
    const up = principal.getByRole('button', { name: 'Move principal step 2 (Turbo (all left to principal)) up' });
    await up.focus();
    await page.keyboard.press('Enter');
    expect(await principalKinds()).toEqual(['turbo', 'principal', 'residual']);
    await expect.poll(valid, { timeout: 10_000 }).toContain('Valid: 3 notes');
    await principal.scrollIntoViewIfNeeded();
    await browser.screenshot('deal-editor-waterfall');
  });

  it('names an invalid value in plain words at its field, turns Run off, and Ctrl+Z undoes it', async () => {
    const { page } = browser;
    const rateB = field('$.notes[1].coupon.rate');
    await rateB.fill('4,2x');
    const note = page.getByTestId('note-1');
    await expect.poll(() => note.locator('.field-error').first().textContent(), { timeout: 10_000 }).toContain('Enter a percentage, e.g. 4.5.');
    // The plain words first; the JSON path only in small type after them.
    expect(await note.locator('.field-error .issue-path').first().textContent()).toBe('$.notes[1].coupon.rate');
    expect(await rateB.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('button', { name: 'Run', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByTestId('run-blocked').textContent()).toContain('Run is off');
    await rateB.scrollIntoViewIfNeeded();
    await browser.screenshot('deal-editor-error');
    await rateB.focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => rateB.inputValue()).toBe('4.2');
    await expect.poll(valid, { timeout: 10_000 }).toContain('Valid: 3 notes');
    expect(await note.locator('.field-error').count()).toBe(0);
    // The earlier edits are still there: Undo took back only the last field's.
    expect(await field('$.notes[0].coupon.rate').inputValue()).toBe('4.1');
    // Redo brings the bad value back, Undo takes it away again.
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => rateB.inputValue()).toBe('4,2x');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => rateB.inputValue()).toBe('4.2');
  });

  it('runs the edited deal: the tranche table shows the new senior coupon', async () => {
    const { page } = browser;
    const run = page.getByRole('button', { name: 'Run', exact: true });
    await expect.poll(() => run.isEnabled(), { timeout: 20_000 }).toBe(true);
    await run.click();
    await expect.poll(() => page.getByTestId('tranche-table').count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(async () => (await columnTexts(browser.page, 'tranche-table', 'Coupon'))[0], { timeout: 60_000 }).toBe('4.10% fixed');
    expect((await columnTexts(browser.page, 'tranche-table', 'Coupon'))[1]).toBe('4.20% fixed');
    await page.getByTestId('tranche-table').scrollIntoViewIfNeeded();
    await browser.screenshot('deal-editor-run');
  });

  it('saves the deal as a file (a download) and opens it again', async () => {
    const { page } = browser;
    await page.getByText('Structure editor').click(); // the run folded the editor away; open it again
    await page.getByRole('button', { name: 'Save as…' }).click();
    await page.getByLabel('File name').fill('我的消费贷 variant B2');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save file' }).click()]);
    // The name typed is the name saved, Chinese and space included (messages/file-name.ts), .json added.
    expect(download.suggestedFilename()).toBe('我的消费贷 variant B2.json');
    const saved = join(dir, '我的消费贷 variant B2.json');
    copyFileSync(await download.path(), saved);
    const file = JSON.parse(readFileSync(saved, 'utf8')) as {
      notes: { coupon: { rate?: number } }[];
      triggers: { threshold: { threshold: number }[] }[];
      waterfall: { principal: { kind: string }[] };
    };
    expect(file.notes[0]?.coupon.rate).toBe(0.041);
    expect(file.notes[1]?.coupon.rate).toBe(0.042);
    expect(file.triggers[0]?.threshold[0]?.threshold).toBe(0.025);
    expect(file.waterfall.principal.map((s) => s.kind)).toEqual(['turbo', 'principal', 'residual']);
    await dismissNotifications(page);

    // Another deal, then the saved file: it opens in the editor as saved.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByLabel('Deal', { exact: true }).selectOption('us-cmo-sequential');
    await expect.poll(() => field('$.notes[0].coupon.rate').inputValue(), { timeout: 10_000 }).not.toBe('4.1');
    await page.getByLabel('Open deal file').setInputFiles(saved);
    await expect.poll(() => field('$.notes[0].coupon.rate').inputValue(), { timeout: 10_000 }).toBe('4.1');
    expect(await field('$.triggers[0].threshold[0].threshold').inputValue()).toBe('2.5');
    expect(await principalKinds()).toEqual(['turbo', 'principal', 'residual']);
    await expect.poll(valid, { timeout: 10_000 }).toContain('Valid: 3 notes');
    expect(browser.pageErrors).toEqual([]);
  });
  it('edits a "sum of" OC target on the US auto template: the cutoff-pool share beside the current-pool share and the floor', async () => {
    const { page } = browser;
    // A fresh page: the earlier tests leave an edited file in the editor (leaving it and replacing it each ask first).
    page.on('dialog', accept);
    await page.goto(server.url);
    await openArea(page, 'Deal');
    // The page keeps the file opened before the reload; choose the template. No run of it is shown (a run of another deal
    // is not), so the editor is unfolded; open it should it be folded.
    await expect.poll(() => page.getByLabel('Deal', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await page.getByLabel('Deal', { exact: true }).selectOption('us-auto-oc-turbo');
    await expect.poll(() => page.getByTestId('deal-run').count(), { timeout: 10_000 }).toBe(0);
    const editor = page.locator('details.deal-details', { has: page.getByText('Structure editor', { exact: true }) });
    if ((await editor.getAttribute('open')) === null) await page.getByText('Structure editor').click();
    const current = field('$.waterfall.combined[6].ocPercent');
    await expect.poll(() => current.inputValue(), { timeout: 10_000 }).toBe('8');
    const plus = field('$.waterfall.combined[6].ocInitialPercent');
    // Blank: the template has no ocInitialPercent (its "greater of" target).
    expect(await plus.inputValue()).toBe('');
    await plus.fill('1.5');
    await expect.poll(valid, { timeout: 10_000 }).toContain('Valid: 3 notes');
    // The deal in words reads the "sum of" target.
    await page.getByText('Structure in words').click();
    await expect.poll(() => page.getByText(/OC target of 8(\.0)?% of the pool \+ 1\.5% of cutoff/).count(), { timeout: 10_000 }).toBe(1);
    await plus.scrollIntoViewIfNeeded();
    await browser.screenshot('deal-editor-oc-target');
    page.off('dialog', accept);
    expect(browser.pageErrors).toEqual([]);
  });

  it('rolls the payment dates: a roll without a calendar is named at the calendar field, then US-SIFMA makes the deal valid', async () => {
    const { page } = browser;
    const select = (path: string) => page.locator(`[data-testid="deal-editor"] select[data-path="${path}"]`);
    await select('$.dates.businessDayConvention').selectOption('following');
    const dates = page.getByTestId('editor-dates');
    await expect.poll(() => dates.locator('.field-error').first().textContent(), { timeout: 10_000 }).toContain('needs a calendar');
    expect(await page.getByRole('button', { name: 'Run', exact: true }).isDisabled()).toBe(true);
    await select('$.dates.calendar').selectOption('US-SIFMA');
    await expect.poll(valid, { timeout: 10_000 }).toContain('Valid: 3 notes');
    expect(await dates.locator('.field-error').count()).toBe(0);
    await dates.scrollIntoViewIfNeeded();
    await browser.screenshot('deal-editor-calendar');
    expect(browser.pageErrors).toEqual([]);
  });
});
