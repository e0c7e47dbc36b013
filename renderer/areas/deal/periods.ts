import type { DealPeriod, DealRunResult } from '../../../service/api/contract.ts';
import { csvDocument, csvNumber, csvText } from '../../app/csv.ts';
import { formatPct } from '../../app/format.ts';
import { formatMoney } from './model.ts';
import { translate } from '../../app/i18n.tsx';

/**
 * The period-by-period table's columns, built for one run (one group per fee, note and trigger).
 * One list writes both the screen (columns with `screen`) and the CSV (every column): money in the
 * deal currency with cents, ratios as percentages on screen and decimals in the file.
 */
export interface PeriodColumn {
  readonly key: string;
  readonly header: string;
  readonly csvHeader: string;
  readonly kind: 'int' | 'date' | 'text' | 'money' | 'pct' | 'ratio' | 'flag';
  readonly screen: boolean;
  readonly value: (p: DealPeriod, index: number) => number | string | boolean | null | undefined;
}

function money(key: string, header: string, value: PeriodColumn['value'], screen = true): PeriodColumn {
  return { key, header, csvHeader: header, kind: 'money', screen, value };
}

const note = (p: DealPeriod, id: string) => p.notes.find((n) => n.id === id);
const fee = (p: DealPeriod, id: string) => p.fees.find((f) => f.id === id);
const trigger = (p: DealPeriod, id: string) => p.triggers.find((t) => t.id === id);
/** A trigger's value and threshold read as money (a class's interest shortfall) or as a percentage. */
const triggerKind = (p: DealPeriod | undefined, id: string): 'money' | 'pct' => (p !== undefined && trigger(p, id)?.unit === 'money' ? 'money' : 'pct');

export function periodColumns(run: DealRunResult): readonly PeriodColumn[] {
  const first = run.periods[0];
  const noteIds = run.tranches.map((t) => t.id);
  const feeIds = first?.fees.map((f) => f.id) ?? [];
  const triggerIds = first?.triggers.map((t) => t.id) ?? [];
  const warned = new Set(first?.triggers.filter((t) => t.warning !== undefined).map((t) => t.id));
  const hasReserve = first?.reserve !== undefined;
  return [
    { key: 'period', header: translate('deal.period'), csvHeader: 'Period', kind: 'int', screen: true, value: (p) => p.period },
    { key: 'date', header: translate('deal.paymentDate'), csvHeader: 'Payment date', kind: 'date', screen: true, value: (p) => p.paymentDate },
    { key: 'accrual', header: translate('deal.accrualStart'), csvHeader: 'Accrual start', kind: 'date', screen: false, value: (p) => p.accrualStart },
    money('poolBegin', 'Pool beginning balance', (p) => p.pool.beginningBalance, false),
    money('collections', 'Pool collections', (p) => p.pool.interest + p.pool.penaltyInterest + p.pool.scheduledPrincipal + p.pool.prepayments + p.pool.recoveries),
    money('poolInterest', 'Interest collected', (p) => p.pool.interest, false),
    money('poolPenalty', 'Penalty interest', (p) => p.pool.penaltyInterest, false),
    money('poolScheduled', 'Scheduled principal', (p) => p.pool.scheduledPrincipal, false),
    money('poolPrepaid', 'Prepayments', (p) => p.pool.prepayments, false),
    money('defaults', 'Defaults', (p) => p.pool.defaults),
    money('poolRecoveries', 'Recoveries', (p) => p.pool.recoveries, false),
    money('poolLosses', 'Losses', (p) => p.pool.losses, false),
    money('poolEnd', 'Pool ending balance', (p) => p.pool.endingBalance),
    { key: 'poolFactor', header: translate('deal.poolFactor'), csvHeader: 'Pool factor', kind: 'pct', screen: false, value: (p) => p.pool.poolFactor },
    money('dq60', '60+ DPD balance', (p) => p.pool.delinquent60Plus, false),
    money('purchasesCash', 'Revolving purchases (cash paid)', (p) => p.pool.purchasesCash),
    money('principalPurchased', 'Principal purchased', (p) => p.pool.principalPurchased),
    money('purchaseRefused', 'Purchase refused (cash kept)', (p) => p.pool.purchaseRefused.cash, false),
    {
      key: 'purchaseRefusedBy',
      header: translate('deal.purchaseRefusedBecause'),
      csvHeader: 'Purchase refused because',
      kind: 'text',
      screen: false,
      value: (p) => p.pool.purchaseRefused.reasons.join('; '),
    },
    money('cleanUp', 'Clean-up proceeds', (p) => p.pool.cleanUpProceeds, false),
    money('servicingStrip', 'Servicing strip', (p) => p.servicingStrip, false),
    money('fundsInterest', 'Available interest funds', (p) => p.availableFunds.interest),
    money('fundsPrincipal', 'Available principal funds', (p) => p.availableFunds.principal),
    money('fundsCarried', 'of which principal carried', (p) => p.availableFunds.principalCarried, false),
    money('excessSpread', 'Excess spread', (p) => p.excessSpread),
    { key: 'liquidity', header: translate('deal.liquidityCoverage2'), csvHeader: 'Liquidity coverage', kind: 'ratio', screen: false, value: (p) => p.liquidityCoverage },
    ...feeIds.flatMap((id) => [
      money(`fee ${id} due`, `${id} fee due`, (p) => fee(p, id)?.due, false),
      money(`fee ${id} paid`, `${id} fee paid`, (p) => fee(p, id)?.paid, false),
      money(`fee ${id} unpaid`, `${id} fee unpaid`, (p) => fee(p, id)?.unpaid, false),
    ]),
    ...noteIds.flatMap((id) => [
      money(`${id} beginning`, `${id} beginning`, (p) => note(p, id)?.beginningBalance, false),
      { key: `${id} coupon`, header: translate('deal.coupon2', { id }), csvHeader: `${id} coupon`, kind: 'pct' as const, screen: false, value: (p: DealPeriod) => note(p, id)?.couponRate },
      money(`${id} interest due`, `${id} interest due`, (p) => note(p, id)?.interestDue, false),
      money(`${id} interest paid`, `${id} interest paid`, (p) => note(p, id)?.interestPaid),
      money(`${id} shortfall`, `${id} interest shortfall`, (p) => note(p, id)?.interestShortfall),
      money(`${id} principal`, `${id} principal`, (p) => note(p, id)?.principalPaid),
      money(`${id} reimbursed`, `${id} of which write-downs reimbursed`, (p) => note(p, id)?.writeDownReimbursed, false),
      money(`${id} write-down`, `${id} write-down`, (p) => note(p, id)?.writeDown),
      money(`${id} ending`, `${id} ending`, (p) => note(p, id)?.endingBalance),
      money(`${id} residual`, `${id} residual`, (p) => note(p, id)?.residualPaid, false),
    ]),
    ...(hasReserve
      ? [
          money('reserveTarget', 'Reserve target', (p) => p.reserve?.target, false),
          money('reserveDraws', 'Reserve draws', (p) => p.reserve?.draws, false),
          money('reserveDeposits', 'Reserve deposits', (p) => p.reserve?.deposits, false),
          money('reserveRelease', 'Reserve release', (p) => p.reserve?.release, false),
          money('reserveEnd', 'Reserve ending', (p) => p.reserve?.endingBalance),
        ]
      : []),
    ...triggerIds.flatMap((id) => [
      { key: `${id} value`, header: translate('deal.value', { id }), csvHeader: `${id} value`, kind: triggerKind(first, id), screen: false, value: (p: DealPeriod) => trigger(p, id)?.value },
      {
        key: `${id} threshold`,
        header: translate('deal.threshold', { id }),
        csvHeader: `${id} threshold`,
        kind: triggerKind(first, id),
        screen: false,
        value: (p: DealPeriod) => trigger(p, id)?.threshold,
      },
      { key: `${id} breached`, header: translate('deal.trigger', { id }), csvHeader: `${id} breached`, kind: 'flag' as const, screen: true, value: (p: DealPeriod) => trigger(p, id)?.breached },
      ...(warned.has(id)
        ? [{ key: `${id} warning`, header: translate('deal.warning', { id }), csvHeader: `${id} warning`, kind: 'flag' as const, screen: true, value: (p: DealPeriod) => trigger(p, id)?.warning }]
        : []),
    ]),
    money('seller', 'Residual to seller', (p) => p.residualToSeller, false),
    { key: 'revolving', header: translate('deal.revolving'), csvHeader: 'Revolving', kind: 'flag', screen: true, value: (p) => p.revolving },
    { key: 'accelerated', header: translate('deal.accelerated'), csvHeader: 'Accelerated', kind: 'flag', screen: false, value: (p) => p.accelerated },
    { key: 'cdr', header: translate('deal.cumDefaultRate'), csvHeader: 'Cumulative default rate', kind: 'pct', screen: true, value: (_p, k) => run.cumulativeDefaultRate[k] },
    money('cnl', 'Cum. net loss', (_p, k) => run.cumulativeNetLoss[k], false),
  ];
}

export function formatPeriodCell(column: PeriodColumn, p: DealPeriod, index: number): string {
  const value = column.value(p, index);
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  switch (column.kind) {
    case 'money':
      return formatMoney(value);
    case 'pct':
      return formatPct(value, 2);
    case 'ratio':
      return `${value.toFixed(2)}×`;
    default:
      return String(value);
  }
}

/** The whole period table as CSV (every column; text guarded against formula injection by csvText). */
export function periodsCsv(run: DealRunResult, columns: readonly PeriodColumn[]): string {
  const rows = run.periods.map((p, k) =>
    columns.map((c) => {
      const value = c.value(p, k);
      if (typeof value === 'boolean') return value ? 'yes' : 'no';
      if (typeof value === 'string') return csvText(value);
      return csvNumber(value, c.kind === 'money' ? 2 : undefined);
    }),
  );
  return csvDocument(
    columns.map((c) => (c.kind === 'money' ? `${c.csvHeader} (deal currency)` : c.kind === 'pct' ? `${c.csvHeader} (decimal)` : c.csvHeader)),
    rows,
  );
}
