import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../data/errors.ts';
import { poolSummary } from '../../data/pool/summary.ts';
import { importTape } from '../../data/tape/import.ts';
import { openWorkspace, type Workspace } from '../../data/workspace.ts';
import { useTempDir } from '../helpers/tmp.ts';

/**
 * The cutoff is never the import date: it is given, or read from the tape's 数据日期. Loans that
 * matured before it are counted (import report, pool summary), and a tape without delinquency or
 * overdue columns says so rather than reading as a pool with nothing overdue.
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
