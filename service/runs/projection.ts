import { UserError } from '../../data/errors.ts';
import { loadTapeLoans, type TapeLoadOptions } from '../../data/pool/loan-arrays.ts';
import { getTape } from '../../data/tape/store.ts';
import { DELINQUENCY_FIELDS } from '../../data/pool/summary.ts';
import type { SqliteDb } from '../../data/workspace.ts';
import {
  AMORTIZATION_TYPES,
  groupRepLines,
  loanCount,
  projectPool,
  ROLL_STATES,
  roundCentsOfDouble,
  roundToCents,
  type LoanArrays,
  type PoolAssumptions,
  type PoolCashFlows,
  type ProjectionOptions,
} from '../../engine/index.ts';
import { assumptionGroups, type PoolAttributes } from './assumption-groups.ts';
import { readAssumptionFile, unmatchedWarnings } from '../files/assumption-file.ts';
import { checkStartMonths } from '../files/start-months.ts';
import type { ProjectionMode, ProjectionResult, ProjectionRow, RepLineInfo } from '../api/contract.ts';
import type { CodedMessage } from '../../engine/messages.ts';

/** What a projection runs on: a tape's loans, or representative lines (grouped from a tape or read from a pool file). */
export interface ProjectionInput extends Omit<PoolAttributes, 'product' | 'productNames'> {
  readonly tapeId: number | null;
  readonly sourceName: string;
  readonly cutoffDate: string;
  /** Loans (mode 'loan') or lines (mode 'repline'), as the engine takes them; `segment` codes index segmentNames. */
  readonly loans: LoanArrays;
  /** Each loan's (line's) product code into productNames; absent (or empty productNames): products not known. */
  readonly product?: Uint8Array;
  readonly productNames?: readonly string[];
  /** What each line stands for; null when `loans` are loans. */
  readonly lines: readonly RepLineInfo[] | null;
  /** Each line's start month (pool files' `startMonth`, 1 = month 1); absent: every line starts in month 1 (engine ProjectionOptions.startMonths). */
  readonly startMonths?: Uint16Array;
  /** Loans in the pool (Σ of the lines' loans in mode 'repline'). */
  readonly loanCount: number;
  /** A tape's delinquency fields it had no column for (data/pool/summary.ts DELINQUENCY_FIELDS): its loans read as current, which is unknown, not fact. */
  readonly missingDelinquencyColumns?: readonly string[];
}

/** The input as override rules see it; without products, every loan's product is unknown (no name). */
export function poolAttributes(input: ProjectionInput): PoolAttributes {
  return { ...input, product: input.product ?? new Uint8Array(loanCount(input.loans)), productNames: input.productNames ?? [] };
}

function projectionMode(source: ProjectionSource): ProjectionMode {
  return source.lines === null ? 'loan' : 'repline';
}

/**
 * A tape's loans, loan by loan. `products: false` leaves the loans' products unread (cheaper):
 * only for assumption files that match no rule on product (matchesProduct).
 */
export function tapeInput(db: SqliteDb, tapeId: number, options: TapeLoadOptions = {}): ProjectionInput {
  const tape = getTape(db, tapeId);
  const { loans, segmentNames, product, productNames, cutoffDate } = loadTapeLoans(db, tapeId, options);
  const mapped = new Set(tape.mapping.map((c) => c.field));
  const missingDelinquencyColumns = DELINQUENCY_FIELDS.filter((field) => !mapped.has(field));
  return { tapeId, sourceName: tape.name, cutoffDate, loans, segmentNames, product, productNames, lines: null, loanCount: loanCount(loans), missingDelinquencyColumns };
}

/** At most this many (segment, product) pairs: the grouping takes them as LoanArrays.segment codes. */
const MAX_PAIRS = 256;

/**
 * The same pool grouped into representative lines (engine groupRepLines, default buckets). A
 * line never mixes segments, nor products when the input's products are known, so that an
 * assumption file's segments and override rules (by segment, product, amortization, original
 * term) apply to lines as to their loans: the grouping is given each loan's (segment, product)
 * pair as its segment code.
 */
export function repLineInput(input: ProjectionInput): ProjectionInput {
  if (input.lines !== null) return input;
  const { segment } = input.loans;
  const { product: products } = poolAttributes(input);
  const count = loanCount(input.loans);
  const pairOf = new Int16Array(256 * 256).fill(-1);
  const pairSegment: number[] = [];
  const pairProduct: number[] = [];
  const pairCodes = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const key = ((segment[i] ?? 0) << 8) | (products[i] ?? 0);
    let pair = pairOf[key] ?? -1;
    if (pair < 0) {
      pair = pairSegment.length;
      if (pair >= MAX_PAIRS) {
        throw new UserError('BAD_REQUEST', `The pool has more than ${MAX_PAIRS} segment × product pairs: project it loan by loan`, { tapeId: input.tapeId });
      }
      pairOf[key] = pair;
      pairSegment.push(segment[i] ?? 0);
      pairProduct.push(products[i] ?? 0);
    }
    pairCodes[i] = pair;
  }
  const grouped = groupRepLines({ ...input.loans, segment: pairCodes });
  const lines = grouped.lines;
  const lineCount = loanCount(lines);
  const product = new Uint8Array(lineCount);
  const info: RepLineInfo[] = [];
  for (let j = 0; j < lineCount; j++) {
    const pair = lines.segment[j] ?? 0;
    lines.segment[j] = pairSegment[pair] ?? 0;
    product[j] = pairProduct[pair] ?? 0;
    info.push({
      line: j + 1,
      segment: input.segmentNames[lines.segment[j] ?? 0] ?? '',
      ...(input.productNames && input.productNames.length > 0 ? { product: input.productNames[product[j] ?? 0] ?? '' } : {}),
      amortization: AMORTIZATION_TYPES[lines.amortization[j] ?? 0] ?? 'level_payment',
      state: ROLL_STATES[lines.delinquency[j] ?? 0] ?? 'current',
      originalTerm: lines.originalTerm[j] ?? 0,
      remainingTerm: lines.remainingTerm[j] ?? 0,
      ageMonths: lines.ageMonths[j] ?? 0,
      rateAnnual: lines.rateAnnual[j] ?? 0,
      loans: grouped.counts[j] ?? 0,
      balance: roundCentsOfDouble(lines.currentPrincipal[j] ?? 0),
    });
  }
  return { ...input, loans: lines, product, lines: info };
}

/** What the engine projects: the loans (or lines) with their assumptions mapped on, and the options (no callback). */
export interface PreparedProjection {
  readonly loans: LoanArrays;
  readonly assumptions: PoolAssumptions;
  readonly options: Omit<ProjectionOptions, 'onProgress'>;
  /** The segments and products the file names that the pool has not (unmatchedWarnings): the result says them. */
  readonly warnings: readonly CodedMessage[];
}

/** What a projection's result says of its source, besides the figures. */
export type ProjectionSource = Pick<ProjectionInput, 'tapeId' | 'sourceName' | 'cutoffDate' | 'loanCount' | 'segmentNames' | 'lines'>;

/**
 * Validates the assumption file against the input's segments and products and maps its segments
 * and override rules onto the loans or lines (assumptionGroups): what projectPool takes.
 */
export function prepareProjection(input: ProjectionInput, assumptionFile: unknown): PreparedProjection {
  const pool = poolAttributes(input);
  const names = { segments: pool.segmentNames, products: pool.productNames };
  const file = readAssumptionFile(assumptionFile, names);
  const { loans, assumptions } = assumptionGroups(file, pool);
  checkStartMonths(input.startMonths, file.months, 'Pool');
  return {
    loans,
    assumptions,
    options: { months: file.months, cutoffDate: input.cutoffDate, ...(input.startMonths ? { startMonths: input.startMonths } : {}) },
    warnings: unmatchedWarnings(file.unmatched, names),
  };
}

/**
 * Validates and maps the assumption file (prepareProjection), projects (loan by loan, or line by
 * line) on this thread, rounds to cents. `onProgress` gets (loans or lines done, total).
 */
export function projectInput(input: ProjectionInput, assumptionFile: unknown, onProgress?: (done: number, total: number) => void): ProjectionResult {
  const { loans, assumptions, options, warnings } = prepareProjection(input, assumptionFile);
  return projectionResult(input, roundToCents(projectPool(loans, assumptions, { ...options, ...(onProgress ? { onProgress } : {}) })), warnings);
}

/** The result of a projection of `source` whose cash flows, rounded to cents, are `flows`; `warnings` from prepareProjection. */
export function projectionResult(source: ProjectionSource, flows: PoolCashFlows, warnings: readonly CodedMessage[]): ProjectionResult {
  const rows: ProjectionRow[] = [];
  for (let t = 0; t < flows.months; t++) {
    const at = (column: Float64Array): number => column[t] ?? 0;
    rows.push({
      month: t + 1,
      beginningBalance: at(flows.beginningBalance),
      scheduledInterest: at(flows.scheduledInterest),
      interestCollected: at(flows.interestCollected),
      penaltyInterest: at(flows.penaltyInterest),
      penaltyForgone: at(flows.penaltyForgone),
      scheduledPrincipal: at(flows.scheduledPrincipal),
      prepayments: at(flows.prepayments),
      capitalisedInterest: at(flows.capitalisedInterest),
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
    tapeId: source.tapeId,
    sourceName: source.sourceName,
    mode: projectionMode(source),
    cutoffDate: source.cutoffDate,
    loans: source.loanCount,
    cutoffBalance: flows.cutoffBalance,
    months: flows.months,
    segments: source.segmentNames,
    lines: source.lines,
    recoveriesAfterHorizon: flows.recoveriesAfterHorizon,
    rows,
    ...(warnings.length > 0 ? { warnings: warnings.map((w) => w.message), codedWarnings: warnings } : {}),
  };
}

const PROJECTION_CSV_COLUMNS: ReadonlyArray<readonly [keyof ProjectionRow, string]> = [
  ['month', 'Month'],
  ['beginningBalance', 'Beginning balance (¥)'],
  ['scheduledInterest', 'Scheduled interest (¥)'],
  ['interestCollected', 'Interest collected (¥)'],
  ['penaltyInterest', 'Penalty interest (¥)'],
  ['penaltyForgone', 'Penalty forgone to the cost cap (¥)'],
  ['scheduledPrincipal', 'Scheduled principal (¥)'],
  ['prepayments', 'Prepayments (¥)'],
  ['capitalisedInterest', 'Holiday interest capitalised (¥)'],
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
