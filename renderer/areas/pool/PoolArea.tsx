import { useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PoolSummary, StratDimensionInfo, StratRow } from '../../../service/api/contract.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { downloadText, formatCount, formatMonths, formatPct, formatYuan } from '../../app/format.ts';
import { useQuery } from '../../app/query.ts';
import { hrefFor } from '../../app/router.ts';
import { useSelectedTapeId, useTapes } from '../../app/tapes.ts';
import { Card } from '../../components/Card.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { TapePicker } from '../../components/TapePicker.tsx';

const CHART_BLUE = '#1f5fae';
const CHART_GREY = '#9db4d3';
const NO_DIMENSIONS: readonly StratDimensionInfo[] = [];

function SummaryCards({ summary }: { summary: PoolSummary }) {
  const overdueKnown = !summary.missingColumns.some((field) => field === 'overduePrincipal' || field === 'overdueInterest');
  return (
    <div className="cards" data-testid="pool-summary">
      <Card label="Loans" value={formatCount(summary.loanCount)} note={`${formatCount(summary.borrowerCount)} borrowers`} testId="card-loans" />
      <Card label="Current balance" value={formatYuan(summary.currentBalance)} note={`original ${formatYuan(summary.originalBalance)}`} testId="card-balance" />
      <Card label="Pool factor" value={formatPct(summary.poolFactor)} note="current ÷ original principal" />
      <Card label="WAC" value={formatPct(summary.wac)} note="annual rate, weighted by current balance" />
      <Card label="WAM" value={formatMonths(summary.wam)} note="remaining term, weighted" />
      <Card label="WALA" value={formatMonths(summary.wala)} note="age since origination, weighted" />
      <Card label="Average balance" value={formatYuan(summary.averageBalance)} note={`max ${formatYuan(summary.maxBalance)}`} />
      <Card
        label="Top-borrower concentration"
        value={formatPct(summary.topBorrowers.top1Share)}
        note={`top 10: ${formatPct(summary.topBorrowers.top10Share)} · top 20: ${formatPct(summary.topBorrowers.top20Share)}`}
      />
      <Card
        label="Overdue total (逾期总额)"
        value={overdueKnown ? formatYuan(summary.overdueTotal) : 'unknown'}
        note={overdueKnown ? `principal ${formatYuan(summary.overduePrincipal)} + interest ${formatYuan(summary.overdueInterest)}` : 'the tape has no overdue-principal or overdue-interest column'}
        testId="card-overdue"
      />
      <Card label="Restructured" value={formatCount(summary.restructuredCount)} note={formatYuan(summary.restructuredBalance)} />
      <Card
        label="Matured before cutoff"
        value={formatCount(summary.maturedBeforeCutoff.count)}
        note={`${formatYuan(summary.maturedBeforeCutoff.balance)} still on the tape past maturity`}
        testId="card-matured"
      />
    </div>
  );
}

/** The columns a tape carried beyond the fields (渠道 and the like), offered as categorical stratifications. */
function extraDimensions(headers: readonly string[]): StratDimensionInfo[] {
  return headers.map((header) => ({ id: `extra:${header}`, label: `${header} (tape column)`, kind: 'categorical', unit: null, defaultEdges: [], fixedBuckets: false, wholeNumbers: false }));
}

const MISSING_LABELS = { daysPastDue: 'days past due (逾期天数)', overduePrincipal: 'overdue principal (逾期本金)', overdueInterest: 'overdue interest (逾期利息)' } as const;

/** A tape silent on delinquency reads as all current and nothing overdue: say it is unknown instead. */
function TapeWarnings({ summary }: { summary: PoolSummary }) {
  const missing = summary.missingColumns.map((field) => MISSING_LABELS[field]);
  const matured = summary.maturedBeforeCutoff.count;
  if (missing.length === 0 && matured === 0) return null;
  return (
    <div className="warning-box" role="status" data-testid="pool-warnings">
      {missing.length > 0 ? (
        <p>
          The tape has no {missing.join(', ')} column: the delinquency mix and 逾期总额 below are unknown, not zero — every loan reads as current. Map the column at import, or import a tape that
          carries it.
        </p>
      ) : null}
      {matured > 0 ? (
        <p>
          {formatCount(matured)} loan{matured === 1 ? '' : 's'} matured before the cutoff {summary.cutoffDate} ({formatYuan(summary.maturedBeforeCutoff.balance)}): past their term on the tape —
          delinquent past maturity, or stale data.
        </p>
      ) : null}
    </div>
  );
}

function DelinquencyMix({ summary }: { summary: PoolSummary }) {
  // Current loans dwarf the rest; the chart shows the delinquent buckets, the table all six.
  const data = summary.delinquency.filter((row) => row.bucket !== 'current').map((row) => ({ label: `${row.label} days`, share: row.share * 100, count: row.count, balance: row.balance }));
  const delinquentShare = summary.delinquency.filter((row) => row.bucket !== 'current').reduce((sum, row) => sum + row.share, 0);
  return (
    <div className="split">
      <div className="chart-box" data-testid="delinquency-chart">
        <h3>Delinquent balance by days past due (% of current balance; {formatPct(delinquentShare)} in all)</h3>
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis tickFormatter={(v: number) => `${v.toFixed(1)}%`} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(v) => `${Number(v).toFixed(2)}%`} />
            <Bar dataKey="share" name="Balance %" fill="#b3261e" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="data-table compact">
        <thead>
          <tr>
            <th>Days past due</th>
            <th className="num">Loans</th>
            <th className="num">Balance (¥)</th>
            <th className="num">Balance %</th>
          </tr>
        </thead>
        <tbody>
          {summary.delinquency.map((row) => (
            <tr key={row.bucket}>
              <td>{row.label}</td>
              <td className="num">{formatCount(row.count)}</td>
              <td className="num">{formatYuan(row.balance)}</td>
              <td className="num">{formatPct(row.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function parseEdges(text: string): number[] | string {
  const parts = text
    .split(/[,，\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const edges = parts.map(Number);
  const bad = parts.find((p, i) => !Number.isFinite(edges[i]));
  if (bad !== undefined) return `"${bad}" is not a number`;
  return edges;
}

function formatEdge(dimension: StratDimensionInfo, edge: number): string {
  return dimension.unit === 'rate' ? String(Number((edge * 100).toFixed(4))) : String(edge);
}

function Stratification({ tapeId, dimensions }: { tapeId: number; dimensions: readonly StratDimensionInfo[] }) {
  const { api } = useApp();
  const [by, setBy] = useState<StratDimensionInfo['id']>('currentBalance');
  // What the analyst typed in the edges box; null shows the default edges of the table asked for.
  const [typedEdges, setTypedEdges] = useState<string | null>(null);
  const [edges, setEdges] = useState<readonly number[] | null>(null);
  const strat = useQuery(() => api.call('pool.strat', { tapeId, by, ...(edges ? { edges: [...edges] } : {}) }), [api, tapeId, by, edges], {
    onError: (error) => reportError('Cannot stratify the pool', error),
  });
  // The table shown stays until the next one is in.
  const table = strat.latest;
  const dimension = dimensions.find((d) => d.id === by);
  const defaultEdges = !edges && dimension && strat.data ? strat.data.edges.map((e) => formatEdge(dimension, e)).join(', ') : '';
  const edgesText = typedEdges ?? defaultEdges;

  function applyEdges(): void {
    if (!dimension) return;
    const parsed = parseEdges(edgesText);
    if (typeof parsed === 'string') {
      reportError('Bucket edges', new Error(parsed));
      return;
    }
    setEdges(dimension.unit === 'rate' ? parsed.map((e) => e / 100) : parsed);
  }

  async function exportCsv(): Promise<void> {
    try {
      const file = await api.call('pool.stratCsv', { tapeId, by, ...(edges ? { edges: [...edges] } : {}) });
      downloadText(file.fileName, file.csv);
    } catch (error) {
      reportError('Cannot export the stratification', error);
    }
  }

  const columns = useMemo<Column<StratRow>[]>(
    () => [
      { key: 'label', header: table?.label ?? 'Bucket', render: (r) => r.label },
      { key: 'count', header: 'Loans', render: (r) => formatCount(r.count), sortValue: (r) => r.count, align: 'right' },
      { key: 'countShare', header: 'Loans %', render: (r) => formatPct(r.countShare), sortValue: (r) => r.countShare, align: 'right' },
      { key: 'balance', header: 'Current balance (¥)', render: (r) => formatYuan(r.balance), sortValue: (r) => r.balance, align: 'right' },
      { key: 'share', header: 'Balance %', render: (r) => formatPct(r.share), sortValue: (r) => r.share, align: 'right' },
      { key: 'wac', header: 'WAC (annual)', render: (r) => formatPct(r.wac), sortValue: (r) => r.wac, align: 'right' },
      { key: 'wam', header: 'WAM (months)', render: (r) => (r.wam === null ? '—' : r.wam.toFixed(1)), sortValue: (r) => r.wam, align: 'right' },
      { key: 'wala', header: 'WALA (months)', render: (r) => (r.wala === null ? '—' : r.wala.toFixed(1)), sortValue: (r) => r.wala, align: 'right' },
      { key: 'avg', header: 'Average balance (¥)', render: (r) => formatYuan(r.averageBalance), sortValue: (r) => r.averageBalance, align: 'right' },
    ],
    [table?.label],
  );

  const chartData = (table?.rows ?? []).map((r) => ({ label: r.label, balance: r.share * 100, loans: r.countShare * 100 }));
  const editable = dimension?.kind === 'numeric' && !dimension.fixedBuckets;

  return (
    <section className="strat">
      <div className="option-row strat-controls">
        <label>
          Stratify by
          <select
            aria-label="Stratify by"
            value={by}
            onChange={(e) => {
              setBy(e.target.value as StratDimensionInfo['id']);
              setEdges(null);
              setTypedEdges(null);
            }}
          >
            {dimensions.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
        {editable ? (
          <>
            <label className="edges-input">
              Bucket edges{dimension.unit === 'rate' ? ' (%)' : dimension.unit === 'yuan' ? ' (¥)' : ''}
              <input aria-label="Bucket edges" value={edgesText} onChange={(e) => setTypedEdges(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && applyEdges()} />
            </label>
            <button type="button" className="secondary" onClick={applyEdges}>
              Apply
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setEdges(null);
                setTypedEdges(null);
              }}
              disabled={edges === null}
            >
              Default edges
            </button>
          </>
        ) : null}
        <button type="button" className="secondary" onClick={() => void exportCsv()} disabled={!table}>
          Export CSV
        </button>
      </div>
      {table ? (
        <>
          <div className="chart-box" data-testid="strat-chart">
            <h3>{table.label}: share of current balance and of loan count</h3>
            <ResponsiveContainer width="100%" height={260}>
              <BarChart data={chartData} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
                <YAxis tickFormatter={(v: number) => `${v.toFixed(0)}%`} tick={{ fontSize: 12 }} />
                <Tooltip formatter={(v) => `${Number(v).toFixed(2)}%`} />
                <Legend />
                <Bar dataKey="balance" name="Balance %" fill={CHART_BLUE} isAnimationActive={false} />
                <Bar dataKey="loans" name="Loans %" fill={CHART_GREY} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <DataTable columns={columns} rows={table.rows} rowKey={(r) => r.key} footer={{ ...table.total, key: 'total', label: 'Total', lower: null, upper: null }} testId="strat-table" />
        </>
      ) : (
        <p className="muted">Computing…</p>
      )}
    </section>
  );
}

/** The pool of one tape: summary, delinquency mix and stratifications. */
export function PoolArea() {
  const { api } = useApp();
  const tapes = useTapes();
  const tapeId = useSelectedTapeId();
  const dimensions = useQuery(() => api.call('pool.dimensions', {}), [api], { onError: (error) => reportError('Cannot load stratifications', error) }).data ?? NO_DIMENSIONS;
  // Only the selected tape's summary: the previous tape's is not shown while the new one loads.
  const current = useQuery(tapeId === null ? null : () => api.call('pool.summary', { tapeId }), [api, tapeId], {
    onError: (error) => reportError('Cannot summarise the pool', error),
  }).data;

  if (tapes !== null && tapes.length === 0) {
    return (
      <section className="area">
        <header className="area-header">
          <h1>Pool</h1>
        </header>
        <EmptyState title="Empty workspace — import a tape">
          <p>
            Import a loan tape or load the sample in <a href={hrefFor('tapes')}>Tapes</a>, then come back here.
          </p>
        </EmptyState>
      </section>
    );
  }

  const tape = tapes?.find((t) => t.id === tapeId) ?? null;
  return (
    <section className="area">
      <header className="area-header area-header-row">
        <div>
          <h1>Pool</h1>
          <p className="muted">{tape ? `${tape.name} · cutoff ${tape.cutoffDate} · ${tape.sourceFile}` : 'Loading…'} · amounts in yuan (¥); rates annual; WAC/WAM/WALA weighted by current balance.</p>
        </div>
        <TapePicker tapes={tapes} tapeId={tapeId} />
      </header>
      {current ? (
        <>
          <TapeWarnings summary={current} />
          <SummaryCards summary={current} />
          <h2>Delinquency</h2>
          <DelinquencyMix summary={current} />
        </>
      ) : (
        <p className="muted">Computing the pool summary…</p>
      )}
      {/* Asked for with the summary, not after it: the two run on separate query threads and each part shows as it arrives. */}
      {tapeId !== null ? (
        <>
          <h2>Stratifications</h2>
          {dimensions.length > 0 ? <Stratification key={tapeId} tapeId={tapeId} dimensions={[...dimensions, ...extraDimensions(tape?.extraColumns ?? [])]} /> : null}
        </>
      ) : null}
    </section>
  );
}
