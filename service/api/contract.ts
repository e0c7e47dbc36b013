/**
 * THE API contract: every call the UI, the CLI and tests can make, with its request and
 * response types. The renderer imports this file (types only) and nothing else from the
 * service; Electron IPC and the local HTTP transport carry exactly these calls.
 *
 * Adding a call = a line in `Api`, a request schema in `schemas.ts`, a handler in `handlers/`.
 */

import type { PoolSummary, StratDimensionId, StratRow, StratTable, StratUnit } from '../../data/pool/types.ts';
import type { CanonicalField, FieldKind } from '../../data/tape/fields.ts';
import type { CumulativeRatioDenominator, DealPeriod, RevolvingEnd, WalBasis } from '../../engine/deal/index.ts';
import type { DayCount } from '../../engine/daycount.ts';
import type { AssumptionFile } from '../files/assumption-file.ts';
import type { DealFile } from '../files/deal-file.ts';
import type { StaticPoolFit, VintageHistory } from '../../engine/fit/index.ts';
import type { Metric as StaticPoolMetric, TableLayout as StaticPoolTable } from '../../data/static-pool/index.ts';
import type { PoolFile } from '../files/pool-file-schema.ts';
import type { EventBlock } from '../files/event-schema.ts';
import type { ScenarioSetFile } from '../files/scenario-file.ts';
import type { ClassTable, DecrementRows, PercentPrecision } from '../../engine/analytics/index.ts';
import type { ScheduleRecord } from '../../data/schedule/store.ts';
import type { ScheduleUnit } from '../../data/schedule/columns.ts';
import type { ScheduleRow } from '../../engine/schedule-pool/index.ts';
import type { CodedMessage } from '../../engine/messages.ts';
import type { HeaderMapping, ImportMode, ImportProgress, ImportReport, MappedColumn, PlausibilityLimits, RejectedRow, RowProblem, SavedMapping, TapeRecord } from '../../data/tape/types.ts';

export type {
  PoolSummary,
  StratDimensionId,
  StratRow,
  StratTable,
  StratUnit,
  CanonicalField,
  FieldKind,
  HeaderMapping,
  ImportMode,
  ImportProgress,
  ImportReport,
  MappedColumn,
  PlausibilityLimits,
  RejectedRow,
  RowProblem,
  SavedMapping,
  TapeRecord,
};

export type Transport = 'electron' | 'http' | 'cli' | 'test';

/**
 * A file a user wrote (a deal, assumption or pool file) as JSON the service has not read yet: a
 * file the app has just opened, the assumption editor's draft, a file given to `abs`. Every call
 * that takes one reads it in full, each problem at its JSON path (service/files/file-issues.ts).
 * The calls that read one answer with the file as read, which the calls that run take: a deal
 * from deal.validate (for deal.run and deal.breakeven), an assumption file from assumptions.check
 * (for pool.project and a deal's scenario), a pool file from pool.check (for pool.project). Those
 * calls read what they are given in full again, so a caller that sends anything else still gets
 * every problem at its JSON path.
 */
export type FileDraft = unknown;

/** A deal file as the service read it (docs/schemas/deal.schema.json; engine/deal/schema.ts defines every field). */
export type { DealFile };

/** An assumption file as the service read it (docs/schemas/assumptions.schema.json; docs/assumptions.md describes every field). */
export type { AssumptionFile };

/** A pool file of representative lines as the service read it (docs/schemas/pool.schema.json). */
export type { PoolFile };

/** A scenario-set file as the service read it (docs/schemas/scenario-set.schema.json; docs/scenarios.md). */
export type { ScenarioSetFile };

export interface AppVersionInfo {
  readonly name: string;
  readonly productName: string;
  readonly version: string;
  readonly transport: Transport;
  readonly node: string;
  readonly electron: string | null;
  readonly sqlite: string;
  readonly platform: string;
  /**
   * Over the browser transport, the folder workspaces are opened and created in (a bare file name is
   * a file there; a path leading outside is refused); null on the desktop and the CLI, which open any path.
   */
  readonly workspacesFolder: string | null;
}

export interface WorkspaceInfo {
  /** Absolute path of the workspace file. */
  readonly path: string;
  readonly fileName: string;
  readonly schemaVersion: number;
  readonly latestSchemaVersion: number;
  /** ISO 8601 timestamp of creation (UTC). */
  readonly createdAt: string | null;
  /** Bytes on disk: the file and its write-ahead log (FILE-wal), where recent writes stay until SQLite checkpoints them into the file. */
  readonly sizeBytes: number;
  readonly journalMode: string;
  /** Backup written before this open migrated an older schema; null when none was needed. */
  readonly backupPath: string | null;
}

export interface WorkspaceOpenRequest {
  readonly path: string;
  /** Create the file when missing (default true). */
  readonly create?: boolean;
}

type NoParams = Record<string, never>;

// ── Jobs: long work with progress and cancel ────────────────────────────────────────────

/**
 * What a job's progress counts: tape rows read, loans projected, deal runs (breakevens, sizing),
 * scenarios of a set, grid cells, Monte Carlo paths. The screens and the `abs` command say each in
 * words with its plural (messages/progress.ts: "1 scenario", "7 scenarios", "7 个情景").
 */
export const PROGRESS_UNITS = ['rows', 'loans', 'runs', 'scenarios', 'cells', 'paths'] as const;
export type ProgressUnit = (typeof PROGRESS_UNITS)[number];

export interface JobProgress {
  /** 0–1 when the total is known, else null (show an indeterminate bar). */
  readonly fraction: number | null;
  readonly done: number;
  /** What `done` counts. */
  readonly unit: ProgressUnit;
  /** Units per second. */
  readonly rate: number | null;
  readonly message: string;
}

/**
 * What a job leaves when it succeeds. A calculation's result (projection, deal run, breakevens)
 * holds only what its inputs determine, so the same inputs give byte-identical results (DESIGN,
 * Numbers); `seconds` beside it is the wall time of the calculation, measured on the thread that
 * did the work — a fact about this job, not about the result. An import's report describes the
 * import itself, its timing included. `stored` says what the workspace's run store did with a
 * calculation (docs/run-store.md): stored it, or served it from an identical earlier run (then
 * `seconds` is that run's); absent when no workspace is open or the request said `store: false`.
 */
export type JobResult =
  | { readonly kind: 'tape.import'; readonly report: ImportReport }
  | { readonly kind: 'pool.project'; readonly projection: ProjectionResult; readonly seconds: number; readonly stored?: RunStoreNote }
  | { readonly kind: 'deal.run'; readonly run: DealRunResult; readonly seconds: number; readonly stored?: RunStoreNote }
  | { readonly kind: 'deal.breakeven'; readonly breakeven: BreakevenResult; readonly seconds: number; readonly stored?: RunStoreNote }
  | { readonly kind: 'deal.runScenarios'; readonly scenarios: ScenarioSetRunResult; readonly seconds: number; readonly stored?: RunStoreNote }
  | { readonly kind: 'deal.grid'; readonly grid: GridResult; readonly seconds: number; readonly stored?: RunStoreNote }
  | { readonly kind: 'deal.size'; readonly size: DealSizeResult; readonly seconds: number }
  | { readonly kind: 'deal.monteCarlo'; readonly monteCarlo: MonteCarloResult; readonly seconds: number; readonly stored?: RunStoreNote }
  | { readonly kind: 'report.excel'; readonly report: ReportExcelResult; readonly seconds: number };

/** The result a job of this kind leaves, e.g. `JobResultOf<'deal.run'>`. */
export type JobResultOf<K extends JobResult['kind']> = Extract<JobResult, { readonly kind: K }>;

export interface JobInfo {
  readonly id: string;
  readonly kind: JobResult['kind'];
  readonly title: string;
  /** The title by code (`jobTitle.*`, service/jobs/job-titles.ts), for a screen in another language; `title` is its English. */
  readonly titleCoded: CodedMessage;
  readonly state: 'running' | 'succeeded' | 'failed' | 'cancelled';
  readonly progress: JobProgress | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly result: JobResult | null;
  readonly error: ApiError | null;
}

// ── Tapes ───────────────────────────────────────────────────────────────────────────────

/** Where a tape file comes from: a path on this computer (desktop, CLI) or an upload (browser). */
export type TapeSource = { readonly kind: 'path'; readonly path: string } | { readonly kind: 'upload'; readonly uploadId: string };

export interface TapeReadOptions {
  readonly source: TapeSource;
  /** Override the detected text encoding (utf-8, utf-8-bom, gbk, gb18030, utf-16le). */
  readonly encoding?: string;
  /** Override the detected CSV delimiter. */
  readonly delimiter?: string;
  /** XLSX sheet name; the first sheet when absent. */
  readonly sheet?: string;
  /** Header → field choices over the automatic mapping. */
  readonly mapping?: HeaderMapping;
  /** A saved mapping to start from (its entries are overridden by `mapping`). */
  readonly mappingName?: string;
}

export interface FieldInfo {
  readonly field: CanonicalField;
  readonly label: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly help: string;
}

/** A unit a tape header states (data/tape/headers.ts headerUnit): amounts × 10^power (万元: 4), rates × 10^power (%: -2); unknown: refused on an amount or a rate. */
export interface TapeHeaderUnit {
  readonly written: string;
  readonly kind: 'money' | 'rate' | 'unknown';
  readonly power: number;
}

export interface TapePreview {
  readonly sourceFile: string;
  readonly format: 'csv' | 'xlsx';
  readonly bytes: number;
  readonly sha256: string;
  readonly encoding: string | null;
  readonly encodingReason: string | null;
  /** The reason by code (data/tape/encoding.ts ENCODING_REASONS), said in the screen's language. */
  readonly encodingReasonCoded: CodedMessage | null;
  readonly delimiter: string | null;
  readonly sheet: string | null;
  readonly sheets: readonly string[];
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly mapping: readonly MappedColumn[];
  /** Per column, the unit its header states (`(万元)`, `(%)`), which the import reads its values in when it feeds an amount or a rate; null: none. */
  readonly units: readonly (TapeHeaderUnit | null)[];
  /** Required fields no column maps to ('rateAnnual' stands for "a rate, annual or daily"). */
  readonly missingRequired: readonly CanonicalField[];
  /** A tape already imported from the same bytes. */
  readonly duplicateOf: TapeRecord | null;
  readonly fields: readonly FieldInfo[];
}

export interface TapeImportRequest extends TapeReadOptions {
  readonly name?: string;
  /** ISO date; else the tape's data-date column (数据日期); with neither the import is refused (CUTOFF_REQUIRED), never dated today. */
  readonly cutoffDate?: string;
  /** reject: any bad row rejects the file; keepValid: import the valid rows, keep the rest for review. */
  readonly mode: ImportMode;
  readonly allowDuplicate?: boolean;
  /** Plausibility limits over the saved mapping's (`mappingName`) and the defaults, key by key (README, "Loan tapes"). */
  readonly limits?: PlausibilityLimits;
}

export interface UploadInfo {
  readonly uploadId: string;
  readonly fileName: string;
  readonly bytes: number;
}

export interface CsvDownload {
  readonly fileName: string;
  readonly csv: string;
}

// ── Pool ────────────────────────────────────────────────────────────────────────────────

/** A stratification the UI can offer, with its default bucket edges. */
export interface StratDimensionInfo {
  readonly id: StratDimensionId;
  readonly label: string;
  readonly kind: 'numeric' | 'categorical';
  readonly unit: StratUnit;
  readonly defaultEdges: readonly number[];
  /** Named buckets that cannot be edited (delinquency). */
  readonly fixedBuckets: boolean;
  readonly wholeNumbers: boolean;
}

export interface StratRequest {
  readonly tapeId: number;
  readonly by: StratDimensionId;
  /** Bucket edges, ascending; the dimension's defaults when absent. Rates as decimals. */
  readonly edges?: readonly number[];
}

// ── Projection ──────────────────────────────────────────────────────────────────────────

/** One projected month of the pool, in yuan (rounded to cents) and decimal rates (monthly SMM/MDR, annual CPR/CDR). */
export interface ProjectionRow {
  readonly month: number;
  readonly beginningBalance: number;
  readonly scheduledInterest: number;
  readonly interestCollected: number;
  readonly penaltyInterest: number;
  /** Penalty (and compound) interest forgone to the borrower-cost cap this month: where the cap binds. */
  readonly penaltyForgone: number;
  readonly scheduledPrincipal: number;
  readonly prepayments: number;
  /** Payment-holiday interest added to principal this month (events, interest 'capitalised'): principal in, not lent. */
  readonly capitalisedInterest: number;
  readonly defaults: number;
  readonly recoveries: number;
  readonly losses: number;
  readonly endingBalance: number;
  readonly current: number;
  readonly dpd1_30: number;
  readonly dpd31_60: number;
  readonly dpd61_90: number;
  readonly dpd91_180: number;
  readonly overdueTotal: number;
  readonly servicingFee: number;
  readonly poolFactor: number;
  readonly smm: number;
  readonly cpr: number;
  readonly mdr: number;
  readonly cdr: number;
  /** Cumulative defaulted principal ÷ cutoff balance. */
  readonly cumulativeDefaultRate: number;
  readonly cumulativeNetLoss: number;
}

/**
 * Loan level projects every loan; representative lines group loans that behave alike
 * (segment, amortization, delinquency state, original and remaining term, rate and age buckets)
 * and project each group once — milliseconds instead of seconds, within 0.5% of loan level.
 */
export type ProjectionMode = 'loan' | 'repline';

/** A tape of the open workspace, or a pool file of representative lines as pool.check read it. */
export type ProjectionSource = { readonly kind: 'tape'; readonly tapeId: number } | { readonly kind: 'lines'; readonly pool: PoolFile };

export interface ProjectionRequest extends RunStoreOptions {
  readonly source: ProjectionSource;
  /** The assumption file, as assumptions.check (or a saved set) gave it; read again in full, against the pool's segments and products. */
  readonly assumptions: AssumptionFile;
  /** Default 'loan' for a tape; a pool file is always projected line by line. */
  readonly mode?: ProjectionMode;
}

/** One representative line as projected: its grouping key and the loans it stands for. */
export interface RepLineInfo {
  readonly line: number;
  /** The line's own label (pool files), when it has one. */
  readonly label?: string;
  readonly segment: string;
  /** The line's product value, when the pool's products are known. */
  readonly product?: string;
  readonly amortization: string;
  /** Delinquency state at cutoff (ROLL_STATES: current, dpd1_30, …). */
  readonly state: string;
  readonly originalTerm: number;
  readonly remainingTerm: number;
  readonly ageMonths: number;
  /** Balance-weighted contract rate, annual decimal. */
  readonly rateAnnual: number;
  readonly loans: number;
  readonly balance: number;
}

export interface ProjectionResult {
  /** The tape projected, or null for a pool file. */
  readonly tapeId: number | null;
  /** Tape name or pool file name, for titles. */
  readonly sourceName: string;
  readonly mode: ProjectionMode;
  readonly cutoffDate: string;
  readonly loans: number;
  readonly cutoffBalance: number;
  readonly months: number;
  /** The pool's segment values, as the assumption file's `segments` keys name them. */
  readonly segments: readonly string[];
  /** The representative lines (mode 'repline'), else null. */
  readonly lines: readonly RepLineInfo[] | null;
  readonly recoveriesAfterHorizon: number;
  readonly rows: readonly ProjectionRow[];
  /**
   * What changes how to read it (as a deal run's): the segments and products the assumption file
   * names that the pool has not, whose assumptions applied to no loan. Absent on runs stored before.
   */
  readonly warnings?: readonly string[];
  readonly codedWarnings?: readonly CodedMessage[];
}

/** A named assumption set kept in the workspace: checked when saved, read again when listed. */
export interface AssumptionSetRecord {
  readonly name: string;
  readonly assumptions: AssumptionFile;
  readonly updatedAt: string;
}

/** The implied long-run share 1+ days past due of one set's roll rates (docs/assumptions.md, Calibration). */
export interface ImpliedDelinquency {
  /** JSON path of the set: `$.pool`, `$.segments.gig`, `$.overrides[2]`. */
  readonly path: string;
  /** JSON path of the roll rates it uses (a segment without its own uses the pool's). */
  readonly rollRatesPath: string;
  /** Long-run share of loans 1+ days past due (decimal): the stationary mix with charge-offs replaced by new current loans. */
  readonly delinquentShare: number;
}

/** What a valid assumption file amounts to (assumptions.check). */
export interface AssumptionCheck {
  readonly months: number;
  /** The segments it overrides. */
  readonly segments: readonly string[];
  /** The assumption file as read: what pool.project, deal.run and deal.breakeven take. */
  readonly assumptions: AssumptionFile;
  /** The implied long-run 1+ DPD share of the pool's, each segment's and each rule's roll rates. */
  readonly impliedDelinquency: readonly ImpliedDelinquency[];
  /** How parts of the file are read (a compact row's unused roll forward, a default curve not applied). */
  readonly notes: readonly string[];
  /** Checked against a tape: the segments and products the file names that the pool has not, whose assumptions no loan takes (by code). */
  readonly warnings: readonly CodedMessage[];
}

/** What a valid pool file holds (pool.check). Money in the pool's currency, to the cent. */
export interface PoolCheck {
  /** The file's `name`, if it has one. */
  readonly name: string | null;
  readonly cutoffDate: string;
  readonly lines: number;
  /** Loans the lines stand for. */
  readonly loans: number;
  readonly balance: number;
  /** Balance-weighted contract rate (APR), annual decimal; null for a pool without balance. */
  readonly weightedAverageRate: number | null;
  /** The pool's segment values, as an assumption file's `segments` keys name them ('' for lines without one). */
  readonly segments: readonly string[];
  /** The pool file as read: what pool.project takes. */
  readonly pool: PoolFile;
}

// ── Deals: notes, waterfall, tranche analytics ─────────────────────────────────────────

export type { DealPeriod, RevolvingEnd, WalBasis };

/** What a deal runs on: its deal file, a pool (a tape of the workspace, else the file's own lines) and a scenario. */
export interface DealRunRequest extends RunStoreOptions {
  /** The deal file, as deal.validate (or deal.templates) gave it; read again in full by the service. */
  readonly deal: DealFile;
  /** Pool from this tape; without it the deal file's `pool` lines. */
  readonly tapeId?: number;
  /** How a tape is projected; default 'repline' (interactive speed, within 0.5% of loan level). */
  readonly mode?: ProjectionMode;
  /** The scenario, as assumptions.check (or a saved set) gave it; default the deal file's `assumptions`. */
  readonly assumptions?: AssumptionFile;
  /** One-off changes to that scenario for this run (`abs run --prepay --default --default-mult`). */
  readonly scenarioOverrides?: ScenarioOverrides;
  /** Scale every class to the pool it runs on, keeping each class's percentage of the deal's stated pool (docs/sizing.md). */
  readonly sizeToPool?: boolean;
}

/**
 * One-off changes to a run's scenario, in the vector notation of the assumption files
 * (docs/vector-notation.md): `prepayment` ("150 PSA") and `default` ("2 CDR") replace the curve of
 * the pool and of every segment and override rule (a default curve also replaces any
 * `defaultTiming`); `defaultMultiplier` scales the default curve (every MDR, capped at 100%) and
 * the roll into 1–30 DPD, as a breakeven's multiplier stress does (which multiplies it further).
 */
export interface ScenarioOverrides {
  readonly prepayment?: string;
  readonly default?: string;
  readonly defaultMultiplier?: number;
  /** A scenario's stress multipliers, the pool's and by segment value (docs/scenarios.md, Multiplier rules). */
  readonly multipliers?: ScenarioMultipliers;
  /** Replaces the recovery rate of the pool and every segment and rule (decimal). */
  readonly recoveryRate?: number;
  /** Replaces the recovery lag (months) of the pool and every segment and rule. */
  readonly recoveryLagMonths?: number;
  /** Index rates of the deal's floating notes: a path replacing theirs, then a parallel shock. */
  readonly indexRates?: IndexRateStress;
  /** Event stresses added after the base set's own (docs/assumptions.md, Event stresses). */
  readonly events?: readonly EventBlock[];
}

/** Factors on the base assumptions (1 = unchanged), each capped so rates stay in [0, 1] (docs/scenarios.md). */
export interface StressFactors {
  readonly default?: number;
  readonly rollIn?: number;
  readonly cure?: number;
  readonly prepayment?: number;
  readonly recovery?: number;
}

/** The pool's factors, and by segment value factors that multiply the pool's. */
export interface ScenarioMultipliers {
  readonly pool?: StressFactors;
  readonly segments?: Readonly<Record<string, StressFactors>>;
}

/** Floating notes' index: `path` (decimals by payment period, the last held flat) replaces theirs; `shockBps` then shifts it. */
export interface IndexRateStress {
  readonly path?: readonly number[];
  readonly shockBps?: number;
}

/** A shipped deal template (templates/deals/), a starting point for a deal. */
export interface DealTemplate {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly deal: DealFile;
}

/** A deal that passed every rule (deal.validate). */
export interface DealCheck {
  readonly name: string;
  readonly notes: number;
  readonly originalBalance: number;
  /** The deal file has its own pool: representative lines or a schedule pool. */
  readonly hasPool: boolean;
  /** The deal file has its own scenario: an assumption set, or a schedule pool (whose stress is its scenario). */
  readonly hasAssumptions: boolean;
  /** The pool balance the note sizes were written for: the deal's own pool lines, else Σ notes (docs/sizing.md). */
  readonly statedPoolBalance: number;
  /** The deal file as read: what deal.run and deal.breakeven take. */
  readonly deal: DealFile;
}

/** One note's headline figures under the scenario. Rates and ratios are decimals; money in the deal currency; years ACT/365 from closing. */
export interface TrancheRow {
  readonly id: string;
  readonly name: string;
  readonly seniority: number;
  readonly originalBalance: number;
  /** e.g. "4.20% fixed", "index + 1.10% floating", "none (residual)". */
  readonly coupon: string;
  /** Weighted average life, years on `walBasis` from `walFrom`: Σ principal × t ÷ Σ principal over the principal paid after walFrom; null when none is. */
  readonly walYears: number | null;
  /** The WAL's year basis (the deal file's analytics.walBasis, default ACT/365). */
  readonly walBasis: WalBasis;
  /** The WAL's time zero, ISO date: the deal file's analytics.settlementDate, else closing. */
  readonly walFrom: string;
  readonly firstPrincipal: { readonly period: number; readonly date: string } | null;
  readonly lastPrincipal: { readonly period: number; readonly date: string } | null;
  readonly expectedFinal: { readonly period: number; readonly date: string } | null;
  /** The note's expected maturity (预期到期日) as the deal file states it, ISO date; absent when it states none (and in runs stored before this field). */
  readonly expectedMaturity?: string;
  /** Balance still outstanding after the last payment date on or before expectedMaturity (0: repaid by it), in the deal currency; absent without an expected maturity. */
  readonly balanceAfterExpectedMaturity?: number;
  /** The deal's legal final maturity (法定到期日), ISO date; absent in runs stored before this field. */
  readonly legalFinalMaturity?: string;
  readonly totalInterest: number;
  readonly totalPrincipal: number;
  readonly totalResidual: number;
  readonly writeDown: number;
  /** Written-down principal ÷ original balance. */
  readonly lossRate: number;
  /** Interest still unpaid at the end. */
  readonly interestShortfall: number;
  /**
   * Yield at par (price 100 of the original balance at closing), one figure per quote (docs/deals.md, "Yield
   * conventions"); null for a note without a coupon. Annual effective: ACT/365 from closing, as XIRR.
   */
  readonly yieldAtParAnnualEffective: number | null;
  /** Bond-equivalent: semi-annual compounding on the payment schedule (SIFMA Standard Formulas). */
  readonly yieldAtParBondEquivalent: number | null;
  /** Mortgage-equivalent: monthly compounding on the payment schedule (SIFMA); 12 × r for a monthly note. */
  readonly yieldAtParMortgageEquivalent: number | null;
  /** China interbank (CFETS / ChinaBond): compounded at the payment frequency on actual days, simple in the final period. */
  readonly yieldAtParChinaInterbank: number | null;
  /** Modified duration at the annual effective yield at par: Macaulay (ACT/365 years) ÷ (1 + y); null for a note that loses principal at a negative yield (docs/deals.md). */
  readonly modifiedDurationYears: number | null;
  /** Residual/equity note: IRR of −original balance at closing and everything it received (XIRR); else null. */
  readonly irr: number | null;
  /** (Pool + reserve − this note and all senior) ÷ pool, at closing. */
  readonly creditEnhancementAtClosing: number;
}

export interface DealRunResult {
  readonly dealName: string;
  /** Tape name, or the deal's own pool. */
  readonly poolName: string;
  readonly mode: ProjectionMode;
  readonly cutoffDate: string;
  readonly closingDate: string;
  readonly poolBalance: number;
  readonly loans: number;
  readonly months: number;
  readonly tranches: readonly TrancheRow[];
  readonly periods: readonly DealPeriod[];
  /** Flat list of the waterfall's steps (JSON paths), the index of DealPeriod.steps. */
  readonly stepPaths: readonly string[];
  /** Cumulative gross defaults ÷ the denominator below, by period. */
  readonly cumulativeDefaultRate: readonly number[];
  /** What the cumulative default (and net loss) rates are divided by (docs/deals.md, Trigger metrics). */
  readonly cumulativeRatioDenominator: CumulativeRatioDenominator;
  readonly cumulativeNetLoss: readonly number[];
  readonly revolvingEnd: RevolvingEnd | null;
  readonly triggerFirstBreach: Readonly<Record<string, number | null>>;
  readonly cleanUpPeriod: number | null;
  /**
   * Each note's credit enhancement after each payment date: (pool balance after the principal purchased +
   * reserve − this note and all notes senior to it) ÷ pool balance; null once the pool is empty.
   */
  readonly creditEnhancement: readonly { readonly id: string; readonly values: readonly (number | null)[] }[];
  /** What an analyst should know before reading the figures (a pool cut off on another date, notes larger than the pool). */
  readonly warnings: readonly string[];
  /** The same warnings, each with its code and params (engine/messages.ts) for a screen to say in its language; absent in runs stored before codes. */
  readonly codedWarnings?: readonly CodedMessage[];
  /**
   * What each period's `pool.delinquencyStates` holds: 'rollRate' — every reporting state and 逾期总额
   * from the roll-rate projection (loan-level, representative lines, purchased cohorts included);
   * 'schedule' — a schedule pool's one delinquent column: `dpd61_90` holds all 61+ principal and
   * current the rest; 1–30, 31–60, the 91+ split and 逾期总额 are unknown (reported 0).
   */
  readonly delinquencyStateBasis?: DelinquencyStateBasis;
}

/** See DealRunResult.delinquencyStateBasis. */
export type DelinquencyStateBasis = 'rollRate' | 'schedule';

/**
 * What a note must receive to pass a breakeven stress: 'timely' — every period's interest paid on its
 * payment date (no interest shortfall in any period) and all principal by the end; 'ultimate' —
 * all principal and interest by the end, shortfalls made good later allowed.
 */
export type InterestPayment = 'timely' | 'ultimate';

export interface BreakevenRequest extends DealRunRequest {
  /** What is stressed: a multiple of the scenario's default curve (default), or a constant CDR replacing it. */
  readonly by?: 'multiplier' | 'cdr';
  /** The test every note is held to; default: timely for the senior class (seniority 1), ultimate for the others. */
  readonly interest?: InterestPayment;
}

/**
 * How deal.size sizes the notes to the pool (docs/sizing.md): 'scale' keeps every class's percentage of
 * the stated pool; 'creditEnhancement' sizes the senior class for a target CE at closing;
 * 'breakeven' sizes it for a target breakeven default multiplier. In the last two the mezzanine
 * classes keep their share and the subordinate class absorbs the change, above its floor.
 */
export type SizingMethod = 'scale' | 'creditEnhancement' | 'breakeven';

/** A sizing is not a stored run and does not size itself again: the run-store options and sizeToPool are not part of its request (deal.size refuses them). */
export interface DealSizeRequest extends Omit<DealRunRequest, keyof RunStoreOptions | 'sizeToPool'> {
  /** Size to this pool of representative lines (pool.check gives it) instead of a tape or the deal's own lines. */
  readonly pool?: PoolFile;
  readonly method: SizingMethod;
  /** creditEnhancement: the senior class's CE at closing (decimal, 0.2 = 20%); breakeven: the default multiplier it must survive (3 = 3×). */
  readonly target?: number;
  /** The subordinate class's smallest size, a share of the pool (decimal); default 0.05 (the originator's 5% risk retention). */
  readonly floor?: number;
  /** breakeven: the senior class's test; default timely interest (as deal.breakeven holds the senior class). */
  readonly interest?: InterestPayment;
}

/** One note of a capital structure at closing. */
export interface CapitalClassRow {
  readonly id: string;
  readonly name: string;
  readonly seniority: number;
  /** Original balance, deal currency. */
  readonly balance: number;
  /** Balance ÷ the pool balance (decimal). */
  readonly shareOfPool: number;
  /** (Pool + reserve − this note and every note senior to it) ÷ pool, at closing (decimal; negative when impaired from the start). */
  readonly creditEnhancement: number;
}

export interface DealSizeResult {
  readonly dealName: string;
  readonly poolName: string;
  readonly method: SizingMethod;
  readonly target: number | null;
  readonly floor: number;
  /** The pool the deal's sizes were written for: its own pool lines, else Σ notes. */
  readonly statedPoolBalance: number;
  /** The pool it runs on (cutoff balance). */
  readonly poolBalance: number;
  /** The deal as written, on this pool; the sized deal. Most senior first. */
  readonly before: readonly CapitalClassRow[];
  readonly after: readonly CapitalClassRow[];
  /** breakeven: the sized senior note's breakeven multiplier; limitedByFloor when the floor, not the target, bound its size. */
  readonly seniorBreakeven: {
    readonly id: string;
    readonly stress: number;
    readonly status: 'found' | 'lossWithoutStress' | 'beyondRange';
    readonly interest: InterestPayment;
    readonly limitedByFloor: boolean;
  } | null;
  /** The sized deal file (not saved): what deal.run takes. */
  readonly deal: DealFile;
}

/** A note's cash flows from closing, as a deal run reports them (engine/analytics price-yield.ts NoteSchedule). */
export interface NoteScheduleInput {
  readonly originalBalance: number;
  readonly closingDate: string;
  readonly paymentsPerYear: number;
  readonly dayCount: DayCount;
  readonly paymentDates: readonly string[];
  readonly principal: readonly number[];
  readonly interest: readonly number[];
  readonly endingBalance: readonly number[];
  readonly couponRate: readonly number[];
}

export type PriceYieldConvention = 'annualEffective' | 'bondEquivalent' | 'mortgageEquivalent' | 'chinaInterbank';

export interface PriceYieldRequest {
  readonly note: NoteScheduleInput;
  readonly settlementDate: string;
  readonly convention: PriceYieldConvention;
  /** Clean price, percent of the face outstanding at settlement (99.5, not 0.995); or give `yield`. */
  readonly cleanPrice?: number;
  /** Yield in `convention` (decimal). */
  readonly yield?: number;
}

export interface PriceYieldResult {
  readonly convention: PriceYieldConvention;
  readonly yield: number;
  readonly cleanPrice: number;
  readonly dirtyPrice: number;
  readonly settlementDate: string;
  readonly previousPaymentDate: string;
  readonly nextPaymentDate: string;
  /** Face outstanding at settlement: prices are percent of it. */
  readonly face: number;
  readonly dayCount: NoteScheduleInput['dayCount'];
  readonly accrualDays: number;
  readonly couponRate: number;
  /** Accrued interest, money and percent of face. */
  readonly accrued: number;
  readonly accruedPct: number;
  /** The same dirty price's yield in every convention. */
  readonly yields: Readonly<Record<PriceYieldConvention, number>>;
}

/** The largest stress at which a note still receives all its principal and interest. */
export interface BreakevenRow {
  readonly id: string;
  readonly name: string;
  /** The test this note was held to (the request's `interest`, else by its seniority). */
  readonly interest: InterestPayment;
  /** 'found'; 'lossWithoutStress' (it loses even at 0); 'beyondRange' (it never loses up to the largest stress tried). */
  readonly status: 'found' | 'lossWithoutStress' | 'beyondRange';
  /** The default multiplier, or the CDR (annual decimal), at the breakeven; the largest tried when beyondRange. */
  readonly stress: number;
  /** The pool's cumulative default rate and cumulative net loss ÷ cutoff balance at that stress, at the horizon. */
  readonly cumulativeDefaultRate: number;
  readonly cumulativeNetLossRate: number;
}

export interface BreakevenResult {
  readonly dealName: string;
  readonly by: 'multiplier' | 'cdr';
  /** The test asked for, or 'bySeniority' (timely for seniority 1, ultimate for the others). */
  readonly interest: InterestPayment | 'bySeniority';
  /** Bisection stops when the bracket is narrower than this (multiplier: relative; CDR: absolute). */
  readonly tolerance: number;
  readonly rows: readonly BreakevenRow[];
  readonly runs: number;
}

// ── Scenario sets: every scenario of a set on one deal ───────────────────────────────────

/** What a valid scenario-set file holds (scenarios.check). */
export interface ScenarioSetCheck {
  readonly name: string;
  readonly base: string | null;
  /** The scenarios' names, in run order. */
  readonly scenarios: readonly string[];
  /** The set as read: what deal.runScenarios and scenarios.save take. */
  readonly set: ScenarioSetFile;
}

/** A scenario set kept in the workspace: checked when saved, read again when listed. */
export interface ScenarioSetRecord {
  readonly name: string;
  readonly set: ScenarioSetFile;
  readonly updatedAt: string;
}

/** Every scenario of a set on one deal: the deal, its pool and a base scenario as deal.run takes them. */
export interface ScenarioSetRunRequest extends DealRunRequest, SweepOptions {
  /** The set, as scenarios.check (or a saved set) gave it; read again in full, against the pool's segments. */
  readonly scenarios: ScenarioSetFile;
  /** Also solve each note's breakeven under every scenario (costly: dozens of runs per scenario); absent: none. */
  readonly breakevens?: { readonly by?: 'multiplier' | 'cdr'; readonly interest?: InterestPayment };
}

/** How a sweep uses the worker pool (docs/sweeps.md); not an input of the run: any count gives the same bytes. */
export interface SweepOptions {
  /** At most this many worker threads (default the pool's size: the machine's cores, or the service's `jobs`). */
  readonly jobs?: number;
}

/** A shipped scenario set (templates/scenarios/), a starting point to copy and edit. */
export interface ScenarioSetTemplate {
  readonly id: string;
  /** The deal template (deal.templates id) the set was written for. */
  readonly dealTemplate: string;
  readonly name: string;
  readonly description: string | null;
  readonly set: ScenarioSetFile;
}

/** One scenario's results: each note's figures and the pool's. Money in the deal currency; rates decimals. */
export interface ScenarioRunRow {
  readonly name: string;
  readonly description: string | null;
  readonly tranches: readonly TrancheRow[];
  /** Cumulative gross defaults ÷ the run's cumulativeRatioDenominator, at the last period. */
  readonly cumulativeDefaultRate: number;
  /** Cumulative net loss at the last period: defaults × (1 − recovery rate), each booked when it defaults. */
  readonly cumulativeNetLoss: number;
  /** Cumulative net loss ÷ the pool's cutoff balance. */
  readonly cumulativeNetLossRate: number;
  /** Reserve account draws over the deal's life (0 without a reserve). */
  readonly reserveDraws: number;
  /** Each trigger's first breached period, or null. */
  readonly triggerFirstBreach: Readonly<Record<string, number | null>>;
  readonly revolvingEnd: RevolvingEnd | null;
  readonly cleanUpPeriod: number | null;
  readonly warnings: readonly string[];
  /** The same warnings by code (DealRunResult.codedWarnings); absent in runs stored before codes. */
  readonly codedWarnings?: readonly CodedMessage[];
  /** Each note's breakeven under this scenario, when the run asked for them (ScenarioSetRunRequest.breakevens). */
  readonly breakeven?: BreakevenResult;
  /** Per payment date, for charts overlaid by scenario (absent in runs stored before it was added). */
  readonly series?: ScenarioSeries;
}

/** A scenario's run by payment date: ISO dates; rates decimals; balances in the deal currency after each date. */
export interface ScenarioSeries {
  readonly dates: readonly string[];
  /** Cumulative gross defaults ÷ the run's cumulativeRatioDenominator. */
  readonly cumulativeDefaultRate: readonly number[];
  /** Cumulative net loss (defaults × (1 − recovery rate), booked at default) ÷ the pool's cutoff balance. */
  readonly cumulativeNetLossRate: readonly number[];
  /** Each note's balance after each payment date. */
  readonly noteBalances: readonly { readonly id: string; readonly values: readonly number[] }[];
}

export interface ScenarioSetRunResult {
  readonly setName: string;
  readonly dealName: string;
  readonly poolName: string;
  readonly mode: ProjectionMode;
  readonly cutoffDate: string;
  readonly closingDate: string;
  readonly poolBalance: number;
  /** What the cumulative default rates are divided by (docs/deals.md, Trigger metrics). */
  readonly cumulativeRatioDenominator: CumulativeRatioDenominator;
  readonly scenarios: readonly ScenarioRunRow[];
}

// ── Sensitivity grids (docs/sweeps.md) ───────────────────────────────────────────────────

/**
 * A grid parameter and what it sets in a cell's ScenarioOverrides: defaultMult (defaultMultiplier),
 * prepayMult / cureMult / rollInMult / recoveryMult (the pool's stress multipliers), recoveryRate
 * (decimal), recoveryLag (months), cdr ("N CDR": replaces the default curve), cpr ("N CPR"),
 * indexShockBps (index-rate shock), outageShare / outageMonth (an outage event block).
 */
export type GridParameter =
  'defaultMult' | 'prepayMult' | 'cureMult' | 'rollInMult' | 'recoveryMult' | 'recoveryRate' | 'recoveryLag' | 'cdr' | 'cpr' | 'indexShockBps' | 'outageShare' | 'outageMonth';

/** The values a grid parameter takes: from `min` to `max` inclusive, whole numbers only where `whole`. */
export interface GridParameterRange {
  readonly min: number;
  readonly max: number;
  readonly whole?: boolean;
}

/**
 * Each grid parameter's range (docs/sweeps.md, "Grid parameters"): the service refuses a value
 * outside it (service/runs/grid-parameters.ts) and the Deal screen's grid form names it before Run.
 */
export const GRID_PARAMETER_RANGES: Readonly<Record<GridParameter, GridParameterRange>> = {
  defaultMult: { min: 0, max: 1000 },
  prepayMult: { min: 0, max: 100 },
  cureMult: { min: 0, max: 100 },
  rollInMult: { min: 0, max: 100 },
  recoveryMult: { min: 0, max: 100 },
  recoveryRate: { min: 0, max: 1 },
  recoveryLag: { min: 0, max: 120, whole: true },
  cdr: { min: 0, max: 100 },
  cpr: { min: 0, max: 100 },
  indexShockBps: { min: -2000, max: 2000 },
  outageShare: { min: 0, max: 1 },
  outageMonth: { min: 1, max: 600, whole: true },
};

/** At most this many values on one axis (a 200 × 200 grid is 40,000 deal runs). */
export const GRID_MAX_AXIS_VALUES = 200;

/** One axis of a grid: a parameter and its values, in the order given. */
export interface GridAxis {
  readonly parameter: GridParameter;
  readonly values: readonly number[];
}

/** The outage event a grid's outageShare / outageMonth axes vary (the other fields of the block; defaults in docs/sweeps.md). */
export interface GridOutage {
  readonly segment?: string;
  readonly month?: number;
  readonly days?: number;
  readonly share?: number;
  readonly cureShare?: number;
  readonly waivePenalty?: boolean;
}

export interface GridRequest extends DealRunRequest, SweepOptions {
  /** The row parameter (the frontier is read along each row). */
  readonly rows: GridAxis;
  readonly columns: GridAxis;
  readonly outage?: GridOutage;
}

/** One note in one cell: the figures of the deal run with the cell's overrides (TrancheRow's conventions). */
export interface GridNoteCell {
  readonly lossRate: number;
  readonly walYears: number | null;
  /** Yield at par, annual effective (ACT/365, as XIRR); a residual note's IRR; null when none can be quoted. */
  readonly yield: number | null;
  /** Interest still unpaid at the end (ultimate interest). */
  readonly interestShortfall: number;
  /** The first period that ends with interest unpaid (timely interest missed), or null. */
  readonly timelyShortfallPeriod: number | null;
  /** The largest interest shortfall carried at the end of any period. */
  readonly maxInterestShortfall: number;
  /** Principal written down, or still outstanding after the last period. */
  readonly principalLost: boolean;
}

export interface GridCell {
  /** Cumulative gross defaults ÷ the run's denominator, and net loss ÷ cutoff balance, at the last period. */
  readonly cumulativeDefaultRate: number;
  readonly cumulativeNetLossRate: number;
  /** In the order of GridResult.notes. */
  readonly notes: readonly GridNoteCell[];
  readonly warnings: readonly string[];
  /** The same warnings by code (DealRunResult.codedWarnings); absent in runs stored before codes. */
  readonly codedWarnings?: readonly CodedMessage[];
}

/** For each row value, the smallest column value at which the note loses principal / misses timely interest (null: nowhere on the row). */
export interface GridFrontier {
  readonly noteId: string;
  readonly principalLoss: readonly (number | null)[];
  readonly timelyInterest: readonly (number | null)[];
}

export interface GridResult {
  readonly dealName: string;
  readonly poolName: string;
  readonly mode: ProjectionMode;
  readonly cutoffDate: string;
  readonly closingDate: string;
  readonly poolBalance: number;
  readonly cumulativeRatioDenominator: CumulativeRatioDenominator;
  readonly rows: GridAxis;
  readonly columns: GridAxis;
  readonly notes: readonly { readonly id: string; readonly name: string; readonly seniority: number; readonly coupon: string; readonly walBasis: WalBasis }[];
  /** cells[i][j]: row value i, column value j. */
  readonly cells: readonly (readonly GridCell[])[];
  readonly frontier: readonly GridFrontier[];
}

// ── Monte Carlo loss distribution (docs/monte-carlo.md) ─────────────────────────────────

/** The pool's lifetime default rate across paths: lognormal (mean, coefficient of variation) or Vasicek one-factor (pd, asset correlation ρ). */
export type DefaultRateDistribution = { readonly kind: 'lognormal'; readonly mean: number; readonly cv: number } | { readonly kind: 'vasicek'; readonly pd: number; readonly rho: number };

/** As asked for: a lognormal without a mean is centred on the scenario's own lifetime default. */
export type DefaultRateDistributionRequest = { readonly kind: 'lognormal'; readonly mean?: number; readonly cv: number } | { readonly kind: 'vasicek'; readonly pd: number; readonly rho: number };

/** A row of the user's expected-loss → rating table, best rating first (docs/monte-carlo.md, Implied rating). */
export interface RatingRow {
  readonly rating: string;
  /** The largest expected loss (decimal of the note's original balance) the rating allows. */
  readonly maxExpectedLoss: number;
}

/** The ranges deal.monteCarlo's request takes beyond its distribution's (0, 1] rates (service/api/schemas.ts; the Deal screen's form checks the same). */
export const MONTE_CARLO_LIMITS = { maxPaths: 100_000, maxSeed: 0xffff_ffff, maxCv: 100 } as const;

/** N seeded paths of a deal, each with its own lifetime default rate drawn from the distribution. */
export interface MonteCarloRequest extends DealRunRequest {
  readonly distribution: DefaultRateDistributionRequest;
  /** Paths, 1 … 100,000. */
  readonly paths: number;
  /** Whole number in [0, 2^32); path i's draw depends only on (seed, i). */
  readonly seed: number;
  /** Worker threads (default: the machine's cores); the result is the same for any number. */
  readonly jobs?: number;
  readonly ratingTable?: readonly RatingRow[];
}

/** Percentiles of a loss over the paths (Hyndman–Fan type 7), decimals. */
export interface LossPercentiles {
  readonly p50: number;
  readonly p75: number;
  readonly p90: number;
  readonly p95: number;
  readonly p99: number;
}

export interface LossHistogramBin {
  /** Loss range [from, to), decimals; the last bin includes `to`. */
  readonly from: number;
  readonly to: number;
  readonly paths: number;
}

/** One note over the paths. Losses are principal not repaid (written down or outstanding at the end) ÷ the note's original balance. */
export interface MonteCarloNoteRow {
  readonly id: string;
  readonly name: string;
  readonly originalBalance: number;
  readonly expectedLoss: number;
  /** Standard error of the expected loss: sample standard deviation ÷ √paths. */
  readonly standardError: number;
  /** Share of paths where the note loses any principal (more than half a cent). */
  readonly probabilityOfLoss: number;
  /** Mean WAL (years, on walBasis from walFrom) over the paths that repay principal; null if none does. */
  readonly meanWalYears: number | null;
  readonly walBasis: string;
  readonly percentiles: LossPercentiles;
  readonly histogram: readonly LossHistogramBin[];
  /** Paths for the expected loss's standard error to fall under 1% of it (from these paths' spread); null when the note never loses. */
  readonly pathsForOnePercentError: number | null;
  /** The rating the table gives the expected loss; null without a table or above its last row. */
  readonly impliedRating: string | null;
}

export interface MonteCarloResult {
  readonly dealName: string;
  readonly poolName: string;
  /** The distribution drawn from (a lognormal's mean resolved to the scenario's when not given). */
  readonly distribution: DefaultRateDistribution;
  /** As written on the CLI: "lognormal:mean=0.04,cv=0.5". */
  readonly distributionText: string;
  readonly paths: number;
  readonly seed: number;
  /** The scenario's own lifetime default (default multiplier 1): cumulative gross defaults of the cutoff pool ÷ its cutoff balance. */
  readonly scenarioLifetimeDefault: number;
  /** The smallest and largest lifetime default the pool can reach (default multiplier 0 and 1000): draws outside are moved to them. */
  readonly floorLifetimeDefault: number;
  readonly capLifetimeDefault: number;
  readonly flooredPaths: number;
  readonly cappedPaths: number;
  /** Mean of the lifetime default the paths realised (after floor and cap). */
  readonly meanLifetimeDefault: number;
  /** Mean over paths of the deal's cumulative default rate at the end (revolving purchases included), ÷ cumulativeRatioDenominator. */
  readonly meanDealCumulativeDefault: number;
  readonly cumulativeRatioDenominator: CumulativeRatioDenominator;
  /** Pool net loss (the deal's cumulative net loss: defaults × (1 − recovery rate), booked at default, revolving purchases included) ÷ cutoff balance: mean, percentiles, histogram. */
  readonly pool: { readonly meanNetLoss: number; readonly percentiles: LossPercentiles; readonly histogram: readonly LossHistogramBin[] };
  readonly notes: readonly MonteCarloNoteRow[];
  readonly ratingTable: readonly RatingRow[] | null;
}

/** One file of a static pool (静态池, docs/static-pool.md): a path (desktop and CLI) or an upload (the browser). */
export interface StaticPoolFileRequest {
  readonly source: TapeSource;
  /** CSV encoding override (GBK, UTF-8 …); detected when absent. */
  readonly encoding?: string;
  /** The metric of a wide table that names none (no 指标 column, title or sheet name). */
  readonly metric?: StaticPoolMetric;
}

export interface StaticPoolFitRequest {
  readonly files: readonly StaticPoolFileRequest[];
  /** The loans' schedule, for the CPR fit (with termMonths, and rateAnnual for level payment); absent: no scheduled principal. */
  readonly amortization?: 'level_payment' | 'equal_principal' | 'flat_fee' | 'interest_only';
  readonly termMonths?: number;
  /** Contract rate, annual decimal (0.18 = 18%). */
  readonly rateAnnual?: number;
  /** Below this share developed a vintage is projected by Bornhuetter–Ferguson (default 0.1). */
  readonly minDevelopedShare?: number;
  /** Put the fitted roll rates into the assumption set (they then are its default source). */
  readonly includeRollRates?: boolean;
}

/** The vintages read: rates are decimal shares of each vintage's original balance, index k − 1 = month on book k. */
export interface StaticPoolPreview {
  readonly tables: readonly StaticPoolTable[];
  readonly skipped: readonly { readonly file: string; readonly sheet: string | null; readonly reason: string }[];
  readonly vintages: readonly VintageHistory[];
}

export interface StaticPoolFitResult extends StaticPoolPreview {
  readonly fit: StaticPoolFit;
  /** The fit as an assumption file naming its source; assumptions.save keeps it. */
  readonly assumptions: AssumptionFile;
}

export type { StaticPoolFit, StaticPoolMetric, StaticPoolTable, VintageHistory };

// ── Runs: the run store (docs/run-store.md) ────────────────────────────────────────────

/**
 * How a projection, deal run or breakeven job uses the open workspace's run store. With a workspace
 * open, a job whose inputs (and engine) match a stored run is served from it, and a new run is stored.
 */
export interface RunStoreOptions {
  /** false: compute afresh and store nothing (`--no-store`); default true. */
  readonly store?: boolean;
  /** The stored run's name; default from the deal, the tape or pool, and the scenario. */
  readonly runName?: string;
  /** What the analyst calls the scenario given (its file or set name), for the default name. */
  readonly scenarioName?: string;
}

/** What kind of calculation a stored run is; an open list (sweeps and Monte Carlo runs will add theirs). */
export type RunKind = 'projection' | 'deal' | 'breakeven' | 'scenarios' | 'grid' | 'monte-carlo';

/** What the run store did with a job's run. */
export interface RunStoreNote {
  /** The stored run: this job's, or (fromStore) the earlier identical run that served it; null when storing failed. */
  readonly runId: number | null;
  /** When that run was computed (ISO 8601, UTC); null when storing failed. */
  readonly createdAt: string | null;
  /** The result is the stored run's, not computed again: same inputs, same engine. */
  readonly fromStore: boolean;
  /** Why the run was not stored (the result itself is good); null when it was. */
  readonly warning: string | null;
  /** The same by code (service/run-store/store-warnings.ts), said in the screen's language; absent when stored. */
  readonly codedWarning?: CodedMessage;
}

/** A tape as a run's input: its id and what tells its content apart (a tape re-imported under the same id is another tape). */
export interface TapeIdentity {
  readonly id: number;
  /** SHA-256 of the source file's bytes. */
  readonly sha256: string;
  readonly rowsImported: number;
  /** When it was imported (ISO 8601): changes when a tape is replaced. */
  readonly importedAt: string;
  readonly cutoffDate: string;
}

/** What a stored run was computed from: everything its result depends on, besides the engine. */
export type RunInputs =
  | {
      readonly kind: 'projection';
      readonly source: { readonly kind: 'tape'; readonly tape: TapeIdentity } | { readonly kind: 'lines'; readonly pool: PoolFile };
      readonly assumptions: AssumptionFile;
      /** How a tape was projected; null for a pool file (always line by line). */
      readonly mode: ProjectionMode | null;
    }
  | ({ readonly kind: 'deal' } & DealRunInputs)
  | ({ readonly kind: 'breakeven'; readonly by: 'multiplier' | 'cdr'; readonly interest: InterestPayment | null } & DealRunInputs)
  | ({ readonly kind: 'scenarios'; readonly set: ScenarioSetFile; readonly breakevens: { readonly by: 'multiplier' | 'cdr'; readonly interest: InterestPayment | null } | null } & DealRunInputs)
  | ({ readonly kind: 'grid'; readonly rows: GridAxis; readonly columns: GridAxis; readonly outage: GridOutage | null } & DealRunInputs)
  | ({
      readonly kind: 'monte-carlo';
      readonly distribution: DefaultRateDistributionRequest;
      readonly paths: number;
      readonly seed: number;
      readonly ratingTable: readonly RatingRow[] | null;
    } & DealRunInputs);

export interface DealRunInputs {
  readonly deal: DealFile;
  /** The pool's tape, or null for the deal file's own lines. */
  readonly tape: TapeIdentity | null;
  readonly mode: ProjectionMode;
  /** The scenario given with the run; null for the deal file's own `assumptions`. */
  readonly assumptions: AssumptionFile | null;
  readonly scenarioOverrides: ScenarioOverrides;
  /** The notes were scaled to the pool keeping their percentages (deal.run's sizeToPool); absent: run as written. */
  readonly sizeToPool?: boolean;
}

/** A key figure of a run for lists: 'years' (WAL), 'ratio' (decimal: 0.05 = 5%), 'money' (the pool's currency), 'multiple' (× a curve), 'count'. */
export interface RunFigure {
  readonly label: string;
  readonly value: number | null;
  readonly unit: 'years' | 'ratio' | 'money' | 'multiple' | 'count';
}

export interface RunRecord {
  readonly id: number;
  readonly kind: RunKind;
  /** In English (what the CLI prints); a name the analyst typed or renamed, as typed. */
  readonly name: string;
  /** A generated name by code, said in the screen's language (service/run-store/run-names.ts); absent when typed, renamed or stored before codes. */
  readonly nameCoded?: CodedMessage;
  /** When it was computed (ISO 8601, UTC). */
  readonly createdAt: string;
  /** The tape it ran on, if any (the tape may since have been deleted). */
  readonly tapeId: number | null;
  /** SHA-256 of the canonical JSON of its inputs and the engine identity. */
  readonly inputHash: string;
  readonly engine: { readonly version: string; readonly sourcesSha256: string };
  /** Wall time of the calculation when it was computed. */
  readonly seconds: number;
  readonly figures: readonly RunFigure[];
  /** Size of the result's JSON (UTF-8) and whether it is stored deflated. */
  readonly resultBytes: number;
  readonly compressed: boolean;
}

/** A stored run reopened: its inputs and its result exactly as the job gave it. */
export interface StoredRun {
  readonly record: RunRecord;
  readonly inputs: RunInputs;
  readonly result: JobResultOf<'pool.project' | 'deal.run' | 'deal.breakeven' | 'deal.runScenarios' | 'deal.grid' | 'deal.monteCarlo'>;
}

// ── Reports: the Excel tranche workbook (docs/reports.md) ───────────────────────────────

/**
 * A tranche workbook of one deal: stored runs (`runIds`: deal runs, and breakevens of the same
 * inputs), or a scenario set run now through the run store (`scenarios` with `deal`, and the pool
 * and base as deal.runScenarios takes them). Written to `outPath` (desktop, CLI) atomically; over
 * the browser transport there is no path: the workbook is kept for one download (`GET
 * /api/download?id=` with the token header, REPORT_DOWNLOAD_PATH).
 */
export interface ReportExcelRequest {
  readonly deal?: DealFile;
  readonly runIds?: readonly number[];
  readonly scenarios?: ScenarioSetFile;
  readonly tapeId?: number;
  readonly mode?: ProjectionMode;
  readonly assumptions?: AssumptionFile;
  readonly scenarioOverrides?: ScenarioOverrides;
  /** Labels' language; default English. Numbers and dates are typed cells whatever the language. */
  readonly language?: 'en' | 'zh-CN';
  /** Where to write the .xlsx (absolute path); absent (and refused) over the browser transport. */
  readonly outPath?: string;
}

export interface ReportExcelResult {
  /** The file written (desktop, CLI); null over the browser transport. */
  readonly path: string | null;
  /** The workbook's file name (the download's name in the browser). */
  readonly fileName: string;
  /** Browser transport: the id to fetch it by from REPORT_DOWNLOAD_PATH; null elsewhere. */
  readonly downloadId: string | null;
  readonly bytes: number;
  /** The workbook's sheets, in order. */
  readonly sheets: readonly string[];
  /** The scenarios reported, with the stored run each came from (null: not stored). */
  readonly scenarios: readonly { readonly name: string; readonly runId: number | null }[];
}

/**
 * The investor review pack's numbers for stored runs (report.pack): built from the same report
 * model as the Excel workbook, so every figure equals the workbook's. Money in the deal currency,
 * rates decimals, dates ISO.
 */
export interface InvestorPack {
  readonly dealName: string;
  /** The currency the runs' deal file states its amounts in (its `currency`); absent when it states none: amounts alone. */
  readonly currency?: DealFile['currency'];
  readonly poolName: string;
  readonly cutoffDate: string;
  readonly closingDate: string;
  readonly legalFinalMaturity: string;
  readonly poolBalance: number;
  readonly language: 'en' | 'zh-CN';
  readonly generatedAt: string;
  readonly engine: { readonly version: string; readonly sourcesSha256: string };
  /** Per scenario (stored deal run): its tranche table and pool figures as a scenario set's row, its run and breakevens. */
  readonly scenarios: readonly (ScenarioRunRow & {
    readonly runId: number | null;
    /** A stored run's generated name by code (RunRecord.nameCoded), said in the pack's language; `name` its English. */
    readonly nameCoded?: CodedMessage;
    readonly inputHash: string | null;
    readonly breakevens: BreakevenResult | null;
    /** The stored deal run itself: the pack's liquidity and loss charts plot its periods. */
    readonly run: DealRunResult;
  })[];
  /** The tape's strats (every dimension, default buckets) when the runs' pool is a tape of the open workspace; null otherwise. */
  readonly strats: readonly StratTable[] | null;
  /** Stored sensitivity grids chosen with the deal runs (of the same deal and pool): a page of each note's loss and WAL heatmaps each. */
  readonly grids: readonly { readonly runId: number; readonly name: string; readonly nameCoded?: CodedMessage; readonly inputHash: string; readonly result: GridResult }[];
  /** Stored Monte Carlo runs chosen with the deal runs (of the same deal and pool): a loss-distribution page each. */
  readonly monteCarlo: readonly { readonly runId: number; readonly name: string; readonly nameCoded?: CodedMessage; readonly inputHash: string; readonly result: MonteCarloResult }[];
}

export interface Api {
  'app.version': { request: NoParams; response: AppVersionInfo };
  'workspace.open': { request: WorkspaceOpenRequest; response: WorkspaceInfo };
  'workspace.info': { request: NoParams; response: WorkspaceInfo };
  'job.get': { request: { id: string }; response: JobInfo };
  'job.list': { request: NoParams; response: readonly JobInfo[] };
  'job.cancel': { request: { id: string }; response: { cancelled: boolean } };
  'tape.fields': { request: NoParams; response: readonly FieldInfo[] };
  'tape.preview': { request: TapeReadOptions; response: TapePreview };
  'tape.import': { request: TapeImportRequest; response: JobInfo };
  'tape.importSample': { request: { loans?: number; seed?: number }; response: JobInfo };
  'tape.list': { request: NoParams; response: readonly TapeRecord[] };
  'tape.get': { request: { id: number }; response: TapeRecord };
  'tape.rename': { request: { id: number; name: string }; response: TapeRecord };
  'tape.delete': { request: { id: number }; response: { deleted: number } };
  'tape.rejects': { request: { id: number; offset?: number; limit?: number }; response: { total: number; rows: readonly RejectedRow[] } };
  'tape.rejectsCsv': { request: { id: number }; response: CsvDownload };
  'pool.dimensions': { request: NoParams; response: readonly StratDimensionInfo[] };
  'pool.summary': { request: { tapeId: number }; response: PoolSummary };
  'pool.strat': { request: StratRequest; response: StratTable };
  'pool.stratCsv': { request: StratRequest; response: CsvDownload };
  /** Checks a pool file of representative lines (errors name the JSON path and the rule); answers with what it holds and the file as read. */
  'pool.check': { request: { pool: FileDraft }; response: PoolCheck };
  /** Starts a projection job (loan level can take seconds on a large tape); the job's result holds the table. */
  'pool.project': { request: ProjectionRequest; response: JobInfo };
  /** Checks an assumption file (against a tape's segments when given); errors name the JSON path; answers with the file as read. */
  'assumptions.check': { request: { assumptions: FileDraft; tapeId?: number }; response: AssumptionCheck };
  /** The shipped example assumption file, a starting point for the editor. */
  'assumptions.example': { request: NoParams; response: AssumptionFile };
  /** The saved sets, each read again (a set that no longer reads fails the call, naming the set and the problem's JSON path). */
  'assumptions.list': { request: NoParams; response: readonly AssumptionSetRecord[] };
  /** Saves (creates or replaces) a named set after reading it in full; answers with the set as read. */
  'assumptions.save': { request: { name: string; assumptions: FileDraft }; response: AssumptionSetRecord };
  'assumptions.delete': { request: { name: string }; response: { deleted: string } };
  /** The shipped deal templates. */
  'deal.templates': { request: NoParams; response: readonly DealTemplate[] };
  /** Checks a deal file: shape, then every rule at once (details.issues, each with its JSON path); answers with the deal as read. */
  'deal.validate': { request: { deal: FileDraft }; response: DealCheck };
  /** Runs a deal (a job): pool projection, waterfall to the cent, tranche analytics. */
  'deal.run': { request: DealRunRequest; response: JobInfo };
  /** Solves each note's breakeven stress (a job). */
  'deal.breakeven': { request: BreakevenRequest; response: JobInfo };
  /** Sizes the deal's notes to the pool it runs on (a job): scale keeping %, or the senior class for a target CE or breakeven; nothing is saved. */
  'deal.size': { request: DealSizeRequest; response: JobInfo };
  /** A note's yield at a clean price, or its price at a yield, on a settlement date: clean, dirty, accrued (docs/sizing.md). */
  'deal.priceYield': { request: PriceYieldRequest; response: PriceYieldResult };
  /** Checks a scenario-set file (against a tape's segments when given); errors name the JSON path; answers with the set as read. */
  'scenarios.check': { request: { scenarios: FileDraft; tapeId?: number }; response: ScenarioSetCheck };
  /** The workspace's saved scenario sets, each read again (a set that no longer reads fails the call, naming it and the problem's JSON path). */
  'scenarios.list': { request: NoParams; response: readonly ScenarioSetRecord[] };
  'scenarios.get': { request: { name: string }; response: ScenarioSetRecord };
  /** Saves (creates or replaces) a set after reading it in full, under `name` (default the set's own name); a set that does not read is not saved. */
  'scenarios.save': { request: { name?: string; scenarios: FileDraft }; response: ScenarioSetRecord };
  'scenarios.delete': { request: { name: string }; response: { deleted: string } };
  /** The shipped scenario sets, one per deal template. */
  'scenarios.templates': { request: NoParams; response: readonly ScenarioSetTemplate[] };
  /** Runs every scenario of a set on one deal (a job): per scenario the tranche table and the pool's figures. */
  'deal.runScenarios': { request: ScenarioSetRunRequest; response: JobInfo };
  /** A sensitivity grid (a job): every cell's note figures over two parameters, and the frontier (docs/sweeps.md). */
  'deal.grid': { request: GridRequest; response: JobInfo };
  /** Monte Carlo loss distribution (a job; docs/monte-carlo.md). */
  'deal.monteCarlo': { request: MonteCarloRequest; response: JobInfo };
  /** Stored runs of the workspace, newest first, with their key figures. */
  /** Writes the Excel tranche workbook of stored runs or a scenario set (a job). */
  'report.excel': { request: ReportExcelRequest; response: JobInfo };
  /** The investor pack's numbers of stored runs (the Excel report's, from the same model). */
  'report.pack': { request: { runIds: readonly number[]; language?: 'en' | 'zh-CN' }; response: InvestorPack };
  'runs.list': { request: NoParams; response: readonly RunRecord[] };
  /** A stored run's inputs and result. */
  'runs.get': { request: { id: number }; response: StoredRun };
  'runs.rename': { request: { id: number; name: string }; response: RunRecord };
  'runs.delete': { request: { id: number }; response: { deleted: number } };
  'mapping.list': { request: NoParams; response: readonly SavedMapping[] };
  'mapping.save': { request: { name: string; mapping: HeaderMapping; limits?: PlausibilityLimits }; response: SavedMapping };
  'mapping.delete': { request: { name: string }; response: { deleted: string } };
  /** Reads a static pool (静态池) from CSV/XLSX files: the vintages, each problem named by file, row and column. */
  'staticPool.preview': { request: { files: readonly StaticPoolFileRequest[] }; response: StaticPoolPreview };
  /** Reads and fits a static pool: lifetime default, default timing, CPR by age, roll rates, their errors, and the assumption set. */
  'staticPool.fit': { request: StaticPoolFitRequest; response: StaticPoolFitResult };
  /** The prospectus tables of a deal: per note, per speed, to call and to maturity — WAL, principal window, expected final, decrement table. */
  'deal.tables': { request: DealTablesRequest; response: DealTablesResult };
  /** Imports a collection schedule (CSV/XLSX, 元 or 万元) into the workspace under a name, in one transaction (docs/schedule-pools.md). */
  'schedule.import': { request: ScheduleImportRequest; response: ScheduleRecord };
  'schedule.list': { request: NoParams; response: readonly ScheduleRecord[] };
  /** A stored schedule and its rows in yuan, as a deal file's schedulePool.rows takes them. */
  'schedule.get': { request: { name: string }; response: { schedule: ScheduleRecord; rows: readonly ScheduleRow[] } };
  'schedule.delete': { request: { name: string }; response: { deleted: string } };
}

/** A collection schedule to import: the file, its unit (else the unit its headers state) and the deal's cutoff if known. */
export interface ScheduleImportRequest {
  readonly source: TapeSource;
  readonly name: string;
  readonly unit?: ScheduleUnit;
  readonly cutoffDate?: string;
  readonly sheet?: string;
  readonly encoding?: string;
}

export type { ScheduleRecord, ScheduleRow, ScheduleUnit };

export type Method = keyof Api;
export type RequestOf<M extends Method> = Api[M]['request'];
export type ResponseOf<M extends Method> = Api[M]['response'];

/**
 * Errors cross every transport as data. `code` is stable (BAD_REQUEST, NOT_FOUND,
 * WORKSPACE_TOO_NEW, …, INTERNAL); `message` is one line for a person; `details` says
 * where (file, row, column, JSON path) and why. A file the analyst wrote (assumption set, pool or
 * deal file) that fails its checks gives BAD_REQUEST with `details.path` (the first problem) and
 * `details.issues`: every problem as `{ path, message }` (service/files/file-issues.ts); a rule's
 * problem also carries `code` and `params` (engine/messages.ts) for a screen to say it in its language.
 */
export interface ApiError {
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

/** Events pushed from the service to every open window (IPC event or HTTP server-sent event). */
export type AppEvent =
  | { readonly type: 'workspace.changed'; readonly workspace: WorkspaceInfo }
  | { readonly type: 'job.updated'; readonly job: JobInfo }
  | { readonly type: 'tapes.changed' }
  | { readonly type: 'assumptions.changed' }
  | { readonly type: 'scenarios.changed' }
  | { readonly type: 'runs.changed' };

/** What the Electron preload exposes on `window.abs` (the HTTP transport has no native dialogs). */
export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

/**
 * A command of the desktop app's menu that the renderer carries out (electron/menu.ts): it owns
 * the question about unsaved edits another workspace would drop, the native dialog's words in the
 * chosen language, and the error if the file is refused — the same as the Workspace screen's buttons.
 */
export type MenuCommand = 'workspace.new' | 'workspace.open';

export interface DesktopBridge {
  invoke<M extends Method>(method: M, params: RequestOf<M>): Promise<ApiResult<ResponseOf<M>>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  chooseOpenFile(options: { title: string; filters: readonly FileFilter[] }): Promise<string | null>;
  chooseSaveFile(options: { title: string; defaultName: string; filters: readonly FileFilter[] }): Promise<string | null>;
  /**
   * The investor pack of stored runs as a PDF: asks where to save it, prints the pack's page
   * (`#/reports/pack?runs=…`) in a hidden window with Chromium's printToPDF (A4 landscape, the
   * page's own print CSS) and writes it there. The path written, or null when the analyst cancelled.
   */
  savePackPdf(options: { runIds: readonly number[]; defaultName: string; language?: 'en' | 'zh-CN' }): Promise<string | null>;
  /** Hears the menu's commands (File ▸ New Workspace…, Open Workspace…); returns the unsubscribe. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Tells the shell the page carries out menu commands now (it listens, in its language): the shell
   * sends none before, and those chosen while the page loaded come now, in order (electron/page-commands.ts).
   */
  menuReady(): void;
  /** Tells the shell the language the analyst chose, so its menu and its own dialogs speak it. */
  setLanguage(language: 'en' | 'zh-CN'): void;
}

/** HTTP transport: the header that carries the per-launch token. */
export const TOKEN_HEADER = 'x-abs-token';
/** HTTP transport: `GET` this path with `?id=` (a report's downloadId) and the token header answers the workbook. */
export const REPORT_DOWNLOAD_PATH = '/api/download';
/** The investor pack's print view in the renderer: `${INVESTOR_PACK_HASH}?runs=3,4` (the browser's print view, Electron's hidden print window). */
export const INVESTOR_PACK_HASH = '#/reports/pack';
/** HTTP transport: `POST /api/upload` takes the raw file body and its name in this header (URI-encoded). */
export const FILE_NAME_HEADER = 'x-file-name';

/** Which runs a prospectus table shows: the clean-up call exercised, the deal run to maturity, or both. */
export type CallCase = 'call' | 'noCall' | 'both';

/** deal.tables: one deal file, every speed, both call cases (docs/prospectus-tables.md). */
export interface DealTablesRequest {
  /** The deal file, read in full by the service (its own pool lines and assumptions unless `pool` / `assumptions` are given). */
  readonly deal: FileDraft;
  /** Speeds in vector notation: "0.5,1,1.3,1.5,1.8,2 ABS", or vectors separated by ";". Each replaces the prepayment curve. */
  readonly speeds: string;
  /** Default 'both' when the deal has a clean-up call, else 'noCall'. */
  readonly call?: CallCase;
  /** A pool file (lines) in place of the deal file's pool. */
  readonly pool?: FileDraft;
  readonly assumptions?: AssumptionFile;
  /** Rows at each payment date (default) or at each anniversary of closing. */
  readonly rows?: DecrementRows;
  /** Two decimals (default) or whole percent with * below 0.5 %. */
  readonly precision?: PercentPrecision;
}

export interface DealTablesResult {
  readonly dealName: string;
  /** Time zero of the WAL and the decrement table's first row. */
  readonly closingDate: string;
  /** The WAL's year basis (the deal file's analytics.walBasis). */
  readonly walBasis: WalBasis;
  readonly rows: DecrementRows;
  readonly precision: PercentPrecision;
  /** Each speed as run, in the order asked. */
  readonly speeds: readonly string[];
  readonly notes: readonly { readonly id: string; readonly name: string; readonly originalBalance: number }[];
  /** One entry per call case, each with one table per note (columns in the order of `speeds`). */
  readonly cases: readonly { readonly callCase: 'toCall' | 'toMaturity'; readonly tables: readonly ClassTable[] }[];
}
