import { allocateLoanArrays, amortizationCode, delinquencyCode, delinquencyStateFromDaysPastDue, type LoanArrays } from '../../engine/index.ts';
import type { AmortizationType } from '../tape/fields.ts';
import type { SqliteDb } from '../workspace.ts';
import { IN_TAPE_SCOPE, scopeParams, tapeScope } from './summary.ts';

/**
 * A tape's loans as the projection engine takes them, with the segment names behind the codes,
 * and each loan's product (which the engine does not read, but an assumption file's override
 * rules may match on).
 */
export interface TapeLoans {
  readonly loans: LoanArrays;
  /** segmentNames[code] is the tape's segment value; '' for loans without one. */
  readonly segmentNames: readonly string[];
  /** Each loan's product code: an index into productNames (all 0 when products were not read). */
  readonly product: Uint8Array;
  /**
   * productNames[code] is the tape's product value (cash_loan, installment, 现金贷, …); '' for
   * loans without one. Empty when products were not read (TapeLoadOptions.products false).
   */
  readonly productNames: readonly string[];
  readonly cutoffDate: string;
}

/** A loans row as an array (better-sqlite3 raw mode: no object per row), in the SELECT's column order. */
type LoanRow = [
  currentPrincipal: number,
  originalPrincipal: number,
  rateAnnual: number,
  originalTerm: number,
  remainingTerm: number,
  ageMonths: number,
  amortization: string,
  daysPastDue: number,
  overduePrincipal: number,
  overdueInterest: number,
  segment: string | null,
  restructured: number,
  product?: string | null,
];

const MAX_SEGMENTS = 255;
const MAX_PRODUCTS = 255;

/** Codes names in order of first appearance (a Map lookup a loan: a few ns against SQLite's row cost). */
function coder(what: string, limit: number, tapeId: number): { readonly names: string[]; code(name: string): number } {
  const names: string[] = [];
  const codes = new Map<string, number>();
  return {
    names,
    code(name: string): number {
      let code = codes.get(name);
      if (code === undefined) {
        code = names.length;
        if (code >= limit) throw new Error(`tape ${tapeId} has more than ${limit} ${what}`);
        codes.set(name, code);
        names.push(name);
      }
      return code;
    },
  };
}

export interface TapeLoadOptions {
  /**
   * Read each loan's product; default true. Reading the text column costs some 10% of the load
   * (SQLite hands every row's string to JavaScript), so a loan-level projection whose
   * assumptions never match on product skips it.
   */
  readonly products?: boolean;
  /**
   * 'shared': the loan arrays on SharedArrayBuffers (engine allocateLoanArrays), for a pool that a
   * loader thread reads and the worker pool's threads project: they reach every thread without a copy.
   */
  readonly memory?: 'own' | 'shared';
}

/** Reads one tape's loans (its rowid range) into typed arrays, in tape order. */
export function loadTapeLoans(db: SqliteDb, tapeId: number, options: TapeLoadOptions = {}): TapeLoans {
  const readProducts = options.products ?? true;
  const scope = tapeScope(db, tapeId);
  const count = Number(
    db
      .prepare(`SELECT count(*) FROM loans WHERE ${IN_TAPE_SCOPE}`)
      .pluck()
      .get(...scopeParams(scope)),
  );
  const loans = allocateLoanArrays(count, options.memory ?? 'own');
  const product = new Uint8Array(count);
  const segments = coder('segments', MAX_SEGMENTS, tapeId);
  const products = coder('products', MAX_PRODUCTS, tapeId);
  const statement = db
    .prepare<[number, number, number], LoanRow>(
      `SELECT current_principal, original_principal, rate_annual, original_term, remaining_term, age_months, amortization,
            days_past_due, overdue_principal, overdue_interest, segment, restructured${readProducts ? ', product' : ''}
       FROM loans WHERE ${IN_TAPE_SCOPE} ORDER BY rowid`,
    )
    .raw(true);
  let i = 0;
  for (const row of statement.iterate(...scopeParams(scope))) {
    loans.currentPrincipal[i] = row[0];
    loans.originalPrincipal[i] = row[1];
    loans.rateAnnual[i] = row[2];
    loans.originalTerm[i] = row[3];
    loans.remainingTerm[i] = row[4];
    loans.ageMonths[i] = row[5];
    loans.amortization[i] = amortizationCode(row[6] as AmortizationType);
    loans.delinquency[i] = delinquencyCode(delinquencyStateFromDaysPastDue(row[7]));
    loans.overduePrincipal[i] = row[8];
    loans.overdueInterest[i] = row[9];
    loans.segment[i] = segments.code(row[10] ?? '');
    loans.restructured[i] = row[11] !== 0 ? 1 : 0;
    if (readProducts) product[i] = products.code(row[12] ?? '');
    i++;
  }
  return { loans, segmentNames: segments.names, product, productNames: products.names, cutoffDate: scope.cutoffDate };
}

/** A tape's product values in order of first appearance ('' for loans without one), as loadTapeLoans codes them. */
export function tapeProductNames(db: SqliteDb, tapeId: number): string[] {
  const scope = tapeScope(db, tapeId);
  return db
    .prepare<[number, number, number], string | null>(`SELECT product FROM loans WHERE ${IN_TAPE_SCOPE} GROUP BY product ORDER BY min(rowid)`)
    .pluck()
    .all(...scopeParams(scope))
    .map((name) => name ?? '');
}
