import { memo, useMemo, type ReactNode } from 'react';
import type { DealFile, DealPeriod, DealRunResult, RunStoreNote, TrancheRow } from '../../../service/api/contract.ts';
import { downloadText, formatCount, formatPct, formatSeconds } from '../../app/format.ts';
import { exportFileName } from '../../../messages/file-name.ts';
import type { DealJobRun } from '../../app/deal.ts';
import { Card } from '../../components/Card.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { StoreNote } from '../runs/StoreNote.tsx';
import { DealCharts } from './DealCharts.tsx';
import { PriceYieldPanel } from './PriceYieldPanel.tsx';
import { formatMoney, type DealCurrency } from './model.ts';
import { formatPeriodCell, periodColumns, periodsCsv } from './periods.ts';
import { useT, type MessageKey, type Translate } from '../../app/i18n.tsx';
import { couponLabel } from './coupon-label.ts';
import { revolvingEndNote } from './revolving-end.ts';
import { scenarioChoiceLabel } from './run-choice.ts';
import { warningTexts } from '../../app/coded.ts';

/** What the cumulative default rate is divided by, in words (docs/deals.md, Trigger metrics). */
const DENOMINATOR_LABELS: Readonly<Record<DealRunResult['cumulativeRatioDenominator'], MessageKey>> = {
  initialPool: 'common.denominator.initialPool',
  initialPoolPlusPurchases: 'common.denominator.initialPoolPlusPurchases',
  initialPoolThenRevolvingEnd: 'common.denominator.initialPoolThenRevolvingEnd',
};

function windowOf(row: TrancheRow): string {
  if (!row.firstPrincipal || !row.lastPrincipal) return '—';
  return row.firstPrincipal.date === row.lastPrincipal.date ? row.firstPrincipal.date : `${row.firstPrincipal.date} – ${row.lastPrincipal.date}`;
}

/** The deal file's expected maturity, with the balance still outstanding after it when the run misses it. */
function expectedMaturityOf(t: TrancheRow, translate: Translate, currency: DealCurrency): string {
  if (t.expectedMaturity === undefined) return '—';
  const left = t.balanceAfterExpectedMaturity ?? 0;
  return left > 0 ? translate('deal.expectedMaturity.missed', { date: t.expectedMaturity, left: formatMoney(left, currency) }) : translate('deal.expectedMaturity.met', { date: t.expectedMaturity });
}

const pctOrDash = (x: number | null): string => (x === null ? '—' : formatPct(x));

/**
 * Each figure's column header names its convention (docs/deals.md, "Yield conventions" and "WAL");
 * headers and cells in `translate`'s language (the shown one: a language switch builds them again);
 * amounts in `currency`, the deal file's (undefined: the amount alone, the file states none).
 */
export function trancheColumns(run: DealRunResult, translate: Translate, currency: DealCurrency): readonly Column<TrancheRow>[] {
  const first = run.tranches[0];
  const walFrom = !first || first.walFrom === run.closingDate ? translate('common.closing') : first.walFrom;
  return [
    { key: 'name', header: translate('deal.note'), render: (row) => row.name, sortValue: (row) => row.seniority },
    { key: 'balance', header: translate('deal.originalBalance'), render: (row) => formatMoney(row.originalBalance, currency), sortValue: (row) => row.originalBalance, align: 'right' },
    { key: 'coupon', header: translate('deal.coupon'), render: (row) => couponLabel(row.coupon) },
    {
      key: 'wal',
      header: translate('deal.walYearsFrom', { value: first?.walBasis ?? 'ACT/365', walFrom }),
      render: (row) => (row.walYears === null ? '—' : row.walYears.toFixed(2)),
      sortValue: (row) => row.walYears,
      align: 'right',
    },
    { key: 'window', header: translate('deal.principalWindow'), render: windowOf },
    { key: 'expectedFinal', header: translate('deal.expectedFinalComputed'), render: (t) => t.expectedFinal?.date ?? '—', sortValue: (t) => t.expectedFinal?.date ?? null },
    ...(run.tranches.some((t) => t.expectedMaturity !== undefined)
      ? [
          {
            key: 'expectedMaturity',
            header: translate('deal.expectedMaturity'),
            render: (t: TrancheRow) => expectedMaturityOf(t, translate, currency),
            sortValue: (t: TrancheRow) => t.expectedMaturity ?? null,
          },
        ]
      : []),
    { key: 'legalFinal', header: translate('deal.legalFinal'), render: (t) => t.legalFinalMaturity ?? '—' },
    {
      key: 'yield',
      header: translate('deal.yieldAtParAnnual'),
      render: (row) => (row.irr !== null ? translate('deal.irr', { irr: formatPct(row.irr) }) : pctOrDash(row.yieldAtParAnnualEffective)),
      sortValue: (row) => row.irr ?? row.yieldAtParAnnualEffective,
      align: 'right',
    },
    { key: 'bey', header: translate('deal.bondEquivalentSemiAnnual'), render: (row) => pctOrDash(row.yieldAtParBondEquivalent), align: 'right' },
    { key: 'mey', header: translate('deal.mortgageEquivalentMonthly'), render: (row) => pctOrDash(row.yieldAtParMortgageEquivalent), align: 'right' },
    { key: 'cfets', header: translate('deal.chinaInterbankCfets'), render: (row) => pctOrDash(row.yieldAtParChinaInterbank), align: 'right' },
    { key: 'duration', header: translate('deal.modDurationYearsAnn'), render: (row) => (row.modifiedDurationYears === null ? '—' : row.modifiedDurationYears.toFixed(2)), align: 'right' },
    { key: 'loss', header: translate('deal.loss'), render: (row) => formatPct(row.lossRate), sortValue: (row) => row.lossRate, align: 'right' },
    { key: 'writeDown', header: translate('deal.writtenDown'), render: (row) => formatMoney(row.writeDown, currency), align: 'right' },
    { key: 'shortfall', header: translate('deal.interestShortfall'), render: (row) => formatMoney(row.interestShortfall, currency), align: 'right' },
    { key: 'ce', header: translate('deal.ceAtClosing'), render: (row) => formatPct(row.creditEnhancementAtClosing), sortValue: (row) => row.creditEnhancementAtClosing, align: 'right' },
  ];
}

const periodKey = (p: DealPeriod): string => String(p.period);

/** The period table, drawn again only for another run (not when the screen's choices change around it: a long table costs a render). */
const PeriodTable = memo(function PeriodTable({ columns, periods }: { columns: readonly Column<DealPeriod>[]; periods: readonly DealPeriod[] }) {
  return <DataTable columns={columns} rows={periods} rowKey={periodKey} testId="period-table" pageSize={60} />;
});

/**
 * One finished deal run: headline figures, tranche summary, charts and the period-by-period table; `seconds` is the job's compute time.
 * `deal` is the deal file the run was made of (null when the choices have changed since): its notes' day counts price them.
 */
export function DealRunView({
  info,
  run,
  seconds,
  stale,
  stored,
  deal = null,
  children,
}: {
  info: DealJobRun;
  run: DealRunResult;
  seconds: number;
  stale: boolean;
  /** What the run store did with this run (absent for a run reopened from the store itself). */
  stored?: RunStoreNote | undefined;
  deal?: DealFile | null;
  children?: ReactNode;
}) {
  const t = useT();
  const tranches = useMemo(() => [...run.tranches].sort((a, b) => a.seniority - b.seniority), [run.tranches]);
  // Built again when the language changes (t is one function per language): headers are words.
  const columns = useMemo(() => periodColumns(run, t), [run, t]);
  const { currency } = info;
  const trancheTable = useMemo(() => trancheColumns(run, t, currency), [run, t, currency]);
  const tableColumns = useMemo<Column<DealPeriod>[]>(
    () =>
      columns
        .filter((c) => c.screen)
        .map((c) => ({
          key: c.key,
          header: c.header,
          render: (p: DealPeriod) => formatPeriodCell(c, p, p.period - 1, t, currency),
          ...(c.key === 'period' ? { sortValue: (p: DealPeriod) => p.period } : {}),
          align: c.kind === 'date' || c.kind === 'text' || c.kind === 'flag' ? ('left' as const) : ('right' as const),
        })),
    [columns, t, currency],
  );
  const last = run.periods.length;
  const cdr = run.cumulativeDefaultRate.at(-1) ?? null;
  const cnl = run.cumulativeNetLoss.at(-1) ?? null;
  const breached = Object.entries(run.triggerFirstBreach).filter((entry): entry is [string, number] => entry[1] !== null);
  const writtenDown = run.tranches.reduce((sum, row) => sum + row.writeDown, 0);
  const modeLabel = run.mode === 'loan' ? t('results.mode.loan') : t('results.mode.linesShort');
  // Said again in the shown language: a run of this screen keeps its choice, a stored run its words (which follow the language by themselves).
  const scenarioLabel = scenarioChoiceLabel(info.scenario, t);

  function exportCsv(): void {
    downloadText(exportFileName([run.dealName, scenarioLabel, 'periods'], 'csv'), periodsCsv(run, columns, t));
  }

  return (
    <div className={stale ? 'projection stale' : 'projection'} data-testid="deal-run" aria-busy={stale}>
      <StoreNote stored={stored} />
      <p className="run-caption" data-testid="deal-run-caption">
        <strong>{run.dealName}</strong>{' '}
        {run.loans === 0
          ? t('deal.poolScheduleScenarioCutoff', {
              poolName: run.poolName,
              scenarioLabel,
              cutoffDate: run.cutoffDate,
              closingDate: run.closingDate,
              seconds: formatSeconds(seconds),
            })
          : t('deal.poolLoansScenarioCutoff', {
              poolName: run.poolName,
              modeLabel,
              loans: formatCount(run.loans),
              scenarioLabel,
              cutoffDate: run.cutoffDate,
              closingDate: run.closingDate,
              seconds: formatSeconds(seconds),
            })}
        {stale ? t('deal.aNewRunIs') : ''}
      </p>
      {run.warnings.length > 0 ? (
        <div className="warning-box" role="status" data-testid="deal-warnings">
          {warningTexts(run, (amount) => formatMoney(amount, currency)).map((w) => (
            <p key={w}>{w}</p>
          ))}
        </div>
      ) : null}
      <div className="cards" data-testid="deal-headline">
        <Card label={t('deal.poolBalance')} value={formatMoney(run.poolBalance, currency)} note={t('deal.atCutoff', { cutoffDate: run.cutoffDate })} testId="card-pool-balance" />
        <Card label={t('deal.periods')} value={formatCount(last)} note={t('deal.paymentDates', { value: run.periods[0]?.paymentDate ?? '—', value2: run.periods.at(-1)?.paymentDate ?? '—' })} />
        <Card
          label={t('deal.cumulativeDefaultRate')}
          value={formatPct(cdr)}
          note={t('deal.atTheLastPeriod', { value: t(DENOMINATOR_LABELS[run.cumulativeRatioDenominator]) })}
          testId="card-deal-cdr"
        />
        <Card
          label={t('deal.cumulativeNetLoss')}
          value={formatMoney(cnl, currency)}
          note={cnl === null || run.poolBalance <= 0 ? undefined : t('deal.ofTheCutoffPool', { pct: formatPct(cnl / run.poolBalance) })}
        />
        <Card
          label={t('deal.revolving')}
          value={run.revolvingEnd ? t('deal.revolvingEnd.period', { period: run.revolvingEnd.period }) : t('deal.revolvingEnd.none')}
          note={run.revolvingEnd ? revolvingEndNote(run.revolvingEnd, t) : t('deal.staticPool')}
        />
        <Card
          label={t('deal.cleanUpCall')}
          value={run.cleanUpPeriod === null ? t('deal.cleanUp.notExercised') : t('deal.cleanUp.period', { period: run.cleanUpPeriod })}
          note={run.cleanUpPeriod === null ? undefined : run.periods[run.cleanUpPeriod - 1]?.paymentDate}
        />
        <Card
          label={t('deal.triggersBreached')}
          value={breached.length === 0 ? t('deal.triggersBreached.none') : String(breached.length)}
          note={
            breached.length === 0 ? t('deal.testedEachPeriod', { length: Object.keys(run.triggerFirstBreach).length }) : breached.map(([id, p]) => t('deal.breachedFrom', { id, period: p })).join('; ')
          }
          testId="card-triggers"
        />
        <Card label={t('deal.notesWrittenDown')} value={formatMoney(writtenDown, currency)} note={t('deal.principalLostNetOf')} testId="card-write-down" />
      </div>

      <div className="table-head">
        <h2>{t('deal.tranches')}</h2>
      </div>
      <p className="muted small">{t('deal.walΣPrincipalT')}</p>
      <div className="table-scroll tranche-scroll" role="region" aria-label={t('deal.trancheSummaryTable')} tabIndex={0}>
        <DataTable columns={trancheTable} rows={tranches} rowKey={(row) => row.id} testId="tranche-table" />
      </div>
      {children}
      {deal ? <PriceYieldPanel key={info.jobId} run={run} deal={deal} /> : null}

      <DealCharts run={run} currency={currency} />

      <div className="table-head">
        <h2>{t('deal.periodByPeriod')}</h2>
        <button type="button" className="secondary" onClick={exportCsv}>
          {t('deal.exportPeriodsCsv')}
        </button>
      </div>
      <p className="muted small">{t('deal.afterEachPaymentDate')}</p>
      <div className="table-scroll" role="region" aria-label={t('deal.periodByPeriodTable')} tabIndex={0}>
        <PeriodTable columns={tableColumns} periods={run.periods} />
      </div>
    </div>
  );
}
