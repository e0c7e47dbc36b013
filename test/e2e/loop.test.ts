import { shippedSampleOf } from '../../messages/sample-tape.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AssumptionSetRecord, DealRunResult, DealTemplate, PoolSummary, RunRecord, StoredRun, StratTable, TapeRecord, TrancheRow } from '../../service/api/contract.ts';
import { en, type MessageKey } from '../../renderer/i18n/en.ts';
import { zhCN } from '../../renderer/i18n/zh-CN.ts';
import { interpolate } from '../../messages/say.ts';
import { openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { invokeApi, startWebServer, type WebServer } from '../helpers/web.ts';

/**
 * The analyst's whole loop in Chromium over the HTTP transport, through the UI alone, once in
 * English and once in Chinese, each in a fresh workspace at 1366×768: load the sample tape, read
 * its pool, start assumptions from the shipped example and save a base set and a stressed copy
 * (8 CDR on performing loans), open the consumer template on the tape, size it to the tape
 * (scale keeping each class's % of the pool), run base and stress, put the two stored runs side by
 * side on Compare, reload, and reopen them from Runs and Compare. The API is read only to get the
 * numbers the screens must show. Every screen is saved as test/e2e/screenshots/loop-<lang>-*.png;
 * every chart named is checked to plot data, every table checked against the API's figures.
 */

type Lang = 'en' | 'zh-CN';
const CATALOGUES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, 'zh-CN': zhCN };

/** The message as the UI shows it in `lang`: the catalogue's, filled by the one interpolate renderer/app/i18n.tsx uses ({name}, and counts by their plural rule). */
function message(lang: Lang, key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return interpolate(CATALOGUES[lang][key], params, lang);
}

// The UI's number formats (renderer/app/format.ts, deal/model.ts), written out here: en-US grouping in both languages.
const grouped = (x: number, digits: number): string => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
// Money: the tape's and the consumer template's (its file states CNY) carry ¥ alike (messages/numbers.ts).
const yuan = (x: number): string => `¥${grouped(x, 2)}`;
const count = (x: number): string => grouped(x, 0);
const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

/** What the test reads of a chart's SVG in the page (the tests' TypeScript has no DOM types). */
interface ChartNode {
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { readonly height: number };
  querySelectorAll(selector: string): Iterable<ChartNode>;
}

/**
 * Counts what a chart drew: line and area paths with at least three vertices, and bars with a
 * height. Axes, grid and legend are not counted, so an empty chart (axes only) counts nothing.
 */
function plottedIn(figure: ChartNode): Plotted {
  // Self-contained: it runs in the page. A path's vertices are its M and each L or C after it.
  const curves = [...figure.querySelectorAll('path.recharts-line-curve, path.recharts-area-area')].map((p) => ((p.getAttribute('d') ?? '').match(/[LC]/g)?.length ?? 0) + 1).filter((n) => n >= 3);
  const bars = [...figure.querySelectorAll('.recharts-bar-rectangle path, .recharts-bar-rectangle rect')].filter((b) => b.getBoundingClientRect().height > 0.5);
  return { curves: curves.length, longest: Math.max(0, ...curves), bars: bars.length };
}

interface Plotted {
  readonly curves: number;
  readonly longest: number;
  readonly bars: number;
}

function loop(lang: Lang): void {
  const t = (key: MessageKey, params?: Readonly<Record<string, string | number>>): string => message(lang, key, params);
  let dir: string;
  let server: WebServer;
  let browser: BrowserSession;
  let page: Page;
  const api = <T>(method: string, params: unknown): Promise<T> => invokeApi<T>(server, method, params);
  /** Saves the screen; the pointer is moved off the charts first (a tooltip left open covers them). */
  async function shot(screen: string): Promise<string> {
    await page.mouse.move(1, 1);
    return browser.screenshot(`loop-${lang}-${screen}`);
  }
  const names = lang === 'en' ? { base: 'Base', stress: 'Stress 8 CDR' } : { base: '基准', stress: '压力 8 CDR' };
  const runIds = { base: 0, stress: 0 };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `abs-e2e-loop-${lang}-`));
    server = await startWebServer(['--db', join(dir, 'loop.sqlite')]);
    browser = await openBrowser();
    page = browser.page;
    await page.setViewportSize({ width: 1366, height: 768 });
  }, 60_000);

  afterAll(async () => {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const heading = (): Promise<string | null> => page.getByRole('heading', { level: 1 }).textContent();

  async function openArea(area: 'tapes' | 'pool' | 'assumptions' | 'deal' | 'runs' | 'compare'): Promise<void> {
    await page
      .getByRole('navigation', { name: t('app.areas') })
      .getByRole('link', { name: t(`nav.${area}`), exact: true })
      .click();
    await expect.poll(heading).toBe(t(`nav.${area}`));
  }

  async function dismissNotifications(): Promise<void> {
    const buttons = page.getByRole('region', { name: t('common.notifications') }).getByRole('button', { name: t('common.dismiss') });
    while ((await buttons.count()) > 0)
      await buttons
        .first()
        .click({ timeout: 2000 })
        .catch(() => undefined);
  }

  /** The cells of a table's column, found by the start of its header (sort arrows aside). */
  async function column(testId: string, header: string, scope = page.locator('body')): Promise<string[]> {
    const table = scope.getByTestId(testId).first();
    const headers = (await table.locator('thead th').allTextContents()).map((h) => h.replace(/[▲▼]/g, '').trim());
    // The last exact match: a stratification by current balance heads its bucket column and its balance column alike.
    const exact = headers.lastIndexOf(header);
    const index = exact >= 0 ? exact : headers.findIndex((h) => h.startsWith(header));
    expect(index, `no column "${header}" in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
    return table
      .locator('tbody tr')
      .locator(`td:nth-child(${index + 1})`)
      .allTextContents();
  }

  /** A chart that plotted data: scrolled into view, at least `curves` paths of 3+ vertices or `bars` bars drawn. */
  async function expectPlotted(testId: string, least: { curves?: number; bars?: number; vertices?: number }, scope = page.locator('body')): Promise<Plotted> {
    const figure = scope.getByTestId(testId).first();
    await figure.scrollIntoViewIfNeeded();
    const read = async (): Promise<Plotted> => figure.evaluate(plottedIn);
    await expect.poll(async () => (await read()).curves >= (least.curves ?? 0) && (await read()).bars >= (least.bars ?? 0), { timeout: 10_000 }).toBe(true);
    const plotted = await read();
    expect(plotted.curves + plotted.bars, `${testId}: nothing plotted`).toBeGreaterThan(0);
    if (least.vertices !== undefined) expect(plotted.longest, `${testId}: its longest line`).toBeGreaterThanOrEqual(least.vertices);
    return plotted;
  }

  /**
   * The chrome (navigation, headings, buttons, table headers, legends) is in the chosen language:
   * no text shown is an English catalogue message whose Chinese differs. Data the service writes
   * (run names, validation messages) is not the chrome and is not read.
   */
  async function expectChromeIn(screen: string): Promise<void> {
    if (lang === 'en') return;
    const texts = (await page.evaluate(`[...document.querySelectorAll('nav a, h1, h2, h3, button, th, legend, summary')]
      .filter((e) => e.offsetParent !== null && !e.closest('.language-switch')).map((e) => e.textContent.replace(/[▲▼]/g, '').trim()).filter((s) => s !== '')`)) as string[];
    const english = new Map<string, MessageKey>();
    for (const [key, text] of Object.entries(en) as [MessageKey, string][]) if (zhCN[key] !== text && !text.includes('{')) english.set(text, key);
    const left = texts.filter((text) => english.has(text)).map((text) => `${text} (${english.get(text)})`);
    expect(left, `${screen}: English chrome in the Chinese UI`).toEqual([]);
    const chinese = texts.filter((text) => /[\u4e00-\u9fff]/.test(text));
    expect(chinese.length / texts.length, `${screen}: ${texts.join(' | ')}`).toBeGreaterThan(0.6);
  }

  async function newestRun(): Promise<RunRecord> {
    const runs = await api<RunRecord[]>('runs.list', {});
    return [...runs].sort((a, b) => b.id - a.id)[0] as RunRecord;
  }

  async function storedDealRun(id: number): Promise<DealRunResult> {
    const stored = await api<StoredRun>('runs.get', { id });
    if (stored.result.kind !== 'deal.run') throw new Error(`run #${id} is a ${stored.result.kind}`);
    return stored.result.run;
  }

  /** The tranche table shows the API's figures for the run: balance, WAL, loss and CE, per note in seniority order. */
  async function expectTrancheTable(run: DealRunResult, scope = page.locator('body')): Promise<void> {
    const notes: TrancheRow[] = [...run.tranches].sort((a, b) => a.seniority - b.seniority);
    const walFrom = notes[0]?.walFrom === run.closingDate ? t('common.closing') : (notes[0]?.walFrom ?? '');
    expect(await column('tranche-table', t('deal.originalBalance'), scope)).toEqual(notes.map((n) => yuan(n.originalBalance)));
    expect(await column('tranche-table', t('deal.walYearsFrom', { value: notes[0]?.walBasis ?? 'ACT/365', walFrom }), scope)).toEqual(
      notes.map((n) => (n.walYears === null ? '—' : n.walYears.toFixed(2))),
    );
    expect(await column('tranche-table', t('deal.loss'), scope)).toEqual(notes.map((n) => pct(n.lossRate)));
    expect(await column('tranche-table', t('deal.ceAtClosing'), scope)).toEqual(notes.map((n) => pct(n.creditEnhancementAtClosing)));
  }

  /** The deal run's charts: note balances one line a note over every payment date, payments, liquidity, coverage, losses, 90+ and the delinquency pipeline. */
  async function expectDealCharts(run: DealRunResult, scope = page.locator('body')): Promise<void> {
    const balances = await expectPlotted('chart-note-balances', { curves: run.tranches.length }, scope);
    // One vertex a payment date until a note is paid off: the longest-lived note's line spans most of the run.
    expect(balances.longest).toBeGreaterThanOrEqual(Math.min(run.periods.length, 12));
    await expectPlotted('chart-note-payments', { bars: 1 }, scope);
    await expectPlotted('chart-liquidity', {}, scope);
    await expectPlotted('chart-losses', { curves: 1 }, scope);
    await expectPlotted('chart-coverage', { curves: 2 }, scope);
    await expectPlotted('chart-dq90', { curves: 1 }, scope);
    await expectPlotted('chart-deal-delinquency', { curves: 1 }, scope);
  }

  /** Presses Run on the Deal screen and waits for a finished run other than the one shown. */
  async function runDeal(): Promise<RunRecord> {
    const run = page.getByRole('group', { name: t('deal.dealRun') }).getByRole('button', { name: t('deal.run'), exact: true });
    await expect.poll(() => run.isEnabled(), { timeout: 20_000 }).toBe(true);
    const caption = page.getByTestId('deal-run-caption');
    const before = (await caption.count()) > 0 ? await caption.textContent() : null;
    await run.click();
    await expect.poll(async () => ((await caption.count()) > 0 ? caption.textContent() : null), { timeout: 90_000 }).not.toBe(before);
    await expect.poll(() => page.getByTestId('deal-run').getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');
    const record = await newestRun();
    await expect.poll(() => page.getByTestId('store-note').textContent(), { timeout: 10_000 }).toBe(`${t('runs.storedAs')}${t('runs.run2', { runId: record.id })}`);
    return record;
  }

  it(`imports the sample tape from Tapes${lang === 'en' ? '' : ' with the UI switched to 中文'}: the table shows the API's count and balance`, async () => {
    await page.goto(server.url);
    await expect.poll(heading).toBe('Tapes');
    if (lang === 'zh-CN') await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    await expect.poll(heading).toBe(t('nav.tapes'));
    await page.getByRole('button', { name: t('tapes.loadTheSampleTape') }).click();
    await expect.poll(() => page.getByTestId('tapes-table').locator('tbody tr').count(), { timeout: 60_000 }).toBe(1);
    const [tape] = await api<TapeRecord[]>('tape.list', {});
    expect(tape?.rowsImported).toBe(10_000);
    expect(await column('tapes-table', t('tapes.loans'))).toEqual([count(tape?.rowsImported ?? NaN)]);
    expect(await column('tapes-table', t('tapes.currentBalance'))).toEqual([yuan(tape?.currentBalance ?? NaN)]);
    expect(await column('tapes-table', t('tapes.cutoff'))).toEqual([tape?.cutoffDate]);
    await dismissNotifications();
    await expectChromeIn('Tapes');
    await shot('1-tapes');
  }, 120_000);

  it('reads the pool: summary cards, delinquency mix and the balance stratification as the API computes them, the charts drawn', async () => {
    await openArea('pool');
    const [tape] = await api<TapeRecord[]>('tape.list', {});
    const summary = await api<PoolSummary>('pool.summary', { tapeId: tape?.id });
    await expect.poll(() => page.getByTestId('card-loans').locator('.card-value').textContent(), { timeout: 30_000 }).toBe(count(summary.loanCount));
    expect(await page.getByTestId('card-balance').locator('.card-value').textContent()).toBe(yuan(summary.currentBalance));
    expect(await page.getByTestId('card-overdue').locator('.card-value').textContent()).toBe(yuan(summary.overdueTotal));
    await expectPlotted('delinquency-chart', { bars: 1 });
    await expectChromeIn('Pool');
    await page.getByTestId('pool-summary').scrollIntoViewIfNeeded();
    await shot('2-pool');

    const strat = await api<StratTable>('pool.strat', { tapeId: tape?.id, by: 'currentBalance' });
    await expect.poll(() => page.getByTestId('strat-table').locator('tbody tr').count(), { timeout: 30_000 }).toBe(strat.rows.length);
    expect(await column('strat-table', t('pool.loans'))).toEqual(strat.rows.map((r) => count(r.count)));
    expect(await column('strat-table', t('pool.currentBalance2'))).toEqual(strat.rows.map((r) => yuan(r.balance)));
    expect(await column('strat-table', t('pool.balance'))).toEqual(strat.rows.map((r) => pct(r.share)));
    // Two bars a bucket (balance and loan count), each with a share above zero in this sample's buckets.
    const bars = await expectPlotted('strat-chart', { bars: strat.rows.filter((r) => r.share > 0).length });
    expect(bars.bars).toBeLessThanOrEqual(strat.rows.length * 2);
    await shot('3-pool-strat');
  }, 120_000);

  it('starts assumptions from the shipped example, saves it as the base set and a copy at 8 CDR as the stress set', async () => {
    await openArea('assumptions');
    await page
      .getByRole('button', { name: t('assumptions.startFromTheExample') })
      .first()
      .click();
    const pool = page.getByRole('group', { name: t('assumptions.poolWide') });
    await expect.poll(() => page.getByTestId('check-status').textContent(), { timeout: 20_000 }).toContain(t('assumptions.validMonths', { months: 24 }));
    await page.getByLabel(t('assumptions.setName')).first().fill(names.base);
    await page.getByRole('button', { name: t('assumptions.save'), exact: true }).click();
    await expect.poll(() => page.getByLabel(t('assumptions.openSet')).locator('option').allTextContents()).toEqual([names.base]);
    await dismissNotifications();
    await expectChromeIn('Assumptions');
    await shot('4-assumptions');

    // The stress: 8% a year of the performing balance defaults, on top of the roll rates' charge-offs.
    // The example has roll rates, so a curve alone is not applied (one default source): the field says
    // so, and the curve applies once Default sources says both (docs/assumptions.md).
    await pool.getByLabel(t('assumptions.defaultPerformingLoans'), { exact: true }).fill('8 CDR');
    const notApplied = pool.getByTestId('warning $.pool.default');
    await expect.poll(() => notApplied.textContent(), { timeout: 10_000 }).toBe(t('assumptions.defaultNotApplied'));
    await notApplied.scrollIntoViewIfNeeded();
    await shot('5-assumptions-not-applied');
    await pool.getByLabel(t('assumptions.defaultSources'), { exact: true }).selectOption('both');
    await expect.poll(() => notApplied.count()).toBe(0);
    await expect.poll(() => page.getByTestId('check-status').textContent(), { timeout: 20_000 }).toContain(t('assumptions.validMonths', { months: 24 }));
    await page.getByLabel(t('assumptions.setName')).first().fill(names.stress);
    await page.getByRole('button', { name: t('assumptions.save'), exact: true }).click();
    await expect.poll(async () => [...(await page.getByLabel(t('assumptions.openSet')).locator('option').allTextContents())].sort()).toEqual([names.base, names.stress].sort());
    const stored = await api<AssumptionSetRecord[]>('assumptions.list', {});
    expect(stored.find((s) => s.name === names.stress)?.assumptions.pool).toMatchObject({ default: '8 CDR', defaultSources: 'both' });
    expect(stored.find((s) => s.name === names.base)?.assumptions.pool.default).toBeUndefined();
    await dismissNotifications();
    await pool.scrollIntoViewIfNeeded();
    await shot('6-assumptions-stress');
  }, 120_000);

  it('opens the consumer template on the tape and sizes it to the tape, every class keeping its % of the pool', async () => {
    await openArea('deal');
    await page.getByLabel(t('deal.deal'), { exact: true }).selectOption('cn-consumer-revolving');
    await expect.poll(() => page.getByTestId('deal-check').textContent(), { timeout: 20_000 }).toContain(t('deal.validNotesInTotal', { notes: 3, originalBalance: yuan(400_000_000) }));
    await page.getByRole('radio', { name: t('deal.aTape'), exact: true }).check();
    await page.getByRole('radio', { name: t('deal.mode.repline'), exact: true }).check();
    await page.getByLabel(t('deal.scenario'), { exact: true }).selectOption(names.base);

    const panel = page.getByTestId('size-panel');
    await expect.poll(() => panel.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => panel.getByRole('radio', { name: t('deal.scaleEveryClassKeeping') }).isChecked()).toBe(true);
    await panel.getByRole('button', { name: t('deal.size'), exact: true }).click();
    await expect.poll(() => page.getByTestId('size-table').count(), { timeout: 30_000 }).toBe(1);
    // The template's 320M / 36M / 44M of 400M: 80%, 9% and 11% of the tape's pool after sizing, as before.
    const shares = await page
      .getByTestId('size-table')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.children[5]?.textContent ?? ''));
    expect(shares).toEqual(['80.00%', '9.00%', '11.00%']);
    await expectPlotted('capital-structure-bar', { bars: 6 });
    // The pool's line is labelled in the UI's language (it read "pool 8268.3万" in the Chinese UI).
    expect(await page.getByTestId('capital-structure-bar').textContent()).toContain(t('deal.capitalStructure.poolLine', { balance: '' }).trim());
    await dismissNotifications();
    await expectChromeIn('Deal (sizing)');
    await page.getByTestId('size-result').scrollIntoViewIfNeeded();
    await shot('7-deal-sizing');

    await page.getByRole('button', { name: t('deal.applyToTheRun') }).click();
    await expect.poll(() => panel.count()).toBe(0);
    // The sized deal is now the deal shown, named for the tape it was sized to, in the UI's language.
    const [tape] = await api<TapeRecord[]>('tape.list', {});
    const template = (await api<DealTemplate[]>('deal.templates', {})).find((d) => d.id === 'cn-consumer-revolving');
    // The sample tape is named in the UI's language (renderer/app/shipped-names.ts), as the Tapes screen shows it.
    const poolName = tape && shippedSampleOf(tape) ? t('tapes.sampleName', { loans: '10,000', seed: String(shippedSampleOf(tape)?.seed) }) : (tape?.name ?? '?');
    const sizedName = t('deal.sizedFileName', { dealName: template?.name ?? '?', poolName });
    expect(await page.getByLabel(t('deal.deal'), { exact: true }).locator('option:checked').textContent()).toBe(t('deal.file', { fileName: sizedName }));
  }, 120_000);

  it('runs the sized deal on the base set: the tranche table and charts show the stored run’s figures', async () => {
    const record = await runDeal();
    runIds.base = record.id;
    const run = await storedDealRun(record.id);
    const [tape] = await api<TapeRecord[]>('tape.list', {});
    // Sized to the tape: the notes add up to the pool at cutoff, the senior class 80% of it.
    const notes = run.tranches.reduce((sum, n) => sum + n.originalBalance, 0);
    expect(Math.abs(notes - run.poolBalance)).toBeLessThan(1);
    expect(run.poolBalance).toBeCloseTo(tape?.currentBalance ?? NaN, 2);
    expect(run.poolName).toContain(tape?.name ?? '?');
    expect(run.tranches.every((n) => n.lossRate === 0)).toBe(true);
    await expectTrancheTable(run);
    expect(await page.getByTestId('card-pool-balance').locator('.card-value').textContent()).toBe(yuan(run.poolBalance));
    await dismissNotifications();
    await expectChromeIn('Deal (base run)');
    await page.getByTestId('deal-run-caption').scrollIntoViewIfNeeded();
    await shot('8-deal-base');
    // The settlement date reads ISO like every other date (not the browser picker's 01/20/2027), and a date off the calendar is refused at the field.
    const priceYield = page.getByTestId('price-yield-panel');
    const settlement = priceYield.getByLabel(t('deal.settlementDate'), { exact: true });
    expect(await settlement.inputValue()).toBe(run.closingDate);
    await settlement.fill('2027-02-30');
    await expect.poll(() => priceYield.getByRole('alert').textContent()).toBe(t('dateField.notOnCalendar', { date: '2027-02-30' }));
    await priceYield.getByRole('button', { name: t('deal.compute'), exact: true }).click();
    expect(await priceYield.getByRole('alert').count()).toBe(1); // the field says it; Compute adds no second message and no result
    await settlement.fill(run.closingDate);
    await expect.poll(() => priceYield.getByRole('alert').count()).toBe(0);
    await page.getByTestId('tranche-table').scrollIntoViewIfNeeded();
    await shot('8-deal-base-tranches');
    await expectDealCharts(run);
    await shot('9-deal-base-charts');
  }, 180_000);

  it('runs the same sized deal on the stress set: more defaults, the table and charts follow the stored run', async () => {
    await page.getByLabel(t('deal.scenario'), { exact: true }).selectOption(names.stress);
    const record = await runDeal();
    runIds.stress = record.id;
    const stressed = await storedDealRun(record.id);
    const base = await storedDealRun(runIds.base);
    // Same notes, more defaults: the stress ran the sized deal too, and defaulted more of the pool.
    expect(stressed.tranches.map((n) => n.originalBalance)).toEqual(base.tranches.map((n) => n.originalBalance));
    expect(stressed.cumulativeDefaultRate.at(-1) ?? 0).toBeGreaterThan(base.cumulativeDefaultRate.at(-1) ?? 0);
    await expectTrancheTable(stressed);
    await dismissNotifications();
    await page.getByTestId('deal-run-caption').scrollIntoViewIfNeeded();
    await shot('10-deal-stress');
    await expectDealCharts(stressed);
    await page.getByTestId('chart-losses').scrollIntoViewIfNeeded();
    await shot('11-deal-stress-losses');
  }, 180_000);

  /** Compare's stored runs: base and stress side by side with the API's figures, their charts overlaid. */
  async function compareStoredRuns(screen: string): Promise<void> {
    await openArea('compare');
    const panel = page.locator('.stored-runs-panel');
    if ((await panel.getAttribute('open')) === null) await panel.locator('> summary').click();
    const picker = page.getByTestId('stored-run-picker');
    await expect.poll(() => picker.getByRole('checkbox').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    for (const id of [runIds.base, runIds.stress]) {
      const box = picker.getByRole('checkbox', { name: new RegExp(`^#${id} `) });
      if (!(await box.isChecked())) await box.check();
    }
    const table = page.getByTestId('stored-compare-table');
    await expect.poll(() => table.count(), { timeout: 20_000 }).toBe(1);
    const [base, stressed] = await Promise.all([storedDealRun(runIds.base), storedDealRun(runIds.stress)]);
    const headers = await table.locator('thead th').allTextContents();
    expect(headers.slice(2).map((h) => h.split(' ')[0])).toEqual([`#${runIds.base}`, `#${runIds.stress}`]);
    for (const note of base.tranches) {
      const stressNote = stressed.tranches.find((n) => n.id === note.id);
      const cells = async (figure: string): Promise<string[]> => (await table.locator(`tr[data-key="${note.id}:${figure}"] td`).allTextContents()).slice(2);
      expect(await cells('loss')).toEqual([pct(note.lossRate), pct(stressNote?.lossRate ?? NaN)]);
      expect(await cells('wal')).toEqual([note.walYears?.toFixed(2) ?? '—', stressNote?.walYears?.toFixed(2) ?? '—']);
    }
    const cdr = (await table.locator('tr[data-key="pool:cdr"] td').allTextContents()).slice(2);
    expect(cdr).toEqual([pct(base.cumulativeDefaultRate.at(-1) ?? NaN), pct(stressed.cumulativeDefaultRate.at(-1) ?? NaN)]);
    expect(await table.locator('tr[data-key="pool:cdr"] td').nth(3).getAttribute('class')).toContain('differs');
    await dismissNotifications();
    await expectChromeIn(screen);
    await table.scrollIntoViewIfNeeded();
    await shot(`${screen}-table`);
    // Overlaid: one line a run, each over the run's payment dates.
    const overlay = await expectPlotted('overlay-cumulative-default', { curves: 2 });
    expect(overlay.longest).toBeGreaterThanOrEqual(Math.min(base.periods.length, stressed.periods.length));
    for (const note of base.tranches) await expectPlotted(`overlay-balance-${note.id}`, { curves: 2 });
    await page.getByTestId('overlay-cumulative-default').scrollIntoViewIfNeeded();
    await shot(`${screen}-charts`);
  }

  it('puts the base and stress runs side by side on Compare: the API’s figures, the stress marked, the charts overlaid', async () => {
    await compareStoredRuns('12-compare');
  }, 120_000);

  it('after a reload, reopens the stress run from Runs with the stored figures, and Compare again', async () => {
    await page.reload();
    await expect.poll(heading).toBe(t('nav.compare'));
    await openArea('runs');
    const rows = page.getByTestId('runs-table').first().locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(await column('runs-table', t('runs.run'))).toEqual(expect.arrayContaining([`#${runIds.base}`, `#${runIds.stress}`]));
    await dismissNotifications();
    await expectChromeIn('Runs');
    await shot('13-runs');

    const row = rows.filter({ hasText: `#${runIds.stress}` }).first();
    await row.getByRole('button', { name: t('runs.open'), exact: true }).click();
    const view = page.getByTestId('stored-run');
    await expect.poll(() => view.getByTestId('tranche-table').count(), { timeout: 20_000 }).toBe(1);
    const stressed = await storedDealRun(runIds.stress);
    await expectTrancheTable(stressed, view);
    await view.scrollIntoViewIfNeeded();
    await expectChromeIn('Runs (reopened)');
    await shot('14-runs-reopened');
    await expectDealCharts(stressed, view);
    await shot('15-runs-reopened-charts');

    await compareStoredRuns('16-compare-after-reload');
    expect(browser.pageErrors).toEqual([]);
  }, 180_000);
}

describe('the whole loop in English', () => loop('en'));
describe('the whole loop in Chinese', () => loop('zh-CN'));
