import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../data/errors.ts';
import { poolSummary } from '../../data/pool/summary.ts';
import { importTape } from '../../data/tape/import.ts';
import { openWorkspace, type Workspace } from '../../data/workspace.ts';
import { sayCodedIn } from '../../messages/all.ts';
import { useTempDir } from '../helpers/tmp.ts';

/**
 * The cutoff is never the import date: it is given, or read from the tape's 数据日期. Loans that
 * matured before it are counted (import report, pool summary), and a tape without delinquency or
 * overdue columns says so rather than reading as a pool with nothing overdue. Loans with more term
 * left than their contract has time for are counted too (the last describe).
 */

const tempDir = useTempDir();
let ws: Workspace | null = null;

afterEach(() => {
  ws?.close();
  ws = null;
});

function workspace(): Workspace {
  ws = openWorkspace(join(tempDir(), 'ws.sqlite'));
  return ws;
}

function tape(name: string, lines: readonly string[]): string {
  const path = join(tempDir(), name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const HEADER = '借据号,放款日期,到期日期,合同金额,剩余本金,年化利率,总期数';
// L2 matured 2026-08-15 and L3 on 2026-03-01, both before a 2026-09-30 cutoff; L1 matures after it.
const ROWS = ['L1,2026-01-15,2027-01-15,12000,7000,0.18,12', 'L2,2025-08-15,2026-08-15,6000,500,0.18,12', 'L3,2025-03-01,2026-03-01,3000,250.5,0.2,12'];

async function refusal(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('the cutoff date is given or read from the tape, never guessed', () => {
  it('refuses a tape without a data-date column when no cutoff is given, and leaves the workspace as it was', async () => {
    const { db } = workspace();
    const error = await refusal(importTape(db, { path: tape('no-date.csv', [HEADER, ...ROWS]), mode: 'reject' }, { now: () => new Date('2026-12-07T00:00:00Z') }));
    expect(error.code).toBe('CUTOFF_REQUIRED');
    expect(error.message).toContain('no-date.csv has no data-date column (数据日期');
    expect(error.message).toContain('enter the tape');
    expect(error.details).toMatchObject({ file: 'no-date.csv', field: 'cutoffDate' });
    expect(db.prepare('SELECT count(*) AS n FROM tapes').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM loans').get()).toEqual({ n: 0 });
  });

  it('refuses a blank 数据日期 on the first row, and a tape without rows', async () => {
    const { db } = workspace();
    const blank = await refusal(importTape(db, { path: tape('blank.csv', [`${HEADER},数据日期`, `${ROWS[0]},`]), mode: 'reject' }));
    expect(blank.code).toBe('CUTOFF_REQUIRED');
    expect(blank.message).toContain('leaves the data date (数据日期) blank');
    const empty = await refusal(importTape(db, { path: tape('empty.csv', [HEADER]), mode: 'reject' }));
    expect(empty.code).toBe('CUTOFF_REQUIRED');
    expect(empty.message).toContain('has no loan rows');
  });

  it('takes the cutoff from 数据日期, or the one given, and says which', async () => {
    const { db } = workspace();
    const fromTape = await importTape(db, { path: tape('dated.csv', [`${HEADER},数据日期`, ...ROWS.map((r) => `${r},2026/09/30`)]), mode: 'reject' });
    expect(fromTape).toMatchObject({ cutoffDate: '2026-09-30', cutoffSource: 'tape' });
    const given = await importTape(db, { path: tape('given.csv', [HEADER, ...ROWS]), mode: 'reject', cutoffDate: '2026-09-30' });
    expect(given).toMatchObject({ cutoffDate: '2026-09-30', cutoffSource: 'given' });
  });
});

describe('loans matured before the cutoff, and a tape silent on delinquency', () => {
  it('counts the matured loans in the import report and the pool summary', async () => {
    const { db } = workspace();
    const report = await importTape(db, { path: tape('matured.csv', [HEADER, ...ROWS]), mode: 'reject', cutoffDate: '2026-09-30' });
    expect(report.rowsImported).toBe(3);
    expect(report.notes).toContain('2 loans matured before the cutoff 2026-09-30: past their term on the tape (delinquent past maturity, or stale data); the pool summary counts them.');
    const summary = poolSummary(db, report.tapeId ?? -1);
    // L2 500 + L3 250.50 = 750.50
    expect(summary.maturedBeforeCutoff).toEqual({ count: 2, balance: 750.5 });
  });

  it('names the delinquency columns the tape lacks instead of reading 0 overdue as fact', async () => {
    const { db } = workspace();
    const report = await importTape(db, { path: tape('silent.csv', [HEADER, ...ROWS]), mode: 'reject', cutoffDate: '2026-09-30' });
    expect(report.notes).toContain('No overdue-principal (逾期本金) or overdue-interest (逾期利息) column: 逾期总额 is unknown, not zero.');
    expect(poolSummary(db, report.tapeId ?? -1).missingColumns).toEqual(['daysPastDue', 'overduePrincipal', 'overdueInterest']);
    const full = await importTape(db, {
      path: tape('full.csv', [`${HEADER},逾期天数,逾期本金,逾期利息`, ...ROWS.map((r) => `${r},0,0,0`)]),
      mode: 'reject',
      cutoffDate: '2026-09-30',
    });
    expect(poolSummary(db, full.tapeId ?? -1).missingColumns).toEqual([]);
    // One of the two columns: the note names the one missing, in each language.
    const half = await importTape(db, {
      path: tape('half.csv', [`${HEADER},逾期天数,逾期本金`, ...ROWS.map((r) => `${r},0,0`)]),
      mode: 'reject',
      cutoffDate: '2026-09-30',
    });
    expect(half.notes.filter((note) => note.includes('逾期总额'))).toEqual(['No overdue-interest (逾期利息) column: 逾期总额 is unknown, not zero.']);
    expect(half.codedNotes?.map((note) => sayCodedIn('zh-CN', note)).filter((note) => note.includes('逾期总额'))).toEqual(['没有逾期利息列：逾期总额为未知，而非零。']);
  });
});

describe('stratifying by the columns a tape carried beyond the fields (渠道 and the like)', () => {
  it('groups the loans by an extra column, largest balance first, blanks last', async () => {
    const { db } = workspace();
    const report = await importTape(db, {
      path: tape('channels.csv', [`${HEADER},渠道`, `${ROWS[0]},线上`, `${ROWS[1]},线下门店`, `${ROWS[2]},线上`, 'L4,2026-02-01,2027-02-01,5000,4000,0.18,12,']),
      mode: 'reject',
      cutoffDate: '2026-09-30',
    });
    const { stratify } = await import('../../data/pool/strats.ts');
    const table = stratify(db, report.tapeId ?? -1, 'extra:渠道');
    // 线上: L1 7,000 + L3 250.50 = 7,250.50; 线下门店: L2 500; blank: L4 4,000. Pool 11,750.50.
    expect(table.rows.map((r) => [r.label, r.count, r.balance])).toEqual([
      ['线上', 2, 7250.5],
      ['线下门店', 1, 500],
      ['(blank)', 1, 4000],
    ]);
    expect(table.rows[0]?.share).toBeCloseTo(7250.5 / 11750.5, 12);
    expect(table.label).toBe('渠道 (tape column)');
    expect(() => stratify(db, report.tapeId ?? -1, 'extra:省份')).toThrow('has no extra column "省份"; its extra columns: 渠道');
  });
});

/**
 * A loan whose age plus remaining term exceeds its original term has more payments left than its
 * contract has time for: an extension, a wrong origination date or term, or a tape error. The
 * import keeps it as given (real tapes carry extended loans) and counts it in the report, loans
 * flagged restructured (是否重组) apart. Age = whole months from origination to the cutoff; a
 * month of slack for the convention on the payment due on the cutoff day.
 */

const OVERRUN_CUTOFF = '2026-09-30';
const TERMS_HEADER = '借据号,放款日期,合同金额,剩余本金,年化利率,总期数,剩余期数,是否重组,还款频率';
// Ages to 2026-09-30: 2026-03-15 → 6 months; 2025-09-30 → 12; 2026-04-01 → 5; 2024-09-30 → 24.
const CLEAN = [
  'C1,2026-03-15,12000,6000,0.18,12,6,否,按月', // 6 + 6 = 12: on schedule
  'C2,2026-03-15,12000,7000,0.18,12,7,否,按月', // 6 + 7 = 13: a month over, the cutoff-day convention
  'C3,2025-09-30,6000,3000,0.18,12,,否,按月', // no remaining term given: derived as 12 − 12 = 0
  'C4,2024-09-30,6000,900,0.18,12,0,否,按月', // 24 + 0: past its term, nothing left to schedule
  'C5,2026-04-01,6000,5000,0.18,4,3,否,按季', // quarterly: 4 payments are 12 months, so 5 months + 3 payments is no overrun
];
// A 3-month loan originated 6 months ago with 3 months left (6 + 3 > 3), unflagged; the same on a
// 12-month restructured loan aged 12 with 6 left (12 + 6 > 12).
const OVERRUN = 'X1,2026-03-15,3000,2000,0.18,3,3,否,按月';
const RESTRUCTURED = 'X2,2025-09-30,12000,8000,0.18,12,6,是,按月';

interface LoanRow {
  readonly loan_id: string;
  readonly row_no: number;
  readonly original_term: number;
  readonly remaining_term: number;
  readonly age_months: number;
  readonly current_principal: number;
  readonly restructured: number;
}

function loans(opened: Workspace, tapeId: number | null): LoanRow[] {
  return opened.db
    .prepare('SELECT loan_id, row_no, original_term, remaining_term, age_months, current_principal, restructured FROM loans WHERE tape_id = ? ORDER BY row_no')
    .all(tapeId ?? -1) as LoanRow[];
}

const overrunCodes = (codes: readonly { code: string }[] | undefined): string[] => (codes ?? []).map((c) => c.code).filter((code) => code.startsWith('tapeNote.termOverrun'));

describe('loans whose age plus remaining term exceeds the original term', () => {
  it('counts them in the import report, the restructured one apart, with their rows and figures, and imports them as given', async () => {
    const opened = workspace();
    const report = await importTape(opened.db, { path: tape('overrun.csv', [TERMS_HEADER, ...CLEAN, OVERRUN, RESTRUCTURED]), mode: 'reject', cutoffDate: OVERRUN_CUTOFF });
    expect(report).toMatchObject({ status: 'imported', rowsRead: 7, rowsImported: 7, rowsRejected: 0, problemCount: 0 });
    // Rows are the file's lines (header = 1): X1 on line 7, X2 on line 8.
    const unflagged = report.codedNotes?.find((n) => n.code === 'tapeNote.termOverrunOne');
    const restructured = report.codedNotes?.find((n) => n.code === 'tapeNote.termOverrunRestructuredOne');
    expect(overrunCodes(report.codedNotes)).toEqual(['tapeNote.termOverrunOne', 'tapeNote.termOverrunRestructuredOne']);
    expect(unflagged?.params).toEqual({ rows: '7 (6 + 3 > 3)', cutoffDate: OVERRUN_CUTOFF });
    expect(restructured?.params).toEqual({ rows: '8 (12 + 6 > 12)' });
    expect(report.notes).toContain(
      "1 loan not flagged restructured has age + remaining term over its original term by more than a month (row (age + remaining > original term, in months; age from origination to the cutoff 2026-09-30): 7 (6 + 3 > 3)): an extension, a wrong origination date or term, or a tape error. Imported as given; check it, as it moves the loan's amortisation and the pool's WAM and WALA.",
    );
    expect(report.notes).toContain(
      '1 loan flagged restructured has age + remaining term over its original term by more than a month (row: 8 (12 + 6 > 12)): expected of an extension; imported as given.',
    );
    // In Chinese, from the same codes.
    expect(sayCodedIn('zh-CN', unflagged ?? { message: '' })).toBe(
      '1 笔未标记重组的贷款账龄 + 剩余期数超过总期数一个月以上（行号（账龄 + 剩余期数 > 总期数，单位为月；账龄为放款日至初始起算日 2026-09-30 的月数）：7 (6 + 3 > 3)）：可能是展期、放款日期或总期数有误，或资产清单错误。已按原值导入；请核查，它影响该笔贷款的摊还及资产池的加权平均剩余期限和加权平均账龄。',
    );
    expect(sayCodedIn('zh-CN', restructured ?? { message: '' })).toBe('1 笔标记为重组的贷款账龄 + 剩余期数超过总期数一个月以上（行号：8 (12 + 6 > 12)）：展期后属正常情况；已按原值导入。');
    // The figures stay as the tape gave them: the remaining term is not cut to original − age.
    expect(loans(opened, report.tapeId).filter((l) => l.loan_id.startsWith('X'))).toEqual([
      { loan_id: 'X1', row_no: 7, original_term: 3, remaining_term: 3, age_months: 6, current_principal: 2000, restructured: 0 },
      { loan_id: 'X2', row_no: 8, original_term: 12, remaining_term: 6, age_months: 12, current_principal: 8000, restructured: 1 },
    ]);
  });

  it('says nothing of a clean tape: on schedule, a month over, a derived or zero remaining term, a quarterly loan', async () => {
    const opened = workspace();
    const report = await importTape(opened.db, { path: tape('clean.csv', [TERMS_HEADER, ...CLEAN]), mode: 'reject', cutoffDate: OVERRUN_CUTOFF });
    expect(report).toMatchObject({ status: 'imported', rowsImported: 5 });
    expect(overrunCodes(report.codedNotes)).toEqual([]);
    expect(report.notes.filter((n) => n.includes('remaining term over'))).toEqual([]);
    expect(loans(opened, report.tapeId).map((l) => [l.loan_id, l.age_months, l.remaining_term])).toEqual([
      ['C1', 6, 6],
      ['C2', 6, 7],
      ['C3', 12, 0],
      ['C4', 24, 0],
      ['C5', 5, 3],
    ]);
  });

  it('counts every such loan but names the first five rows, then an ellipsis', async () => {
    const opened = workspace();
    // Seven unflagged loans aged 6 with their whole term left (3, 4, … 9 months), on lines 2–8; a
    // remaining term above the original term would be a rejection of its own (remaining_exceeds_term).
    const rows = Array.from({ length: 7 }, (_, i) => `Y${i},2026-03-15,3000,2000,0.18,${3 + i},${3 + i},否,按月`);
    const report = await importTape(opened.db, { path: tape('many.csv', [TERMS_HEADER, ...rows]), mode: 'reject', cutoffDate: OVERRUN_CUTOFF });
    expect(report).toMatchObject({ status: 'imported', rowsImported: 7 });
    const note = report.codedNotes?.find((n) => n.code === 'tapeNote.termOverrun');
    expect(note?.params).toEqual({ loans: 7, rows: '2 (6 + 3 > 3), 3 (6 + 4 > 4), 4 (6 + 5 > 5), 5 (6 + 6 > 6), 6 (6 + 7 > 7), …', cutoffDate: OVERRUN_CUTOFF });
    expect(note?.message.startsWith('7 loans not flagged restructured have age + remaining term over their original term by more than a month')).toBe(true);
    expect(sayCodedIn('zh-CN', note ?? { message: '' }).startsWith('7 笔未标记重组的贷款账龄 + 剩余期数超过总期数一个月以上')).toBe(true);
  });
});
