import { useMemo } from 'react';
import type { ProjectionResult, ProjectionRow, RepLineInfo } from '../../../service/api/contract.ts';
import { csvDocument, csvText } from '../../app/csv.ts';
import { downloadText, formatCount, formatPct, formatSeconds, formatYuan } from '../../app/format.ts';
import { exportFileName } from '../../app/file-name.ts';
import type { ProjectionRun } from '../../app/projection.ts';
import { Card } from '../../components/Card.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { ProjectionCharts } from './Charts.tsx';
import { AMORTIZATION_LABELS, csvCell, formatCell, periodOf, PROJECTION_COLUMNS, STATE_LABELS } from './columns.ts';
import { headline } from './metrics.ts';

function exportCsv(run: ProjectionRun, result: ProjectionResult): void {
  const [month, ...rest] = PROJECTION_COLUMNS;
  const rows = result.rows.map((row) => [...(month ? [csvCell(month, row)] : []), csvText(periodOf(result.cutoffDate, row.month)), ...rest.map((column) => csvCell(column, row))]);
  const csv = csvDocument([month?.csvHeader ?? 'Month', 'Period (YYYY-MM)', ...rest.map((c) => c.csvHeader)], rows);
  downloadText(exportFileName([result.sourceName, run.setLabel, result.mode, 'projection'], 'csv'), csv);
}

const LINE_COLUMNS: readonly Column<RepLineInfo>[] = [
  { key: 'line', header: 'Line', render: (l) => l.line, sortValue: (l) => l.line, align: 'right' },
  { key: 'segment', header: 'Segment', render: (l) => <span className="mono">{l.segment || '—'}</span>, sortValue: (l) => l.segment },
  { key: 'amortization', header: 'Amortization', render: (l) => AMORTIZATION_LABELS[l.amortization] ?? l.amortization, sortValue: (l) => l.amortization },
  { key: 'state', header: 'State at cutoff', render: (l) => STATE_LABELS[l.state] ?? l.state, sortValue: (l) => l.state },
  { key: 'originalTerm', header: 'Orig. term (mo)', render: (l) => l.originalTerm, sortValue: (l) => l.originalTerm, align: 'right' },
  { key: 'remainingTerm', header: 'Rem. term (mo)', render: (l) => l.remainingTerm, sortValue: (l) => l.remainingTerm, align: 'right' },
  { key: 'age', header: 'Age (mo)', render: (l) => l.ageMonths, sortValue: (l) => l.ageMonths, align: 'right' },
  { key: 'rate', header: 'Rate (annual %)', render: (l) => formatPct(l.rateAnnual), sortValue: (l) => l.rateAnnual, align: 'right' },
  { key: 'loans', header: 'Loans', render: (l) => formatCount(l.loans), sortValue: (l) => l.loans, align: 'right' },
  { key: 'balance', header: 'Balance (¥)', render: (l) => formatYuan(l.balance), sortValue: (l) => l.balance, align: 'right' },
];

function linesCsv(result: ProjectionResult, lines: readonly RepLineInfo[]): void {
  const csv = csvDocument(
    ['Line', 'Segment', 'Amortization', 'State at cutoff', 'Original term (months)', 'Remaining term (months)', 'Age (months)', 'Rate (annual, decimal)', 'Loans', 'Balance (yuan)'],
    lines.map((l) => [
      String(l.line),
      csvText(l.segment),
      csvText(l.amortization),
      csvText(l.state),
      String(l.originalTerm),
      String(l.remainingTerm),
      String(l.ageMonths),
      String(l.rateAnnual),
      String(l.loans),
      l.balance.toFixed(2),
    ]),
  );
  downloadText(exportFileName([result.sourceName, 'representative-lines'], 'csv'), csv);
}

/** One finished projection: headline figures, charts, the monthly table and (repline mode) the lines; `seconds` is the job's compute time. */
export function ProjectionView({ run, result, seconds, stale }: { run: ProjectionRun; result: ProjectionResult; seconds: number; stale: boolean }) {
  const figures = useMemo(() => headline(result), [result]);
  const columns = useMemo<Column<ProjectionRow>[]>(() => {
    const all: Column<ProjectionRow>[] = PROJECTION_COLUMNS.map((c) => ({
      key: c.key,
      header: c.header,
      render: (row) => formatCell(c, row),
      ...(c.key === 'month' ? { sortValue: (row: ProjectionRow) => row.month } : {}),
      align: 'right' as const,
    }));
    const period: Column<ProjectionRow> = { key: 'period', header: 'Period', render: (row) => periodOf(result.cutoffDate, row.month) };
    return [...all.slice(0, 1), period, ...all.slice(1)];
  }, [result.cutoffDate]);
  const lines = useMemo(() => (result.lines ? [...result.lines].sort((a, b) => b.balance - a.balance) : null), [result.lines]);
  const modeLabel = result.mode === 'loan' ? 'loan level' : `representative lines (${formatCount(result.lines?.length ?? 0)} lines)`;
  return (
    <div className={stale ? 'projection stale' : 'projection'} data-testid="projection" aria-busy={stale}>
      <p className="run-caption" data-testid="run-caption">
        <strong>{result.sourceName}</strong> · assumptions “{run.setLabel}” · {modeLabel} · cutoff {result.cutoffDate} · computed in {formatSeconds(seconds)}
        {stale ? ' · a new run is in progress' : ''}
      </p>
      <div className="cards" data-testid="projection-headline">
        <Card label="Loans" value={formatCount(result.loans)} note={modeLabel} />
        <Card label="Cutoff balance" value={formatYuan(result.cutoffBalance)} note={`at ${result.cutoffDate}`} testId="card-cutoff-balance" />
        <Card label="Horizon" value={`${result.months} months`} note={`pool factor at the end ${formatPct(figures.endingPoolFactor)}`} />
        <Card label="Cumulative default rate" value={formatPct(figures.cumulativeDefaultRate)} note={`at month ${result.months}; defaulted principal ÷ cutoff balance`} testId="card-cdr" />
        <Card
          label="Cumulative net loss"
          value={formatYuan(figures.cumulativeNetLoss)}
          note={`${formatPct(figures.netLossRate)} of the cutoff balance; recoveries after the horizon ${formatYuan(result.recoveriesAfterHorizon)}`}
        />
        <Card label="WAL of pool principal" value={figures.walYears === null ? '—' : `${figures.walYears.toFixed(2)} years`} note="scheduled principal + prepayments, Σ t·P ÷ Σ P, months ÷ 12" />
        <Card label="Interest collected" value={formatYuan(figures.interestCollected)} note="contract and penalty (罚息) interest over the horizon" />
        <Card label="Principal collected" value={formatYuan(figures.principalCollected)} note={`plus recoveries ${formatYuan(figures.recoveries)}`} />
      </div>
      <ProjectionCharts rows={result.rows} cutoffDate={result.cutoffDate} />
      <div className="table-head">
        <h2>Monthly cash flows</h2>
        <button type="button" className="secondary" onClick={() => exportCsv(run, result)}>
          Export CSV
        </button>
      </div>
      <div className="table-scroll" role="region" aria-label="Monthly cash flows table" tabIndex={0}>
        <DataTable columns={columns} rows={result.rows} rowKey={(row) => String(row.month)} testId="projection-table" />
      </div>
      {lines ? (
        <>
          <div className="table-head">
            <h2>Representative lines ({formatCount(lines.length)})</h2>
            <button type="button" className="secondary" onClick={() => linesCsv(result, lines)}>
              Export lines CSV
            </button>
          </div>
          <p className="muted small">
            Loans grouped by segment, amortization, delinquency state and term, rate and age buckets; each line is projected once with its balance-weighted annual rate. Terms and age in months (mo).
            Largest balance first.
          </p>
          <div className="table-scroll" role="region" aria-label="Representative lines table" tabIndex={0}>
            <DataTable columns={LINE_COLUMNS} rows={lines} rowKey={(l) => String(l.line)} testId="lines-table" pageSize={50} />
          </div>
        </>
      ) : null}
    </div>
  );
}
