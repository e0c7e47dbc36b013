import type { ScenarioRunRow, ScenarioSetRunResult, TrancheRow } from '../../../service/api/contract.ts';
import { csvDocument, csvNumber, csvText } from '../../app/csv.ts';
import { formatPct } from '../../app/format.ts';
import { formatMoney, type DealCurrency } from '../deal/model.ts';
import type { MessageKey, Translate } from '../../app/i18n.tsx';

/** What the cumulative default rate is divided by, in words (docs/deals.md, Trigger metrics). */
export const DENOMINATOR_LABELS: Readonly<Record<ScenarioSetRunResult['cumulativeRatioDenominator'], MessageKey>> = {
  initialPool: 'common.denominator.initialPool',
  initialPoolPlusPurchases: 'common.denominator.initialPoolPlusPurchases',
  initialPoolThenRevolvingEnd: 'common.denominator.initialPoolThenRevolvingEnd',
};

/** One cell: the text shown, and the value the CSV writes (a number without format, or text). */
export interface CompareCell {
  readonly text: string;
  readonly value: number | string | null;
  /** An amount's currency, as its deal file states it (undefined: not an amount, or the file states none). */
  readonly currency?: DealCurrency;
}

/**
 * The currency of each column's amounts, in the columns' order: every scenario of a set is its
 * deal's; stored runs of different deals each keep their own (undefined: the deal file states none).
 */
export type ColumnCurrencies = readonly DealCurrency[];

/** One line of the side-by-side table: a note's figure (or the pool's), one cell per scenario. */
export interface CompareRow {
  readonly key: string;
  /** The note's name, or "Pool". */
  readonly subject: string;
  /** The figure with its unit and convention. */
  readonly figure: string;
  readonly cells: readonly CompareCell[];
}

const pct = (x: number | null): CompareCell => ({ text: formatPct(x), value: x });
const money = (x: number, currency: DealCurrency): CompareCell => ({ text: formatMoney(x, currency), value: x, ...(currency === undefined ? {} : { currency }) });

function windowOf(t: TrancheRow | undefined): CompareCell {
  if (!t?.firstPrincipal || !t.lastPrincipal) return { text: '—', value: null };
  const text = t.firstPrincipal.date === t.lastPrincipal.date ? t.firstPrincipal.date : `${t.firstPrincipal.date} – ${t.lastPrincipal.date}`;
  return { text, value: text };
}

/** Yield at par at closing, annual effective on actual dates (as XIRR); the residual note's IRR instead. */
function yieldOf(t: TrancheRow | undefined): CompareCell {
  if (!t) return { text: '—', value: null };
  if (t.irr !== null) return { text: `IRR ${formatPct(t.irr)}`, value: t.irr };
  return pct(t.yieldAtParAnnualEffective);
}

/** The figures of each note (by seniority, as the first scenario lists them), one row per figure. */
function noteRows(run: ScenarioSetRunResult, translate: Translate, currencies: ColumnCurrencies): CompareRow[] {
  const first = run.scenarios[0]?.tranches ?? [];
  const notes = [...first].sort((a, b) => a.seniority - b.seniority);
  const basis = first[0]?.walBasis ?? 'ACT/365';
  const from = first[0] === undefined || first[0].walFrom === run.closingDate ? translate('common.closing') : first[0].walFrom;
  const figures: readonly (readonly [string, string, (t: TrancheRow | undefined, currency: DealCurrency) => CompareCell])[] = [
    ['wal', translate('compare.fig.wal', { basis, from }), (t) => ({ text: t?.walYears === null || t?.walYears === undefined ? '—' : t.walYears.toFixed(2), value: t?.walYears ?? null })],
    ['window', translate('compare.fig.window'), windowOf],
    ['yield', translate('compare.fig.yield'), yieldOf],
    ['loss', translate('compare.fig.loss'), (t) => pct(t?.lossRate ?? null)],
    ['shortfall', translate('compare.fig.shortfall'), (t, currency) => (t ? money(t.interestShortfall, currency) : { text: '—', value: null })],
  ];
  return notes.flatMap((note) =>
    figures.map(([key, figure, cell]) => ({
      key: `${note.id}:${key}`,
      subject: note.name,
      figure,
      cells: run.scenarios.map((s, k) =>
        cell(
          s.tranches.find((t) => t.id === note.id),
          currencies[k],
        ),
      ),
    })),
  );
}

function breachOf(period: number | null | undefined, translate: Translate): CompareCell {
  return period === null || period === undefined ? { text: translate('compare.fig.notBreached'), value: null } : { text: translate('compare.fig.period', { period }), value: period };
}

/** The pool's figures: cumulative default (its denominator named), net loss, reserve draws, each trigger's first breach. */
function poolRows(run: ScenarioSetRunResult, translate: Translate, currencies: ColumnCurrencies): CompareRow[] {
  const figures: readonly (readonly [string, string, (s: ScenarioRunRow, currency: DealCurrency) => CompareCell])[] = [
    ['cdr', translate('compare.fig.cdr', { denominator: translate(DENOMINATOR_LABELS[run.cumulativeRatioDenominator]) }), (s) => pct(s.cumulativeDefaultRate)],
    ['cnl', translate('compare.fig.cnl'), (s, currency) => money(s.cumulativeNetLoss, currency)],
    ['cnlRate', translate('compare.fig.cnlRate'), (s) => pct(s.cumulativeNetLossRate)],
    ['reserve', translate('compare.fig.reserve'), (s, currency) => money(s.reserveDraws, currency)],
  ];
  const rows: CompareRow[] = figures.map(([key, figure, cell]) => ({
    key: `pool:${key}`,
    subject: translate('compare.fig.pool'),
    figure,
    cells: run.scenarios.map((s, k) => cell(s, currencies[k])),
  }));
  const triggers = [...new Set(run.scenarios.flatMap((s) => Object.keys(s.triggerFirstBreach)))];
  for (const id of triggers) {
    rows.push({
      key: `pool:trigger:${id}`,
      subject: translate('compare.fig.pool'),
      figure: translate('compare.fig.firstBreach', { id }),
      cells: run.scenarios.map((s) => breachOf(s.triggerFirstBreach[id], translate)),
    });
  }
  rows.push({
    key: 'pool:revolving',
    subject: translate('compare.fig.pool'),
    figure: translate('compare.fig.revolvingEnded'),
    cells: run.scenarios.map((s) =>
      s.revolvingEnd ? { text: translate('compare.fig.period', { period: s.revolvingEnd.period }), value: s.revolvingEnd.period } : { text: translate('compare.fig.none'), value: null },
    ),
  });
  return rows;
}

/**
 * The side-by-side table: every note's figures, then the pool's; one column per scenario in run
 * order; words in `translate`'s language; each amount in its column's currency (`currencies`).
 */
export function compareRows(run: ScenarioSetRunResult, translate: Translate, currencies: ColumnCurrencies): CompareRow[] {
  return [...noteRows(run, translate, currencies), ...poolRows(run, translate, currencies)];
}

/** Every column in one currency: the scenarios of one deal. */
export function oneCurrency(run: ScenarioSetRunResult, currency: DealCurrency): ColumnCurrencies {
  return run.scenarios.map(() => currency);
}

/** The table as CSV (the renderer's writer: text that could be read as a formula is guarded); numbers unformatted, rates as decimals. */
export function compareCsv(run: ScenarioSetRunResult, rows: readonly CompareRow[]): string {
  const header = ['Note', 'Figure', ...run.scenarios.map((s) => s.name)];
  return csvDocument(
    header,
    rows.map((row) => [csvText(row.subject), csvText(row.figure), ...row.cells.map((c) => (typeof c.value === 'string' ? csvText(c.value) : csvNumber(c.value)))]),
  );
}

/** Chart data: per scenario, each note's loss (% of its original balance) and the pool's cumulative default rate (%). */
export function chartData(run: ScenarioSetRunResult): { notes: { id: string; name: string }[]; rows: Record<string, number | string>[] } {
  const notes = [...(run.scenarios[0]?.tranches ?? [])].sort((a, b) => a.seniority - b.seniority).map((t) => ({ id: t.id, name: t.name }));
  const rows = run.scenarios.map((s) => {
    const row: Record<string, number | string> = { scenario: s.name, cumulativeDefaultPct: s.cumulativeDefaultRate * 100 };
    for (const t of s.tranches) row[`loss:${t.id}`] = t.lossRate * 100;
    return row;
  });
  return { notes, rows };
}
