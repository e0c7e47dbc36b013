import type { ProjectionResult, ProjectionRow } from '../../../service/api/contract.ts';

/** Headline figures of a projection, each with the convention it follows. */
export interface Headline {
  /** Cumulative defaulted principal ÷ cutoff balance, at the horizon. */
  readonly cumulativeDefaultRate: number | null;
  /** Cumulative losses (defaults × (1 − recovery rate), booked at default), yuan. */
  readonly cumulativeNetLoss: number | null;
  /** cumulativeNetLoss ÷ cutoff balance. */
  readonly netLossRate: number | null;
  /** Pool factor at the horizon (ending balance ÷ cutoff balance). */
  readonly endingPoolFactor: number | null;
  /**
   * Weighted average life, in years, of the principal the pool pays: scheduled principal plus
   * prepayments, each weighted by its month t; WAL = Σ t·P(t) / Σ P(t) / 12 (Fabozzi, "Handbook of
   * Mortgage-Backed Securities": the average time to receipt of principal). Defaults are not
   * principal received and are left out; principal still outstanding at the horizon is too.
   */
  readonly walYears: number | null;
  readonly interestCollected: number;
  readonly principalCollected: number;
  readonly recoveries: number;
}

function sum(rows: readonly ProjectionRow[], pick: (row: ProjectionRow) => number): number {
  return rows.reduce((total, row) => total + pick(row), 0);
}

export function headline(result: ProjectionResult): Headline {
  const last = result.rows.at(-1);
  const principal = sum(result.rows, (r) => r.scheduledPrincipal + r.prepayments);
  const weighted = sum(result.rows, (r) => r.month * (r.scheduledPrincipal + r.prepayments));
  return {
    cumulativeDefaultRate: last?.cumulativeDefaultRate ?? null,
    cumulativeNetLoss: last?.cumulativeNetLoss ?? null,
    netLossRate: last && result.cutoffBalance > 0 ? last.cumulativeNetLoss / result.cutoffBalance : null,
    endingPoolFactor: last?.poolFactor ?? null,
    walYears: principal > 0 ? weighted / principal / 12 : null,
    interestCollected: sum(result.rows, (r) => r.interestCollected + r.penaltyInterest),
    principalCollected: principal,
    recoveries: sum(result.rows, (r) => r.recoveries),
  };
}
