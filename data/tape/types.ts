import type { CanonicalField } from './fields.ts';
import type { CodedMessage, MessageParams } from '../../engine/messages.ts';

/**
 * The shapes of tape data as the API carries them (service/api/contract.ts re-exports these).
 * Types only — no runtime imports — so the renderer can typecheck against them.
 */

export type ProblemRule =
  | 'required'
  | 'format'
  | 'range'
  | 'current_exceeds_original'
  | 'remaining_exceeds_term'
  | 'overdue_exceeds_balance'
  | 'rate_mismatch'
  | 'after_cutoff'
  | 'data_date'
  | 'date_order'
  | 'duplicate'
  | 'amount_limit'
  | 'date_limit'
  | 'score_limit'
  | 'unheaded_value';

export interface RowProblem {
  readonly row: number;
  readonly column: string | null;
  readonly field: CanonicalField | null;
  readonly value: string | null;
  readonly rule: ProblemRule;
  readonly message: string;
  /** Why, by code (data/tape/rows/messages.ts), for a screen to say after the row, column and value in its language; absent on rows rejected before codes. */
  readonly code?: string;
  readonly params?: MessageParams;
}

export type ImportMode = 'reject' | 'keepValid';

/** A saved or edited mapping: tape header → canonical field (null = keep as an extra attribute). */
export type HeaderMapping = Readonly<Record<string, CanonicalField | null>>;

export interface ImportProgress {
  readonly rowsRead: number;
  readonly rowsRejected: number;
  /** 0–1 when the total is known (CSV: by bytes), else null. */
  readonly fraction: number | null;
  readonly rowsPerSecond: number;
  readonly elapsedSeconds: number;
}

export interface MappedColumn {
  readonly column: number;
  readonly header: string;
  readonly field: CanonicalField | null;
  /** The unit the header states that the column's values were read in (`万元`, `%`); absent when it states none. */
  readonly unit?: string;
}

export interface ImportReport {
  readonly status: 'imported' | 'rejected';
  readonly tapeId: number | null;
  readonly name: string;
  readonly sourceFile: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly format: 'csv' | 'xlsx';
  readonly encoding: string | null;
  readonly encodingReason: string | null;
  readonly delimiter: string | null;
  readonly sheet: string | null;
  readonly cutoffDate: string;
  readonly cutoffSource: 'given' | 'tape';
  readonly rowsRead: number;
  readonly rowsImported: number;
  readonly rowsRejected: number;
  /** The first problems found (at most PROBLEM_LIMIT); `problemCount` counts them all. */
  readonly problems: readonly RowProblem[];
  readonly problemCount: number;
  readonly mapping: readonly MappedColumn[];
  readonly extraColumns: readonly string[];
  /** Assumptions the import made for columns the tape lacks. */
  readonly notes: readonly string[];
  /** The same notes by code (data/tape/messages.ts), for a screen to say in its language. */
  readonly codedNotes?: readonly CodedMessage[];
  readonly seconds: number;
  readonly rowsPerSecond: number;
}

export interface TapeRecord {
  readonly id: number;
  readonly name: string;
  readonly sourceFile: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly format: 'csv' | 'xlsx';
  readonly encoding: string | null;
  readonly delimiter: string | null;
  readonly sheet: string | null;
  readonly cutoffDate: string;
  readonly importedAt: string;
  readonly rowsRead: number;
  readonly rowsImported: number;
  readonly rowsRejected: number;
  readonly currentBalance: number;
  readonly mapping: readonly MappedColumn[];
  /** What the import noted (ImportReport.notes), in English as stored. */
  readonly notes: readonly string[];
  /** The same notes by code, for a screen to say in its language; absent for a tape imported before notes were stored by code (its notes show in English). */
  readonly codedNotes?: readonly CodedMessage[];
  readonly extraColumns: readonly string[];
}

export interface RejectedRow {
  readonly row: number;
  readonly problems: readonly RowProblem[];
  readonly raw: Readonly<Record<string, string>>;
}

/**
 * A tape's own plausibility limits, over the defaults (data/tape/rows/limits.ts; README, "Loan
 * tapes"): each one given replaces its default. Amounts in the tape's currency per loan, dates ISO
 * (YYYY-MM-DD), the credit score scale the tape's originator uses (e.g. 300–850).
 */
export interface PlausibilityLimits {
  readonly maxAmount?: number;
  readonly minDate?: string;
  readonly maxDate?: string;
  readonly scoreMin?: number;
  readonly scoreMax?: number;
}

export interface SavedMapping {
  readonly name: string;
  readonly mapping: HeaderMapping;
  /** The tape source's plausibility limits, when the mapping states them. */
  readonly limits?: PlausibilityLimits;
  readonly savedAt: string;
}
