import { formatMoney, type DealCurrency } from '../deal/model.ts';
import type { CompareCell, CompareRow } from './table.ts';
import { translate } from '../../app/i18n.tsx';

/**
 * How a figure is shown in the table (table.ts), by the row's figure key: a rate as a percentage
 * to 2 decimals (formatPct), WAL in years to 2, money to the cent (formatMoney), a period whole.
 * `scale` turns the stored value into the shown unit, `digits` is how many decimals are shown.
 */
interface Shown {
  readonly measure: 'pp' | 'years' | 'money' | 'period';
  readonly scale: number;
  readonly digits: number;
}

function shownOf(key: string): Shown {
  if (/:(loss|yield|cdr|cnlRate)$/.test(key)) return { measure: 'pp', scale: 100, digits: 2 };
  if (key.endsWith(':wal')) return { measure: 'years', scale: 1, digits: 2 };
  if (/:(shortfall|cnl|reserve)$/.test(key)) return { measure: 'money', scale: 1, digits: 2 };
  return { measure: 'period', scale: 1, digits: 0 };
}

/** The digits a value shows with (toFixed rounds half away from zero on the exact value, as Intl does for money). */
const shownDigits = (shown: Shown, value: number): string => (value * shown.scale).toFixed(shown.digits);

/**
 * A difference's size printed at the figure's own precision, or with as many more decimals as it
 * takes to show it (2.8412% against 2.8449%, both shown 2.84%… is no difference; 2.844% against
 * 2.846%, shown 2.84% and 2.85%, differ by 0.002 pp, not "0.00 pp").
 */
function sizeText(size: number, digits: number): string {
  for (let d = digits; d < 12; d++) {
    const text = size.toFixed(d);
    if (Number(text) !== 0) return text;
  }
  return size.toPrecision(2);
}

/** How a figure's difference is written: percentage points, years, money (to the cent, exact, in the cells' currency) or periods. */
function deltaText(shown: Shown, base: number, value: number, currency: DealCurrency): string {
  // Money is compared as the cents shown, so the difference is whole cents without float noise.
  const delta = shown.measure === 'money' ? (Math.round(Number(shownDigits(shown, value)) * 100) - Math.round(Number(shownDigits(shown, base)) * 100)) / 100 : (value - base) * shown.scale;
  const sign = delta > 0 ? '+' : '−';
  const size = Math.abs(delta);
  if (shown.measure === 'money') return `${sign}${formatMoney(size, currency)}`;
  const text = sizeText(size, shown.digits);
  if (shown.measure === 'pp') return translate('compare.diff.pp', { sign, size: text });
  if (shown.measure === 'years') return translate('compare.diff.years', { sign, size: text });
  return `${sign}${text}`;
}

/**
 * How a cell differs from the same figure in the first (base) column: null when it does not (or
 * it is the base column), else the words for the difference ("+1.25 pp", "−0.40 years", "was
 * not breached"). Two figures differ only when they read differently at the precision the table
 * shows them with, so every shaded cell visibly differs from its base. Amounts in two currencies
 * (stored runs of a yuan and a dollar deal) are not subtracted: the cell says what the first reads.
 */
export function differenceFromBase(row: CompareRow, k: number): string | null {
  const base = row.cells[0];
  const cell: CompareCell | undefined = row.cells[k];
  if (k === 0 || !base || !cell) return null;
  if (typeof cell.value === 'number' && typeof base.value === 'number' && cell.currency === base.currency) {
    const shown = shownOf(row.key);
    // Compared as numbers, so "-0.00" reads as "0.00".
    return Number(shownDigits(shown, cell.value)) === Number(shownDigits(shown, base.value)) ? null : deltaText(shown, base.value, cell.value, cell.currency);
  }
  return cell.text === base.text ? null : translate('compare.diff.firstColumn', { text: base.text });
}
