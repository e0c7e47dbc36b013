import type { ScenarioSetRunResult } from '../../../service/api/contract.ts';

/** One row per payment date of any column (ISO, sorted), `c<k>` holding column k's value on that date (absent when it has none). */
export type OverlayRow = { readonly date: string } & Readonly<Record<`c${number}`, number>>;

export interface OverlayData {
  /** The columns that carry a series by date, with their index in the run's scenarios. */
  readonly columns: readonly { readonly index: number; readonly name: string }[];
  readonly notes: readonly { readonly id: string; readonly name: string }[];
  readonly cumulativeDefault: readonly OverlayRow[];
  readonly netLoss: readonly OverlayRow[];
  /** Per note (notes' order), its balance after each date. */
  readonly balances: readonly (readonly OverlayRow[])[];
}

/** Rows by date from each column's values on its own dates (scenarios of one deal share dates; runs of different deals may not). */
function byDate(series: readonly { readonly index: number; readonly dates: readonly string[]; readonly values: readonly number[] }[]): OverlayRow[] {
  const rows = new Map<string, Record<string, number | string>>();
  for (const { index, dates, values } of series) {
    dates.forEach((date, i) => {
      const row = rows.get(date) ?? { date };
      const value = values[i];
      if (value !== undefined) row[`c${index}`] = value;
      rows.set(date, row);
    });
  }
  return [...rows.keys()].sort().map((date) => rows.get(date) as OverlayRow);
}

/** The overlaid charts' data: every scenario (or stored run) on the payment dates the API gave, rates as decimals, balances in the deal currency. */
export function overlayData(run: ScenarioSetRunResult): OverlayData {
  const withSeries = run.scenarios.flatMap((s, index) => (s.series ? [{ index, name: s.name, series: s.series }] : []));
  const notes = [...(run.scenarios[0]?.tranches ?? [])].sort((a, b) => a.seniority - b.seniority).map((t) => ({ id: t.id, name: t.name }));
  return {
    columns: withSeries.map(({ index, name }) => ({ index, name })),
    notes,
    cumulativeDefault: byDate(withSeries.map(({ index, series }) => ({ index, dates: series.dates, values: series.cumulativeDefaultRate }))),
    netLoss: byDate(withSeries.map(({ index, series }) => ({ index, dates: series.dates, values: series.cumulativeNetLossRate }))),
    balances: notes.map((note) => byDate(withSeries.map(({ index, series }) => ({ index, dates: series.dates, values: series.noteBalances.find((b) => b.id === note.id)?.values ?? [] })))),
  };
}
