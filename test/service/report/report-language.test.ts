import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS, { type ExcelJSTypes } from '../../../data/excel.ts';
import type { BreakevenResult, DealFile, JobInfo, ReportExcelRequest } from '../../../service/api/contract.ts';
import { readDealFile } from '../../../service/files/deal-file.ts';
import { labelsFor, type ReportLanguage } from '../../../service/report/labels.ts';
import { Service } from '../../../service/service.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

/**
 * A report says a run's generated name and its coded warnings in the report's language, through the
 * real service (deal.run into a real run store, report.excel, the workbook read back with exceljs);
 * a name the analyst typed stays as typed in every language.
 */

async function value<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

async function finished(service: Service, job: JobInfo): Promise<JobInfo> {
  const done = await service.jobs.wait(job.id);
  if (done.state !== 'succeeded') throw new Error(done.error?.message ?? done.state);
  return done;
}

/** A shipped template file (templates/<folder>/<name>.json), parsed. */
function templateFile(folder: string, name: string): unknown {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'templates', folder, `${name}.json`), 'utf8'));
}

let dir = '';
let service: Service;
let breakevens: BreakevenResult;

async function report(language: ReportLanguage, file: string): Promise<ExcelJSTypes.Workbook> {
  const request: ReportExcelRequest = { runIds: [1, 2, 3], language, outPath: join(dir, file) };
  await finished(service, await value(service.call('report.excel', request)));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(dir, file));
  return workbook;
}

/** Every text cell of a sheet. */
function texts(sheet: ExcelJSTypes.Worksheet | undefined): string[] {
  const found: string[] = [];
  sheet?.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'string' && found.push(cell.value)));
  return found;
}

/** The value beside a label in column A of the Summary (the label-and-value lines). */
function besides(sheet: ExcelJSTypes.Worksheet | undefined, label: string): string[] {
  const found: string[] = [];
  sheet?.eachRow((row) => {
    const text = row.getCell(2).value;
    if (row.getCell(1).value === label) found.push(typeof text === 'string' ? text : JSON.stringify(text));
  });
  return found;
}

// Money in a message is written as the report's money cells: the deal's currency, 2 decimals, no ¥ sign.
// The template's own representative lines hold 400,000,000.00 at cutoff (182 + 64 + 96 + 21 + 37
// million) and its reserve starts with 3,560,000.00: collateral 403,560,000.00. The notes are made
// 320 + 36 + 54 = 410,000,000.00, so the deal is short by 410,000,000 − 403,560,000 = 6,440,000.00.
const ZH_WARNING = '证券总额（410,000,000.00）超过起息日的资产池与储备账户合计（403,560,000.00）6,440,000.00：交易自发行起即抵押不足。';
const EN_WARNING = 'The notes (410,000,000.00) exceed the pool and the reserve at closing (403,560,000.00) by 6,440,000.00: the deal is undercollateralised from the start.';
// Run 1's generated name (service/run-store/inputs.ts dealRunName: runName.deal of the deal's typed name, runName.ownPool, runName.dealScenario).
const ZH_NAME = 'CL 2027-1（交易自带资产池）— 交易文件情景';
const EN_NAME = 'CL 2027-1 on its own pool — deal’s scenario';
const TYPED = 'Stress 2x — as the desk calls it';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-report-language-'));
  service = new Service({ transport: 'test' });
  await value(service.call('workspace.open', { path: join(dir, 'ws.sqlite'), create: true }));
  const template = readDealFile(templateFile('deals', 'cn-consumer-revolving'));
  const notes = template.notes.map((n) => (n.id === 'Sub' ? { ...n, originalBalance: 54_000_000 } : n));
  const deal: DealFile = { ...template, name: 'CL 2027-1', notes };
  await finished(service, await value(service.call('deal.run', { deal })));
  await finished(service, await value(service.call('deal.run', { deal, scenarioOverrides: { defaultMultiplier: 2 }, runName: TYPED })));
  // run 3: the breakevens of run 1's deal, pool and scenario (default multiplier, the senior's timely interest), joined to run 1
  await finished(service, await value(service.call('deal.breakeven', { deal, interest: 'timely' })));
  const stored = await value(service.call('runs.get', { id: 3 }));
  if (stored.result.kind !== 'deal.breakeven') throw new Error('run 3 is a breakeven search');
  breakevens = stored.result.breakeven;
}, 120_000);

afterAll(async () => {
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Excel report in the report’s language: run names and warnings', () => {
  it('says the generated run name and the coded warning in Chinese, and the typed name as typed', async () => {
    const zh = labelsFor('zh-CN');
    const workbook = await report('zh-CN', 'zh.xlsx');
    const summary = workbook.getWorksheet(zh('sheet.summary'));
    expect(besides(summary, zh('field.scenarios'))).toEqual([`${ZH_NAME} · ${TYPED}`]);
    // A full-width colon in Chinese (情景：…), not the English one.
    expect(texts(summary)).toEqual(expect.arrayContaining([`${zh('col.scenario')}：${ZH_NAME}`, `${zh('col.scenario')}：${TYPED}`]));
    // both runs are of the same undercollateralised deal: each scenario's warnings line says it in Chinese
    expect(besides(summary, zh('field.warnings')).map((line) => line.split(' | '))).toEqual([expect.arrayContaining([ZH_WARNING]), expect.arrayContaining([ZH_WARNING])]);
    expect(texts(summary).some((text) => text.includes('undercollateralised') || text.includes(EN_NAME))).toBe(false);
    // how run 1's breakevens were searched, in the report's words: stress and interest test (tolerance and runs as stored)
    expect(besides(summary, zh('field.breakevens'))).toEqual([`违约乘数 · 及时付息 · ${breakevens.tolerance} · ${breakevens.runs}`]);
    const comparison = workbook.getWorksheet(zh('sheet.comparison'));
    expect(comparison?.getRow(1).getCell(2).value).toBe(ZH_NAME);
    expect(comparison?.getRow(1).getCell(3).value).toBe(TYPED);
    const assumptions = texts(workbook.getWorksheet(zh('sheet.assumptions')));
    expect(assumptions).toContain(ZH_NAME);
    expect(assumptions).not.toContain(EN_NAME);
  }, 60_000);

  it('says them in English in an English report, the typed name the same', async () => {
    const en = labelsFor('en');
    const workbook = await report('en', 'en.xlsx');
    const summary = workbook.getWorksheet(en('sheet.summary'));
    expect(besides(summary, en('field.scenarios'))).toEqual([`${EN_NAME} · ${TYPED}`]);
    expect(besides(summary, en('field.warnings')).map((line) => line.split(' | '))).toEqual([expect.arrayContaining([EN_WARNING]), expect.arrayContaining([EN_WARNING])]);
    expect(besides(summary, en('field.breakevens'))).toEqual([`default multiplier · timely · ${breakevens.tolerance} · ${breakevens.runs}`]);
    const comparison = workbook.getWorksheet(en('sheet.comparison'));
    expect(comparison?.getRow(1).getCell(2).value).toBe(EN_NAME);
    expect(comparison?.getRow(1).getCell(3).value).toBe(TYPED);
  }, 60_000);
});

/** Every text cell but the Assumptions sheet's values, as "sheet!cell text". */
function wordsOf(workbook: ExcelJSTypes.Workbook, assumptionsSheet: string): string[] {
  const found: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell, column) => {
        if (sheet.name === assumptionsSheet && column === 4) return;
        if (typeof cell.value === 'string') found.push(`${sheet.name}!${cell.address} ${cell.value}`);
      }),
    );
  }
  return found;
}

/** The Summary's tranche-table coupon cells (the column headed by the coupon label), every scenario's. */
function coupons(sheet: ExcelJSTypes.Worksheet | undefined, header: string): unknown[] {
  const found: unknown[] = [];
  sheet?.eachRow((row) => {
    if (row.getCell(4).value !== header) return;
    for (let r = row.number + 1; typeof sheet.getRow(r).getCell(4).value === 'string'; r += 1) found.push(sheet.getRow(r).getCell(4).value);
  });
  return found;
}

/** A deal reported under a scenario set (report.excel with deal and scenarios), read back. */
async function setReport(deal: DealFile, scenarios: unknown, language: ReportLanguage, name: string): Promise<ExcelJSTypes.Workbook> {
  const checked = await value(service.call('scenarios.check', { scenarios }));
  const file = join(dir, `${name}.xlsx`);
  await finished(service, await value(service.call('report.excel', { deal, scenarios: checked.set, language, outPath: file })));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The cn-consumer-revolving template reported under its shipped scenario set, as `abs report … --scenarios` sends it. */
function templateReport(language: ReportLanguage): Promise<ExcelJSTypes.Workbook> {
  const deal = readDealFile(templateFile('deals', 'cn-consumer-revolving'));
  return setReport(deal, templateFile('scenarios', 'cn-consumer-revolving'), language, `template-${language}`);
}

/**
 * A template deal reported under its shipped scenario set (report.excel with deal and scenarios, as
 * `abs report … --scenarios` sends it): no cell says a word of the service's English or a raw
 * identifier in place of the report's own words. The Assumptions sheet's value column is left out:
 * it holds the files' own values (`$.mode` = "repline", "ACT/365"), written back into files to rerun.
 */
describe('every word of a template deal’s report in the report’s language', () => {
  // The coupons as service/runs/tranches.ts stores them ("2.80% fixed", "none (residual)") and the projection mode's identifier.
  const ENGLISH = [/\bfixed\b/, /\bfloating\b/, /\bresidual\b/, /\brepline\b/, /representative lines/, /loan level/, /\bdeal currency\b/];

  it('says the coupons and the projection mode in Chinese, and no cell in the service’s English', async () => {
    const zh = labelsFor('zh-CN');
    const workbook = await templateReport('zh-CN');
    const summary = workbook.getWorksheet(zh('sheet.summary'));
    // the template's notes: A 2.80% fixed, B 4.20% fixed, Sub no coupon (the residual), in each of the set's seven scenarios
    expect(coupons(summary, zh('col.coupon'))).toEqual(Array.from({ length: 7 }, () => ['固定 2.80%', '固定 4.20%', '无（剩余收益）']).flat());
    expect(besides(summary, zh('field.mode'))).toEqual(['代表性贷款组']);
    expect(besides(summary, zh('field.currency'))).toEqual(['人民币元（CNY），保留两位小数']); // the template's "currency": "CNY"
    const english = wordsOf(workbook, zh('sheet.assumptions')).filter((text) => ENGLISH.some((phrase) => phrase.test(text)));
    expect(english).toEqual([]);
  }, 60_000);

  it('says the projection mode in words in English, never its identifier', async () => {
    const en = labelsFor('en');
    const workbook = await templateReport('en');
    const summary = workbook.getWorksheet(en('sheet.summary'));
    expect(coupons(summary, en('col.coupon')).slice(0, 3)).toEqual(['2.80% fixed', '4.20% fixed', 'none (residual)']);
    expect(besides(summary, en('field.mode'))).toEqual(['representative lines']);
    expect(besides(summary, en('field.currency'))).toEqual(['CNY (yuan), 2 decimals']);
    expect(wordsOf(workbook, en('sheet.assumptions')).filter((text) => /\brepline\b|bySeniority/.test(text))).toEqual([]);
  }, 60_000);

  it('names the currency the deal file states, and says when it states none', async () => {
    const template = readDealFile(templateFile('deals', 'cn-consumer-revolving'));
    const { currency: _stated, ...unstated } = template;
    const oneScenario = { name: 'Base only', scenarios: [{ name: 'Base' }] };
    const lines: string[] = [];
    for (const [deal, language] of [
      [{ ...template, currency: 'USD' }, 'en'],
      [{ ...template, currency: 'USD' }, 'zh-CN'],
      [unstated, 'en'],
      [unstated, 'zh-CN'],
    ] as const) {
      const t = labelsFor(language);
      const workbook = await setReport(deal, oneScenario, language, `currency-${lines.length}`);
      lines.push(...besides(workbook.getWorksheet(t('sheet.summary')), t('field.currency')));
    }
    expect(lines).toEqual(['USD (US dollars), 2 decimals', '美元（USD），保留两位小数', 'deal currency (the deal file names none), 2 decimals', '交易币种（交易文件未注明），保留两位小数']);
  }, 60_000);

  it('sets the coupon text off the balance column before it by an indent', async () => {
    const zh = labelsFor('zh-CN');
    const summary = (await templateReport('zh-CN')).getWorksheet(zh('sheet.summary'));
    const header = texts(summary).indexOf(zh('col.coupon'));
    expect(header).toBeGreaterThan(-1);
    let indented = 0;
    summary?.eachRow((row) => {
      const cell = row.getCell(4);
      if (typeof cell.value === 'string' && cell.value.startsWith('固定')) {
        expect(cell.alignment).toMatchObject({ horizontal: 'left', indent: 1 });
        indented += 1;
      }
    });
    expect(indented).toBe(14); // A and B in each of the seven scenarios
  }, 60_000);
});
