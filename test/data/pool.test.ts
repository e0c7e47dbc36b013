import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../data/errors.ts';
import { formatStratCsv, poolSummary, STRAT_CSV_HEADER, STRAT_DIMENSIONS, stratify, type StratDimensionId, type StratTable } from '../../data/pool/index.ts';
import { guardFormula } from '../../data/csv-out.ts';
import { bucketIndex } from '../../data/pool/pool-scan.ts';
import { openWorkspace, type SqliteDb, type Workspace } from '../../data/workspace.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();

/**
 * Twelve handwritten loans. Every expected figure below is worked out by hand from this table.
 * Balances in yuan, rates annual decimals, terms and age in months.
 */
interface LoanFixture {
  readonly loanId: string;
  readonly borrowerId: string | null;
  readonly original: number;
  readonly current: number;
  readonly rate: number;
  readonly originalTerm: number;
  readonly remainingTerm: number;
  readonly age: number;
  readonly dpd: number;
  readonly overduePrincipal: number;
  readonly overdueInterest: number;
  readonly segment: string | null;
  readonly product: string;
  readonly region: string | null;
  readonly score: number | null;
  readonly restructured: boolean;
  readonly amortization: string;
}

const INJECTION = '=HYPERLINK("http://x","y")';
const QUOTED = 'He said "hi", ok';

const LOANS: readonly LoanFixture[] = [
  //  id      borrower  original   current    rate    oT  rT  age dpd  ovP      ovI   segment          product        region    score  restr  amortization
  loan('L01', 'B1', 10000, 5000, 0.12, 12, 6, 6, 0, 0, 0, 'salaried', 'cash', '广东', 700, false, 'level_payment'),
  loan('L02', 'B1', 20000, 15000, 0.15, 24, 18, 6, 1, 500, 50, 'salaried', 'cash', '广东', 650, false, 'level_payment'),
  loan('L03', 'B2', 3000, 1000, 0.18, 3, 1, 2, 30, 300, 30, 'gig', 'installment', '江苏', 500, false, 'equal_principal'),
  loan('L04', 'B3', 50000, 40000, 0.08, 36, 30, 6, 31, 1000, 200, 'self_employed', 'cash', '江苏', 800, true, 'interest_only'),
  loan('L05', null, 12000, 12000, 0.24, 12, 12, 0, 60, 2000, 100, 'gig', 'installment', INJECTION, null, false, 'flat_fee'),
  loan('L06', null, 8000, 0, 0.1, 6, 0, 6, 61, 0, 0, null, 'cash', null, 600, false, 'level_payment'),
  loan('L07', 'B4', 250000, 200000, 0.0799, 48, 37, 11, 90, 5000, 1500, 'salaried', 'cash', '广东', 750, true, 'level_payment'),
  loan('L08', 'B2', 6000, 4999.99, 0.21, 6, 4, 2, 91, 800, 100, 'gig', 'installment', '江苏', 549.5, false, 'equal_principal'),
  loan('L09', 'B5', 30000, 20000, 0.14, 18, 12, 6, 180, 2000, 400, 'self_employed', 'cash', QUOTED, 499.5, false, 'level_payment'),
  loan('L10', 'B6', 1500, 999.99, 0.2, 3, 3, 0, 181, 999.99, 80, 'salaried', 'installment', '浙江', 820, false, 'flat_fee'),
  loan('L11', 'B7', 60000, 50000, 0.1, 36, 24, 12, 0, 0, 0, 'salaried', 'cash', '浙江', 720, false, 'level_payment'),
  loan('L12', 'B1', 12000, 10000, 0.12, 24, 0, 24, 0, 0, 0, 'salaried', 'cash', '广东', 680, false, 'interest_only'),
];

function loan(
  loanId: string,
  borrowerId: string | null,
  original: number,
  current: number,
  rate: number,
  originalTerm: number,
  remainingTerm: number,
  age: number,
  dpd: number,
  overduePrincipal: number,
  overdueInterest: number,
  segment: string | null,
  product: string,
  region: string | null,
  score: number | null,
  restructured: boolean,
  amortization: string,
): LoanFixture {
  return { loanId, borrowerId, original, current, rate, originalTerm, remainingTerm, age, dpd, overduePrincipal, overdueInterest, segment, product, region, score, restructured, amortization };
}

// Σ current = 5000 + 15000 + 1000 + 40000 + 12000 + 0 + 200000 + 4999.99 + 20000 + 999.99 + 50000 + 10000
const POOL_BALANCE = 358999.98;

function insertTape(db: SqliteDb, name: string): number {
  const result = db
    .prepare(
      `INSERT INTO tapes (name, source_file, source_sha256, source_bytes, format, cutoff_date, imported_at,
                          rows_read, rows_imported, rows_rejected, mapping_json, extra_columns_json)
       VALUES (?, ?, 'sha', 0, 'csv', '2026-06-30', '2026-07-01T09:00:00Z', 0, 0, 0, '{}', '[]')`,
    )
    .run(name, `${name}.csv`);
  return Number(result.lastInsertRowid);
}

function insertLoans(db: SqliteDb, tapeId: number, loans: readonly LoanFixture[]): void {
  const insert = db.prepare(
    `INSERT INTO loans (tape_id, row_no, loan_id, borrower_id, origination_date, maturity_date, original_principal,
                        current_principal, rate_annual, original_term, remaining_term, age_months, payment_frequency,
                        amortization, days_past_due, overdue_principal, overdue_interest, segment, product, region,
                        credit_score, restructured, extra_json)
     VALUES (?, ?, ?, ?, '2025-06-01', NULL, ?, ?, ?, ?, ?, ?, 'monthly', ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  );
  loans.forEach((l, i) => {
    insert.run(
      tapeId,
      i + 1,
      l.loanId,
      l.borrowerId,
      l.original,
      l.current,
      l.rate,
      l.originalTerm,
      l.remainingTerm,
      l.age,
      l.amortization,
      l.dpd,
      l.overduePrincipal,
      l.overdueInterest,
      l.segment,
      l.product,
      l.region,
      l.score,
      l.restructured ? 1 : 0,
    );
  });
  // As the importer records it: the rowid range holding the tape's loans.
  db.prepare(
    `UPDATE tapes SET loan_rowid_first = coalesce((SELECT min(rowid) FROM loans WHERE tape_id = @tape), 1),
                      loan_rowid_last = coalesce((SELECT max(rowid) FROM loans WHERE tape_id = @tape), 0) WHERE id = @tape`,
  ).run({ tape: tapeId });
}

interface Fixture {
  readonly ws: Workspace;
  readonly db: SqliteDb;
  /** The twelve loans. */
  readonly tapeId: number;
  /** Three loans whose rowids sit in the middle of the first tape's (a tape scope must re-check tape_id). */
  readonly otherTapeId: number;
  /** A tape without loans. */
  readonly emptyTapeId: number;
}

function openFixture(): Fixture {
  const ws = openWorkspace(join(tempDir(), 'pool.sqlite'));
  const db = ws.db;
  const tapeId = insertTape(db, 'march');
  const otherTapeId = insertTape(db, 'collisions');
  const emptyTapeId = insertTape(db, 'empty');
  insertLoans(db, tapeId, LOANS.slice(0, 6));
  // X1 has no borrower id, and X2's borrower id is "X1": two borrowers, not one. A9 ties X2 at 300.
  insertLoans(db, otherTapeId, [
    { ...LOANS[0]!, loanId: 'X1', borrowerId: null, current: 100, original: 100 },
    { ...LOANS[0]!, loanId: 'X2', borrowerId: 'X1', current: 300, original: 300 },
    { ...LOANS[0]!, loanId: 'X3', borrowerId: 'A9', current: 300, original: 300 },
  ]);
  insertLoans(db, tapeId, LOANS.slice(6));
  return { ws, db, tapeId, otherTapeId, emptyTapeId };
}

function withFixture(test: (f: Fixture) => void): () => void {
  return () => {
    const fixture = openFixture();
    try {
      test(fixture);
    } finally {
      fixture.ws.close();
    }
  };
}

function expectUserError(fn: () => unknown, code: string, message?: string): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe(code);
    if (message !== undefined) expect((error as UserError).message).toBe(message);
    return;
  }
  throw new Error(`expected UserError ${code}`);
}

/** Every number anywhere in `value` is finite (no NaN, no Infinity from a division by zero). */
function expectNoNaN(value: unknown): void {
  if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
  else if (Array.isArray(value)) value.forEach(expectNoNaN);
  else if (value !== null && typeof value === 'object') Object.values(value).forEach(expectNoNaN);
}

/** count and balance of each row, by label. */
function countsAndBalances(table: StratTable): Array<[string, number, number]> {
  return table.rows.map((r) => [r.label, r.count, Math.round(r.balance * 100) / 100]);
}

describe('poolSummary', () => {
  it(
    'computes every pool figure of the twelve loans as worked by hand',
    withFixture(({ db, tapeId }) => {
      const s = poolSummary(db, tapeId);
      expect(s.tapeId).toBe(tapeId);
      expect(s.cutoffDate).toBe('2026-06-30');
      expect(s.loanCount).toBe(12);
      // B1..B7 are named; L05 and L06 have no borrower id and count as borrowers of their own.
      expect(s.borrowerCount).toBe(9);
      expect(s.currentBalance).toBeCloseTo(POOL_BALANCE, 6);
      // Σ original = 10000 + 20000 + 3000 + 50000 + 12000 + 8000 + 250000 + 6000 + 30000 + 1500 + 60000 + 12000
      expect(s.originalBalance).toBeCloseTo(462500, 6);
      expect(s.poolFactor).toBeCloseTo(358999.98 / 462500, 12);

      // WAC: Σ rate·bal = 600 + 2250 + 180 + 3200 + 2880 + 0 + 15980 + 1049.9979 + 2800 + 199.998 + 5000 + 1200
      //                 = 35339.9959 → 35339.9959 / 358999.98 ≈ 9.844%
      expect(s.wac).toBeCloseTo(35339.9959 / POOL_BALANCE, 12);
      // WAM: Σ remaining·bal = 30000 + 270000 + 1000 + 1200000 + 144000 + 0 + 7400000 + 19999.96 + 240000
      //                        + 2999.97 + 1200000 + 0 = 10507999.93
      expect(s.wam).toBeCloseTo(10507999.93 / POOL_BALANCE, 10);
      // WALA: Σ age·bal = 30000 + 90000 + 2000 + 240000 + 0 + 0 + 2200000 + 9999.98 + 120000 + 0 + 600000 + 240000
      //                 = 3531999.98
      expect(s.wala).toBeCloseTo(3531999.98 / POOL_BALANCE, 10);
      // WA original term: Σ term·bal = 60000 + 360000 + 3000 + 1440000 + 144000 + 0 + 9600000 + 29999.94 + 360000
      //                              + 2999.97 + 1800000 + 240000 = 14039999.91
      expect(s.waOriginalTerm).toBeCloseTo(14039999.91 / POOL_BALANCE, 10);
      expect(s.averageBalance).toBeCloseTo(POOL_BALANCE / 12, 9);
      expect(s.maxBalance).toBe(200000);
      expect(s.minBalance).toBe(0);
      // Scored loans exclude L05: Σ score·bal = 3.5e6 + 9.75e6 + 0.5e6 + 32e6 + 0 + 150e6 + 2747494.505 + 9.99e6
      //   + 819991.8 + 36e6 + 6.8e6 = 252107486.305, over Σ bal = 358999.98 − 12000 = 346999.98
      expect(s.waCreditScore).toBeCloseTo(252107486.305 / 346999.98, 9);

      // Overdue principal 500 + 300 + 1000 + 2000 + 5000 + 800 + 2000 + 999.99 = 12599.99;
      // interest 50 + 30 + 200 + 100 + 1500 + 100 + 400 + 80 = 2460; 逾期总额 = 15059.99
      expect(s.overduePrincipal).toBeCloseTo(12599.99, 9);
      expect(s.overdueInterest).toBeCloseTo(2460, 9);
      expect(s.overdueTotal).toBeCloseTo(15059.99, 9);
      // Restructured: L04 (40000) and L07 (200000)
      expect(s.restructuredCount).toBe(2);
      expect(s.restructuredBalance).toBe(240000);
    }),
  );

  it(
    'buckets delinquency at the boundaries 0 | 1, 30 | 31, 60 | 61, 90 | 91, 180 | 181 days',
    withFixture(({ db, tapeId }) => {
      const { delinquency } = poolSummary(db, tapeId);
      expect(delinquency.map((d) => [d.bucket, d.count, Math.round(d.balance * 100) / 100])).toEqual([
        ['current', 3, 65000], // L01, L11, L12 (0 days): 5000 + 50000 + 10000
        ['1-30', 2, 16000], // L02 (1), L03 (30): 15000 + 1000
        ['31-60', 2, 52000], // L04 (31), L05 (60): 40000 + 12000
        ['61-90', 2, 200000], // L06 (61), L07 (90): 0 + 200000
        ['91-180', 2, 24999.99], // L08 (91), L09 (180): 4999.99 + 20000
        ['180+', 1, 999.99], // L10 (181)
      ]);
      expect(delinquency[3]?.share).toBeCloseTo(200000 / POOL_BALANCE, 12);
      expect(delinquency.reduce((sum, d) => sum + d.share, 0)).toBeCloseTo(1, 12);
    }),
  );

  it(
    'measures concentration by borrower, summing each borrower’s loans',
    withFixture(({ db, tapeId }) => {
      const { topBorrowers } = poolSummary(db, tapeId);
      // B4 200000; B7 50000; B3 40000; B1 5000 + 15000 + 10000 = 30000 over 3 loans; B5 20000;
      // L05 (no borrower id) 12000; B2 1000 + 4999.99 = 5999.99; B6 999.99; L06 0.
      expect(topBorrowers.largest.map((b) => [b.borrowerId, b.fromLoanId, b.loanCount, Math.round(b.balance * 100) / 100])).toEqual([
        ['B4', false, 1, 200000],
        ['B7', false, 1, 50000],
        ['B3', false, 1, 40000],
        ['B1', false, 3, 30000],
        ['B5', false, 1, 20000],
        ['L05', true, 1, 12000],
        ['B2', false, 2, 5999.99],
        ['B6', false, 1, 999.99],
        ['L06', true, 1, 0],
      ]);
      expect(topBorrowers.top1Share).toBeCloseTo(200000 / POOL_BALANCE, 12);
      expect(topBorrowers.largest[3]?.share).toBeCloseTo(30000 / POOL_BALANCE, 12);
      // Nine borrowers in all: the top 10 and top 20 hold the whole pool.
      expect(topBorrowers.top10Share).toBeCloseTo(1, 12);
      expect(topBorrowers.top20Share).toBeCloseTo(1, 12);
    }),
  );

  it(
    'keeps a borrower id apart from an equal loan id, breaks ties by id, and stays inside its tape',
    withFixture(({ db, otherTapeId }) => {
      const s = poolSummary(db, otherTapeId);
      expect(s.loanCount).toBe(3);
      expect(s.currentBalance).toBe(700);
      expect(s.borrowerCount).toBe(3);
      expect(s.topBorrowers.largest.map((b) => [b.borrowerId, b.fromLoanId, b.balance])).toEqual([
        ['A9', false, 300],
        ['X1', false, 300],
        ['X1', true, 100],
      ]);
      expect(s.topBorrowers.top1Share).toBeCloseTo(300 / 700, 12);
    }),
  );

  it(
    'gives zeros and null averages for a tape without loans, never NaN',
    withFixture(({ db, emptyTapeId }) => {
      const s = poolSummary(db, emptyTapeId);
      expect(s).toMatchObject({
        loanCount: 0,
        borrowerCount: 0,
        currentBalance: 0,
        originalBalance: 0,
        poolFactor: null,
        wac: null,
        wam: null,
        wala: null,
        waOriginalTerm: null,
        averageBalance: null,
        maxBalance: null,
        minBalance: null,
        waCreditScore: null,
        overdueTotal: 0,
        restructuredCount: 0,
        restructuredBalance: 0,
        topBorrowers: { top1Share: 0, top10Share: 0, top20Share: 0, largest: [] },
      });
      expect(s.delinquency.map((d) => [d.bucket, d.count, d.balance, d.share])).toEqual([
        ['current', 0, 0, 0],
        ['1-30', 0, 0, 0],
        ['31-60', 0, 0, 0],
        ['61-90', 0, 0, 0],
        ['91-180', 0, 0, 0],
        ['180+', 0, 0, 0],
      ]);
      expectNoNaN(s);
    }),
  );

  it(
    'refuses an unknown tape',
    withFixture(({ db }) => {
      expectUserError(() => poolSummary(db, 7), 'NOT_FOUND', 'No tape with id 7 in this workspace');
      expectUserError(() => poolSummary(db, 1.5), 'BAD_REQUEST', 'A tape id is a whole number, not 1.5');
    }),
  );
});

describe('stratify: numeric dimensions at their edges', () => {
  it(
    'current balance: [lo, hi) buckets, so 5000 lands in [5,000, 10,000) and 4999.99 below it; empty buckets listed',
    withFixture(({ db, tapeId }) => {
      const t = stratify(db, tapeId, 'currentBalance');
      expect(t.edges).toEqual([0, 1000, 5000, 10000, 20000, 50000, 100000, 200000]);
      expect(t.closed).toBe('lower');
      expect(countsAndBalances(t)).toEqual([
        ['0 – < 1,000', 2, 999.99], // L06 0, L10 999.99
        ['1,000 – < 5,000', 2, 5999.99], // L03 1000, L08 4999.99
        ['5,000 – < 10,000', 1, 5000], // L01 5000
        ['10,000 – < 20,000', 3, 37000], // L12 10000, L05 12000, L02 15000
        ['20,000 – < 50,000', 2, 60000], // L09 20000, L04 40000
        ['50,000 – < 100,000', 1, 50000], // L11 50000
        ['100,000 – < 200,000', 0, 0],
        ['≥ 200,000', 1, 200000], // L07 200000
      ]);
      const row = t.rows[3];
      // [10000, 20000): WAC (0.15·15000 + 0.24·12000 + 0.12·10000) / 37000 = 6330 / 37000;
      // WAM (18·15000 + 12·12000 + 0·10000) / 37000 = 414000 / 37000; WALA (6·15000 + 0 + 24·10000) / 37000
      expect(row?.key).toBe('[10000,20000)');
      expect([row?.lower, row?.upper]).toEqual([10000, 20000]);
      expect(row?.wac).toBeCloseTo(6330 / 37000, 12);
      expect(row?.wam).toBeCloseTo(414000 / 37000, 12);
      expect(row?.wala).toBeCloseTo(330000 / 37000, 12);
      expect(row?.averageBalance).toBeCloseTo(37000 / 3, 9);
      expect(row?.share).toBeCloseTo(37000 / POOL_BALANCE, 12);
      expect(row?.countShare).toBeCloseTo(3 / 12, 12);
      // [0, 1000): L06 has no balance, so the bucket's WAC is L10's 20%.
      expect(t.rows[0]?.wac).toBeCloseTo(0.2, 12);
      const empty = t.rows[6];
      expect(empty).toMatchObject({ key: '[100000,200000)', count: 0, balance: 0, share: 0, countShare: 0, wac: null, wam: null, wala: null, averageBalance: null });
      expect(t.rows[7]).toMatchObject({ key: '[200000,inf)', lower: 200000, upper: null });
      expect(t.total).toMatchObject({ key: 'total', label: 'Total', count: 12, share: 1, countShare: 1 });
      expect(t.total.balance).toBeCloseTo(POOL_BALANCE, 6);
      expect(t.total.wac).toBeCloseTo(35339.9959 / POOL_BALANCE, 12);
    }),
  );

  it(
    'rate: 8% exactly lands in [8%, 10%), 7.99% below it, 24% in the last bucket',
    withFixture(({ db, tapeId }) => {
      const t = stratify(db, tapeId, 'rate');
      expect(t.rows.map((r) => [r.label, r.count])).toEqual([
        ['0% – < 8%', 1], // L07 7.99%
        ['8% – < 10%', 1], // L04 8%
        ['10% – < 12%', 2], // L06, L11 10%
        ['12% – < 15%', 3], // L01, L12 12%; L09 14%
        ['15% – < 18%', 1], // L02 15%
        ['18% – < 21%', 2], // L03 18%; L10 20%
        ['21% – < 24%', 1], // L08 21%
        ['≥ 24%', 1], // L05 24%
      ]);
      expect(t.unit).toBe('rate');
    }),
  );

  it(
    'remaining term: (lo, hi] buckets read as whole months, with a "≤ 0" row for loans past their last payment',
    withFixture(({ db, tapeId }) => {
      const t = stratify(db, tapeId, 'remainingTerm');
      expect(t.closed).toBe('upper');
      expect(t.rows.map((r) => [r.key, r.label, r.count])).toEqual([
        ['(-inf,0]', '≤ 0', 2], // L06, L12
        ['(0,3]', '1–3', 2], // L03 1, L10 3
        ['(3,6]', '4–6', 2], // L08 4, L01 6
        ['(6,9]', '7–9', 0],
        ['(9,12]', '10–12', 2], // L05, L09 12
        ['(12,18]', '13–18', 1], // L02 18
        ['(18,24]', '19–24', 1], // L11 24
        ['(24,36]', '25–36', 1], // L04 30
        ['(36,inf)', '> 36', 1], // L07 37
      ]);
    }),
  );

  it(
    'original term: a 3-month loan in "1–3", 12 in "7–12", 36 in "25–36", 48 above',
    withFixture(({ db, tapeId }) => {
      const t = stratify(db, tapeId, 'originalTerm');
      expect(t.rows.map((r) => [r.label, r.count])).toEqual([
        ['1–3', 2], // L03, L10
        ['4–6', 2], // L06, L08
        ['7–12', 2], // L01, L05
        ['13–18', 1], // L09
        ['19–24', 2], // L02, L12
        ['25–36', 2], // L04, L11
        ['> 36', 1], // L07 48
      ]);
    }),
  );

  it(
    'age: [lo, hi) in whole months, so age 0 is "0", 12 starts "12–23", 24 is "≥ 24"',
    withFixture(({ db, tapeId }) => {
      const t = stratify(db, tapeId, 'age');
      expect(t.rows.map((r) => [r.label, r.count])).toEqual([
        ['0', 2], // L05, L10
        ['1–2', 2], // L03, L08
        ['3–5', 0],
        ['6–11', 6], // L01, L02, L04, L06, L09 (6); L07 (11)
        ['12–23', 1], // L11
        ['≥ 24', 1], // L12
      ]);
    }),
  );

  it(
    'credit score: 500 lands in [500, 550), 499.5 below it; a loan without a score is "(blank)", listed last',
    withFixture(({ db, tapeId }) => {
      const t = stratify(db, tapeId, 'creditScore');
      expect(t.rows.map((r) => [r.label, r.count])).toEqual([
        ['0 – < 500', 1], // L09 499.5
        ['500 – < 550', 2], // L03 500, L08 549.5
        ['550 – < 600', 0],
        ['600 – < 650', 1], // L06
        ['650 – < 700', 2], // L02 650, L12 680
        ['700 – < 750', 2], // L01 700, L11 720
        ['750 – < 800', 1], // L07
        ['≥ 800', 2], // L04 800, L10 820
        ['(blank)', 1], // L05
      ]);
      expect(t.rows[8]).toMatchObject({ key: 'blank', lower: null, upper: null, balance: 12000 });
    }),
  );

  it(
    'delinquency: the six fixed buckets, named as in the summary',
    withFixture(({ db, tapeId }) => {
      const t = stratify(db, tapeId, 'delinquency');
      expect(t.rows.map((r) => [r.key, r.label, r.count])).toEqual([
        ['current', 'Current', 3],
        ['1-30', '1–30', 2],
        ['31-60', '31–60', 2],
        ['61-90', '61–90', 2],
        ['91-180', '91–180', 2],
        ['180+', '> 180', 1],
      ]);
      expect(t.edges).toEqual([0, 30, 60, 90, 180]);
    }),
  );

  it(
    'takes custom edges, adding a row below the first edge when loans fall there',
    withFixture(({ db, tapeId }) => {
      const t = stratify(db, tapeId, 'currentBalance', [5000, 20000]);
      expect(t.edges).toEqual([5000, 20000]);
      expect(countsAndBalances(t)).toEqual([
        ['< 5,000', 4, 6999.98], // L03 1000, L06 0, L08 4999.99, L10 999.99
        ['5,000 – < 20,000', 4, 42000], // L01 5000, L02 15000, L05 12000, L12 10000
        ['≥ 20,000', 4, 310000], // L04 40000, L07 200000, L09 20000, L11 50000
      ]);
      expect(t.rows[0]).toMatchObject({ key: '(-inf,5000)', lower: null, upper: 5000 });
      const term = stratify(db, tapeId, 'remainingTerm', [12]);
      expect(term.rows.map((r) => [r.label, r.count])).toEqual([
        ['≤ 12', 8],
        ['> 12', 4], // L02 18, L04 30, L07 37, L11 24
      ]);
    }),
  );

  it(
    'lists every bucket with zero counts for a tape without loans',
    withFixture(({ db, emptyTapeId }) => {
      const t = stratify(db, emptyTapeId, 'currentBalance');
      expect(t.rows).toHaveLength(8);
      expect(t.rows.every((r) => r.count === 0 && r.share === 0 && r.wac === null)).toBe(true);
      expect(t.total).toMatchObject({ count: 0, balance: 0, share: 0, countShare: 0, wac: null, averageBalance: null });
      expectNoNaN(t);
      expect(stratify(db, emptyTapeId, 'region').rows).toEqual([]);
    }),
  );

  it(
    'adds up to the pool in every dimension',
    withFixture(({ db, tapeId }) => {
      for (const dimension of STRAT_DIMENSIONS) {
        const t = stratify(db, tapeId, dimension.id);
        expect(t.rows.reduce((n, r) => n + r.count, 0)).toBe(12);
        expect(t.rows.reduce((sum, r) => sum + r.balance, 0)).toBeCloseTo(POOL_BALANCE, 6);
        expect(t.total.count).toBe(12);
      }
    }),
  );
});

describe('stratify: sums', () => {
  it(
    'adds balances with compensation, like SQLite’s total(): ten loans of ¥0.10 make exactly ¥1, as in the summary',
    withFixture(({ db }) => {
      const dimes = insertTape(db, 'dimes');
      // Naively, 0.1 + 0.1 + … (ten times) is 0.9999999999999999 in float64.
      insertLoans(
        db,
        dimes,
        Array.from({ length: 10 }, (_, i) => ({ ...LOANS[0]!, loanId: `D${i}`, current: 0.1 })),
      );
      expect(poolSummary(db, dimes).currentBalance).toBe(1);
      expect(stratify(db, dimes, 'currentBalance').total.balance).toBe(1);
      expect(stratify(db, dimes, 'region').rows[0]?.balance).toBe(1);
    }),
  );

  it(
    'gives every table a Total equal, to the bit, to the summary’s balance, WAC, WAM and WALA',
    withFixture(({ db, tapeId }) => {
      const summary = poolSummary(db, tapeId);
      for (const dimension of STRAT_DIMENSIONS) {
        const { total } = stratify(db, tapeId, dimension.id);
        expect([total.balance, total.wac, total.wam, total.wala]).toEqual([summary.currentBalance, summary.wac, summary.wam, summary.wala]);
      }
    }),
  );

  it(
    'works on every connection to the workspace',
    withFixture(({ ws, tapeId }) => {
      const second = openWorkspace(ws.path);
      try {
        expect(stratify(second.db, tapeId, 'age').total.count).toBe(12);
        expect(stratify(ws.db, tapeId, 'age').total.count).toBe(12);
      } finally {
        second.close();
      }
    }),
  );
});

describe('stratify: categorical dimensions', () => {
  it(
    'groups by value, largest balance first, with readable labels and "(blank)" last',
    withFixture(({ db, tapeId }) => {
      expect(countsAndBalances(stratify(db, tapeId, 'amortization'))).toEqual([
        ['Level payment (等额本息)', 6, 290000], // L01 5000, L02 15000, L06 0, L07 200000, L09 20000, L11 50000
        ['Interest-only, bullet (先息后本)', 2, 50000], // L04 40000, L12 10000
        ['Flat fee on original principal (等本等息)', 2, 12999.99], // L05 12000, L10 999.99
        ['Equal principal (等额本金)', 2, 5999.99], // L03 1000, L08 4999.99
      ]);
      const segment = stratify(db, tapeId, 'segment');
      expect(countsAndBalances(segment)).toEqual([
        ['Salaried (工薪)', 6, 280999.99], // L01, L02, L07, L10, L11, L12
        ['Self-employed (自雇)', 2, 60000], // L04, L09
        ['Gig / flexible work (灵活就业)', 3, 17999.99], // L03, L05, L08
        ['(blank)', 1, 0], // L06
      ]);
      expect(segment.rows.map((r) => r.key)).toEqual(['v:salaried', 'v:self_employed', 'v:gig', 'blank']);
      // Salaried WAC: (600 + 2250 + 15980 + 199.998 + 5000 + 1200) / 280999.99
      expect(segment.rows[0]?.wac).toBeCloseTo(25229.998 / 280999.99, 12);
      expect(countsAndBalances(stratify(db, tapeId, 'region'))).toEqual([
        ['广东', 4, 230000], // L01, L02, L07, L12
        ['浙江', 2, 50999.99], // L10, L11
        ['江苏', 3, 45999.99], // L03, L04, L08
        [QUOTED, 1, 20000],
        [INJECTION, 1, 12000],
        ['(blank)', 1, 0],
      ]);
      expect(countsAndBalances(stratify(db, tapeId, 'product'))).toEqual([
        ['cash', 8, 340000], // L01, L02, L04, L06, L07, L09, L11, L12
        ['installment', 4, 18999.98], // L03 1000, L05 12000, L08 4999.99, L10 999.99
      ]);
    }),
  );
});

describe('stratify: requests it refuses', () => {
  it(
    'checks bucket edges and says exactly what is wrong',
    withFixture(({ db, tapeId }) => {
      const bad = (by: StratDimensionId, edges: readonly number[], message: string): void => expectUserError(() => stratify(db, tapeId, by, edges), 'BAD_REQUEST', message);
      bad('currentBalance', [0, 10000, 5000], 'bucket edges must be strictly ascending: 5000 follows 10000');
      bad('currentBalance', [0, 0], 'bucket edges must be strictly ascending: 0 follows 0');
      bad('currentBalance', [0, Number.NaN], 'bucket edges must be finite numbers: edge 2 is NaN');
      bad('rate', [Number.POSITIVE_INFINITY], 'bucket edges must be finite numbers: edge 1 is Infinity');
      bad('currentBalance', [], 'at least one bucket edge is required');
      bad(
        'currentBalance',
        Array.from({ length: 51 }, (_, i) => i),
        'at most 50 bucket edges are allowed, got 51',
      );
      bad('remainingTerm', [0, 2.5], 'Remaining term (months) is counted in whole months: bucket edge 2.5 is not a whole number');
      bad('delinquency', [0, 30], 'Delinquency (days past due) uses fixed buckets (Current, 1–30, 31–60, 61–90, 91–180, > 180): it takes no bucket edges');
      bad('region', [1], 'Region / province is categorical: it takes no bucket edges');
      expect(
        stratify(
          db,
          tapeId,
          'currentBalance',
          Array.from({ length: 50 }, (_, i) => i * 1000),
        ).rows,
      ).toHaveLength(50);
    }),
  );

  it(
    'refuses an unknown dimension and an unknown tape',
    withFixture(({ db, tapeId }) => {
      expectUserError(() => stratify(db, tapeId, 'colour' as StratDimensionId), 'BAD_REQUEST');
      expectUserError(() => stratify(db, 7, 'currentBalance'), 'NOT_FOUND', 'No tape with id 7 in this workspace');
    }),
  );
});

describe('bucketIndex', () => {
  it('matches a plain search for every value at, around and between the edges, both closures', () => {
    for (let n = 1; n <= 12; n++) {
      const edges = Array.from({ length: n }, (_, i) => i * 10 + 0.5);
      for (const closed of ['lower', 'upper'] as const) {
        for (const x of [-1, ...edges, ...edges.map((e) => e + 0.25), ...edges.map((e) => e - 0.25)]) {
          // Reference: the number of edges at or below x (closed below), or strictly below x (closed above), minus one.
          const expected = edges.filter((e) => (closed === 'lower' ? e <= x : e < x)).length - 1;
          expect(bucketIndex(x, edges, closed)).toBe(expected);
        }
      }
    }
  });
});

describe('formatStratCsv', () => {
  const table: StratTable = {
    tapeId: 1,
    dimension: 'region',
    label: 'Region / province',
    kind: 'categorical',
    unit: null,
    closed: null,
    edges: [],
    rows: [
      { key: 'a', label: '0 – < 1,000', lower: 0, upper: 1000, count: 3, balance: 1500, share: 0.25, countShare: 0.3, wac: 0.156, wam: 11.5, wala: 3.25, averageBalance: 500 },
      { key: 'b', label: '=1+2', lower: null, upper: null, count: 0, balance: 0, share: 0, countShare: 0, wac: null, wam: null, wala: null, averageBalance: null },
      { key: 'c', label: QUOTED, lower: null, upper: null, count: 7, balance: 4500, share: 0.75, countShare: 0.7, wac: 0.12, wam: 6, wala: 2, averageBalance: 4500 / 7 },
    ],
    total: { key: 'total', label: 'Total', count: 10, balance: 6000, share: 1, countShare: 1, wac: 0.129, wam: 7.375, wala: 2.3125, averageBalance: 600 },
  };

  it('writes units in the header, percentages and amounts with 2 decimals, RFC 4180 quoting and a Total line', () => {
    expect(formatStratCsv(table)).toBe(
      [
        'Bucket,Count,Count %,Current balance (¥),Balance %,WAC (annual %),WAM (months),WALA (months),Average balance (¥)',
        // 0.3 → 30.00 %; 0.156 → 15.60 %; the label holds a comma, so it is quoted
        '"0 – < 1,000",3,30.00,1500.00,25.00,15.60,11.50,3.25,500.00',
        // a label Excel would run as a formula gets an apostrophe; missing averages are empty cells
        `"'=1+2",0,0.00,0.00,0.00,,,,`, // guarded and quoted (OWASP CSV Injection)
        // quotes doubled; 4500 / 7 = 642.857… → 642.86
        '"He said ""hi"", ok",7,70.00,4500.00,75.00,12.00,6.00,2.00,642.86',
        // 0.129 → 12.90 %; 7.375 → 7.38 (7.375 is exact in binary, toFixed rounds half up); 2.3125 → 2.31
        'Total,10,100.00,6000.00,100.00,12.90,7.38,2.31,600.00',
        '',
      ].join('\n'),
    );
    expect(STRAT_CSV_HEADER).toHaveLength(9);
    expect(formatStratCsv(table, { excelBom: true }).startsWith('\uFEFFBucket,')).toBe(true);
  });

  it('guards every formula prefix: =, +, -, @, tab and CR', () => {
    expect(['=SUM(A1)', '+1', '-1', '@cmd', '\tx', '\rx', 'plain', '1-30'].map(guardFormula)).toEqual(["'=SUM(A1)", "'+1", "'-1", "'@cmd", "'\tx", "'\rx", 'plain', '1-30']);
  });

  it(
    'exports a stratification of the tape, guarding a tape value that starts with "="',
    withFixture(({ db, tapeId }) => {
      const lines = formatStratCsv(stratify(db, tapeId, 'region')).split('\n');
      expect(lines).toHaveLength(1 + 6 + 1 + 1); // header, six regions, Total, trailing newline
      expect(lines[5]).toBe(`"'=HYPERLINK(""http://x"",""y"")",1,8.33,12000.00,3.34,24.00,12.00,0.00,12000.00`);
      expect(lines[7]?.startsWith('Total,12,100.00,358999.98,100.00,')).toBe(true);
    }),
  );
});
