import { loadTapeLoans } from '../data/pool/loan-arrays.ts';
import type { SqliteDb } from '../data/workspace.ts';
import { projectPool, roundToCents } from '../engine/index.ts';
import { readAssumptions } from './assumptions.ts';
import type { ProjectionResult, ProjectionRow } from './contract.ts';

/** Loads a tape's loans, validates the assumption file against its segments, projects, rounds to cents. */
export function projectTape(db: SqliteDb, tapeId: number, assumptionFile: unknown): ProjectionResult {
  const started = performance.now();
  const { loans, segmentNames, cutoffDate } = loadTapeLoans(db, tapeId);
  const { months, assumptions } = readAssumptions(assumptionFile, segmentNames);
  const flows = roundToCents(projectPool(loans, assumptions, { months }));
  const rows: ProjectionRow[] = [];
  for (let t = 0; t < flows.months; t++) {
    const at = (column: Float64Array): number => column[t] ?? 0;
    rows.push({
      month: t + 1,
      beginningBalance: at(flows.beginningBalance),
      scheduledInterest: at(flows.scheduledInterest),
      interestCollected: at(flows.interestCollected),
      penaltyInterest: at(flows.penaltyInterest),
      scheduledPrincipal: at(flows.scheduledPrincipal),
      prepayments: at(flows.prepayments),
      defaults: at(flows.defaults),
      recoveries: at(flows.recoveries),
      losses: at(flows.losses),
      endingBalance: at(flows.endingBalance),
      current: at(flows.balanceByState.current),
      dpd1_30: at(flows.balanceByState.dpd1_30),
      dpd31_60: at(flows.balanceByState.dpd31_60),
      dpd61_90: at(flows.balanceByState.dpd61_90),
      dpd91_180: at(flows.balanceByState.dpd91_180),
      overdueTotal: at(flows.overdueTotal),
      servicingFee: at(flows.servicingFee),
      poolFactor: at(flows.poolFactor),
      smm: at(flows.smm),
      cpr: at(flows.cpr),
      mdr: at(flows.mdr),
      cdr: at(flows.cdr),
      cumulativeDefaultRate: at(flows.cumulativeDefaultRate),
      cumulativeNetLoss: at(flows.cumulativeNetLoss),
    });
  }
  return {
    tapeId,
    cutoffDate,
    loans: flows.loans,
    cutoffBalance: flows.cutoffBalance,
    months: flows.months,
    segments: segmentNames,
    recoveriesAfterHorizon: flows.recoveriesAfterHorizon,
    seconds: (performance.now() - started) / 1000,
    rows,
  };
}

export const PROJECTION_CSV_COLUMNS: ReadonlyArray<readonly [keyof ProjectionRow, string]> = [
  ['month', 'Month'],
  ['beginningBalance', 'Beginning balance (¥)'],
  ['scheduledInterest', 'Scheduled interest (¥)'],
  ['interestCollected', 'Interest collected (¥)'],
  ['penaltyInterest', 'Penalty interest (¥)'],
  ['scheduledPrincipal', 'Scheduled principal (¥)'],
  ['prepayments', 'Prepayments (¥)'],
  ['defaults', 'Defaults (¥)'],
  ['recoveries', 'Recoveries (¥)'],
  ['losses', 'Losses (¥)'],
  ['endingBalance', 'Ending balance (¥)'],
  ['current', 'Current (¥)'],
  ['dpd1_30', '1–30 DPD (¥)'],
  ['dpd31_60', '31–60 DPD (¥)'],
  ['dpd61_90', '61–90 DPD (¥)'],
  ['dpd91_180', '91–180 DPD (¥)'],
  ['overdueTotal', 'Overdue total 逾期总额 (¥)'],
  ['servicingFee', 'Servicing fee (¥)'],
  ['poolFactor', 'Pool factor'],
  ['smm', 'SMM'],
  ['cpr', 'CPR'],
  ['mdr', 'MDR'],
  ['cdr', 'CDR'],
  ['cumulativeDefaultRate', 'Cumulative default rate'],
  ['cumulativeNetLoss', 'Cumulative net loss (¥)'],
];

export function projectionCsv(result: ProjectionResult): string {
  const lines = [PROJECTION_CSV_COLUMNS.map(([, label]) => label).join(',')];
  for (const row of result.rows) lines.push(PROJECTION_CSV_COLUMNS.map(([key]) => String(row[key])).join(','));
  return `${lines.join('\n')}\n`;
}
