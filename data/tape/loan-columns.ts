/**
 * Its own small module so that the SQLite writer thread, which needs only the column list,
 * does not load the row validation behind rows.ts (≈ 20 MB less resident memory per import).
 */

/** Columns of the `loans` table. A row's params are these in order, without tape_id (the writer adds it). */
export const LOAN_COLUMNS = [
  'tape_id',
  'row_no',
  'loan_id',
  'borrower_id',
  'origination_date',
  'maturity_date',
  'original_principal',
  'current_principal',
  'rate_annual',
  'original_term',
  'remaining_term',
  'age_months',
  'payment_frequency',
  'amortization',
  'days_past_due',
  'overdue_principal',
  'overdue_interest',
  'segment',
  'product',
  'region',
  'credit_score',
  'restructured',
  'extra_json',
] as const;
