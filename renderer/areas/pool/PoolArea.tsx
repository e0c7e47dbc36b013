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
import { translate, useT } from '../../app/i18n.tsx';
import { tapeName } from '../../app/shipped-names.ts';
import { dimensionLabel } from './dimension-label.ts';

const CHART_BLUE = '#1f5fae';
const CHART_GREY = '#9db4d3';
const NO_DIMENSIONS: readonly StratDimensionInfo[] = [];

function SummaryCards({ summary }: { summary: PoolSummary }) {
  const t = useT();
  const overdueKnown = !summary.missingColumns.some((field) => field === 'overduePrincipal' || field === 'overdueInterest');
  return (
    <div className="cards" data-testid="pool-summary">
      <Card label={t('pool.loans')} value={formatCount(summary.loanCount)} note={t('pool.borrowers', { borrowerCount: formatCount(summary.borrowerCount) })} testId="card-loans" />
      <Card label={t('pool.currentBalance')} value={formatYuan(summary.currentBalance)} note={t('pool.original', { originalBalance: formatYuan(summary.originalBalance) })} testId="card-balance" />
      <Card label={t('pool.poolFactor')} value={formatPct(summary.poolFactor)} note={t('pool.currentOriginalPrincipal')} />
      <Card label={t('pool.wac')} value={formatPct(summary.wac)} note={t('pool.annualRateWeightedBy')} />
      <Card label={t('pool.wam')} value={formatMonths(summary.wam)} note={t('pool.remainingTermWeighted')} />
      <Card label={t('pool.wala')} value={formatMonths(summary.wala)} note={t('pool.ageSinceOriginationWeighted')} />
      <Card label={t('pool.averageBalance')} value={formatYuan(summary.averageBalance)} note={t('pool.max', { maxBalance: formatYuan(summary.maxBalance) })} />
      <Card
        label={t('pool.topBorrowerConcentration')}
        value={formatPct(summary.topBorrowers.top1Share)}
        note={t('pool.top10Top20', { top10Share: formatPct(summary.topBorrowers.top10Share), top20Share: formatPct(summary.topBorrowers.top20Share) })}
      />
      <Card
        label={t('pool.overdueTotal逾期总额')}
        value={overdueKnown ? formatYuan(summary.overdueTotal) : t('pool.unknown')}
        note={overdueKnown ? t('pool.principalInterest', { overduePrincipal: formatYuan(summary.overduePrincipal), overdueInterest: formatYuan(summary.overdueInterest) }) : t('pool.noOverdueColumns')}
        testId="card-overdue"
      />
      <Card label={t('pool.restructured')} value={formatCount(summary.restructuredCount)} note={formatYuan(summary.restructuredBalance)} />
      <Card
        label={t('pool.maturedBeforeCutoff')}
        value={formatCount(summary.maturedBeforeCutoff.count)}
        note={t('pool.stillOnTheTape', { balance: formatYuan(summary.maturedBeforeCutoff.balance) })}
        testId="card-matured"
      />
    </div>
  );
}

/** The columns a tape carried beyond the fields (渠道 and the like), offered as categorical stratifications. */
function extraDimensions(headers: readonly string[]): StratDimensionInfo[] {
  return headers.map((header) => ({
    id: `extra:${header}`,
    label: translate('pool.tapeColumn', { header }),
    kind: 'categorical',
    unit: null,
    defaultEdges: [],
    fixedBuckets: false,
    wholeNumbers: false,
  }));
}

const MISSING_LABELS = { daysPastDue: 'pool.missing.daysPastDue', overduePrincipal: 'pool.missing.overduePrincipal', overdueInterest: 'pool.missing.overdueInterest' } as const;

/** A tape silent on delinquency reads as all current and nothing overdue: say it is unknown instead. */
function TapeWarnings({ summary }: { summary: PoolSummary }) {
  const t = useT();
  const missing = summary.missingColumns.map((field) => t(MISSING_LABELS[field]));
  const matured = summary.maturedBeforeCutoff.count;
  if (missing.length === 0 && matured === 0) return null;
  return (
    <div className="warning-box" role="status" data-testid="pool-warnings">
      {missing.length > 0 ? <p>{t('pool.theTapeHasNo', { join: missing.join(', ') })}</p> : null}
      {matured > 0 ? (
        <p>
          {t('pool.loanMaturedBeforeThe', {
            matured: formatCount(matured),
            cutoffDate: summary.cutoffDate,
            balance: formatYuan(summary.maturedBeforeCutoff.balance),
          })}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A tape without days past due (逾期天数) says nothing of delinquency: every loan was read as
 * current, so the buckets' 100% current and zeros are the import's default, not the tape's word —
 * shown as unknown (—, with a note), never as zeros.
 */
function DelinquencyUnknown({ summary }: { summary: PoolSummary }) {
  const t = useT();
  return (
    <div className="split">
      <div className="chart-box" data-testid="delinquency-chart">
        <h3>{t('pool.delinquencyUnknownTitle')}</h3>
        <p className="muted" data-testid="delinquency-unknown">
          {t('pool.delinquencyUnknownNote')}
        </p>
      </div>
      <table className="data-table compact" data-testid="delinquency-table">
        <thead>
          <tr>
            <th>{t('pool.daysPastDue')}</th>
            <th className="num">{t('pool.loans')}</th>
            <th className="num">{t('pool.balance2')}</th>
            <th className="num">{t('pool.balance')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.delinquency.map((row) => (
            <tr key={row.bucket}>
              <td>{row.bucket === 'current' ? t('pool.bucket.current') : row.label}</td>
              <td className="num">—</td>
              <td className="num">—</td>
              <td className="num">—</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DelinquencyMix({ summary }: { summary: PoolSummary }) {
  const t = useT();
  if (summary.missingColumns.includes('daysPastDue')) return <DelinquencyUnknown summary={summary} />;
  // Current loans dwarf the rest; the chart shows the delinquent buckets, the table all six.
  const data = summary.delinquency
    .filter((row) => row.bucket !== 'current')
    .map((row) => ({ label: t('pool.days', { label: row.label }), share: row.share * 100, count: row.count, balance: row.balance }));
  const delinquentShare = summary.delinquency.filter((row) => row.bucket !== 'current').reduce((sum, row) => sum + row.share, 0);
  return (
    <div className="split">
      <div className="chart-box" data-testid="delinquency-chart">
        <h3>{t('pool.delinquentBalanceByDays', { delinquentShare: formatPct(delinquentShare) })}</h3>
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis tickFormatter={(v: number) => `${v.toFixed(1)}%`} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(v) => `${Number(v).toFixed(2)}%`} />
            <Bar dataKey="share" name={t('pool.balance')} fill="#b3261e" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="data-table compact" data-testid="delinquency-table">
        <thead>
          <tr>
            <th>{t('pool.daysPastDue')}</th>
            <th className="num">{t('pool.loans')}</th>
            <th className="num">{t('pool.balance2')}</th>
            <th className="num">{t('pool.balance')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.delinquency.map((row) => (
            <tr key={row.bucket}>
              {/* The service's label is English; the other buckets are day ranges, the same in both languages. */}
              <td>{row.bucket === 'current' ? t('pool.bucket.current') : row.label}</td>
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
  const t = useT();
  const { api } = useApp();
  const [by, setBy] = useState<StratDimensionInfo['id']>('currentBalance');
  // What the analyst typed in the edges box; null shows the default edges of the table asked for.
  const [typedEdges, setTypedEdges] = useState<string | null>(null);
  const [edges, setEdges] = useState<readonly number[] | null>(null);
  const strat = useQuery(() => api.call('pool.strat', { tapeId, by, ...(edges ? { edges: [...edges] } : {}) }), [api, tapeId, by, edges], {
    onError: (error) => reportError(t('pool.cannotStratifyThePool'), error),
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
      reportError(t('pool.bucketEdges2'), new Error(parsed));
      return;
    }
    setEdges(dimension.unit === 'rate' ? parsed.map((e) => e / 100) : parsed);
  }

  async function exportCsv(): Promise<void> {
    try {
      const file = await api.call('pool.stratCsv', { tapeId, by, ...(edges ? { edges: [...edges] } : {}) });
      downloadText(file.fileName, file.csv);
    } catch (error) {
      reportError(t('pool.cannotExportTheStratification'), error);
    }
  }

  const columns = useMemo<Column<StratRow>[]>(
    () => [
      { key: 'label', header: table ? dimensionLabel(t, table.dimension, table.label) : t('pool.bucket'), render: (r) => r.label },
      { key: 'count', header: t('pool.loans'), render: (r) => formatCount(r.count), sortValue: (r) => r.count, align: 'right' },
      { key: 'countShare', header: t('pool.loans2'), render: (r) => formatPct(r.countShare), sortValue: (r) => r.countShare, align: 'right' },
      { key: 'balance', header: t('pool.currentBalance2'), render: (r) => formatYuan(r.balance), sortValue: (r) => r.balance, align: 'right' },
      { key: 'share', header: t('pool.balance'), render: (r) => formatPct(r.share), sortValue: (r) => r.share, align: 'right' },
      { key: 'wac', header: t('pool.wacAnnual'), render: (r) => formatPct(r.wac), sortValue: (r) => r.wac, align: 'right' },
      { key: 'wam', header: t('pool.wamMonths'), render: (r) => (r.wam === null ? '—' : r.wam.toFixed(1)), sortValue: (r) => r.wam, align: 'right' },
      { key: 'wala', header: t('pool.walaMonths'), render: (r) => (r.wala === null ? '—' : r.wala.toFixed(1)), sortValue: (r) => r.wala, align: 'right' },
      { key: 'avg', header: t('pool.averageBalance2'), render: (r) => formatYuan(r.averageBalance), sortValue: (r) => r.averageBalance, align: 'right' },
    ],
    [table, t],
  );

  const chartData = (table?.rows ?? []).map((r) => ({ label: r.label, balance: r.share * 100, loans: r.countShare * 100 }));
  const editable = dimension?.kind === 'numeric' && !dimension.fixedBuckets;

  return (
    <section className="strat">
      <div className="option-row strat-controls">
        <label>
          {t('pool.stratifyBy')}
          <select
            aria-label={t('pool.stratifyBy')}
            value={by}
            onChange={(e) => {
              setBy(e.target.value as StratDimensionInfo['id']);
              setEdges(null);
              setTypedEdges(null);
            }}
          >
            {dimensions.map((d) => (
              <option key={d.id} value={d.id}>
                {dimensionLabel(t, d.id, d.label)}
              </option>
            ))}
          </select>
        </label>
        {editable ? (
          <>
            <label className="edges-input">
              {t('pool.bucketEdges')}
              {dimension.unit === 'rate' ? ' (%)' : dimension.unit === 'yuan' ? ' (¥)' : ''}
              <input aria-label={t('pool.bucketEdges')} value={edgesText} onChange={(e) => setTypedEdges(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && applyEdges()} />
            </label>
            <button type="button" className="secondary" onClick={applyEdges}>
              {t('pool.apply')}
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
              {t('pool.defaultEdges')}
            </button>
          </>
        ) : null}
        <button type="button" className="secondary" onClick={() => void exportCsv()} disabled={!table}>
          {t('pool.exportCsv')}
        </button>
      </div>
      {table ? (
        <>
          <div className="chart-box" data-testid="strat-chart">
            <h3>{t('pool.shareOfCurrentBalance', { label: dimensionLabel(t, table.dimension, table.label) })}</h3>
            <ResponsiveContainer width="100%" height={260}>
              <BarChart data={chartData} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
                <YAxis tickFormatter={(v: number) => `${v.toFixed(0)}%`} tick={{ fontSize: 12 }} />
                <Tooltip formatter={(v) => `${Number(v).toFixed(2)}%`} />
                <Legend />
                <Bar dataKey="balance" name={t('pool.balance')} fill={CHART_BLUE} isAnimationActive={false} />
                <Bar dataKey="loans" name={t('pool.loans2')} fill={CHART_GREY} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <DataTable columns={columns} rows={table.rows} rowKey={(r) => r.key} footer={{ ...table.total, key: 'total', label: t('pool.total'), lower: null, upper: null }} testId="strat-table" />
        </>
      ) : (
        <p className="muted">{t('pool.computing')}</p>
      )}
    </section>
  );
}

/** The pool of one tape: summary, delinquency mix and stratifications. */
export function PoolArea() {
  const t = useT();
  const { api } = useApp();
  const tapes = useTapes();
  const tapeId = useSelectedTapeId();
  const dimensions = useQuery(() => api.call('pool.dimensions', {}), [api], { onError: (error) => reportError(t('pool.cannotLoadStratifications'), error) }).data ?? NO_DIMENSIONS;
  // Only the selected tape's summary: the previous tape's is not shown while the new one loads.
  const current = useQuery(tapeId === null ? null : () => api.call('pool.summary', { tapeId }), [api, tapeId], {
    onError: (error) => reportError(t('pool.cannotSummariseThePool'), error),
  }).data;

  if (tapes !== null && tapes.length === 0) {
    return (
      <section className="area">
        <header className="area-header">
          <h1>{t('pool.pool')}</h1>
        </header>
        <EmptyState title={t('pool.emptyWorkspaceImportA')}>
          <p>
            {t('pool.importALoanTape')} <a href={hrefFor('tapes')}>{t('pool.tapes')}</a>
            {t('pool.thenComeBackHere')}
          </p>
        </EmptyState>
      </section>
    );
  }

  const tape = tapes?.find((item) => item.id === tapeId) ?? null;
  return (
    <section className="area">
      <header className="area-header area-header-row">
        <div>
          <h1>{t('pool.pool')}</h1>
          <p className="muted">
            {tape ? t('pool.cutoff', { name: tapeName(tape), cutoffDate: tape.cutoffDate, sourceFile: tape.sourceFile }) : t('pool.loading')} {t('pool.amountsInYuanRates')}
          </p>
        </div>
        <TapePicker tapes={tapes} tapeId={tapeId} />
      </header>
      {current ? (
        <>
          <TapeWarnings summary={current} />
          <SummaryCards summary={current} />
          <h2>{t('pool.delinquency')}</h2>
          <DelinquencyMix summary={current} />
        </>
      ) : (
        <p className="muted">{t('pool.computingThePoolSummary')}</p>
      )}
      {/* Asked for with the summary, not after it: the two run on separate query threads and each part shows as it arrives. */}
      {tapeId !== null ? (
        <>
          <h2>{t('pool.stratifications')}</h2>
          {dimensions.length > 0 ? <Stratification key={tapeId} tapeId={tapeId} dimensions={[...dimensions, ...extraDimensions(tape?.extraColumns ?? [])]} /> : null}
        </>
      ) : null}
    </section>
  );
}
