import type { BreakevenResult, DealRunResult, JobResultOf, MonteCarloResult, ProjectionResult, RunFigure } from '../api/contract.ts';

/** The figures a list of runs shows: the senior note's WAL and loss, the pool's defaults and losses (docs/run-store.md). */

function seniorNote(run: DealRunResult): DealRunResult['tranches'][number] | undefined {
  return [...run.tranches].sort((a, b) => a.seniority - b.seniority)[0];
}

function dealFigures(run: DealRunResult): RunFigure[] {
  const senior = seniorNote(run);
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

/** Each note's expected loss, then the pool's mean net loss. */
function monteCarloFigures(result: MonteCarloResult): RunFigure[] {
  return [
    ...result.notes.map((note) => ({ label: `${note.name} expected loss (${result.paths} paths)`, value: note.expectedLoss, unit: 'ratio' as const })),
    { label: 'Pool mean net loss (÷ cutoff balance)', value: result.pool.meanNetLoss, unit: 'ratio' },
  ];
}

export function runFigures(result: JobResultOf<'pool.project' | 'deal.run' | 'deal.breakeven' | 'deal.monteCarlo'>): RunFigure[] {
  if (result.kind === 'deal.run') return dealFigures(result.run);
  if (result.kind === 'deal.monteCarlo') return monteCarloFigures(result.monteCarlo);
  if (result.kind === 'deal.breakeven') return breakevenFigures(result.breakeven);
  return projectionFigures(result.projection);
}
