import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dismissNotifications, openArea, type BrowserSession } from '../helpers/browser.ts';
import { invokeApi, type WebServer } from '../helpers/web.ts';
import { openWebSession, type WebSession } from '../helpers/web-session.ts';

/**
 * Opening another workspace drops what every screen kept of the previous one (new-user
 * walkthrough: after opening an empty workspace the Assumptions screen still offered the old one's
 * "my stress 压力 (not saved)"). In workspace A: a saved assumption set open in the editor, the Deal
 * screen on A's tape under that set with its run stored, the run ticked on Reports and on Compare.
 * Then workspace B, holding a tape of its own under the same id 1: no screen offers A's set, tape
 * or run, and nothing is ticked.
 */

let session: WebSession;
let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  session = await openWebSession('abs-e2e-workspace-switch-', 'a.sqlite');
  ({ dir, server, browser } = session);
}, 60_000);

afterAll(() => session.close());

/** Loads the sample tape into the workspace open now, as the CLI would, and waits for it. */
async function importSample(seed: number): Promise<void> {
  const job = await invokeApi<{ id: string }>(server, 'tape.importSample', { loans: 2000, seed });
  await expect.poll(async () => (await invokeApi<{ state: string }>(server, 'job.get', { id: job.id })).state, { timeout: 60_000, interval: 250 }).toBe('succeeded');
}

const A_SET = 'my stress 压力';
const A_TAPE = /seed 11\)/;

describe('opening another workspace', () => {
  it('leaves none of the previous workspace’s sets, tapes or runs on any screen', async () => {
    const { page } = browser;
    await importSample(11);
    await page.goto(server.url);

    // A: a set saved and open in the editor.
    await openArea(page, 'Assumptions');
    await page.getByRole('button', { name: 'Start from the example' }).first().click();
    await page.getByLabel('Set name').fill(A_SET);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByLabel('Open set').locator('option').allTextContents()).toEqual([A_SET]);

    // A: the deal on A's tape under that set, run and stored.
    await openArea(page, 'Deal');
    await page.getByRole('radio', { name: 'A tape' }).check();
    await expect.poll(() => page.getByLabel('Tape', { exact: true }).locator('option:checked').textContent()).toMatch(A_TAPE);
    await page.getByLabel('Scenario').selectOption({ label: `Saved set: ${A_SET}` });
    const run = page.getByRole('button', { name: 'Run', exact: true });
    await expect.poll(() => run.isEnabled(), { timeout: 20_000 }).toBe(true);
    await run.click();
    await expect.poll(() => page.getByTestId('store-note').textContent(), { timeout: 60_000 }).toBe('Stored as run #1');

    // A: the run ticked on Reports and on Compare.
    await openArea(page, 'Reports');
    await page.getByRole('checkbox', { name: 'Include run #1' }).check();
    await expect.poll(() => page.getByTestId('open-pack').count()).toBe(1);
    await openArea(page, 'Compare');
    const picker = page.getByTestId('stored-run-picker');
    if ((await picker.count()) === 0 || !(await picker.isVisible())) await page.getByText('Compare stored runs').click();
    await picker.getByRole('checkbox').first().check();
    await expect.poll(() => page.getByText('— none picked').count()).toBe(0);

    // B: created empty, then given a tape of its own (its id is 1 too) while the screens look on.
    await openArea(page, 'Workspace');
    await page.getByLabel('File name in that folder (opened, or created if it does not exist)').fill('b.sqlite');
    await page.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.getByTestId('workspace-path').textContent()).toBe(join(dir, 'b.sqlite'));
    await importSample(12);
    await dismissNotifications(page);

    await openArea(page, 'Assumptions');
    await expect.poll(() => page.getByRole('button', { name: 'Start from the example' }).count()).toBeGreaterThan(0);
    // Nothing open, no set offered: not A's set, nor A's set passed off as a new unsaved one.
    const openSet = page.getByLabel('Open set');
    if ((await openSet.count()) > 0) expect(await openSet.locator('option').allTextContents()).toEqual(['—']);
    expect(await page.getByText(A_SET).count()).toBe(0);

    await openArea(page, 'Deal');
    await expect.poll(() => page.getByLabel('Tape', { exact: true }).locator('option').allTextContents()).toEqual([expect.stringMatching(/seed 12\)/) as unknown]);
    expect(await page.getByRole('radio', { name: 'A tape' }).isChecked()).toBe(false);
    expect(await page.getByLabel('Scenario').locator('option').allTextContents()).not.toContain(`Saved set: ${A_SET}`);
    expect(await page.getByTestId('store-note').count()).toBe(0);
    expect(await page.getByTestId('deal-run-caption').count()).toBe(0);

    await openArea(page, 'Results');
    expect(await page.getByLabel('Assumption set').locator('option').allTextContents()).not.toContain(A_SET);

    await openArea(page, 'Reports');
    await expect.poll(() => page.getByText('No stored deal runs yet').count()).toBe(1);

    await openArea(page, 'Compare');
    await expect.poll(() => page.getByText('— none picked').count()).toBe(1);

    // A run stored in B is run #1 as well: it is not ticked on Compare for having A's run's id.
    await openArea(page, 'Deal');
    await expect.poll(() => run.isEnabled(), { timeout: 20_000 }).toBe(true);
    await run.click();
    await expect.poll(() => page.getByTestId('store-note').textContent(), { timeout: 60_000 }).toBe('Stored as run #1');
    await openArea(page, 'Compare');
    await expect.poll(() => page.getByTestId('stored-run-picker').locator('input[type="checkbox"]').count()).toBe(1);
    expect(await page.getByTestId('stored-run-picker').locator('input[type="checkbox"]').isChecked()).toBe(false);
    expect(await page.getByText('— none picked').count()).toBe(1);
    await openArea(page, 'Reports');
    expect(await page.getByRole('checkbox', { name: 'Include run #1' }).isChecked()).toBe(false);
    expect(browser.pageErrors).toEqual([]);
  }, 240_000);

  it('keeps a set never saved (the analyst’s own work, nowhere else), and asks before dropping edits of a saved one', async () => {
    const { page } = browser;
    const openWorkspace = async (file: string): Promise<void> => {
      await openArea(page, 'Workspace');
      await page.getByLabel('File name in that folder (opened, or created if it does not exist)').fill(file);
      await page.getByRole('button', { name: 'Open' }).click();
    };
    await openArea(page, 'Assumptions');
    await page.getByRole('button', { name: 'Start from the example' }).first().click();
    await page.getByLabel('Set name').fill('own draft 草稿');
    await openWorkspace('c.sqlite');
    await expect.poll(() => page.getByTestId('workspace-path').textContent()).toBe(join(dir, 'c.sqlite'));
    await openArea(page, 'Assumptions');
    await expect.poll(() => page.getByLabel('Open set').locator('option').allTextContents()).toEqual(['own draft 草稿 (not saved)']);

    // Saved in C, then edited: opening D asks first; No stays in C with the edits.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByLabel('Open set').locator('option').allTextContents()).toEqual(['own draft 草稿']);
    await page.getByLabel('Cure from 1–30 dpd (%)').first().fill('40');
    await expect.poll(() => page.getByLabel('Open set').locator('option').allTextContents()).toEqual(['own draft 草稿 (edited)']);
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await openWorkspace('d.sqlite');
    await expect.poll(() => asked).toEqual(['The unsaved changes to “own draft 草稿” belong to this workspace and are dropped when another one opens. Open the other workspace anyway?']);
    expect(await page.getByTestId('workspace-path').textContent()).toBe(join(dir, 'c.sqlite'));
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.getByTestId('workspace-path').textContent()).toBe(join(dir, 'd.sqlite'));
    await openArea(page, 'Assumptions');
    await expect.poll(() => page.getByRole('button', { name: 'Start from the example' }).count()).toBeGreaterThan(0);
    const openSet = page.getByLabel('Open set');
    if ((await openSet.count()) > 0) expect(await openSet.locator('option').allTextContents()).toEqual(['—']);
    expect(await page.getByRole('main').getByText('own draft').count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);
});
