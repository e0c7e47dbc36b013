import { allocateLoanArrays, amortizationCode, delinquencyCode, delinquencyStateFromDaysPastDue, type LoanArrays } from '../../engine/index.ts';
import type { AmortizationType } from '../tape/fields.ts';
import type { SqliteDb } from '../workspace.ts';
import { IN_TAPE_SCOPE, scopeParams, tapeScope } from './summary.ts';

/** A tape's loans as the projection engine takes them, with the segment names behind the codes. */
export interface TapeLoans {
  readonly loans: LoanArrays;
  /** segmentNames[code] is the tape's segment value; '' for loans without one. */
  readonly segmentNames: readonly string[];
  readonly cutoffDate: string;
}

interface LoanRow {
  current_principal: number;
  original_principal: number;
  rate_annual: number;
  original_term: number;
  remaining_term: number;
  age_months: number;
  amortization: string;
  days_past_due: number;
  overdue_principal: number;
  overdue_interest: number;
  segment: string | null;
}

const MAX_SEGMENTS = 255;

/** Reads one tape's loans (its rowid range) into typed arrays, in tape order. */
export function loadTapeLoans(db: SqliteDb, tapeId: number): TapeLoans {
  const scope = tapeScope(db, tapeId);
  const count = Number(db.prepare(`SELECT count(*) FROM loans WHERE ${IN_TAPE_SCOPE}`).pluck().get(...scopeParams(scope)));
  const loans = allocateLoanArrays(count);
  const segmentNames: string[] = [];
  const segmentCodes = new Map<string, number>();
  const statement = db.prepare<[number, number, number], LoanRow>(
    `SELECT current_principal, original_principal, rate_annual, original_term, remaining_term, age_months, amortization,
            days_past_due, overdue_principal, overdue_interest, segment
       FROM loans WHERE ${IN_TAPE_SCOPE} ORDER BY rowid`,
  );
  let i = 0;
  for (const row of statement.iterate(...scopeParams(scope))) {
    const name = row.segment ?? '';
    let code = segmentCodes.get(name);
    if (code === undefined) {
      code = segmentNames.length;
      if (code >= MAX_SEGMENTS) throw new Error(`tape ${tapeId} has more than ${MAX_SEGMENTS} segments`);
      segmentCodes.set(name, code);
      segmentNames.push(name);
    }
    loans.currentPrincipal[i] = row.current_principal;
    loans.originalPrincipal[i] = row.original_principal;
    loans.rateAnnual[i] = row.rate_annual;
    loans.originalTerm[i] = row.original_term;
    loans.remainingTerm[i] = row.remaining_term;
    loans.ageMonths[i] = row.age_months;
    loans.amortization[i] = amortizationCode(row.amortization as AmortizationType);
    loans.delinquency[i] = delinquencyCode(delinquencyStateFromDaysPastDue(row.days_past_due));
    loans.overduePrincipal[i] = row.overdue_principal;
    loans.overdueInterest[i] = row.overdue_interest;
    loans.segment[i] = code;
    i++;
  }
  return { loans, segmentNames, cutoffDate: scope.cutoffDate };
}
