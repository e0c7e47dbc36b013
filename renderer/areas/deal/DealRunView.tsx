import { memo, useMemo, type ReactNode } from 'react';
import type { DealFile, DealPeriod, DealRunResult, RunStoreNote, TrancheRow } from '../../../service/api/contract.ts';
import { downloadText, formatCount, formatPct, formatSeconds } from '../../app/format.ts';
import { exportFileName } from '../../app/file-name.ts';
import type { DealJobRun } from '../../app/deal.ts';
import { Card } from '../../components/Card.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { StoreNote } from '../runs/StoreNote.tsx';
import { DealCharts } from './DealCharts.tsx';
import { PriceYieldPanel } from './PriceYieldPanel.tsx';
import { formatMoney } from './model.ts';
import { formatPeriodCell, periodColumns, periodsCsv } from './periods.ts';

/** What the cumulative default rate is divided by, in words (docs/deals.md, Trigger metrics). */
const DENOMINATOR_LABELS: Readonly<Record<DealRunResult['cumulativeRatioDenominator'], string>> = {
  initialPool: 'the cutoff pool',
  initialPoolPlusPurchases: 'the cutoff pool + principal purchased',
  initialPoolThenRevolvingEnd: 'the cutoff pool while revolving, then the pool when revolving ended (NAFMII)',
};

function windowOf(t: TrancheRow): string {
  if (!t.firstPrincipal || !t.lastPrincipal) return '—';
  return t.firstPrincipal.date === t.lastPrincipal.date ? t.firstPrincipal.date : `${t.firstPrincipal.date} – ${t.lastPrincipal.date}`;
}

/** The deal file's expected maturity, with the balance still outstanding after it when the run misses it. */
function expectedMaturityOf(t: TrancheRow): string {
  if (t.expectedMaturity === undefined) return '—';
  const left = t.balanceAfterExpectedMaturity ?? 0;
  return left > 0 ? `${t.expectedMaturity} · missed, ${formatMoney(left)} left` : `${t.expectedMaturity} · met`;
}

const pctOrDash = (x: number | null): string => (x === null ? '—' : formatPct(x));

/** Each figure's column header names its convention (docs/deals.md, "Yield conventions" and "WAL"). */
export function trancheColumns(run: DealRunResult): readonly Column<TrancheRow>[] {
  const first = run.tranches[0];
  const walFrom = !first || first.walFrom === run.closingDate ? 'closing' : first.walFrom;
  return [
    { key: 'name', header: 'Note', render: (t) => t.name, sortValue: (t) => t.seniority },
    { key: 'balance', header: 'Original balance', render: (t) => formatMoney(t.originalBalance), sortValue: (t) => t.originalBalance, align: 'right' },
    { key: 'coupon', header: 'Coupon', render: (t) => t.coupon },
    {
      key: 'wal',
      header: `WAL (years, ${first?.walBasis ?? 'ACT/365'} from ${walFrom})`,
      render: (t) => (t.walYears === null ? '—' : t.walYears.toFixed(2)),
      sortValue: (t) => t.walYears,
      align: 'right',
    },
    { key: 'window', header: 'Principal window', render: windowOf },
    { key: 'expectedFinal', header: 'Expected final (computed)', render: (t) => t.expectedFinal?.date ?? '—', sortValue: (t) => t.expectedFinal?.date ?? null },
    ...(run.tranches.some((t) => t.expectedMaturity !== undefined)
      ? [{ key: 'expectedMaturity', header: 'Expected maturity (预期到期日)', render: expectedMaturityOf, sortValue: (t: TrancheRow) => t.expectedMaturity ?? null }]
      : []),
    { key: 'legalFinal', header: 'Legal final', render: (t) => t.legalFinalMaturity ?? '—' },
    {
      key: 'yield',
      header: 'Yield at par, annual effective (ACT/365) / IRR',
      render: (t) => (t.irr !== null ? `IRR ${formatPct(t.irr)}` : pctOrDash(t.yieldAtParAnnualEffective)),
      sortValue: (t) => t.irr ?? t.yieldAtParAnnualEffective,
      align: 'right',
    },
    { key: 'bey', header: 'Bond-equivalent (semi-annual)', render: (t) => pctOrDash(t.yieldAtParBondEquivalent), align: 'right' },
    { key: 'mey', header: 'Mortgage-equivalent (monthly)', render: (t) => pctOrDash(t.yieldAtParMortgageEquivalent), align: 'right' },
    { key: 'cfets', header: 'China interbank (CFETS)', render: (t) => pctOrDash(t.yieldAtParChinaInterbank), align: 'right' },
    { key: 'duration', header: 'Mod. duration (years, ann. eff.)', render: (t) => (t.modifiedDurationYears === null ? '—' : t.modifiedDurationYears.toFixed(2)), align: 'right' },
    { key: 'loss', header: 'Loss %', render: (t) => formatPct(t.lossRate), sortValue: (t) => t.lossRate, align: 'right' },
    { key: 'writeDown', header: 'Written down', render: (t) => formatMoney(t.writeDown), align: 'right' },
    { key: 'shortfall', header: 'Interest shortfall', render: (t) => formatMoney(t.interestShortfall), align: 'right' },
    { key: 'ce', header: 'CE at closing', render: (t) => formatPct(t.creditEnhancementAtClosing), sortValue: (t) => t.creditEnhancementAtClosing, align: 'right' },
  ];
}

const periodKey = (p: DealPeriod): string => String(p.period);

/** The period table, drawn again only for another run (not when the screen's choices change around it: a long table costs a render). */
const PeriodTable = memo(function PeriodTable({ columns, periods }: { columns: readonly Column<DealPeriod>[]; periods: readonly DealPeriod[] }) {
  return <DataTable columns={columns} rows={periods} rowKey={periodKey} testId="period-table" pageSize={60} />;
});

const REVOLVING_REASONS = { scheduled: 'as scheduled', trigger: 'by a trigger', dealEnded: 'the deal ended' } as const;

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
  const tranches = useMemo(() => [...run.tranches].sort((a, b) => a.seniority - b.seniority), [run.tranches]);
  const columns = useMemo(() => periodColumns(run), [run]);
  const trancheTable = useMemo(() => trancheColumns(run), [run]);
  const tableColumns = useMemo<Column<DealPeriod>[]>(
    () =>
      columns
        .filter((c) => c.screen)
        .map((c) => ({
          key: c.key,
          header: c.header,
          render: (p: DealPeriod) => formatPeriodCell(c, p, p.period - 1),
          ...(c.key === 'period' ? { sortValue: (p: DealPeriod) => p.period } : {}),
          align: c.kind === 'date' || c.kind === 'text' || c.kind === 'flag' ? ('left' as const) : ('right' as const),
        })),
    [columns],
  );
  const last = run.periods.length;
  const cdr = run.cumulativeDefaultRate.at(-1) ?? null;
  const cnl = run.cumulativeNetLoss.at(-1) ?? null;
  const breached = Object.entries(run.triggerFirstBreach).filter((entry): entry is [string, number] => entry[1] !== null);
  const writtenDown = run.tranches.reduce((sum, t) => sum + t.writeDown, 0);
  const modeLabel = run.mode === 'loan' ? 'loan level' : 'representative lines';

  function exportCsv(): void {
    downloadText(exportFileName([run.dealName, info.scenarioLabel, 'periods'], 'csv'), periodsCsv(run, columns));
  }

  return (
    <div className={stale ? 'projection stale' : 'projection'} data-testid="deal-run" aria-busy={stale}>
      <StoreNote stored={stored} />
      <p className="run-caption" data-testid="deal-run-caption">
        <strong>{run.dealName}</strong> · pool {run.poolName} ({run.loans === 0 ? 'collection schedule' : `${modeLabel}, ${formatCount(run.loans)} loans`}) · scenario {info.scenarioLabel} · cutoff{' '}
        {run.cutoffDate} · closing {run.closingDate} · computed in {formatSeconds(seconds)}
        {stale ? ' · a new run is in progress' : ''}
      </p>
      {run.warnings.length > 0 ? (
        <div className="warning-box" role="status" data-testid="deal-warnings">
          {run.warnings.map((w) => (
            <p key={w}>{w}</p>
          ))}
        </div>
      ) : null}
      <div className="cards" data-testid="deal-headline">
        <Card label="Pool balance" value={formatMoney(run.poolBalance)} note={`at cutoff ${run.cutoffDate}`} testId="card-pool-balance" />
        <Card label="Periods" value={formatCount(last)} note={`payment dates ${run.periods[0]?.paymentDate ?? '—'} – ${run.periods.at(-1)?.paymentDate ?? '—'}`} />
        <Card label="Cumulative default rate" value={formatPct(cdr)} note={`at the last period; defaults ÷ ${DENOMINATOR_LABELS[run.cumulativeRatioDenominator]}`} testId="card-deal-cdr" />
        <Card label="Cumulative net loss" value={formatMoney(cnl)} note={cnl === null || run.poolBalance <= 0 ? undefined : `${formatPct(cnl / run.poolBalance)} of the cutoff pool`} />
        <Card
          label="Revolving"
          value={run.revolvingEnd ? `ended period ${run.revolvingEnd.period}` : 'none'}
          note={run.revolvingEnd ? `${run.revolvingEnd.paymentDate}, ${REVOLVING_REASONS[run.revolvingEnd.reason]}${run.revolvingEnd.trigger ? ` (${run.revolvingEnd.trigger})` : ''}` : 'static pool'}
        />
        <Card
          label="Clean-up call"
          value={run.cleanUpPeriod === null ? 'not exercised' : `period ${run.cleanUpPeriod}`}
          note={run.cleanUpPeriod === null ? undefined : run.periods[run.cleanUpPeriod - 1]?.paymentDate}
        />
        <Card
          label="Triggers breached"
          value={breached.length === 0 ? 'none' : String(breached.length)}
          note={breached.length === 0 ? `${Object.keys(run.triggerFirstBreach).length} tested each period` : breached.map(([id, p]) => `${id} from period ${p}`).join('; ')}
          testId="card-triggers"
        />
        <Card label="Notes written down" value={formatMoney(writtenDown)} note="principal lost, net of write-downs reimbursed" testId="card-write-down" />
      </div>

      <div className="table-head">
        <h2>Tranches</h2>
      </div>
      <p className="muted small">
        WAL = Σ principal × t ÷ Σ principal, t in years on the basis and from the date in its header (the deal file’s analytics section); principal window = first and last payment dates with
        principal; expected final (computed) = the last payment date that pays the note anything in this run; expected maturity = the deal file’s 预期到期日, met when nothing is outstanding after the
        last payment date on or before it; legal final = the deal’s 法定到期日. Yields at par at closing, one column per quote: annual effective on actual dates (ACT/365, as XIRR — the residual note
        shows its IRR), bond-equivalent (semi-annual compounding on the payment schedule, SIFMA), mortgage-equivalent (monthly compounding, SIFMA) and China interbank (compounded at the payment
        frequency on actual days, simple in the final period, CFETS); modified duration at the annual effective yield; loss % = written-down principal ÷ original balance; CE at closing = (pool +
        reserve − this note and all senior) ÷ pool. Amounts in the deal’s currency.
      </p>
      <div className="table-scroll tranche-scroll" role="region" aria-label="Tranche summary table" tabIndex={0}>
        <DataTable columns={trancheTable} rows={tranches} rowKey={(t) => t.id} testId="tranche-table" />
      </div>
      {children}
      {deal ? <PriceYieldPanel key={info.jobId} run={run} deal={deal} /> : null}

      <DealCharts run={run} />

      <div className="table-head">
        <h2>Period by period</h2>
        <button type="button" className="secondary" onClick={exportCsv}>
          Export periods CSV
        </button>
      </div>
      <p className="muted small">
        After each payment date, in the deal’s currency. Collections = interest, penalty interest, principal and recoveries of the collection period. The CSV holds every column (fees, interest due,
        reserve movements, trigger values and thresholds, coupon rates).
      </p>
      <div className="table-scroll" role="region" aria-label="Period by period table" tabIndex={0}>
        <PeriodTable columns={tableColumns} periods={run.periods} />
      </div>
    </div>
  );
}
