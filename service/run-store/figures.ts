import type { BreakevenResult, DealRunResult, GridResult, JobResultOf, MonteCarloResult, ProjectionResult, RunFigure, ScenarioSetRunResult } from '../api/contract.ts';

/** The figures a list of runs shows: the senior note's WAL and loss, the pool's defaults and losses (docs/run-store.md). */

/** The most senior note of a tranche table (lowest seniority number). */
function seniorOf(tranches: DealRunResult['tranches']): DealRunResult['tranches'][number] | undefined {
  return [...tranches].sort((a, b) => a.seniority - b.seniority)[0];
}

function dealFigures(run: DealRunResult): RunFigure[] {
  const senior = seniorOf(run.tranches);
  const last = run.periods.length - 1;
  return [
    { label: `${senior?.name ?? 'Senior'} WAL (y, ${senior?.walBasis ?? 'ACT/365'})`, value: senior?.walYears ?? null, unit: 'years' },
    { label: `${senior?.name ?? 'Senior'} loss`, value: senior?.lossRate ?? null, unit: 'ratio' },
    { label: `Cumulative default rate (÷ ${run.cumulativeRatioDenominator})`, value: run.cumulativeDefaultRate[last] ?? null, unit: 'ratio' },
    { label: 'Pool balance (deal currency)', value: run.poolBalance, unit: 'money' },
  ];
}

function breakevenFigures(result: BreakevenResult): RunFigure[] {
  return result.rows.map((row) => ({
    label: `${row.name} breakeven ${result.by === 'cdr' ? 'CDR' : 'multiplier'} (${row.interest}${row.status === 'found' ? '' : `, ${row.status}`})`,
    value: row.status === 'lossWithoutStress' ? 0 : row.stress,
    unit: result.by === 'cdr' ? 'ratio' : 'multiple',
  }));
}

function projectionFigures(projection: ProjectionResult): RunFigure[] {
  const last = projection.rows.at(-1);
  return [
    { label: 'Cutoff balance (pool currency)', value: projection.cutoffBalance, unit: 'money' },
    { label: 'Cumulative default rate (÷ cutoff balance)', value: last?.cumulativeDefaultRate ?? null, unit: 'ratio' },
    { label: 'Cumulative net loss (pool currency)', value: last?.cumulativeNetLoss ?? null, unit: 'money' },
    { label: 'Loans', value: projection.loans, unit: 'count' },
  ];
}

/** A scenario set: how many scenarios, the senior note's worst loss and the highest cumulative default rate across them. */
function scenarioSetFigures(result: ScenarioSetRunResult): RunFigure[] {
  const senior = seniorOf(result.scenarios[0]?.tranches ?? []);
  const losses = result.scenarios.map((s) => s.tranches.find((t) => t.id === senior?.id)?.lossRate ?? 0);
  return [
    { label: 'Scenarios', value: result.scenarios.length, unit: 'count' },
    { label: `${senior?.name ?? 'Senior'} worst loss`, value: losses.length > 0 ? Math.max(...losses) : null, unit: 'ratio' },
    { label: `Highest cumulative default rate (÷ ${result.cumulativeRatioDenominator})`, value: Math.max(...result.scenarios.map((s) => s.cumulativeDefaultRate)), unit: 'ratio' },
    { label: 'Pool balance (deal currency)', value: result.poolBalance, unit: 'money' },
  ];
}

/** A grid: its cells, and the senior note's worst loss over them. */
function gridFigures(grid: GridResult): RunFigure[] {
  const seniority = Math.min(...grid.notes.map((n) => n.seniority));
  const n = grid.notes.findIndex((note) => note.seniority === seniority);
  const losses = grid.cells.flat().map((cell) => cell.notes[n]?.lossRate ?? 0);
  return [
    { label: `Cells (${grid.rows.parameter} × ${grid.columns.parameter})`, value: grid.rows.values.length * grid.columns.values.length, unit: 'count' },
    { label: `${grid.notes[n]?.name ?? 'Senior'} worst loss`, value: losses.length > 0 ? Math.max(...losses) : null, unit: 'ratio' },
    { label: 'Pool balance (deal currency)', value: grid.poolBalance, unit: 'money' },
  ];
}

/** Each note's expected loss, then the pool's mean net loss. */
function monteCarloFigures(result: MonteCarloResult): RunFigure[] {
  return [
    ...result.notes.map((note) => ({ label: `${note.name} expected loss (${result.paths} paths)`, value: note.expectedLoss, unit: 'ratio' as const })),
    { label: 'Pool mean net loss (÷ cutoff balance)', value: result.pool.meanNetLoss, unit: 'ratio' },
  ];
}

export function runFigures(result: JobResultOf<'pool.project' | 'deal.run' | 'deal.breakeven' | 'deal.runScenarios' | 'deal.grid' | 'deal.monteCarlo'>): RunFigure[] {
  if (result.kind === 'deal.run') return dealFigures(result.run);
  if (result.kind === 'deal.monteCarlo') return monteCarloFigures(result.monteCarlo);
  if (result.kind === 'deal.breakeven') return breakevenFigures(result.breakeven);
  if (result.kind === 'deal.runScenarios') return scenarioSetFigures(result.scenarios);
  if (result.kind === 'deal.grid') return gridFigures(result.grid);
  return projectionFigures(result.projection);
}
