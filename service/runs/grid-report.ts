import { csvField, safeCsvField } from '../../data/csv-out.ts';
import type { GridResult } from '../api/contract.ts';

/**
 * CSV views of a grid: one row per cell and note (every figure), and one row per note and row
 * value for the frontier. Rates and ratios as decimals, money in the deal currency; note names
 * come from files and are guarded against formula injection.
 */
const num = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '' : String(x));

export function gridCsv(grid: GridResult): string {
  const basis = grid.notes[0]?.walBasis ?? 'ACT/365';
  const header = [
    grid.rows.parameter,
    grid.columns.parameter,
    'Note',
    'Name',
    'Loss rate',
    `WAL (years, ${basis})`,
    'Yield at par (annual effective, ACT/365; IRR for a residual)',
    'Interest shortfall at the end',
    'Largest interest shortfall carried',
    'First period with interest unpaid',
    'Principal lost',
    'Cumulative default rate',
    'Net loss ÷ cutoff balance',
  ];
  const lines = [header.map(csvField).join(',')];
  grid.cells.forEach((row, i) =>
    row.forEach((cell, j) =>
      grid.notes.forEach((note, n) => {
        const figures = cell.notes[n];
        if (!figures) return;
        lines.push(
          [
            num(grid.rows.values[i]),
            num(grid.columns.values[j]),
            safeCsvField(note.id),
            safeCsvField(note.name),
            num(figures.lossRate),
            num(figures.walYears),
            num(figures.yield),
            num(figures.interestShortfall),
            num(figures.maxInterestShortfall),
            num(figures.timelyShortfallPeriod),
            figures.principalLost ? 'yes' : 'no',
            num(cell.cumulativeDefaultRate),
            num(cell.cumulativeNetLossRate),
          ].join(','),
        );
      }),
    ),
  );
  return `${lines.join('\n')}\n`;
}

export function gridFrontierCsv(grid: GridResult): string {
  const header = ['Note', 'Name', grid.rows.parameter, `Smallest ${grid.columns.parameter} with principal lost`, `Smallest ${grid.columns.parameter} with timely interest missed`];
  const lines = [header.map(csvField).join(',')];
  grid.frontier.forEach((frontier, n) => {
    const note = grid.notes[n];
    grid.rows.values.forEach((value, i) => {
      lines.push([safeCsvField(frontier.noteId), safeCsvField(note?.name ?? ''), num(value), num(frontier.principalLoss[i]), num(frontier.timelyInterest[i])].join(','));
    });
  });
  return `${lines.join('\n')}\n`;
}
