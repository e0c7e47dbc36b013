import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DealFile, DealRunResult, RowProblem } from '../../service/api/contract.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { readScenarioSet } from '../../service/files/scenario-file.ts';
import { dealRunOf, importReportOf } from '../../service/jobs/job-manager.ts';
import { Service } from '../../service/service.ts';
import { sayApiError, sayCoded, warningTexts } from '../../renderer/app/coded.ts';
import { chooseLanguage } from '../../renderer/app/language.ts';
import { problemText, ruleName } from '../../renderer/areas/tapes/problem-text.ts';
import type { FileIssue } from '../../renderer/app/issues.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';

// Chinese is a chunk of its own (renderer/app/catalogues.ts): loaded once here, so chooseLanguage switches within its call.
beforeAll(() => loadCatalogue('zh-CN'));

/**
 * Import refusals and a deal run's warnings, as the real service sends them, said in Chinese.
 * A deal run's warnings cross the API twice: as today's English `warnings` (the CLI's, the API's
 * existing readers') and as `codedWarnings` with a code and params, which the screens say in the
 * chosen language. The real service runs the consumer template on a real imported tape.
 */

const tempDir = useTempDir();
let service: Service;

beforeEach(async () => {
  service = new Service({ transport: 'test' });
  await service.call('workspace.open', { path: join(tempDir(), 'ws.sqlite') });
});

afterEach(async () => {
  void chooseLanguage('en');
  await service.close();
});

// 21 loans, current principal 8,000 + i for i = 0…20: Σ = 21 × 8,000 + (0 + … + 20) = 168,000 + 210 = 168,210.
const HEADER = '借据号,放款日期,到期日期,合同金额,剩余本金,年化利率,总期数,职业类型';
const SEGMENTS = ['工薪', '自雇', '零工'];
const ROWS = Array.from({ length: 21 }, (_, i) => `L${i},2026-06-15,2027-06-15,10000,${8000 + i},0.18,12,${SEGMENTS[i % 3]}`);

async function runOnTape(cutoffDate: string): Promise<DealRunResult> {
  const path = join(tempDir(), 'silent.csv');
  writeFileSync(path, `${[HEADER, ...ROWS].join('\n')}\n`);
  const imported = await service.call('tape.import', { source: { kind: 'path', path }, mode: 'reject', cutoffDate });
  if (!imported.ok) throw new Error(imported.error.message);
  const tapeId = importReportOf(await service.jobs.wait(imported.value.id))?.tapeId;
  if (tapeId === null || tapeId === undefined) throw new Error('not imported');
  const deal: DealFile = readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json'), 'utf8')));
  const job = await service.call('deal.run', { deal, tapeId, mode: 'repline' });
  if (!job.ok) throw new Error(job.error.message);
  const run = dealRunOf(await service.jobs.wait(job.value.id));
  if (run === undefined) throw new Error('no run');
  return run.run;
}

describe('a deal run’s warnings by code', () => {
  it('gives each English warning its code and params, and the screens say them in Chinese', async () => {
    const run = await runOnTape('2026-09-30');
    expect(run.codedWarnings?.map((w) => w.message)).toEqual(run.warnings);
    expect(run.codedWarnings?.map((w) => w.code)).toEqual(['dealWarning.cutoffMismatch', 'dealWarning.undercollateralised', 'dealWarning.missingDelinquencyColumns']);
    // The template's notes: 320,000,000 + 36,000,000 + 44,000,000 = 400,000,000; its reserve deposit 3,560,000;
    // the pool 168,210 → collateral 3,728,210, short by 400,000,000 − 3,728,210 = 396,271,790.
    expect(run.codedWarnings?.[1]?.params).toEqual({ notesAmount: 400_000_000, collateralAmount: 3_728_210, shortfallAmount: 396_271_790 });
    expect(run.warnings[1]).toBe('The notes (400,000,000.00) exceed the pool and the reserve at closing (3,728,210.00) by 396,271,790.00: the deal is undercollateralised from the start.');

    void chooseLanguage('zh-CN');
    expect(warningTexts(run)).toEqual([
      '资产池的初始起算日（2026-09-30）与交易的初始起算日（2026-12-31）不同：资产池的第一个回收月在交易的首个兑付日（2027-02-26）分配。',
      '证券总额（¥400,000,000.00）超过起息日的资产池与储备账户合计（¥3,728,210.00）¥396,271,790.00：交易自发行起即抵押不足。',
      '资产清单缺少逾期天数、逾期本金、逾期利息列：每笔贷款都按正常、无逾期起算，而资产清单并未如此说明——逾期分布与逾期总额完全来自情景假设。',
    ]);
    void chooseLanguage('en');
    expect(sayCoded(run.codedWarnings?.[2] ?? { message: '' })).toBe(
      'The tape has no Days past due, Overdue principal, Overdue interest column: every loan starts current with nothing overdue, which the tape does not say — the delinquency and 逾期总额 figures are the scenario’s alone.',
    );
  }, 60_000);

  it('a result stored before codes shows its English warnings', () => {
    void chooseLanguage('zh-CN');
    expect(warningTexts({ warnings: ['an old English warning'] })).toEqual(['an old English warning']);
  });
});

describe('an import refused, by code', () => {
  it('names the unmapped required fields by their labels in the chosen language, and keeps the English for the CLI', async () => {
    const path = join(tempDir(), 'no-ids.csv');
    // No loan-id column and no rate column: the mapping lacks 借据号 and a rate.
    writeFileSync(path, '放款日期,到期日期,合同金额,剩余本金,总期数\n2026-06-15,2027-06-15,10000,8000,12\n');
    const imported = await service.call('tape.import', { source: { kind: 'path', path }, mode: 'reject', cutoffDate: '2026-12-31' });
    const job = imported.ok ? await service.jobs.wait(imported.value.id) : null;
    const error = job?.error ?? (imported.ok ? null : imported.error);
    if (!error) throw new Error('the import was not refused');
    expect(error.code).toBe('BAD_MAPPING');
    expect(error.message).toBe('no-ids.csv: no column is mapped to Loan ID, an interest rate (annual or daily); map it or fix the header');
    expect(error.details).toMatchObject({ messageCode: 'tape.requiredUnmapped', messageParams: { file: 'no-ids.csv', missingFields: 'loanId,rateAnnual' } });
    void chooseLanguage('zh-CN');
    expect(sayApiError(error)).toBe('no-ids.csv：没有列映射到借据号、年化利率；请映射该列或修正表头。');
  }, 60_000);

  it('a cutoff date the reader cannot read: the reason stays the reader’s', async () => {
    const path = join(tempDir(), 'tape.csv');
    writeFileSync(path, `${HEADER}\n${ROWS[0] ?? ''}\n`);
    const imported = await service.call('tape.import', { source: { kind: 'path', path }, mode: 'reject', cutoffDate: '2026-13-45' });
    const error = imported.ok ? (await service.jobs.wait(imported.value.id)).error : imported.error;
    expect(error?.details?.['messageCode']).toBe('tape.cutoffUnreadable');
    void chooseLanguage('zh-CN');
    // the reader's own reason by code too (data/tape/values/reasons.ts: month 13)
    expect(sayApiError(error ?? { message: '' })).toBe('初始起算日“2026-13-45”无法识别：不是有效日期（不存在 13 月）');
    void chooseLanguage('en');
    expect(sayApiError(error ?? { message: '' })).toBe('Cutoff date "2026-13-45": not a calendar date (there is no month 13)');
  }, 60_000);

  it("a workspace named like another workspace's journal, or a new one not named .sqlite, is refused in the chosen language", async () => {
    const path = join(tempDir(), 'ws.sqlite-wal');
    const refused = await service.call('workspace.open', { path });
    if (refused.ok) throw new Error('ws.sqlite-wal was opened');
    void chooseLanguage('zh-CN');
    expect(sayApiError(refused.error)).toBe(
      `ws.sqlite-wal 不能作为工作区：SQLite 用这个文件保存工作区 ws.sqlite 的日志，以此为名的工作区会被当作那份日志而被毁掉（${path}）。请选择以 .sqlite 结尾的文件名。`,
    );
    const notes = await service.call('workspace.open', { path: join(tempDir(), 'notes.txt') });
    if (notes.ok) throw new Error('notes.txt was created');
    expect(sayApiError(notes.error)).toContain('notes.txt 不能作为新工作区：工作区文件名须以 .sqlite 或 .db 结尾，例如 notes.sqlite');
  });
});

/** Imports `lines` as a tape keeping its valid rows, and gives each rejected row's first problem, as the rejected-rows screen gets them. */
async function rejectedProblems(name: string, lines: readonly string[]): Promise<RowProblem[]> {
  const path = join(tempDir(), name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  const imported = await service.call('tape.import', { source: { kind: 'path', path }, mode: 'keepValid', cutoffDate: '2026-12-31' });
  if (!imported.ok) throw new Error(imported.error.message);
  const tapeId = importReportOf(await service.jobs.wait(imported.value.id))?.tapeId;
  if (tapeId === null || tapeId === undefined) throw new Error('not imported');
  const rejects = await service.call('tape.rejects', { id: tapeId, offset: 0, limit: 10 });
  if (!rejects.ok) throw new Error(rejects.error.message);
  return rejects.value.rows.flatMap((r) => r.problems.slice(0, 1));
}

describe('rejected rows, by code', () => {
  it('the rejected-rows screen says each problem in Chinese: the column, its field, the value and why', async () => {
    // Row 2 is good; row 3's current principal 12,000 exceeds its 10,000; row 4's rate cannot be read.
    const lines = [HEADER, ROWS[0] ?? '', 'L90,2026-06-15,2027-06-15,10000,12000,0.18,12,工薪', 'L91,2026-06-15,2027-06-15,10000,8000,abc,12,工薪'];
    const [exceeds, unreadable] = await rejectedProblems('bad-rows.csv', lines);
    if (!exceeds || !unreadable) throw new Error('two rejected rows expected');
    // The English report is unchanged for the CLI and the CSV.
    expect(exceeds.message).toBe('row 3, column "剩余本金" (current principal), value "12000": current principal 12,000 exceeds original principal 10,000 and the loan is not flagged as restructured');
    void chooseLanguage('zh-CN');
    expect(ruleName(exceeds.rule)).toBe('余额超合同金额');
    expect(problemText(exceeds)).toBe('列“剩余本金”（剩余本金），值“12000”：剩余本金 ¥12,000.00 超过合同金额 ¥10,000.00，且该贷款未标记为重组。');
    expect(ruleName(unreadable.rule)).toBe('格式');
    // the rate reader's own reason, in Chinese too
    expect(problemText(unreadable)).toBe('列“年化利率”（年化利率），值“abc”：无法识别：不是利率');
    expect(unreadable.message).toBe('row 4, column "年化利率" (annual rate), value "abc": not a rate');
  }, 60_000);

  it('says a rate outside 0–100% under the rule range, in English and Chinese (README, "Validation")', async () => {
    const [problem, ...others] = await rejectedProblems('rate-range.csv', [HEADER, ROWS[0] ?? '', 'L93,2026-06-15,2027-06-15,10000,8000,180%,12,工薪']);
    if (!problem || others.length > 0) throw new Error('one rejected row expected');
    expect(problem).toMatchObject({ row: 3, rule: 'range', message: 'row 3, column "年化利率" (annual rate), value "180%": rate 180% is outside 0–100%' });
    expect(problemText(problem)).toBe('column "年化利率" (Annual rate), value "180%": Out of range: rate 180% is outside 0–100%.');
    void chooseLanguage('zh-CN');
    expect(ruleName(problem.rule)).toBe('取值范围');
    expect(problemText(problem)).toBe('列“年化利率”（年化利率），值“180%”：超出范围：利率 180% 超出 0–100%。');
  }, 60_000);

  it('names the field a rule is about by its label, as the CLI and the column mapping do — never its canonical name (currentPrincipal)', async () => {
    // Row 3's current principal is −500 (data/tape/rows/checks.ts: current principal must not be negative).
    const [negative, ...others] = await rejectedProblems('negative.csv', [HEADER, ROWS[0] ?? '', 'L92,2026-06-15,2027-06-15,10000,-500,0.18,12,工薪']);
    if (!negative || others.length > 0) throw new Error('one rejected row expected');
    expect(negative.message).toBe('row 3, column "剩余本金" (current principal), value "-500": current principal must not be negative');
    expect(problemText(negative)).toBe('column "剩余本金" (Current principal), value "-500": Current principal must not be negative.');
    void chooseLanguage('zh-CN');
    expect(problemText(negative)).toBe('列“剩余本金”（剩余本金），值“-500”：剩余本金不得为负。');
  }, 60_000);

  it('says a value right of the header’s last column in Chinese: the value, and its column in the reason', async () => {
    // The header has 8 columns; row 3 has a 9th value (an unquoted comma would put one there).
    const [problem, ...others] = await rejectedProblems('unheaded.csv', [HEADER, ROWS[0] ?? '', `${ROWS[1] ?? ''},南山`]);
    if (!problem || others.length > 0) throw new Error('one rejected row expected');
    expect(problem).toMatchObject({ row: 3, rule: 'unheaded_value', value: '南山', params: { column: 9, lastColumn: 8 } });
    void chooseLanguage('zh-CN');
    expect(ruleName(problem.rule)).toBe('无表头的值');
    expect(problemText(problem)).toBe(
      '值“南山”：该值位于第 9 列，在表头最后一列（第 8 列）右侧：没有表头的值无法导入。前面字段中未加引号的分隔符会使该行的值右移；请给该字段加引号，或为该列补上表头。',
    );
    void chooseLanguage('en');
    expect(problemText(problem)).toBe(
      'value "南山": It is in column 9, right of the header\'s last column (8): a value without a heading cannot be imported. An unquoted delimiter in an earlier field shifts the row\'s values right; quote that field, or give the column a heading.',
    );
  }, 60_000);
});

describe('an assumption file’s rule, by code', () => {
  it('says the rule at its field in Chinese, and keeps the English for the CLI', async () => {
    const file = JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'assumptions', 'consumer-base.json'), 'utf8')) as { pool: Record<string, unknown> };
    file.pool['default'] = '2 CDR';
    file.pool['defaultTiming'] = { cumulativeDefaultRate: 0.08, timingPct: [100], monthsPerPeriod: 12 };
    const checked = await service.call('assumptions.check', { assumptions: file });
    if (checked.ok) throw new Error('the file was accepted');
    const issues = checked.error.details?.['issues'] as { path: string; message: string; code?: string; params?: Record<string, unknown> }[];
    const issue = issues.find((i) => i.path === '$.pool.defaultTiming');
    expect(issue).toMatchObject({ code: 'assumptions.defaultTwice', message: 'give either `default` (a speed) or `defaultTiming` (a cumulative curve), not both' });
    void chooseLanguage('zh-CN');
    expect(sayCoded(issue ?? { message: '' })).toBe('违约速度与违约时间分布曲线只能二者择一。');
  });
});

describe('a scenario set’s rule, by code', () => {
  it('a second scenario of the same name: the position counted from 1 on screen, the JSON index in the English', () => {
    const set = JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'scenarios', 'cn-consumer-revolving.json'), 'utf8')) as { scenarios: { name: string }[] };
    const first = set.scenarios[0];
    const second = set.scenarios[1];
    if (!first || !second) throw new Error('the shipped set has two scenarios');
    second.name = first.name;
    let issue: FileIssue | undefined;
    try {
      readScenarioSet(set);
    } catch (error) {
      issue = (error as { details: { issues: FileIssue[] } }).details.issues.find((i) => i.path === '$.scenarios[1].name');
    }
    expect(issue?.message).toBe(`"${first.name}" is also the name of scenarios[0]; names must be unique`);
    void chooseLanguage('zh-CN');
    expect(sayCoded(issue ?? { message: '' })).toBe(`“${first.name}”与第 1 个情景同名；情景名称须唯一。`);
  });
});
