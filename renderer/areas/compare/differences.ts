import { formatMoney } from '../deal/model.ts';
import type { CompareCell, CompareRow } from './table.ts';
import { translate } from '../../app/i18n.tsx';

/** How a figure's difference is written, by the row's figure key (table.ts): percentage points, years, money or periods. */
function deltaText(key: string, delta: number): string {
  const sign = delta > 0 ? '+' : '−';
  const size = Math.abs(delta);
  if (/:(loss|yield|cdr|cnlRate)$/.test(key)) return translate('compare.diff.pp', { sign, size: (size * 100).toFixed(2) });
  if (key.endsWith(':wal')) return translate('compare.diff.years', { sign, size: size.toFixed(2) });
  if (/:(shortfall|cnl|reserve)$/.test(key)) return `${sign}${formatMoney(size)}`;
  return `${sign}${size}`;
}

/** Money rows differ from half a cent, other figures from 1e-9 (a rate printed alike to 2 decimals may still differ: the cell says by how much). */
const tolerance = (key: string): number => (/:(shortfall|cnl|reserve)$/.test(key) ? 0.005 : 1e-9);

/**
 * How a cell differs from the same figure in the first (base) column: null when it does not (or
 * it is the base column), else the words for the difference ("+1.25 pp", "−0.40 years", "was
 * not breached").
 */
export function differenceFromBase(row: CompareRow, k: number): string | null {
  const base = row.cells[0];
  const cell: CompareCell | undefined = row.cells[k];
  if (k === 0 || !base || !cell) return null;
  if (typeof cell.value === 'number' && typeof base.value === 'number') {
    const delta = cell.value - base.value;
    return Math.abs(delta) > tolerance(row.key) ? deltaText(row.key, delta) : null;
  }
  return cell.text === base.text ? null : translate('compare.diff.firstColumn', { text: base.text });
}
