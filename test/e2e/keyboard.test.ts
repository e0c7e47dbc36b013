import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord, StoredRun } from '../../service/api/contract.ts';
import { openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { invokeApi, startWebServer, type WebServer } from '../helpers/web.ts';

/**
 * The analyst's loop with the keyboard alone, in Chromium over the HTTP transport: no click, no
 * fill — only Tab, Shift+Tab, Enter, Space and the arrow keys. Load the sample tape, open its pool,
 * go to Deal, put the deal on the tape, run it, open Compare and pick the stored run. Every control
 * the focus stops on must show where it is (an outline from :focus-visible, on it or, for a hidden
 * file input, on its label).
 */

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-keyboard-'));
  server = await startWebServer(['--db', join(dir, 'keyboard.sqlite')]);
  browser = await openBrowser();
}, 60_000);

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** What has the focus: its tag, role, accessible text, and whether a focus ring shows (outline on it, or on its label for a visually hidden input). */
interface Focused {
  readonly tag: string;
  readonly type: string;
  readonly text: string;
  readonly ring: boolean;
  /** How far the document itself has scrolled: the app's frame (title bar, navigation, status bar) stays put, only the screen scrolls. */
  readonly pageScroll: number;
}

/**
 * Read in the page (a string: the test's Node has no DOM types). The ring is an outline on the
 * control, or on its label when the control is a visually hidden file input inside one.
 */
const FOCUSED_IN_PAGE = `(() => {
  const outlined = (node) => {
    if (!node) return false;
    const style = getComputedStyle(node);
    return style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
  };
  const el = document.activeElement;
  if (!(el instanceof HTMLElement) || el === document.body) return { tag: 'body', type: '', text: '', ring: true, pageScroll: window.scrollY };
  const box = el.getBoundingClientRect();
  const hidden = box.width <= 1 || box.height <= 1;
  const label = el.closest('label');
  const text = (el.getAttribute('aria-label') ?? (label?.textContent || el.textContent || '')).replace(/\\s+/g, ' ').trim();
  return { tag: el.tagName.toLowerCase(), type: el.getAttribute('type') ?? '', text, ring: hidden ? outlined(label) : outlined(el), pageScroll: window.scrollY };
})()`;

async function focused(): Promise<Focused> {
  return (await browser.page.evaluate(FOCUSED_IN_PAGE)) as Focused;
}

/** Every stop the focus made, for the ring check at the end. */
const stops: (Focused & { readonly screen: string })[] = [];

/** Presses `key` (Tab or Shift+Tab) until the focused control matches, at most `max` times. */
async function tabTo(match: (f: Focused) => boolean, screen: string, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 120): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await browser.page.keyboard.press(key);
    const now = await focused();
    stops.push({ ...now, screen });
    if (match(now)) return now;
  }
  throw new Error(
    `${screen}: no control matched after ${max} presses of ${key}; last stops: ${stops
      .slice(-8)
      .map((s) => `${s.tag}[${s.type}] "${s.text.slice(0, 40)}"`)
      .join(', ')}`,
  );
}

const named =
  (tag: string, text: string | RegExp) =>
  (f: Focused): boolean =>
    f.tag === tag && (typeof text === 'string' ? f.text === text : text.test(f.text));

describe('the loop with the keyboard alone', () => {
  it('loads the sample tape, opens its pool, runs the deal on it and opens Compare — only key presses', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe('Tapes');

    // Tapes: the empty workspace offers the sample.
    await expect.poll(() => page.getByRole('button', { name: 'Load the sample tape' }).count(), { timeout: 10_000 }).toBe(1);
    await tabTo(named('button', 'Load the sample tape'), 'Tapes');
    await page.keyboard.press('Enter');
    const tapeLink = page.getByTestId('tapes-table').getByRole('link', { name: /^Sample consumer-loan tape/ });
    await expect.poll(() => tapeLink.count(), { timeout: 60_000 }).toBe(1);
    await browser.screenshot('keyboard-tapes');

    // Its name opens the pool. Shift+Tab comes back from the end of the page to the link.
    await tabTo(named('a', /^Sample consumer-loan tape/), 'Tapes');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe('Pool');
    await expect.poll(() => page.getByTestId('pool-summary').count(), { timeout: 30_000 }).toBeGreaterThan(0);

    // The side navigation's Deal link, reached backwards from the pool screen.
    await tabTo(named('a', 'Deal'), 'Pool', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe('Deal');
    await expect.poll(() => page.getByTestId('deal-check').textContent(), { timeout: 20_000 }).toContain('Valid');

    // The pool: from the deal's own lines to the tape with the arrow keys (the radio group takes one Tab stop, on the checked radio).
    const tapeRadio = page.getByRole('radio', { name: 'A tape' });
    const ownRadio = page.getByRole('radio', { name: 'Deal’s own lines' });
    await tabTo((f) => f.tag === 'input' && f.type === 'radio' && /^(Deal’s own lines|A tape)$/.test(f.text), 'Deal');
    if (await tapeRadio.isChecked()) await page.keyboard.press('ArrowUp');
    await expect.poll(() => ownRadio.isChecked()).toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => tapeRadio.isChecked()).toBe(true);
    // Loan level, not representative lines: ArrowRight in the mode group, then back with ArrowLeft (arrow keys choose).
    await tabTo((f) => f.tag === 'input' && f.type === 'radio' && /Representative lines|Loan level/.test(f.text), 'Deal');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('radio', { name: 'Loan level' }).isChecked()).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByRole('radio', { name: 'Representative lines' }).isChecked()).toBe(true);

    // Run, with Space this time.
    await tabTo(named('button', 'Run'), 'Deal');
    await page.keyboard.press('Space');
    await expect
      .poll(
        () =>
          page
            .getByTestId('deal-run-caption')
            .count()
            .then((n) => (n > 0 ? page.getByTestId('deal-run-caption').textContent() : '')),
        { timeout: 90_000 },
      )
      .toContain('Sample consumer-loan tape');
    await browser.screenshot('keyboard-deal-run');

    // The run happened: stored, on the tape, by representative lines.
    const runs = await invokeApi<RunRecord[]>(server, 'runs.list', {});
    expect(runs.map((r) => r.kind)).toEqual(['deal']);
    const stored = await invokeApi<StoredRun>(server, 'runs.get', { id: runs[0]?.id ?? 0 });
    if (stored.inputs.kind !== 'deal') throw new Error('not a deal run');
    expect([stored.inputs.tape?.rowsImported, stored.inputs.mode]).toEqual([10_000, 'repline']);

    // Run on every change (Space on its checkbox), then another scenario with the arrow keys in its select: the deal runs by itself.
    await invokeApi(server, 'assumptions.save', { name: 'Recoveries 30%', assumptions: { ...stored.inputs.deal.assumptions, pool: { ...stored.inputs.deal.assumptions?.pool, recoveryRate: 0.3 } } });
    await tabTo((f) => f.tag === 'input' && f.type === 'checkbox' && f.text === 'Run on every change', 'Deal');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('checkbox', { name: 'Run on every change' }).isChecked()).toBe(true);
    const scenario = page.getByLabel('Scenario', { exact: true });
    await expect.poll(() => scenario.locator('option').allTextContents(), { timeout: 10_000 }).toContain('Saved set: Recoveries 30%');
    await tabTo((f) => f.tag === 'select' && f.text === 'Scenario', 'Deal', 'Shift+Tab');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => scenario.inputValue()).toBe('Recoveries 30%');
    await expect.poll(() => page.getByTestId('deal-run-caption').textContent(), { timeout: 90_000 }).toContain('scenario “Recoveries 30%”');
    await expect.poll(async () => (await invokeApi<RunRecord[]>(server, 'runs.list', {})).length, { timeout: 10_000 }).toBe(2);
    // The redraw bench's measure (test/bench/redraw.bench.ts): from the change to the charts drawn with the new run.
    await expect.poll(() => page.evaluate(`performance.getEntriesByName('abs:assumption-to-chart').length`), { timeout: 10_000 }).toBe(1);

    // Compare, from the navigation (backwards again), then the stored run picked with Space.
    await tabTo(named('a', 'Compare'), 'Deal', 'Shift+Tab', 400);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe('Compare');
    await tabTo((f) => f.tag === 'summary' && f.text.startsWith('Compare stored runs'), 'Compare');
    await page.keyboard.press('Enter');
    await tabTo((f) => f.tag === 'input' && f.type === 'checkbox' && f.text.startsWith(`#${runs[0]?.id} `), 'Compare');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('stored-compare-table').count(), { timeout: 20_000 }).toBe(1);
    // (Scrolled for the screenshot only: the keys have done their work.)
    await page.getByTestId('stored-compare').scrollIntoViewIfNeeded();
    await browser.screenshot('keyboard-compare');

    // Every stop showed its focus ring.
    const withoutRing = stops.filter((s) => !s.ring).map((s) => `${s.screen}: ${s.tag}[${s.type}] "${s.text.slice(0, 50)}"`);
    expect(withoutRing).toEqual([]);
    // …and never scrolled the app's frame out of view.
    const framesMoved = stops.filter((s) => s.pageScroll !== 0).map((s) => `${s.screen}: ${s.tag}[${s.type}] "${s.text.slice(0, 50)}" scrolled the page ${s.pageScroll}px`);
    expect(framesMoved).toEqual([]);
    expect(stops.length).toBeGreaterThan(10);
    expect(browser.pageErrors).toEqual([]);
  }, 240_000);
});
