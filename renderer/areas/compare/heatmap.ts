import type { GridParameter, GridResult } from '../../../service/api/contract.ts';
import type { MessageKey } from '../../app/i18n.tsx';

/** Each grid parameter in words with its unit (docs/sweeps.md, Grid parameters), as catalogue keys. */
export const GRID_PARAMETER_LABELS: Readonly<Record<GridParameter, MessageKey>> = {
  defaultMult: 'grid.axis.defaultMult',
  prepayMult: 'grid.axis.prepayMult',
  cureMult: 'grid.axis.cureMult',
  rollInMult: 'grid.axis.rollInMult',
  recoveryMult: 'grid.axis.recoveryMult',
  recoveryRate: 'grid.axis.recoveryRate',
  recoveryLag: 'grid.axis.recoveryLag',
  cdr: 'grid.axis.cdr',
  cpr: 'grid.axis.cpr',
  indexShockBps: 'grid.axis.indexShockBps',
  outageShare: 'grid.axis.outageShare',
  outageMonth: 'grid.axis.outageMonth',
};

/** Where a heatmap's colour runs from and to, in the figure's own unit (loss: decimal, WAL: years). */
export interface HeatScale {
  readonly min: number;
  readonly max: number;
}

/** The white end and the dark end of each figure's scale: loss in the app's red, WAL in its blue. */
const ENDS: Readonly<Record<'loss' | 'wal', readonly [number, number, number]>> = { loss: [156, 31, 26], wal: [31, 95, 174] };

/** 0 → white, 1 → the figure's dark colour, linearly in RGB. */
export function heatColor(share: number, figure: 'loss' | 'wal'): string {
  const t = Math.min(1, Math.max(0, Number.isFinite(share) ? share : 0));
  const [r, g, b] = ENDS[figure];
  const mix = (end: number): number => Math.round(255 + (end - 255) * t);
  return `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`;
}

/** Dark text on the pale half of the scale, white on the dark half (contrast). */
export const heatTextColor = (share: number): string => (share > 0.55 ? '#ffffff' : '#1b1b1b');

/** Where a value falls on the scale, 0…1 (a scale of one value puts everything at 0). */
export function shareOf(value: number, scale: HeatScale): number {
  return scale.max > scale.min ? (value - scale.min) / (scale.max - scale.min) : 0;
}

/** Loss is read on a fixed 0–100% scale (cells of different grids read alike); WAL from the grid's shortest to its longest. */
export function walScale(grid: GridResult, note: number): HeatScale {
  const wals = grid.cells.flatMap((row) => row.flatMap((cell) => cell.notes[note]?.walYears ?? [])).filter((x) => Number.isFinite(x));
  return wals.length === 0 ? { min: 0, max: 0 } : { min: Math.min(...wals), max: Math.max(...wals) };
}

export const LOSS_SCALE: HeatScale = { min: 0, max: 1 };

/**
 * The breakeven frontier on row i: the column of the first cell along the row where the note loses
 * principal, and where it first misses timely interest (the grid's own frontier, service/runs/grid.ts:
 * the smallest column value; here its position); null where the row has none.
 */
export function frontierColumns(grid: GridResult, note: number, row: number): { principal: number | null; timely: number | null } {
  const frontier = grid.frontier[note];
  const at = (value: number | null | undefined): number | null => {
    if (value === null || value === undefined) return null;
    const j = grid.columns.values.indexOf(value);
    return j < 0 ? null : j;
  };
  return { principal: at(frontier?.principalLoss[row]), timely: at(frontier?.timelyInterest[row]) };
}
