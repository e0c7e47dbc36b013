import type { StratTable } from '../../data/pool/strats.ts';
import type { BreakevenResult, DealFile, DealRunInputs, DealRunResult, GridResult, MonteCarloResult, TapeIdentity } from '../api/contract.ts';
import type { ReportLanguage } from './labels.ts';
import type { CodedMessage } from '../../engine/index.ts';

/** One scenario of the report: a deal run, what it was computed from, and its breakevens when they were run. */
export interface ReportScenario {
  readonly name: string;
  /** A stored run's generated name by code (RunRecord.nameCoded); `name` is its English. */
  readonly nameCoded?: CodedMessage;
  /** What its sheets are named after: "#12" for a stored run (run names are long and alike), the scenario's name in a set. */
  readonly shortName: string;
  /** The stored run (null when no workspace kept it) and the hash of its inputs and engine. */
  readonly runId: number | null;
  readonly inputHash: string | null;
  /** The engine that computed the run (its version and sources' SHA-256). */
  readonly engine: { readonly version: string; readonly sourcesSha256: string };
  readonly inputs: DealRunInputs;
  readonly run: DealRunResult;
  readonly breakevens: BreakevenResult | null;
}

/** A stored sweep of the report's deal and pool: a sensitivity grid or a Monte Carlo run, as the run store keeps it. */
export interface ReportSweep<R> {
  readonly name: string;
  readonly nameCoded?: CodedMessage;
  /** "#12": what its sheet is named after. */
  readonly shortName: string;
  readonly runId: number;
  readonly inputHash: string;
  readonly inputs: DealRunInputs;
  readonly result: R;
}

export type ReportGrid = ReportSweep<GridResult>;
export type ReportMonteCarlo = ReportSweep<MonteCarloResult>;

/** The stored runs of a report: deal runs (with breakevens joined) as scenarios, and the grids and Monte Carlo runs among them. */
export interface StoredReportRuns {
  readonly scenarios: readonly ReportScenario[];
  readonly grids: readonly ReportGrid[];
  readonly monteCarlo: readonly ReportMonteCarlo[];
}

/** Everything a tranche workbook shows: built from stored runs (or a scenario set run through the store). */
export interface ReportModel {
  readonly deal: DealFile;
  readonly tape: TapeIdentity | null;
  readonly setName: string | null;
  readonly engine: { readonly version: string; readonly sourcesSha256: string };
  /** ISO 8601 UTC. */
  readonly generatedAt: string;
  readonly language: ReportLanguage;
  readonly scenarios: readonly ReportScenario[];
  /** The tape's strats (every dimension), or null when the pool is the deal's own lines or the tape is not in the workspace. */
  readonly strats: readonly StratTable[] | null;
  /** Stored sensitivity grids and Monte Carlo runs chosen with the deal runs (none for a scenario set). */
  readonly grids: readonly ReportGrid[];
  readonly monteCarlo: readonly ReportMonteCarlo[];
}
