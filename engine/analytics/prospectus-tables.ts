import { EngineError } from '../errors.ts';
import { decrementTable, type DecrementRow, type DecrementRows, type PercentPrecision } from './decrement.ts';
import type { CashFlowLeg } from './leg.ts';
import type { TimeBasis } from './time-basis.ts';
import { weightedAverageLife } from './wal.ts';
import { expectedFinalPayment, principalWindow } from './window.ts';

/** One run of the deal a prospectus table has a column for: a prepayment speed, to call or to maturity. */
export interface TableScenario {
  /** The column heading, e.g. "1.30% ABS". */
  readonly label: string;
  /** Each note's leg under this scenario, by note id. */
  readonly legs: ReadonlyMap<string, CashFlowLeg>;
}

/** What a class's column says under one scenario. */
export interface ClassColumn {
  readonly label: string;
  /** WAL in years on the table's basis from the leg's settlement date; null when the note repays nothing. */
  readonly walYears: number | null;
  /** The WAL as printed: half-up to hundredths of a year. */
  readonly walPrinted: string;
  /** First and last payment dates with principal (ISO), or null. */
  readonly principalWindow: { readonly first: string; readonly last: string; readonly periods: number } | null;
  /** The last payment date that pays the note anything (ISO), or null. */
  readonly expectedFinalPaymentDate: string | null;
  readonly decrement: readonly DecrementRow[];
}

/** One class's table: its columns and the printed grid (a row per date, a cell per column). */
export interface ClassTable {
  readonly noteId: string;
  readonly columns: readonly ClassColumn[];
  /** Every date any column has a row for, in order (closing first). */
  readonly dates: readonly string[];
  /** cells[row][column]: the printed percentage; a column whose note was paid off before the row's date prints 0. */
  readonly cells: readonly (readonly string[])[];
}

export interface TableOptions {
  readonly rows: DecrementRows;
  readonly precision: PercentPrecision;
  readonly walBasis: TimeBasis;
}

/** WAL years as a prospectus prints them: half-up to two decimals. */
export function printedYears(years: number): string {
  return (Math.round(years * 100 + 1e-9) / 100).toFixed(2);
}

/**
 * The prospectus's weighted average life and decrement tables for each note, one column per
 * scenario (speeds, to call or to maturity), rows as the options say. Pure: the legs come from the
 * deal runs the caller made.
 */
export function prospectusTables(noteIds: readonly string[], scenarios: readonly TableScenario[], options: TableOptions): ClassTable[] {
  return noteIds.map((noteId) => {
    const columns = scenarios.map((scenario) => classColumn(noteId, scenario, options));
    const dates = [...new Set(columns.flatMap((c) => c.decrement.map((r) => r.date)))].sort();
    const zero = options.precision === 'twoDecimals' ? '0.00' : '0';
    const cells = dates.map((date) =>
      columns.map((column) => {
        const found = column.decrement.find((r) => r.date === date);
        if (found) return found.printed;
        // Past the column's last row the note is paid off (its table ends at its zero row).
        const last = column.decrement[column.decrement.length - 1];
        return last && last.date < date ? zero : '';
      }),
    );
    return { noteId, columns, dates, cells };
  });
}

function classColumn(noteId: string, scenario: TableScenario, options: TableOptions): ClassColumn {
  const leg = scenario.legs.get(noteId);
  if (leg === undefined) throw new EngineError('TABLE_NO_LEG', { noteId, scenario: scenario.label });
  const window = principalWindow(leg);
  const repays = window !== null;
  const walYears = repays ? weightedAverageLife(leg, options.walBasis) : null;
  return {
    label: scenario.label,
    walYears,
    walPrinted: walYears === null ? '—' : printedYears(walYears),
    principalWindow: window === null ? null : { first: window.first.date, last: window.last.date, periods: window.periods },
    expectedFinalPaymentDate: expectedFinalPayment(leg)?.date ?? null,
    decrement: decrementTable(leg, options.rows, options.precision),
  };
}
