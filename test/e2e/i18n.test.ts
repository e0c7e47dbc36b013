import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { dismissNotifications, openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { startWebServer, type WebServer } from '../helpers/web.ts';
import { expectChineseMoneyAxis } from '../helpers/axis-ticks.ts';

/**
 * The UI in Simplified Chinese, in Chromium over the HTTP transport: the title bar's 中文 switch,
 * the main screens walked in Chinese (Tapes, Pool, Assumptions, Deal with a run, Compare with a
 * scenario run, Runs, Reports), each saved as test/e2e/screenshots/zh-*.png; no English word left in
 * the chrome (navigation, headings, buttons, table headers, labels); what the service and the engine
 * say (the deal run's warnings, the deal check's problems at their fields, an import's refusal and
 * its rejected rows) in Chinese too, from the catalogues by code; the choice survives a reload.
 */

/** The consumer template's name (templates/deals/cn-consumer-revolving.json): data, shown as typed. */
const CONSUMER_DEAL = '消费贷 2027-1 revolving consumer-loan ABS';

let dir: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-e2e-i18n-'));
  server = await startWebServer(['--db', join(dir, 'i18n.sqlite')]);
  browser = await openBrowser();
}, 60_000);

afterAll(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Latin words that stay as they are in a Chinese structuring analyst's screen: file formats,
 * the market's abbreviations for speeds and measures (CPR, CDR, WAL…), day counts, the product mark,
 * and Excel. Each is how a Chinese prospectus or term sheet writes them too.
 */
const LATIN_KEPT = new Set([
  'ABS',
  'CSV',
  'XLSX',
  'JSON',
  'CPR',
  'CDR',
  'SMM',
  'MDR',
  'PSA',
  'SDA',
  'WAL',
  'IRR',
  'RMSE',
  'ACT',
  'CFETS',
  'SIFMA',
  'XIRR',
  'Excel',
  'HTTP',
  'SQLite',
  'Node',
  'Electron',
  'BOM',
  'UTF',
  'GBK',
  'Ctrl',
  'Shift',
  'YYYY',
  'Bornhuetter',
  'Ferguson',
  'Vasicek',
]);

/** The chrome's texts: navigation, headings, buttons (the language switch aside), table headers and field labels' own words. */
async function chromeTexts(page: Page): Promise<string[]> {
  // Run in the page (a string: the tests' TypeScript has no DOM types). A label's own words only: its field's value is data.
  const script = `(() => {
    const ownText = (e) => [...e.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(' ');
    const chrome = [...document.querySelectorAll('nav a, h1, h2, h3, button, th, label, summary, legend')]
      .filter((e) => e.offsetParent !== null && !e.closest('.language-switch'));
    return chrome.map((e) => (e.tagName === 'LABEL' ? ownText(e) : e.textContent).trim()).filter((text) => text !== '');
  })()`;
  return (await page.evaluate(script)) as string[];
}

/**
 * The analyst's data, shown as typed whatever the language: the consumer template's name, note ids
 * (A, B, Sub), fee and trigger ids, and the shipped scenario set's name and scenario names. A stored
 * run's generated name is said in Chinese by code (service/run-store/run-names.ts), around those names.
 */
const DATA = [
  /消费贷 2027-1 revolving consumer-loan ABS/g,
  /China consumer-loan revolving: standard stresses/g,
  // the template's note names, written in both languages by the deal file (the overlay charts title each note's balance by its name)
  /\b(Senior A|Mezzanine B|Subordinate) (优先A|优先B|次级)/g,
  /\b(Sub|tax|trustee|custodian|servicer|rating|cdr|dq90|Base|Stress [\d.]+x|Prepay [\d.]+x)\b/g,
];

function withoutData(text: string): string {
  return DATA.reduce((rest, name) => rest.replace(name, ' '), text);
}

async function expectNoEnglish(page: Page, screen: string): Promise<void> {
  const texts = (await chromeTexts(page)).map(withoutData);
  expect(texts.length, `${screen}: no chrome found`).toBeGreaterThan(3);
  const english = texts.filter((text) => (text.match(/[A-Za-z]{2,}/g) ?? []).some((word) => !LATIN_KEPT.has(word)));
  expect(english, `${screen}: English left in the chrome`).toEqual([]);
}

/** The Latin words of a text that a Chinese screen should not show (the kept abbreviations aside). */
function englishWords(text: string | null): string[] {
  return (withoutData(text ?? '').match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !LATIN_KEPT.has(word));
}

/** Follows a link of the side navigation, named 功能区 in Chinese. */
function openArea(page: Page, name: string): Promise<void> {
  return page.getByRole('navigation', { name: '功能区' }).getByRole('link', { name, exact: true }).click();
}

async function heading(page: Page): Promise<string | null> {
  return page.getByRole('heading', { level: 1 }).textContent();
}

describe('the UI in Chinese', () => {
  it('switches to 中文 from the title bar: navigation, status bar and the empty Tapes screen in Chinese', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await expect.poll(() => heading(page)).toBe('Tapes');
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    await expect.poll(() => heading(page)).toBe('资产清单');
    const areas = await page.getByRole('navigation', { name: '功能区' }).getByRole('link').allTextContents();
    expect(areas).toEqual(['资产清单', '资产池', '假设', '交易', '结果', '运行记录', '比较', '报告', '工作区']);
    expect(await page.getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(() => page.locator('.status-bar').textContent()).toContain('浏览器（本地 HTTP）');
    await expectNoEnglish(page, 'Tapes (empty)');
  }, 180_000);

  it('loads the sample tape and shows Tapes and Pool in Chinese', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: '加载示例资产清单' }).click();
    await expect.poll(() => page.getByTestId('tapes-table').locator('tbody tr').count(), { timeout: 60_000 }).toBe(1);
    const headers = await page.getByTestId('tapes-table').locator('thead th').allTextContents();
    expect(headers.map((h) => h.replace(/[▲▼]/g, '').trim())).toEqual(['编号', '名称', '源文件', '初始起算日', '贷款笔数', '当前余额（¥）', '被拒行', '导入说明', '导入时间', '']);
    await dismissNotifications(page);
    await expectNoEnglish(page, 'Tapes');
    await browser.screenshot('zh-tapes');

    await openArea(page, '资产池');
    await expect.poll(() => heading(page)).toBe('资产池');
    await expect.poll(() => page.getByText('加权平均剩余期限').first().count(), { timeout: 30_000 }).toBe(1);
    // months in Chinese units: "x.x 个月"
    await expect.poll(() => page.getByText(/\d+\.\d 个月/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expectNoEnglish(page, 'Pool');
    // The delinquency table's first bucket in Chinese (its label came from the service in English).
    const delinquency = page.locator('table', { has: page.getByRole('columnheader', { name: '逾期天数' }) });
    expect(await delinquency.locator('tbody tr td').first().textContent()).toBe('正常');
    await browser.screenshot('zh-pool');
  }, 180_000);

  it('shows Assumptions from the shipped example in Chinese', async () => {
    const { page } = browser;
    await openArea(page, '假设');
    await expect.poll(() => heading(page)).toBe('假设');
    const start = page.getByRole('button', { name: '从示例开始' }).first();
    if ((await page.getByLabel('假设集名称').count()) === 0 || (await page.getByLabel('假设集名称').first().inputValue()) === '') await start.click();
    await expect.poll(() => page.getByText('全池').first().count(), { timeout: 20_000 }).toBe(1);
    await expectNoEnglish(page, 'Assumptions');
    await browser.screenshot('zh-assumptions');
    // A ramp with its months missing: the curve reader's reason at the field, by code (engine/curves/notation-messages.ts).
    const prepayment = page.locator('[data-path="$.pool.prepayment"] input').first();
    const kept = await prepayment.inputValue();
    await prepayment.fill('2 ramp 6');
    const error = page.getByTestId('error $.pool.prepayment');
    await expect.poll(() => error.textContent(), { timeout: 10_000 }).toBe('无法读取该速度：向量记法第 9 列（输入末尾）：“ramp”之后应为月数，实际为输入末尾');
    await error.scrollIntoViewIfNeeded();
    await browser.screenshot('zh-assumptions-notation-error');
    await prepayment.fill(kept);
    await expect.poll(() => error.count(), { timeout: 10_000 }).toBe(0);
  }, 180_000);

  it('runs the consumer template on the Deal screen in Chinese, with 万/亿 money axes', async () => {
    const { page } = browser;
    await openArea(page, '交易');
    await expect.poll(() => heading(page)).toBe('交易');
    const run = page.getByRole('button', { name: '运行', exact: true });
    await expect.poll(() => run.isEnabled(), { timeout: 20_000 }).toBe(true);
    await run.click();
    await expect.poll(() => page.getByTestId('deal-run-caption').count(), { timeout: 90_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('deal-run').getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');
    const headers = await page.getByTestId('tranche-table').locator('thead th').allTextContents();
    expect(headers.some((h) => h.startsWith('加权平均期限 WAL'))).toBe(true);
    expect(headers.some((h) => h.startsWith('起息日信用增级'))).toBe(true);
    await expect.poll(() => page.getByTestId('store-note').textContent(), { timeout: 10_000 }).toBe('已保存为运行 #1');
    await dismissNotifications(page);
    await expectNoEnglish(page, 'Deal');
    await browser.screenshot('zh-deal');
    // The charts' money axes count in 万 and 亿 in Chinese.
    const charts = page.getByTestId('chart-note-balances');
    await charts.scrollIntoViewIfNeeded();
    const ticks = await charts.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
    expect(
      ticks.some((tick) => /[万亿]$/.test(tick)),
      ticks.join(' '),
    ).toBe(true);
    expect(
      ticks.some((tick) => /[KMB]$/.test(tick)),
      ticks.join(' '),
    ).toBe(false);
    await browser.screenshot('zh-deal-charts');
  }, 180_000);

  it('runs a shipped scenario set on Compare in Chinese', async () => {
    const { page } = browser;
    await openArea(page, '比较');
    await expect.poll(() => heading(page)).toBe('比较');
    await page.getByLabel('情景集', { exact: true }).first().selectOption('shipped:cn-consumer-revolving');
    await expect.poll(() => page.getByTestId('scenario-check').textContent(), { timeout: 10_000 }).toContain('✓ 有效：7 个情景');
    await page.getByRole('button', { name: '运行', exact: true }).click();
    // While it runs the status bar lists the job by its title, said in Chinese by code (service/jobs/job-titles.ts).
    const running = page.getByTestId('running-jobs');
    await expect.poll(() => running.textContent(), { timeout: 30_000 }).toBe(`运行中：${CONSUMER_DEAL}的情景集`);
    await browser.screenshot('zh-status-job');
    await expect.poll(() => page.getByTestId('compare-table').count(), { timeout: 120_000 }).toBe(1);
    await expect.poll(() => running.count(), { timeout: 10_000 }).toBe(0);
    await dismissNotifications(page);
    await expectNoEnglish(page, 'Compare');
    // Each note's balance overlay counts in one unit, 万 or 亿, in round steps.
    const overlays = page.locator('[data-testid^="overlay-balance-"]');
    expect(await overlays.count()).toBeGreaterThan(0);
    for (const overlay of await overlays.all()) await expectChineseMoneyAxis(overlay, (await overlay.getAttribute('data-testid')) ?? 'overlay');
    await page.getByTestId('compare-run').scrollIntoViewIfNeeded();
    await browser.screenshot('zh-compare');
  }, 180_000);

  it('lists the stored runs on Runs and defaults the report language to Chinese on Reports', async () => {
    const { page } = browser;
    await openArea(page, '运行记录');
    await expect.poll(() => heading(page)).toBe('运行记录');
    await expect.poll(() => page.getByTestId('runs-table').first().locator('tbody tr').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    await expectNoEnglish(page, 'Runs');
    // The Deal screen's run, named by the run store: said in Chinese around the deal's own name.
    const names = await page.getByTestId('runs-table').first().locator('button.run-name').allTextContents();
    expect(names).toContain(`${CONSUMER_DEAL}（交易自带资产池）— 交易文件情景`);
    expect(names.filter((name) => name.includes(' on ') || name.includes('scenario'))).toEqual([]);
    await browser.screenshot('zh-runs');

    await openArea(page, '报告');
    await expect.poll(() => heading(page)).toBe('报告');
    expect(await page.getByLabel('报告语言').inputValue()).toBe('zh-CN');
    await expectNoEnglish(page, 'Reports');
    await browser.screenshot('zh-reports');
  }, 180_000);

  it('names the stored runs in Chinese on Compare’s stored-run picker and in a stored run’s title', async () => {
    const { page } = browser;
    await openArea(page, '比较');
    await expect.poll(() => heading(page)).toBe('比较');
    await page.getByText('比较已存储的运行', { exact: true }).click();
    const picker = page.getByTestId('stored-run-picker');
    await expect.poll(() => picker.locator('label').first().textContent(), { timeout: 10_000 }).toContain('#');
    const labels = await picker.locator('label').allTextContents();
    expect(
      labels.some((label) => label.startsWith(`#1 · 交易运行 · ${CONSUMER_DEAL}（交易自带资产池）— 交易文件情景`)),
      labels.join('\n'),
    ).toBe(true);
    expect(labels.flatMap((label) => englishWords(label.replace(/\(.*\)$/, '')))).toEqual([]);
    await picker.scrollIntoViewIfNeeded();
    await browser.screenshot('zh-compare-stored-names');

    // A stored run reopened on Runs says its name in its caption too.
    await openArea(page, '运行记录');
    await page
      .getByTestId('runs-table')
      .first()
      .locator('button.run-name', { hasText: `${CONSUMER_DEAL}（交易自带资产池）— 交易文件情景` })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('stored-run-caption').textContent(), { timeout: 10_000 }).toContain(`${CONSUMER_DEAL}（交易自带资产池）— 交易文件情景`);
    await browser.screenshot('zh-runs-opened');
  }, 120_000);

  it('says a run’s warnings on a tape in Chinese, and the deal check’s problems at their fields; Run comes back when they are fixed', async () => {
    const { page } = browser;
    await openArea(page, '交易');
    await expect.poll(() => heading(page)).toBe('交易');
    // On the sample tape: cut off on another date than the template, and smaller than its 400,000,000 of notes.
    await page.getByRole('radio', { name: '资产清单', exact: true }).check();
    await page.getByRole('button', { name: '运行', exact: true }).click();
    const warnings = page.getByTestId('deal-warnings');
    await expect.poll(() => warnings.textContent(), { timeout: 90_000 }).toMatch(/资产池的初始起算日（\d{4}-\d{2}-\d{2}）与交易的初始起算日（2026-12-31）不同/);
    expect(await warnings.textContent()).toContain('证券总额（¥400,000,000.00）超过起息日的资产池与储备账户合计');
    expect(englishWords(await warnings.textContent())).toEqual([]);
    await dismissNotifications(page);
    await warnings.scrollIntoViewIfNeeded();
    await browser.screenshot('zh-deal-warnings');

    // The structure editor, folded while a run is shown.
    await page.getByText('结构编辑器', { exact: true }).click();
    const closing = page.locator('[data-testid="deal-editor"] input[data-path="$.dates.closing"]');
    await closing.scrollIntoViewIfNeeded();
    const kept = await closing.inputValue();
    // Closing before the cutoff (2026-12-31): the engine's date-order rule, by code.
    await closing.fill('2026-06-30');
    const dates = page.getByTestId('editor-dates');
    await expect.poll(() => dates.locator('.field-error').first().textContent(), { timeout: 10_000 }).toContain('起息日不得早于初始起算日。');
    expect(await dates.locator('.field-error .issue-path').first().textContent()).toBe('$.dates.closing');
    await expect.poll(() => page.getByTestId('deal-issues').textContent()).toContain('起息日不得早于初始起算日。');
    expect(await page.getByRole('button', { name: '运行', exact: true }).isDisabled()).toBe(true);
    // The plain words carry no English; the JSON path follows them in small type.
    const said = await page.getByTestId('deal-issues').locator('li button').allTextContents();
    expect(said.flatMap(englishWords)).toEqual([]);
    await browser.screenshot('zh-deal-field-error');
    await closing.fill(kept);
    await expect.poll(() => dates.locator('.field-error').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: '运行', exact: true }).isEnabled(), { timeout: 10_000 }).toBe(true);
  }, 180_000);

  it('says an import’s rejected rows and a refused import in Chinese', async () => {
    const { page } = browser;
    // Row 3's current principal 12,000 exceeds its contract amount 10,000; row 4's rate cannot be read.
    const file = join(dir, '问题资产清单.csv');
    const header = '借据号,放款日期,到期日期,合同金额,剩余本金,年化利率,总期数,职业类型,逾期天数,逾期本金,逾期利息,数据日期';
    const rows = [
      'Z1,2026-06-15,2027-06-15,10000,8000,0.18,12,工薪,0,0,0,2026-12-31',
      'Z2,2026-06-15,2027-06-15,10000,12000,0.18,12,工薪,0,0,0,2026-12-31',
      'Z3,2026-06-15,2027-06-15,10000,8000,abc,12,工薪,0,0,0,2026-12-31',
    ];
    writeFileSync(file, `${[header, ...rows].join('\n')}\n`);
    await openArea(page, '资产清单');
    await page.getByRole('button', { name: '导入资产清单…' }).first().click();
    await page.getByLabel('资产清单文件').setInputFiles(file);
    await expect.poll(() => page.getByTestId('mapping-table').textContent(), { timeout: 30_000 }).toContain('借据号');
    await page.getByText('导入有效行；保留被拒行供查看').click();
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toContain('已导入资产清单');
    const problems = page.getByTestId('problems-table');
    await expect.poll(() => problems.textContent()).toContain('剩余本金 ¥12,000.00 超过合同金额 ¥10,000.00，且该贷款未标记为重组。');
    expect(await problems.textContent()).toContain('余额超合同金额');
    expect(await problems.textContent()).toContain('无法识别：不是利率'); // the rate reader's own reason in Chinese too (tapeValue.notARate)
    // What the import assumed for the columns the tape lacks, in Chinese too.
    expect(await result.textContent()).toContain('没有还款方式列：每笔贷款都按等额本息处理。');
    expect(await result.textContent()).toContain('没有剩余期数列：剩余期数 = 总期数 − 放款以来的月数。');
    await browser.screenshot('zh-import-problems');

    // A header of 1,001 columns: the service refuses the preview (a tape has at most 1,000), in Chinese.
    const wide = join(dir, 'wide.csv');
    writeFileSync(wide, `${Array.from({ length: 1001 }, (_, k) => `c${k}`).join(',')}\n${Array.from({ length: 1001 }, () => '1').join(',')}\n`);
    await page.getByRole('button', { name: '导入其他资产清单' }).click();
    await page.getByLabel('资产清单文件').setInputFiles(wide);
    const refused = page.locator('.notification').filter({ hasText: '资产清单最多' });
    await expect.poll(() => refused.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await refused.first().textContent()).toContain('wide.csv 的表头有 1,001 列；资产清单最多 1,000 列（分隔符是否正确？这是贷款资产清单吗？）。');
    await browser.screenshot('zh-import-refused');
    await dismissNotifications(page);
    // Back where the walk left off, for the reload.
    await openArea(page, '报告');
    await expect.poll(() => heading(page)).toBe('报告');
  }, 180_000);

  it('keeps Chinese after a reload, and English comes back with the switch', async () => {
    const { page } = browser;
    await page.reload();
    await expect.poll(() => heading(page)).toBe('报告');
    expect(await page.evaluate("localStorage.getItem('abs.language')")).toBe('zh-CN');
    await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
    await expect.poll(() => heading(page)).toBe('Reports');
    expect(await page.getByLabel('Report language').inputValue()).toBe('en');
    expect(browser.pageErrors).toEqual([]);
  }, 180_000);
});
