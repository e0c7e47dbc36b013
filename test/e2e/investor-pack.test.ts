import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealTemplate, InvestorPack, JobInfo, RunRecord } from '../../service/api/contract.ts';
import { openArea, openBrowser, SCREENSHOT_DIR, type BrowserSession } from '../helpers/browser.ts';
import { invokeApi, startWebServer, type WebServer } from '../helpers/web.ts';

/**
 * The investor review pack in Chromium over the HTTP transport: four stored runs of the auto
 * template (base, 3× defaults, a breakeven of the base, a Monte Carlo run) are picked on the Reports screen, the
 * print view opens, and Chromium prints it to PDF (page.pdf: the print CSS's A4 landscape). The
 * PDF's text (pdftotext, poppler-utils) must carry each scenario's name and each class's WAL and
 * loss % exactly as report.pack gives them, one page per scenario between the cover and the
 * comparison page.
 */

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-pack-'));
  server = await startWebServer(['--db', join(dir, 'pack.sqlite')]);
  browser = await openBrowser();
}, 60_000);

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

function api<T>(method: string, params: unknown): Promise<T> {
  return invokeApi<T>(server, method, params);
}

async function storedJob(method: string, params: unknown): Promise<void> {
  const job = await api<JobInfo>(method, params);
  await expect.poll(async () => (await api<JobInfo>('job.get', { id: job.id })).state, { timeout: 90_000 }).toBe('succeeded');
}

/**
 * The PDF's text page by page (pages end with a form feed): laid out as printed (-layout: a table's
 * row stays on one line), or in reading order with white space collapsed (a wrapped title reads whole).
 */
/** Dollars as the screens write them: $, 2 decimals, grouped by thousands (a loss, negative, as -$1.00). */
const dollars = (x: number): string => `${x < 0 ? '-' : ''}$${Math.abs(x).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function pdfPages(path: string, layout: boolean): string[] {
  const text = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), path, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((page) => page.trim() !== '');
  return layout ? pages : pages.map((page) => page.replace(/\s+/g, ' '));
}

/** Renders one page of the PDF to the screenshots folder at 60 dpi, as `name.png`. */
function pagePng(path: string, page: number, name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const stem = join(dir, name);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', path, stem]);
  const png = join(SCREENSHOT_DIR, `${name}.png`);
  renameSync(`${stem}.png`, png);
  return png;
}

describe('the investor pack in Chromium', () => {
  it('prints the chosen runs to a PDF whose headline figures are report.pack’s', async () => {
    const auto = (await api<DealTemplate[]>('deal.templates', {})).find((t) => t.id === 'us-auto-oc-turbo');
    await storedJob('deal.run', { deal: auto?.deal });
    await storedJob('deal.run', { deal: auto?.deal, scenarioOverrides: { defaultMultiplier: 3 } });
    await storedJob('deal.breakeven', { deal: auto?.deal });
    await storedJob('deal.monteCarlo', { deal: auto?.deal, distribution: { kind: 'lognormal', mean: 0.12, cv: 0.8 }, paths: 200, seed: 7 });
    const { page } = browser;
    await page.goto(server.url);
    await openArea(page, 'Reports');
    const rows = page.getByTestId('report-runs').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(4);
    for (const id of [1, 2, 3, 4]) await page.getByLabel(`Include run #${id}`).check();
    await page.getByTestId('open-pack').click();
    await expect.poll(() => page.locator('[data-pack-ready="true"]').count(), { timeout: 30_000 }).toBe(1);
    expect(page.url()).toContain('#/reports/pack?runs=1,2,3,4');
    // The print view has no app chrome: no side navigation, no status bar.
    expect(await page.getByRole('navigation', { name: 'Areas' }).count()).toBe(0);
    await browser.screenshot('investor-pack-screen');

    const pack = await api<InvestorPack>('report.pack', { runIds: [1, 2, 3, 4] });
    expect(pack.scenarios.map((s) => s.runId)).toEqual([1, 2]);
    // The runs' deal file states currency USD: the pack carries it, and every amount printed reads in dollars.
    expect(pack.currency).toBe('USD');
    const pdf = join(dir, 'pack.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const pages = pdfPages(pdf, true);
    const flowing = pdfPages(pdf, false);
    // Cover, one page per scenario, the comparison page, the Monte Carlo page: the print CSS breaks after each.
    expect(pack.monteCarlo.map((mc) => mc.runId)).toEqual([4]);
    expect(pages.length).toBe(3 + pack.scenarios.length);
    expect(pages[0]?.toLowerCase()).toContain('investor review pack');
    // Each printed page's footer, in the pack's language.
    pages.forEach((text, k) => expect(text).toContain(`Page ${k + 1} of ${pages.length}`));
    expect(pages[0]).toContain(pack.dealName);
    expect(flowing[0]).toContain(`cutoff balance ${dollars(pack.poolBalance)}`);
    for (const s of pack.scenarios) expect(pages[0]).toContain(s.inputHash ?? 'no hash');
    pack.scenarios.forEach((scenario, k) => {
      const text = pages[k + 1] ?? '';
      expect(flowing[k + 1]).toContain(scenario.name);
      expect(flowing[k + 1]).toContain('Coverage of senior fees and interest (×)');
      expect(flowing[k + 1]).toContain('Liquidity: interest collections against senior fees and interest due');
      expect(flowing[k + 1]).toContain('Cumulative default and net loss against the loss triggers');
      expect(flowing[k + 1]?.replace(/\s+/g, ' ')).toContain(`cumulative net loss ${dollars(scenario.cumulativeNetLoss)}`);
      expect(flowing[k + 1]?.replace(/\s+/g, ' ')).toContain(`reserve draws ${dollars(scenario.reserveDraws)}`);
      for (const note of scenario.tranches) {
        // The class's row of the tranche table, as laid out on the page: its WAL (years, 2 dp) and loss (% of original, 2 dp).
        const line = text.split('\n').find((l) => l.trimStart().startsWith(note.name));
        expect(line, `${scenario.name}: no row for ${note.name}`).toBeDefined();
        expect(line).toContain(note.walYears === null ? '—' : note.walYears.toFixed(2));
        expect(line).toContain(`${(note.lossRate * 100).toFixed(2)}%`);
        expect(line).toContain(dollars(note.originalBalance));
        // Its breakeven default multiplier (3 decimals, as the Deal screen shows it) when the scenario has them.
        const breakeven = scenario.breakevens?.rows.find((b) => b.id === note.id);
        if (breakeven?.status === 'found') expect(line).toContain(`${breakeven.stress.toFixed(3)}×`);
      }
    });
    // The base scenario carries its breakevens (run #3 joined run #1): the column is on its page only.
    expect(pack.scenarios.map((s) => s.breakevens?.by ?? null)).toEqual(['multiplier', null]);
    // The header may wrap in a wide table (expected final and legal final columns): its words in order, other headers between.
    expect(flowing[1]).toMatch(/Breakeven\b[^]*\bdefault multiplier/);
    expect(flowing[2]).not.toContain('Breakeven');
    expect(flowing.at(-2)).toContain('Scenarios side by side');
    // The Monte Carlo page: each note's expected loss (3 dp) and probability of loss (1 dp), as the run holds them.
    const mcPage = pages.at(-1) ?? '';
    expect(flowing.at(-1)).toContain('Monte Carlo loss distribution');
    for (const note of pack.monteCarlo[0]?.result.notes ?? []) {
      const line = mcPage.split('\n').find((l) => l.trimStart().startsWith(note.name));
      expect(line, `no Monte Carlo row for ${note.name}`).toBeDefined();
      expect(line).toContain(`${(note.expectedLoss * 100).toFixed(3)}%`);
      expect(line).toContain(`${(note.probabilityOfLoss * 100).toFixed(1)}%`);
      expect(line).toContain(dollars(note.originalBalance));
    }
    pagePng(pdf, 1, 'investor-pack-page1');
    pagePng(pdf, 2, 'investor-pack-page2');
    pagePng(pdf, pages.length, 'investor-pack-monte-carlo');
    expect(browser.pageErrors).toEqual([]);
  }, 240_000);

  it('adds the tape’s strats after the cover when the runs are on a tape of the workspace', async () => {
    await storedJob('tape.importSample', { loans: 3000, seed: 21 });
    const consumer = (await api<DealTemplate[]>('deal.templates', {})).find((t) => t.id === 'cn-consumer-revolving');
    await storedJob('deal.run', { deal: consumer?.deal, tapeId: 1, sizeToPool: true });
    const runId = Math.max(...(await api<RunRecord[]>('runs.list', {})).map((r) => r.id));
    const pack = await api<InvestorPack>('report.pack', { runIds: [runId] });
    const strats = pack.strats ?? [];
    expect(strats.length).toBeGreaterThan(5);
    const { page } = browser;
    await page.goto(`${server.url.split('#')[0] ?? ''}#/reports/pack?runs=${runId}`);
    await expect.poll(() => page.locator('[data-pack-ready="true"]').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('pack-strat').count()).toBe(strats.length);
    const pdf = join(dir, 'pack-tape.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const pages = pdfPages(pdf, true);
    const flowing = pdfPages(pdf, false);
    // Page 2 (and on, as the tables need): every dimension's table under its label, each with the tape's whole balance as its total.
    const poolText = flowing.slice(1, -2).join(' ');
    expect(poolText).toContain('The pool at cutoff: stratifications');
    for (const table of strats) expect(poolText).toContain(table.label);
    // The tables stand three across, so a printed line can hold several totals: count them, and the whole balance in them.
    const poolLines = pages.slice(1, -2).join('\n');
    expect(poolLines.match(/\bTotal\b/g)?.length).toBe(strats.length);
    const balance = pack.poolBalance.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(poolLines.split(balance).length - 1).toBeGreaterThanOrEqual(strats.length);
    expect(flowing.at(-2)).toContain(pack.scenarios[0]?.name.slice(0, 30) ?? 'no scenario');
    pagePng(pdf, 2, 'investor-pack-pool');
    expect(browser.pageErrors).toEqual([]);
  }, 240_000);

  it('gives a stored sensitivity grid chosen with the runs a page of its heatmaps, the grid’s own figures in them', async () => {
    // A grid run ticked on the Reports screen was left out of the pack (it reached only the workbook's Sensitivity sheet).
    const auto = (await api<DealTemplate[]>('deal.templates', {})).find((t) => t.id === 'us-auto-oc-turbo');
    await storedJob('deal.run', { deal: auto?.deal, scenarioOverrides: { defaultMultiplier: 2 } });
    const dealRun = Math.max(...(await api<RunRecord[]>('runs.list', {})).map((r) => r.id));
    // 20 columns: the widest grid the pack is laid out for (docs/reports.md); at 10× and 16× defaults class C loses part of its principal (16.04%, 100.00%).
    const prepay = Array.from({ length: 20 }, (_, k) => (k + 1) / 4);
    await storedJob('deal.grid', { deal: auto?.deal, rows: { parameter: 'defaultMult', values: [1, 10, 16] }, columns: { parameter: 'prepayMult', values: prepay } });
    const gridRun = Math.max(...(await api<RunRecord[]>('runs.list', {})).map((r) => r.id));
    const pack = await api<InvestorPack>('report.pack', { runIds: [dealRun, gridRun] });
    expect(pack.grids.map((g) => g.runId)).toEqual([gridRun]);
    const grid = pack.grids[0]?.result;
    if (!grid) throw new Error('no grid in the pack');
    const { page } = browser;
    await page.goto(`${server.url.split('#')[0] ?? ''}#/reports/pack?runs=${dealRun},${gridRun}`);
    await expect.poll(() => page.locator('[data-pack-ready="true"]').count(), { timeout: 30_000 }).toBe(1);
    const section = page.getByTestId('pack-grid');
    expect(await section.count()).toBe(1);
    // Each note's loss heatmap: its cells, row by row, are the grid's loss rates to 2 decimals, as the Deal screen's grid
    // and the workbook's Sensitivity sheet show them (the pack printed 10.1% where they show 10.12%).
    for (const [n, note] of grid.notes.entries()) {
      const cells = await section.getByTestId(`heatmap-loss-${note.id}`).locator('tbody td').allTextContents();
      const expected = grid.cells.flatMap((row) => row.map((cell) => `${((cell.notes[n]?.lossRate ?? 0) * 100).toFixed(2)}%`));
      expect(
        cells.filter((c) => c.endsWith('%')),
        note.name,
      ).toEqual(expected);
    }
    expect(grid.notes.some((_, n) => grid.cells.some((row) => row.some((cell) => (cell.notes[n]?.lossRate ?? 0) > 0 && (cell.notes[n]?.lossRate ?? 0) < 1)))).toBe(true);
    // On paper (print CSS, A4 landscape less 10 mm margins: 277 mm = 1047 CSS px) every heatmap lies within the page:
    // a 20-column loss table at 2 decimals no longer fits beside its WAL table, so the WAL table goes under it.
    const pdf = join(dir, 'pack-grid.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 1047, height: 718 });
    try {
      const overflow = await section.locator('.heat-table').evaluateAll((tables) =>
        tables.map((table) => {
          const paper = table.closest('.pack-page')?.getBoundingClientRect();
          const box = table.getBoundingClientRect();
          return paper === undefined ? 'no page' : Math.max(0, Math.round(box.right - paper.right), Math.round(paper.left - box.left));
        }),
      );
      expect(overflow).toEqual(grid.notes.flatMap(() => [0, 0]));
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    } finally {
      // the screen again for the tests after this one
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1440, height: 900 });
    }
    const flowing = pdfPages(pdf, false);
    expect(flowing.some((text) => text.includes('Sensitivity: loss and WAL of each note over the grid'))).toBe(true);
    // The cover lists the grid's run beside the deal run's: its note says every figure is from the stored runs it lists,
    // and it listed only the deal and Monte Carlo runs while the grid's page printed.
    const gridInfo = pack.grids[0];
    const rows = await page.getByTestId('pack-runs').locator('tbody tr').allInnerTexts();
    expect(rows.map((row) => row.split('\t').map((cell) => cell.trim()))).toEqual([
      [expect.stringContaining(`(run #${dealRun})`), `#${dealRun}`, pack.scenarios[0]?.inputHash, 'not run'],
      // A generated name already says its kind ("Grid defaultMult × …"): it stands alone, not "Sensitivity grid: Grid …".
      [gridInfo?.name ?? 'no grid', `#${gridRun}`, gridInfo?.inputHash, '—'],
    ]);
    expect(flowing[0]).toContain(gridInfo?.inputHash ?? 'no grid');
    // …in Chinese too.
    await page.goto(`${server.url.split('#')[0] ?? ''}#/reports/pack?runs=${dealRun},${gridRun}&lang=zh-CN`);
    await expect.poll(() => page.locator('[data-pack-ready="true"]').count(), { timeout: 30_000 }).toBe(1);
    const zhRows = await page.getByTestId('pack-runs').locator('tbody tr').allInnerTexts();
    expect(zhRows.find((row) => row.includes(`#${gridRun}`))).toMatch(new RegExp(`^敏感性网格 .+#${gridRun}\\s+${gridInfo?.inputHash ?? 'no grid'}`));
    pagePng(pdf, flowing.findIndex((text) => text.includes('Sensitivity: loss and WAL')) + 1, 'investor-pack-grid');
    expect(browser.pageErrors).toEqual([]);
  }, 240_000);

  it('is written in Chinese when the report language is 中文, and the app is English again after it', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await openArea(page, 'Reports');
    for (const id of [1, 2, 3]) await page.getByLabel(`Include run #${id}`).check();
    await page.getByLabel('Report language').selectOption('zh-CN');
    await page.getByTestId('open-pack').click();
    await expect.poll(() => page.locator('[data-pack-ready="true"]').count(), { timeout: 30_000 }).toBe(1);
    expect(page.url()).toContain('#/reports/pack?runs=1,2,3&lang=zh-CN');
    // The pack's own headings, the shared charts' titles and the tranche table's columns, in the catalogue's Chinese.
    expect(await page.getByTestId('pack-cover').innerText()).toContain('投资者路演材料');
    expect(await page.getByTestId('pack-cover').innerText()).toContain('法定到期日');
    const scenario = await page.getByTestId('pack-scenario').first().innerText();
    expect(scenario).toContain('情景 1：');
    expect(scenario).toContain('流动性：利息回收款对比优先费用与应付优先利息');
    expect(scenario).toContain('优先费用与利息覆盖倍数（×）');
    expect(scenario).toContain('累计违约率');
    expect(scenario).toContain('盈亏平衡违约乘数');
    expect(scenario).not.toMatch(/Liquidity|Coverage of senior|Cumulative default rate|Breakeven/);
    const comparison = await page.getByTestId('pack-comparison').innerText();
    expect(comparison).toContain('情景对比');
    expect(comparison).toContain('情景并列比较');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await browser.screenshot('zh-investor-pack');
    // The printed pages' footer in Chinese too (a fixed English CSS content printed "Page 1 of 5").
    const pdf = join(dir, 'pack-zh.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const printed = pdfPages(pdf, false);
    printed.forEach((text, k) => expect(text).toContain(`第 ${k + 1} 页，共 ${printed.length} 页`));
    expect(printed.join('\n')).not.toMatch(/Page \d+ of/);
    // Leaving the pack puts the UI's own language back: the navigation reads English.
    await page.getByRole('link', { name: '← 报告' }).click();
    await expect.poll(() => page.getByRole('navigation', { name: 'Areas' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Areas' }).innerText()).toContain('Reports');
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);
});
