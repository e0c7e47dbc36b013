import { loadTapeLoans } from '../data/pool/loan-arrays.ts';
import { getTape } from '../data/tape/store.ts';
import type { SqliteDb } from '../data/workspace.ts';
import { AMORTIZATION_TYPES, groupRepLines, loanCount, projectPool, ROLL_STATES, roundToCents, type LoanArrays } from '../engine/index.ts';
import { readAssumptions } from './assumptions.ts';
import type { ProjectionMode, ProjectionResult, ProjectionRow, RepLineInfo } from './contract.ts';

/** What a projection runs on: a tape's loans, or representative lines (grouped from a tape or read from a pool file). */
export interface ProjectionInput {
  readonly tapeId: number | null;
  readonly sourceName: string;
  readonly cutoffDate: string;
  /** Loans (mode 'loan') or lines (mode 'repline'), as the engine takes them. */
  readonly loans: LoanArrays;
  readonly segmentNames: readonly string[];
  /** What each line stands for; null when `loans` are loans. */
  readonly lines: readonly RepLineInfo[] | null;
  /** Loans in the pool (Σ of the lines' loans in mode 'repline'). */
  readonly loanCount: number;
}

export function projectionMode(input: ProjectionInput): ProjectionMode {
  return input.lines === null ? 'loan' : 'repline';
}

/** A tape's loans, loan by loan. */
export function tapeInput(db: SqliteDb, tapeId: number): ProjectionInput {
  const tape = getTape(db, tapeId);
  const { loans, segmentNames, cutoffDate } = loadTapeLoans(db, tapeId);
  return { tapeId, sourceName: tape.name, cutoffDate, loans, segmentNames, lines: null, loanCount: loanCount(loans) };
}

/** The same pool grouped into representative lines (engine groupRepLines, default buckets). */
export function repLineInput(input: ProjectionInput): ProjectionInput {
  if (input.lines !== null) return input;
  const grouped = groupRepLines(input.loans);
  const { lines } = grouped;
  const info: RepLineInfo[] = [];
  for (let j = 0; j < loanCount(lines); j++) {
    info.push({
      line: j + 1,
      segment: input.segmentNames[lines.segment[j] ?? 0] ?? '',
      amortization: AMORTIZATION_TYPES[lines.amortization[j] ?? 0] ?? 'level_payment',
      state: ROLL_STATES[lines.delinquency[j] ?? 0] ?? 'current',
      originalTerm: lines.originalTerm[j] ?? 0,
      remainingTerm: lines.remainingTerm[j] ?? 0,
      ageMonths: lines.ageMonths[j] ?? 0,
      rateAnnual: lines.rateAnnual[j] ?? 0,
      loans: grouped.counts[j] ?? 0,
      balance: Math.round((lines.currentPrincipal[j] ?? 0) * 100) / 100,
    });
  }
  return { ...input, loans: lines, lines: info };
}

/**
 * Validates the assumption file against the input's segments, projects (loan by loan, or line
 * by line), rounds to cents. `onProgress` gets (loans or lines done, total).
 */
export function projectInput(input: ProjectionInput, assumptionFile: unknown, onProgress?: (done: number, total: number) => void): ProjectionResult {
  const started = performance.now();
  const { months, assumptions } = readAssumptions(assumptionFile, input.segmentNames);
  const flows = roundToCents(projectPool(input.loans, assumptions, { months, cutoffDate: input.cutoffDate, ...(onProgress ? { onProgress } : {}) }));
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
    tapeId: input.tapeId,
    sourceName: input.sourceName,
    mode: projectionMode(input),
    cutoffDate: input.cutoffDate,
    loans: input.loanCount,
    cutoffBalance: flows.cutoffBalance,
    months: flows.months,
    segments: input.segmentNames,
    lines: input.lines,
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
