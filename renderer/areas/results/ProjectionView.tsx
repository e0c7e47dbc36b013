import { useMemo } from 'react';
import type { ProjectionResult, ProjectionRow, RepLineInfo } from '../../../service/api/contract.ts';
import { csvDocument, csvText } from '../../app/csv.ts';
import { downloadText, formatCount, formatPct, formatSeconds, formatYuan } from '../../app/format.ts';
import { exportFileName } from '../../../messages/file-name.ts';
import type { ProjectionRun } from '../../app/projection.ts';
import { warningTexts } from '../../app/coded.ts';
import { Card } from '../../components/Card.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { ProjectionCharts } from './Charts.tsx';
import { AMORTIZATION_LABELS, columnHeader, csvCell, csvHeader, formatCell, periodOf, PROJECTION_COLUMNS, STATE_LABELS } from './columns.ts';
import { headline } from './metrics.ts';
import { useT, type MessageKey, type Translate } from '../../app/i18n.tsx';

/** A code's label in the UI's language, or the code itself when it has none. */
function labelOf(t: Translate, key: MessageKey | undefined, code: string): string {
  return key === undefined ? code : t(key);
}

function exportCsv(run: ProjectionRun, result: ProjectionResult): void {
  const [month, ...rest] = PROJECTION_COLUMNS;
  const rows = result.rows.map((row) => [...(month ? [csvCell(month, row)] : []), csvText(periodOf(result.cutoffDate, row.month)), ...rest.map((column) => csvCell(column, row))]);
  const csv = csvDocument([month ? csvHeader(month) : 'Month', 'Period (YYYY-MM)', ...rest.map((c) => csvHeader(c))], rows);
  downloadText(exportFileName([result.sourceName, run.setLabel, result.mode, 'projection'], 'csv'), csv);
}

function lineColumns(t: Translate): readonly Column<RepLineInfo>[] {
  return [
    { key: 'line', header: t('results.line'), render: (l) => l.line, sortValue: (l) => l.line, align: 'right' },
    { key: 'segment', header: t('results.segment'), render: (l) => <span className="mono">{l.segment || '—'}</span>, sortValue: (l) => l.segment },
    { key: 'amortization', header: t('results.amortization'), render: (l) => labelOf(t, AMORTIZATION_LABELS[l.amortization], l.amortization), sortValue: (l) => l.amortization },
    { key: 'state', header: t('results.stateAtCutoff'), render: (l) => labelOf(t, STATE_LABELS[l.state], l.state), sortValue: (l) => l.state },
    { key: 'originalTerm', header: t('results.origTermMo'), render: (l) => l.originalTerm, sortValue: (l) => l.originalTerm, align: 'right' },
    { key: 'remainingTerm', header: t('results.remTermMo'), render: (l) => l.remainingTerm, sortValue: (l) => l.remainingTerm, align: 'right' },
    { key: 'age', header: t('results.ageMo'), render: (l) => l.ageMonths, sortValue: (l) => l.ageMonths, align: 'right' },
    { key: 'rate', header: t('results.rateAnnual'), render: (l) => formatPct(l.rateAnnual), sortValue: (l) => l.rateAnnual, align: 'right' },
    { key: 'loans', header: t('results.loans2'), render: (l) => formatCount(l.loans), sortValue: (l) => l.loans, align: 'right' },
    { key: 'balance', header: t('results.balance'), render: (l) => formatYuan(l.balance), sortValue: (l) => l.balance, align: 'right' },
  ];
}

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
  const t = useT();
  const figures = useMemo(() => headline(result), [result]);
  const columns = useMemo<Column<ProjectionRow>[]>(() => {
    const all: Column<ProjectionRow>[] = PROJECTION_COLUMNS.map((c) => ({
      key: c.key,
      header: columnHeader(c, t),
      ...(c.title ? { title: t(c.title) } : {}),
      render: (row) => formatCell(c, row),
      ...(c.key === 'month' ? { sortValue: (row: ProjectionRow) => row.month } : {}),
      align: 'right' as const,
    }));
    const period: Column<ProjectionRow> = { key: 'period', header: t('results.period'), render: (row) => periodOf(result.cutoffDate, row.month) };
    return [...all.slice(0, 1), period, ...all.slice(1)];
  }, [result.cutoffDate, t]);
  const lines = useMemo(() => (result.lines ? [...result.lines].sort((a, b) => b.balance - a.balance) : null), [result.lines]);
  const modeLabel = result.mode === 'loan' ? t('results.mode.loan') : t('results.mode.lines', { lines: formatCount(result.lines?.length ?? 0) });
  return (
    <div className={stale ? 'projection stale' : 'projection'} data-testid="projection" aria-busy={stale}>
      <p className="run-caption" data-testid="run-caption">
        <strong>{result.sourceName}</strong> {t('results.assumptionsCutoffComputedIn', { setLabel: run.setLabel, modeLabel, cutoffDate: result.cutoffDate, seconds: formatSeconds(seconds) })}
        {stale ? t('results.aNewRunIs') : ''}
      </p>
      {(result.warnings ?? []).length > 0 ? (
        <div className="warning-box" role="status" data-testid="projection-warnings">
          {warningTexts({ warnings: result.warnings ?? [], ...(result.codedWarnings ? { codedWarnings: result.codedWarnings } : {}) }).map((w) => (
            <p key={w}>{w}</p>
          ))}
        </div>
      ) : null}
      <div className="cards" data-testid="projection-headline">
        <Card label={t('results.loans')} value={formatCount(result.loans)} note={modeLabel} />
        <Card label={t('results.cutoffBalance')} value={formatYuan(result.cutoffBalance)} note={t('results.at', { cutoffDate: result.cutoffDate })} testId="card-cutoff-balance" />
        <Card
          label={t('results.horizon')}
          value={t('results.horizonMonths', { months: result.months })}
          note={t('results.poolFactorAtThe', { endingPoolFactor: formatPct(figures.endingPoolFactor) })}
        />
        <Card label={t('results.cumulativeDefaultRate')} value={formatPct(figures.cumulativeDefaultRate)} note={t('results.atMonthDefaultedPrincipal', { months: result.months })} testId="card-cdr" />
        <Card
          label={t('results.cumulativeNetLoss')}
          value={formatYuan(figures.cumulativeNetLoss)}
          note={t('results.ofTheCutoffBalance', { netLossRate: formatPct(figures.netLossRate), recoveriesAfterHorizon: formatYuan(result.recoveriesAfterHorizon) })}
        />
        <Card
          label={t('results.walOfPoolPrincipal')}
          value={figures.walYears === null ? '—' : t('runs.years', { years: figures.walYears.toFixed(2) })}
          note={t('results.scheduledPrincipalPrepaymentsΣ')}
        />
        <Card label={t('results.interestCollected')} value={formatYuan(figures.interestCollected)} note={t('results.contractAndPenalty罚息')} />
        <Card label={t('results.principalCollected')} value={formatYuan(figures.principalCollected)} note={t('results.plusRecoveries', { recoveries: formatYuan(figures.recoveries) })} />
      </div>
      <ProjectionCharts rows={result.rows} cutoffDate={result.cutoffDate} />
      <div className="table-head">
        <h2>{t('results.monthlyCashFlows')}</h2>
        <button type="button" className="secondary" onClick={() => exportCsv(run, result)}>
          {t('results.exportCsv')}
        </button>
      </div>
      <div className="table-scroll" role="region" aria-label={t('results.monthlyCashFlowsTable')} tabIndex={0}>
        <DataTable columns={columns} rows={result.rows} rowKey={(row) => String(row.month)} testId="projection-table" />
      </div>
      {lines ? (
        <>
          <div className="table-head">
            <h2>{t('results.representativeLines', { length: formatCount(lines.length) })}</h2>
            <button type="button" className="secondary" onClick={() => linesCsv(result, lines)}>
              {t('results.exportLinesCsv')}
            </button>
          </div>
          <p className="muted small">{t('results.loansGroupedBySegment')}</p>
          <div className="table-scroll" role="region" aria-label={t('results.representativeLinesTable')} tabIndex={0}>
            <DataTable columns={lineColumns(t)} rows={lines} rowKey={(l) => String(l.line)} testId="lines-table" pageSize={50} />
          </div>
        </>
      ) : null}
    </div>
  );
}
