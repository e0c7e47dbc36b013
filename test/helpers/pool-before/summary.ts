/**
 * The pool queries as they were before the one-pass pool view (commit 8513bbc, data/pool/summary.ts), kept
 * verbatim as the oracle the new path must equal to the bit (test/data/pool-view.test.ts) and as the
 * reference the pool-view bench times. Not used by the product.
 */
import { UserError } from '../../../data/errors.ts';
import type { SqliteDb } from '../../../data/workspace.ts';

/**
 * The pool summary of one tape: the figures an analyst reads first (count, balance, WAC, WAM,
 * WALA, average balance, borrower concentration, delinquency mix), computed in SQL.
 *
 * Conventions (shared with strats.ts):
 * - Balances and amounts are yuan, float64 as the tape gives them (`loans.current_principal`).
 * - Rates are annual decimals: 0.156 is 15.6%.
 * - Every weighted average is weighted by CURRENT principal:
 *   WAC = Σ rate·bal / Σ bal; WAM = Σ remaining_term·bal / Σ bal (months);
 *   WALA = Σ age_months·bal / Σ bal (months); WA original term likewise.
 * - Percentages and shares are fractions (0.25 is 25%); the UI formats them.
 * - Delinquency buckets by days past due: current (0), 1–30, 31–60, 61–90, 91–180, 180+ (181 and
 *   over). A negative days-past-due (the importer should not let one through) counts as current,
 *   so the buckets always add up to the pool.
 * - Overdue total (逾期总额) = Σ overdue principal + Σ overdue interest.
 * - An empty tape gives zeros and null averages, never NaN.
 * - Matured before the cutoff: a maturity date earlier than the cutoff date while the loan still
 *   carries a balance on the tape (past its term: delinquent past maturity, or stale data).
 * - Columns the tape did not carry (days past due, overdue principal, overdue interest) are named in
 *   `missingColumns`: their figures read 0 only because the tape is silent, not because loans are current.
 */

/** Tape fields without which the delinquency mix and 逾期总额 cannot be known. */
export const DELINQUENCY_FIELDS = ['daysPastDue', 'overduePrincipal', 'overdueInterest'] as const;
export type DelinquencyField = (typeof DELINQUENCY_FIELDS)[number];

export const DELINQUENCY_BUCKETS = [
  { id: 'current', label: 'Current', maxDays: 0 },
  { id: '1-30', label: '1–30', maxDays: 30 },
  { id: '31-60', label: '31–60', maxDays: 60 },
  { id: '61-90', label: '61–90', maxDays: 90 },
  { id: '91-180', label: '91–180', maxDays: 180 },
  { id: '180+', label: '> 180', maxDays: null },
] as const;

export type DelinquencyBucketId = (typeof DELINQUENCY_BUCKETS)[number]['id'];

/**
 * Inclusive upper bounds (days past due) of every delinquency bucket but the last: the buckets are
 * (−∞, 0], (0, 30], (30, 60], (60, 90], (90, 180], (180, ∞).
 */
export const DELINQUENCY_UPPER_DAYS: readonly number[] = DELINQUENCY_BUCKETS.flatMap((b) => (b.maxDays === null ? [] : [b.maxDays]));

export interface DelinquencyRow {
  readonly bucket: DelinquencyBucketId;
  readonly label: string;
  readonly count: number;
  /** Σ current principal of the bucket's loans (yuan). */
  readonly balance: number;
  /** Of the pool's current balance (fraction). */
  readonly share: number;
}

export interface BorrowerExposure {
  /** The tape's borrower id, or the loan id when the tape gave none (see `fromLoanId`). */
  readonly borrowerId: string;
  /** True when the loan had no borrower id, so it counts as a borrower of its own under its loan id. */
  readonly fromLoanId: boolean;
  readonly loanCount: number;
  /** Σ current principal of the borrower's loans (yuan). */
  readonly balance: number;
  /** Of the pool's current balance (fraction). */
  readonly share: number;
}

/** Concentration by borrower: each borrower's Σ current principal over the pool's. */
export interface BorrowerConcentration {
  readonly top1Share: number;
  readonly top10Share: number;
  readonly top20Share: number;
  /** The ten largest borrowers, largest first (ties by borrower id). */
  readonly largest: readonly BorrowerExposure[];
}

export interface PoolSummary {
  readonly tapeId: number;
  /** The tape's cutoff date, ISO YYYY-MM-DD. */
  readonly cutoffDate: string;
  readonly loanCount: number;
  /** Distinct borrower ids; a loan without one counts as a borrower of its own. */
  readonly borrowerCount: number;
  /** Σ current principal (yuan). */
  readonly currentBalance: number;
  /** Σ original principal of the same loans (yuan). */
  readonly originalBalance: number;
  /** currentBalance / originalBalance (fraction); null when the original balance is 0. */
  readonly poolFactor: number | null;
  /** Weighted average annual rate (decimal). */
  readonly wac: number | null;
  /** Weighted average remaining term (months). */
  readonly wam: number | null;
  /** Weighted average loan age (months). */
  readonly wala: number | null;
  /** Weighted average original term (months). */
  readonly waOriginalTerm: number | null;
  /** currentBalance / loanCount (yuan). */
  readonly averageBalance: number | null;
  readonly maxBalance: number | null;
  readonly minBalance: number | null;
  /** Weighted by current principal over the loans that have a score. */
  readonly waCreditScore: number | null;
  readonly topBorrowers: BorrowerConcentration;
  /** All six buckets, in DELINQUENCY_BUCKETS order. */
  readonly delinquency: readonly DelinquencyRow[];
  readonly overduePrincipal: number;
  readonly overdueInterest: number;
  /** 逾期总额 = overduePrincipal + overdueInterest (yuan). */
  readonly overdueTotal: number;
  readonly restructuredCount: number;
  /** Σ current principal of restructured loans (yuan). */
  readonly restructuredBalance: number;
  /** Loans whose maturity date is before the cutoff date, and their Σ current principal (yuan). */
  readonly maturedBeforeCutoff: { readonly count: number; readonly balance: number };
  /** Delinquency fields the tape had no column for: the delinquency mix and overdue figures are unknown, not zero. */
  readonly missingColumns: readonly DelinquencyField[];
}

/**
 * Where one tape's loans live. Import writes a tape in one transaction, so its loans hold one
 * contiguous run of rowids; scanning that rowid range (and re-checking tape_id) reads the table
 * pages in order, where walking `loans_by_tape` would look every row up by rowid (~30% slower on
 * a tape of 1,000,000 loans, measured). Shared with strats.ts.
 */
export interface TapeScope {
  readonly tapeId: number;
  readonly cutoffDate: string;
  /** First and last rowid of the tape's loans; an empty range (1, 0) for a tape without loans. */
  readonly firstRowid: number;
  readonly lastRowid: number;
}

/** SQL condition selecting the scoped tape's loans; binds [firstRowid, lastRowid, tapeId]. Use with `FROM loans NOT INDEXED`. */
export const IN_TAPE_SCOPE = 'rowid BETWEEN ? AND ? AND tape_id = ?';

export function scopeParams(scope: TapeScope): [number, number, number] {
  return [scope.firstRowid, scope.lastRowid, scope.tapeId];
}

/** Finds the tape (UserError NOT_FOUND if there is none) and the rowid range of its loans. */
export function tapeScope(db: SqliteDb, tapeId: number): TapeScope {
  if (!Number.isSafeInteger(tapeId)) {
    throw new UserError('BAD_REQUEST', `A tape id is a whole number, not ${String(tapeId)}`, { tapeId });
  }
  const row = db
    .prepare<[number], { cutoffDate: string; firstRowid: number | null; lastRowid: number | null }>(
      `SELECT t.cutoff_date AS cutoffDate,
              t.loan_rowid_first AS firstRowid,
              t.loan_rowid_last AS lastRowid
         FROM tapes AS t
        WHERE t.id = ?`,
    )
    .get(tapeId);
  if (!row) throw new UserError('NOT_FOUND', `No tape with id ${tapeId} in this workspace`, { tapeId });
  return {
    tapeId,
    cutoffDate: row.cutoffDate,
    firstRowid: row.firstRowid ?? 1,
    lastRowid: row.lastRowid ?? 0,
  };
}

/** a / b, or null when b is 0 (an empty pool, or a bucket of zero balance). */
export function ratioOrNull(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/** a / b, or 0 when b is 0: shares of an empty whole are 0, not NaN. */
export function shareOf(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

interface PoolRow {
  loanCount: number;
  unnamedLoans: number;
  currentBalance: number;
  originalBalance: number;
  rateBalance: number;
  remainingTermBalance: number;
  ageBalance: number;
  originalTermBalance: number;
  maxBalance: number | null;
  minBalance: number | null;
  scoreBalance: number;
  scoredBalance: number;
  overduePrincipal: number;
  overdueInterest: number;
  restructuredCount: number;
  restructuredBalance: number;
  maturedCount: number;
  maturedBalance: number;
  [delinquency: `dq${number}Count` | `dq${number}Balance`]: number;
}

/** `days_past_due` condition of delinquency bucket i, from DELINQUENCY_UPPER_DAYS (constants, not user text). */
function delinquencyCondition(i: number): string {
  const above = DELINQUENCY_UPPER_DAYS[i - 1];
  const upTo = DELINQUENCY_UPPER_DAYS[i];
  if (above === undefined) return `days_past_due <= ${upTo}`;
  if (upTo === undefined) return `days_past_due > ${above}`;
  return `days_past_due > ${above} AND days_past_due <= ${upTo}`;
}

/**
 * One scan for every figure but the borrower list. total() rather than sum(): it is 0.0 on no
 * rows, and SQLite sums floats with Kahan–Babuška–Neumaier compensation.
 */
const POOL_SQL = `
  SELECT count(*) FILTER (WHERE maturity_date < ?)                       AS maturedCount,
         total(current_principal) FILTER (WHERE maturity_date < ?)       AS maturedBalance,
         count(*)                                                        AS loanCount,
         count(*) FILTER (WHERE borrower_id IS NULL)                     AS unnamedLoans,
         total(current_principal)                                        AS currentBalance,
         total(original_principal)                                       AS originalBalance,
         total(rate_annual * current_principal)                          AS rateBalance,
         total(remaining_term * current_principal)                       AS remainingTermBalance,
         total(age_months * current_principal)                           AS ageBalance,
         total(original_term * current_principal)                        AS originalTermBalance,
         max(current_principal)                                          AS maxBalance,
         min(current_principal)                                          AS minBalance,
         total(credit_score * current_principal)                         AS scoreBalance,
         total(current_principal) FILTER (WHERE credit_score IS NOT NULL) AS scoredBalance,
         ${DELINQUENCY_BUCKETS.map(
           (_, i) =>
             `count(*) FILTER (WHERE ${delinquencyCondition(i)}) AS dq${i}Count,
         total(current_principal) FILTER (WHERE ${delinquencyCondition(i)}) AS dq${i}Balance,`,
         ).join('\n         ')}
         total(overdue_principal)                                        AS overduePrincipal,
         total(overdue_interest)                                         AS overdueInterest,
         count(*) FILTER (WHERE restructured <> 0)                       AS restructuredCount,
         total(current_principal) FILTER (WHERE restructured <> 0)       AS restructuredBalance
    FROM loans NOT INDEXED
   WHERE ${IN_TAPE_SCOPE}`;

interface ExposureRow {
  borrowerId: string;
  loanCount: number;
  balance: number;
  borrowers: number;
}

const TOP_N = 20;
const LARGEST_LISTED = 10;

/**
 * Borrowers with an id, grouped: the top 20 by balance and how many there are (the CTE is used
 * twice, so SQLite materializes it once). This is the summary's costly step: SQLite sorts the
 * tape's loans by borrower id (~1.2 s of ~2 s on 1,000,000 loans). An index on (tape_id,
 * borrower_id, current_principal) would make it ~0.25 s but costs ~4 s per million at import,
 * so instead the service keeps each tape's summary once computed (tapes never change).
 */
const NAMED_BORROWERS_SQL = `
  WITH borrowers AS (
    SELECT borrower_id AS borrowerId, count(*) AS loanCount, total(current_principal) AS balance
      FROM loans
     WHERE ${IN_TAPE_SCOPE} AND borrower_id IS NOT NULL
     GROUP BY borrower_id
  )
  SELECT borrowerId, loanCount, balance, (SELECT count(*) FROM borrowers) AS borrowers
    FROM borrowers
   ORDER BY balance DESC, borrowerId
   LIMIT ${TOP_N}`;

/** Loans without a borrower id: each is a borrower of its own. Run only when there are some. */
const UNNAMED_BORROWERS_SQL = `
  SELECT loan_id AS borrowerId, 1 AS loanCount, current_principal AS balance, 0 AS borrowers
    FROM loans
   WHERE ${IN_TAPE_SCOPE} AND borrower_id IS NULL
   ORDER BY current_principal DESC, loan_id
   LIMIT ${TOP_N}`;

/**
 * The pool summary of tape `tapeId` (UserError NOT_FOUND if the workspace has no such tape).
 * Its statements share one read transaction, so they see one state of the workspace even while
 * another connection imports or deletes a tape.
 */
export function poolSummary(db: SqliteDb, tapeId: number): PoolSummary {
  return db.transaction(() => summarize(db, tapeId))();
}

function summarize(db: SqliteDb, tapeId: number): PoolSummary {
  const scope = tapeScope(db, tapeId);
  const pool = db.prepare<[string, string, number, number, number], PoolRow>(POOL_SQL).get(scope.cutoffDate, scope.cutoffDate, ...scopeParams(scope));
  if (!pool) throw new Error('aggregate query returned no row');

  const named = db.prepare<[number, number, number], ExposureRow>(NAMED_BORROWERS_SQL).all(...scopeParams(scope));
  const unnamed = pool.unnamedLoans > 0 ? db.prepare<[number, number, number], ExposureRow>(UNNAMED_BORROWERS_SQL).all(...scopeParams(scope)) : [];
  const namedCount = named[0]?.borrowers ?? 0;

  const balance = pool.currentBalance;
  return {
    tapeId,
    cutoffDate: scope.cutoffDate,
    loanCount: pool.loanCount,
    borrowerCount: namedCount + pool.unnamedLoans,
    currentBalance: balance,
    originalBalance: pool.originalBalance,
    poolFactor: ratioOrNull(balance, pool.originalBalance),
    wac: ratioOrNull(pool.rateBalance, balance),
    wam: ratioOrNull(pool.remainingTermBalance, balance),
    wala: ratioOrNull(pool.ageBalance, balance),
    waOriginalTerm: ratioOrNull(pool.originalTermBalance, balance),
    averageBalance: ratioOrNull(balance, pool.loanCount),
    maxBalance: pool.maxBalance,
    minBalance: pool.minBalance,
    waCreditScore: ratioOrNull(pool.scoreBalance, pool.scoredBalance),
    topBorrowers: concentration(named, unnamed, balance),
    delinquency: DELINQUENCY_BUCKETS.map((bucket, i) => {
      const bucketBalance = pool[`dq${i}Balance`] ?? 0;
      return {
        bucket: bucket.id,
        label: bucket.label,
        count: pool[`dq${i}Count`] ?? 0,
        balance: bucketBalance,
        share: shareOf(bucketBalance, balance),
      };
    }),
    overduePrincipal: pool.overduePrincipal,
    overdueInterest: pool.overdueInterest,
    overdueTotal: pool.overduePrincipal + pool.overdueInterest,
    restructuredCount: pool.restructuredCount,
    restructuredBalance: pool.restructuredBalance,
    maturedBeforeCutoff: { count: pool.maturedCount, balance: pool.maturedBalance },
    missingColumns: missingDelinquencyColumns(db, tapeId),
  };
}

/** The delinquency fields no column of the tape was mapped to (tapes.mapping_json, written at import). */
export function missingDelinquencyColumns(db: SqliteDb, tapeId: number): DelinquencyField[] {
  const row = db.prepare<[number], { mapping: string }>('SELECT mapping_json AS mapping FROM tapes WHERE id = ?').get(tapeId);
  const columns = (row === undefined ? {} : (JSON.parse(row.mapping) as { columns?: readonly { field: string | null }[] })).columns ?? [];
  const mapped = new Set(columns.map((c) => c.field));
  return DELINQUENCY_FIELDS.filter((field) => !mapped.has(field));
}

/** Merges the two top-20 lists (named borrowers, loans without a borrower id) into the pool's. */
function concentration(named: readonly ExposureRow[], unnamed: readonly ExposureRow[], poolBalance: number): BorrowerConcentration {
  const top: BorrowerExposure[] = [...named.map((r) => exposure(r, false, poolBalance)), ...unnamed.map((r) => exposure(r, true, poolBalance))]
    .sort((a, b) => b.balance - a.balance || compareIds(a, b))
    .slice(0, TOP_N);
  const shareOfTop = (n: number): number =>
    shareOf(
      top.slice(0, n).reduce((sum, b) => sum + b.balance, 0),
      poolBalance,
    );
  return {
    top1Share: shareOfTop(1),
    top10Share: shareOfTop(10),
    top20Share: shareOfTop(20),
    largest: top.slice(0, LARGEST_LISTED),
  };
}

function exposure(row: ExposureRow, fromLoanId: boolean, poolBalance: number): BorrowerExposure {
  return {
    borrowerId: row.borrowerId,
    fromLoanId,
    loanCount: row.loanCount,
    balance: row.balance,
    share: shareOf(row.balance, poolBalance),
  };
}

/** Ties by id, named borrowers first: the same tape always gives the same list. */
function compareIds(a: BorrowerExposure, b: BorrowerExposure): number {
  if (a.fromLoanId !== b.fromLoanId) return a.fromLoanId ? 1 : -1;
  return a.borrowerId < b.borrowerId ? -1 : a.borrowerId > b.borrowerId ? 1 : 0;
}
