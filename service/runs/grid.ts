import type { DealRunResult, GridAxis, GridCell, GridFrontier, GridNoteCell, GridResult, ProjectionMode, ScenarioOverrides } from '../api/contract.ts';
import type { DealFile } from '../files/deal-file.ts';
import { dealRunResult } from './deal-run.ts';
import { dealPool, prepareDeal, scenarioReader, type ScenarioReader } from './prepare-deal.ts';
import type { ProjectionInput } from './projection.ts';

/** What every cell of a grid runs on: the deal, its pool (read once per thread) and the base scenario. */
export interface GridPlan {
  readonly file: DealFile;
  readonly input: ProjectionInput;
  /** The mode the result reports: a deal's own lines always run as lines. */
  readonly mode: ProjectionMode;
  readonly base: unknown;
  /** Reads the base scenario for the plan's cells: once, kept (scenarioReader). */
  readonly readScenario: ScenarioReader;
}

/** A grid's plan on a thread: the deal's pool (a tape's, else its own lines, which always run as lines) read once, and its base scenario read once. */
export function planGrid(file: DealFile, tape: ProjectionInput | null, mode: ProjectionMode, base: unknown): GridPlan {
  return { file, input: dealPool(file, tape), mode: tape === null ? 'repline' : mode, base, readScenario: scenarioReader() };
}

/** One cell's outcome: the cell, and the run's heading (the same for every cell). */
export interface GridCellOutcome {
  readonly head: Omit<GridResult, 'rows' | 'columns' | 'cells' | 'frontier'>;
  readonly cell: GridCell;
}

/** A note's figures in a cell, from the deal run with the cell's overrides (the tranche table's conventions). */
function noteCell(run: DealRunResult, index: number): GridNoteCell {
  const tranche = run.tranches[index];
  if (tranche === undefined) throw new RangeError(`no note ${index}`);
  const shortfalls = run.periods.map((period) => period.notes.find((note) => note.id === tranche.id)?.interestShortfall ?? 0);
  const missed = shortfalls.findIndex((shortfall) => shortfall > 0);
  const last = run.periods.at(-1)?.notes.find((note) => note.id === tranche.id);
  return {
    lossRate: tranche.lossRate,
    walYears: tranche.walYears,
    yield: tranche.irr ?? tranche.yieldAtParAnnualEffective,
    interestShortfall: tranche.interestShortfall,
    timelyShortfallPeriod: missed < 0 ? null : (run.periods[missed]?.period ?? null),
    maxInterestShortfall: Math.max(0, ...shortfalls),
    // Principal lost: written down, or still outstanding after the last period (breakevens' paidInFull test).
    principalLost: tranche.writeDown > 0 || (last?.endingBalance ?? 0) > 0,
  };
}

/** Runs one cell: the deal with the cell's overrides (exactly `deal.run` with them). */
export function runGridCell(plan: GridPlan, overrides: ScenarioOverrides): GridCellOutcome {
  const run = dealRunResult(prepareDeal(plan.file, plan.input, plan.base, overrides, plan.readScenario), plan.mode);
  const last = run.periods.length - 1;
  const netLoss = run.cumulativeNetLoss[last] ?? 0;
  const { dealName, poolName, mode, cutoffDate, closingDate, poolBalance, cumulativeRatioDenominator } = run;
  const notes = run.tranches.map(({ id, name, seniority, coupon, walBasis }) => ({ id, name, seniority, coupon, walBasis }));
  return {
    head: { dealName, poolName, mode, cutoffDate, closingDate, poolBalance, cumulativeRatioDenominator, notes },
    cell: {
      cumulativeDefaultRate: run.cumulativeDefaultRate[last] ?? 0,
      cumulativeNetLossRate: run.poolBalance > 0 ? netLoss / run.poolBalance : 0,
      notes: run.tranches.map((_, k) => noteCell(run, k)),
      warnings: run.warnings,
      ...(run.codedWarnings ? { codedWarnings: run.codedWarnings } : {}),
    },
  };
}

/** The smallest column value among a row's cells where `hit` holds, or null (docs/sweeps.md, "The frontier"). */
function smallestHit(row: readonly GridCell[], columns: GridAxis, hit: (cell: GridCell) => boolean): number | null {
  let smallest: number | null = null;
  row.forEach((cell, j) => {
    const value = columns.values[j];
    if (value !== undefined && hit(cell) && (smallest === null || value < smallest)) smallest = value;
  });
  return smallest;
}

/** Each note's frontier: per row value, the smallest column value where it loses principal, and where it misses timely interest. */
export function gridFrontier(notes: GridResult['notes'], cells: GridResult['cells'], columns: GridAxis): GridFrontier[] {
  return notes.map((note, n) => ({
    noteId: note.id,
    principalLoss: cells.map((row) => smallestHit(row, columns, (cell) => cell.notes[n]?.principalLost === true)),
    timelyInterest: cells.map((row) => smallestHit(row, columns, (cell) => (cell.notes[n]?.timelyShortfallPeriod ?? null) !== null)),
  }));
}

/** The grid's result from its cells' outcomes in row-major order (rows × columns), whatever order they were computed in. */
export function gridResult(rows: GridAxis, columns: GridAxis, outcomes: readonly GridCellOutcome[]): GridResult {
  const head = outcomes[0]?.head;
  if (head === undefined) throw new RangeError('a grid has at least one cell');
  const cells = rows.values.map((_, i) => outcomes.slice(i * columns.values.length, (i + 1) * columns.values.length).map(({ cell }) => cell));
  return { ...head, rows, columns, cells, frontier: gridFrontier(head.notes, cells, columns) };
}
