import type { DealPeriod, DealRunResult } from '../../../service/api/contract.ts';
import { csvDocument, csvNumber, csvText } from '../../app/csv.ts';
import { formatPct } from '../../app/format.ts';
import { formatMoney, type DealCurrency } from './model.ts';
import { interpolate, type MessageKey, type MessageParams, type Translate } from '../../app/i18n.tsx';
import { en } from '../../i18n/en.ts';

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

type MoneyColumn = (key: string, header: MessageKey, value: PeriodColumn['value'], screen?: boolean, params?: MessageParams) => PeriodColumn;

/** Money columns with their headers in `translate`'s language, their CSV headers in English (a file other tools read). */
const moneyColumns =
  (translate: Translate): MoneyColumn =>
  (key, header, value, screen = true, params) => ({ key, header: translate(header, params), csvHeader: interpolate(en[header], params), kind: 'money', screen, value });

const note = (p: DealPeriod, id: string) => p.notes.find((n) => n.id === id);
const fee = (p: DealPeriod, id: string) => p.fees.find((f) => f.id === id);
const trigger = (p: DealPeriod, id: string) => p.triggers.find((t) => t.id === id);
/** A trigger's value and threshold read as money (a class's interest shortfall) or as a percentage. */
const triggerKind = (p: DealPeriod | undefined, id: string): 'money' | 'pct' => (p !== undefined && trigger(p, id)?.unit === 'money' ? 'money' : 'pct');

/** One state balance (or 逾期总额) of the pool at the collection period's end, file only. */
const state = (money: MoneyColumn, key: keyof NonNullable<DealPeriod['pool']['delinquencyStates']>, header: MessageKey): PeriodColumn =>
  money(`state ${key}`, header, (p) => p.pool.delinquencyStates?.[key], false);

/** The pool by delinquency state and 逾期总额 at the collection period's end (file only), when the run carries every state (a roll-rate pool). */
function stateColumns(run: DealRunResult, money: MoneyColumn): PeriodColumn[] {
  if (run.delinquencyStateBasis !== 'rollRate') return [];
  return [
    state(money, 'current', 'deal.period.stateCurrent'),
    state(money, 'dpd1_30', 'deal.period.stateDpd1_30'),
    state(money, 'dpd31_60', 'deal.period.stateDpd31_60'),
    state(money, 'dpd61_90', 'deal.period.stateDpd61_90'),
    state(money, 'dpd91_180', 'deal.period.stateDpd91_180'),
    state(money, 'overdueTotal', 'deal.period.stateOverdueTotal'),
  ];
}

/** The columns with their screen headers in `translate`'s language (the shown one: a language switch builds them again). */
export function periodColumns(run: DealRunResult, translate: Translate): readonly PeriodColumn[] {
  const money = moneyColumns(translate);
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
    money('poolBegin', 'deal.period.poolBeginningBalance', (p) => p.pool.beginningBalance, false),
    money('collections', 'deal.period.poolCollections', (p) => p.pool.interest + p.pool.penaltyInterest + p.pool.scheduledPrincipal + p.pool.prepayments + p.pool.recoveries, true),
    money('poolInterest', 'deal.period.interestCollected', (p) => p.pool.interest, false),
    money('poolPenalty', 'deal.period.penaltyInterest', (p) => p.pool.penaltyInterest, false),
    money('poolScheduled', 'deal.period.scheduledPrincipal', (p) => p.pool.scheduledPrincipal, false),
    money('poolPrepaid', 'deal.period.prepayments', (p) => p.pool.prepayments, false),
    money('defaults', 'deal.period.defaults', (p) => p.pool.defaults, true),
    money('poolRecoveries', 'deal.period.recoveries', (p) => p.pool.recoveries, false),
    money('poolLosses', 'deal.period.losses', (p) => p.pool.losses, false),
    money('poolEnd', 'deal.period.poolEndingBalance', (p) => p.pool.endingBalance, true),
    { key: 'poolFactor', header: translate('deal.poolFactor'), csvHeader: 'Pool factor', kind: 'pct', screen: false, value: (p) => p.pool.poolFactor },
    money('dq60', 'deal.period.n60DpdBalance', (p) => p.pool.delinquent60Plus, false),
    ...stateColumns(run, money),
    money('purchasesCash', 'deal.period.revolvingPurchasesCashPaid', (p) => p.pool.purchasesCash, true),
    money('principalPurchased', 'deal.period.principalPurchased', (p) => p.pool.principalPurchased, true),
    money('purchaseRefused', 'deal.period.purchaseRefusedCashKept', (p) => p.pool.purchaseRefused.cash, false),
    {
      key: 'purchaseRefusedBy',
      header: translate('deal.purchaseRefusedBecause'),
      csvHeader: 'Purchase refused because',
      kind: 'text',
      screen: false,
      value: (p) => p.pool.purchaseRefused.reasons.join('; '),
    },
    money('cleanUp', 'deal.period.cleanUpProceeds', (p) => p.pool.cleanUpProceeds, false),
    money('servicingStrip', 'deal.period.servicingStrip', (p) => p.servicingStrip, false),
    money('fundsInterest', 'deal.period.availableInterestFunds', (p) => p.availableFunds.interest, true),
    money('fundsPrincipal', 'deal.period.availablePrincipalFunds', (p) => p.availableFunds.principal, true),
    money('fundsCarried', 'deal.period.ofWhichPrincipalCarried', (p) => p.availableFunds.principalCarried, false),
    money('excessSpread', 'deal.period.excessSpread', (p) => p.excessSpread, true),
    { key: 'liquidity', header: translate('deal.liquidityCoverage2'), csvHeader: 'Liquidity coverage', kind: 'ratio', screen: false, value: (p) => p.liquidityCoverage },
    ...feeIds.flatMap((id) => [
      money(`fee ${id} due`, 'deal.period.feeDue', (p) => fee(p, id)?.due, false, { id }),
      money(`fee ${id} paid`, 'deal.period.feePaid', (p) => fee(p, id)?.paid, false, { id }),
      money(`fee ${id} unpaid`, 'deal.period.feeUnpaid', (p) => fee(p, id)?.unpaid, false, { id }),
    ]),
    ...noteIds.flatMap((id) => [
      money(`${id} beginning`, 'deal.period.beginning', (p) => note(p, id)?.beginningBalance, false, { id }),
      { key: `${id} coupon`, header: translate('deal.coupon2', { id }), csvHeader: `${id} coupon`, kind: 'pct' as const, screen: false, value: (p: DealPeriod) => note(p, id)?.couponRate },
      money(`${id} interest due`, 'deal.period.interestDue', (p) => note(p, id)?.interestDue, false, { id }),
      money(`${id} interest paid`, 'deal.period.interestPaid', (p) => note(p, id)?.interestPaid, true, { id }),
      money(`${id} shortfall`, 'deal.period.interestShortfall', (p) => note(p, id)?.interestShortfall, true, { id }),
      money(`${id} principal`, 'deal.period.principal', (p) => note(p, id)?.principalPaid, true, { id }),
      money(`${id} reimbursed`, 'deal.period.ofWhichWriteDownsReimbursed', (p) => note(p, id)?.writeDownReimbursed, false, { id }),
      money(`${id} write-down`, 'deal.period.writeDown', (p) => note(p, id)?.writeDown, true, { id }),
      money(`${id} ending`, 'deal.period.ending', (p) => note(p, id)?.endingBalance, true, { id }),
      money(`${id} residual`, 'deal.period.residual', (p) => note(p, id)?.residualPaid, false, { id }),
    ]),
    ...(hasReserve
      ? [
          money('reserveTarget', 'deal.period.reserveTarget', (p) => p.reserve?.target, false),
          money('reserveDraws', 'deal.period.reserveDraws', (p) => p.reserve?.draws, false),
          money('reserveDeposits', 'deal.period.reserveDeposits', (p) => p.reserve?.deposits, false),
          money('reserveRelease', 'deal.period.reserveRelease', (p) => p.reserve?.release, false),
          money('reserveEnd', 'deal.period.reserveEnding', (p) => p.reserve?.endingBalance, true),
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
    money('seller', 'deal.period.residualToSeller', (p) => p.residualToSeller, false),
    { key: 'revolving', header: translate('deal.revolving'), csvHeader: 'Revolving', kind: 'flag', screen: true, value: (p) => p.revolving },
    { key: 'accelerated', header: translate('deal.accelerated'), csvHeader: 'Accelerated', kind: 'flag', screen: false, value: (p) => p.accelerated },
    { key: 'cdr', header: translate('deal.cumDefaultRate'), csvHeader: 'Cumulative default rate', kind: 'pct', screen: true, value: (_p, k) => run.cumulativeDefaultRate[k] },
    money('cnl', 'deal.period.cumNetLoss', (_p, k) => run.cumulativeNetLoss[k], false),
  ];
}

/** A cell of the period table as the screen shows it: money with the deal's currency (`currency`, the deal file's). */
export function formatPeriodCell(column: PeriodColumn, p: DealPeriod, index: number, translate: Translate, currency: DealCurrency): string {
  const value = column.value(p, index);
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? translate('deal.yes') : translate('deal.no');
  if (typeof value === 'string') return value;
  switch (column.kind) {
    case 'money':
      return formatMoney(value, currency);
    case 'pct':
      return formatPct(value, 2);
    case 'ratio':
      return `${value.toFixed(2)}×`;
    default:
      return String(value);
  }
}

/** The whole period table as CSV (every column; text guarded against formula injection by csvText). */
export function periodsCsv(run: DealRunResult, columns: readonly PeriodColumn[], translate: Translate): string {
  const rows = run.periods.map((p, k) =>
    columns.map((c) => {
      const value = c.value(p, k);
      if (typeof value === 'boolean') return value ? translate('deal.yes') : translate('deal.no');
      if (typeof value === 'string') return csvText(value);
      return csvNumber(value, c.kind === 'money' ? 2 : undefined);
    }),
  );
  return csvDocument(
    columns.map((c) => (c.kind === 'money' ? `${c.csvHeader} (deal currency)` : c.kind === 'pct' ? `${c.csvHeader} (decimal)` : c.csvHeader)),
    rows,
  );
}
