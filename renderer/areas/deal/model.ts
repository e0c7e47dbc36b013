/**
 * A read-only view of a deal file as the service read it (docs/schemas/deal.schema.json;
 * engine/deal/schema.ts documents every field): the structure summary of the Deal screen.
 */
import type { DealFile } from '../../../service/api/contract.ts';
import { formatMoneyIn } from '../../../messages/numbers.ts';
import { formatMoneyAxis, uiLocale } from '../../app/axis-format.ts';
import { formatPct } from '../../app/format.ts';
import { translate, type MessageKey } from '../../app/i18n.tsx';

type Note = DealFile['notes'][number];
type Fee = NonNullable<DealFile['fees']>[number];
type Reserve = NonNullable<DealFile['reserve']>;
type Trigger = NonNullable<DealFile['triggers']>[number];
type Step = Extract<DealFile['waterfall'], { combined: unknown }>['combined'][number];

export interface NoteView {
  readonly id: string;
  readonly name: string;
  readonly seniority: number;
  readonly originalBalance: number;
  readonly coupon: string;
  readonly dayCount: string;
}

export interface FeeView {
  readonly id: string;
  readonly name: string;
  readonly basis: string;
  readonly senior: boolean;
}

export interface TriggerView {
  readonly id: string;
  readonly name: string;
  readonly test: string;
  readonly effects: string;
  readonly curable: boolean;
}

export interface DealView {
  readonly name: string;
  readonly description: string;
  readonly dates: string;
  readonly notes: readonly NoteView[];
  readonly fees: readonly FeeView[];
  readonly reserve: string | null;
  readonly triggers: readonly TriggerView[];
  /** Each waterfall's steps in order, described ("Interest: A"). */
  readonly waterfalls: readonly { readonly title: string; readonly steps: readonly string[] }[];
  readonly lossAllocation: string;
  readonly revolving: string | null;
  readonly cleanUpCall: string | null;
  /** How the tranche table measures WAL: its year basis and time zero (the file's analytics section). */
  readonly walConvention: string;
  /** The deal's own pool: name, lines and balance; null when the file has none. */
  readonly pool: { readonly name: string; readonly lines: number; readonly balance: number } | null;
  /** The deal's schedule pool (docs/schedule-pools.md): name, periods, opening balance and its stress in words; null when none. */
  readonly schedule: { readonly name: string; readonly periods: number; readonly balance: number; readonly stress: string } | null;
  readonly hasAssumptions: boolean;
  /** The currency the file states its amounts in (undefined: none stated). */
  readonly currency: DealCurrency;
}

/** The currency a deal file states its amounts in (its `currency`); undefined when it states none. */
export type DealCurrency = DealFile['currency'];

/**
 * An amount in the deal's currency, with its sign: ¥ for CNY, $ for USD (messages/numbers.ts, as the
 * Pool screen writes yuan); the amount alone when the deal file states no currency (the Excel report's
 * "deal currency"), or where no deal is known (a comparison across runs).
 */
export function formatMoney(x: number | null | undefined, currency?: DealCurrency): string {
  return formatMoneyIn(x, currency);
}

/** A chart tooltip's amounts (recharts hands it the value as is) in the deal's currency. */
export function moneyTooltipIn(currency: DealCurrency): (value: unknown) => string {
  return (value) => formatMoney(Number(value), currency);
}

/** Amounts for chart axes in the UI's scale words: 1.2M, 350K (en); 120万, 3.5亿 (zh). */
export function formatMoneyCompact(x: number): string {
  return formatMoneyAxis(x, uiLocale());
}

/** The switches below name every variant the deal schema has: one it gains is a type error here. */
function unknownVariant(value: never): string {
  return String(value);
}

function couponOf(coupon: Note['coupon']): string {
  switch (coupon.type) {
    case 'fixed':
      return translate('coupon.fixed', { rate: formatPct(coupon.rate, 2) });
    case 'floating':
      return [
        translate('deal.coupon.floating', { margin: formatPct(coupon.margin, 2) }),
        ...(coupon.floor !== undefined ? [translate('deal.coupon.floor', { floor: formatPct(coupon.floor, 2) })] : []),
        ...(coupon.cap !== undefined ? [translate('deal.coupon.cap', { cap: formatPct(coupon.cap, 2) })] : []),
      ].join(', ');
    case 'indexed':
      return [
        `${coupon.index} + ${formatPct(coupon.margin, 2)} floating`,
        ...(coupon.floor !== undefined ? [`floor ${formatPct(coupon.floor, 2)}`] : []),
        ...(coupon.cap !== undefined ? [`cap ${formatPct(coupon.cap, 2)}`] : []),
      ].join(', ');
    case 'none':
      return translate('coupon.none');
    default:
      return unknownVariant(coupon);
  }
}

function feeBasisOf(basis: Fee['basis'], currency: DealCurrency): string {
  switch (basis.type) {
    case 'poolBalance':
      return translate('model.fee.poolBalance', { rate: formatPct(basis.rateAnnual, 2), dayCount: basis.dayCount ?? 'ACT/365' });
    case 'noteBalance':
      return translate('model.fee.noteBalance', { rate: formatPct(basis.rateAnnual, 2), notes: notesText(basis.notes), dayCount: basis.dayCount ?? 'ACT/365' });
    case 'collections':
      return translate('model.fee.collections', { rate: formatPct(basis.rate, 2), collections: collectionsText(basis.of) });
    case 'fixed':
      return (basis.everyPeriods ?? 1) === 1
        ? translate('model.fee.fixed', { amount: formatMoney(basis.amount, currency) })
        : translate('model.fee.fixedEvery', { amount: formatMoney(basis.amount, currency), every: basis.everyPeriods ?? 1 });
    case 'oneOff':
      return translate('model.fee.oneOff', { amount: formatMoney(basis.amount, currency), period: basis.period ?? 1 });
    default:
      return unknownVariant(basis);
  }
}

const COLLECTION_LABELS: Readonly<Record<NonNullable<Extract<Fee['basis'], { type: 'collections' }>['of']>[number], MessageKey>> = {
  interest: 'model.collection.interest',
  penaltyInterest: 'model.collection.penaltyInterest',
  recoveries: 'model.collection.recoveries',
  principal: 'model.collection.principal',
};

/** The collections a fee takes; none named means interest and penalty interest. */
function collectionsText(of: readonly (keyof typeof COLLECTION_LABELS)[] | undefined): string {
  return (of ?? ['interest', 'penaltyInterest']).map((kind) => translate(COLLECTION_LABELS[kind])).join(' + ');
}

/** Notes a step or fee names; none named means every note. */
function notesText(notes: readonly string[] | undefined): string {
  return notes && notes.length > 0 ? notes.join(translate('model.listSeparator')) : translate('model.allNotes');
}

const METRIC_LABELS: Readonly<Record<Trigger['metric'], MessageKey>> = {
  cumulativeDefaultRate: 'model.metric.cumulativeDefaultRate',
  cumulativeNetLossRate: 'model.metric.cumulativeNetLossRate',
  delinquency60Plus: 'model.metric.delinquency60Plus',
  delinquency90Plus: 'model.metric.delinquency90Plus',
  reserveToTarget: 'model.metric.reserveToTarget',
  poolFactor: 'model.metric.poolFactor',
  excessSpreadAverage: 'model.metric.excessSpreadAverage',
  noteBalanceRatio: 'model.metric.noteBalanceRatio',
  interestShortfall: 'model.metric.interestShortfall',
  purchaseShortfall: 'model.metric.purchaseShortfall',
  purchaseShortfallAmount: 'model.metric.purchaseShortfallAmount',
  expectedMaturityShortfall: 'model.metric.expectedMaturityShortfall',
};

const EFFECT_LABELS: Readonly<Record<Trigger['effects'][number], MessageKey>> = {
  sequential: 'model.effect.sequential',
  endRevolving: 'model.effect.endRevolving',
  accelerate: 'model.effect.accelerate',
  trapExcessSpread: 'model.effect.trapExcessSpread',
};

/** A threshold or warning level: money for interestShortfall and purchaseShortfallAmount, a percentage otherwise. */
function thresholdOf(threshold: Trigger['threshold'], metric: Trigger['metric'], currency: DealCurrency): string {
  const level = (x: number): string => (metric === 'interestShortfall' || metric === 'purchaseShortfallAmount' || metric === 'expectedMaturityShortfall' ? formatMoney(x, currency) : formatPct(x, 2));
  if (typeof threshold === 'number') return level(threshold);
  return threshold
    .map(
      (band) =>
        `${level(band.threshold)} ${band.toPeriod === undefined ? translate('deal.band.from', { from: band.fromPeriod }) : translate('deal.band.between', { from: band.fromPeriod, to: band.toPeriod })}`,
    )
    .join('; ');
}

/** The trigger's test in words: "3-period average of 60+ DPD ratio > 2.00%, 2 periods in a row; warning at 1.50%". */
function triggerTest(t: Trigger, currency: DealCurrency): string {
  const average = (t.averageOver ?? 1) > 1 ? translate('model.trigger.average', { n: t.averageOver ?? 1 }) : '';
  const notes = t.notes && t.notes.length > 0 && (t.metric === 'noteBalanceRatio' || t.metric === 'interestShortfall' || t.metric === 'expectedMaturityShortfall') ? ` (${t.notes.join(', ')})` : '';
  const inARow = (t.consecutivePeriods ?? 1) > 1 ? translate('model.trigger.inARow', { n: t.consecutivePeriods ?? 1 }) : '';
  const warning = t.warning === undefined ? '' : translate('model.trigger.warning', { level: thresholdOf(t.warning, t.metric, currency) });
  return `${average}${translate(METRIC_LABELS[t.metric])}${notes} ${t.breachedWhen} ${thresholdOf(t.threshold, t.metric, currency)}${inARow}${warning}`;
}

const PRINCIPAL_RULES: Readonly<Record<Extract<Step, { kind: 'principal' }>['rule'], MessageKey>> = {
  sequential: 'model.rule.sequential',
  proRata: 'model.rule.proRata',
  proRataThenSequential: 'model.rule.proRataThenSequential',
};

function principalAmountOf(step: Extract<Step, { kind: 'principal' }>): string {
  const amount = step.amount ?? 'principalDue';
  switch (amount) {
    case 'targetOC':
      // The "sum of" form (ocInitialPercent) reads as such; without it the "greater of" form as before (docs/deals.md, "Target OC").
      return step.ocInitialPercent === undefined
        ? translate('model.amount.targetOC', { pct: formatPct(step.ocPercent ?? 0, 1), floor: formatPct(step.ocFloor ?? 0, 1) })
        : translate('model.amount.targetOCPlus', { pct: formatPct(step.ocPercent ?? 0, 1), initial: formatPct(step.ocInitialPercent, 1), floor: formatPct(step.ocFloor ?? 0, 1) });
    case 'available':
      return translate('model.amount.available');
    case 'principalDue':
      return translate('model.amount.principalDue');
    case 'targetBalance':
      return translate('model.amount.targetBalance', { n: step.targetBalances?.length ?? 0 });
    default:
      return unknownVariant(amount);
  }
}

function stepOf(step: Step, feeNames: ReadonlyMap<string, string>): string {
  switch (step.kind) {
    case 'fee':
      return translate(step.beyondCap === true ? 'model.step.feeBeyondCap' : 'model.step.fee', { name: feeNames.get(step.fee) ?? step.fee });
    case 'interest':
      return translate('model.step.interest', { notes: notesText(step.notes) });
    case 'reserveTopUp':
      return translate('model.step.reserveTopUp');
    case 'principal':
      return translate('model.step.principal', { rule: translate(PRINCIPAL_RULES[step.rule]), amount: principalAmountOf(step), notes: notesText(step.notes) });
    case 'pdlCure':
      return translate('model.step.pdlCure');
    case 'repayPrincipalCover':
      return translate('model.step.repayPrincipalCover');
    case 'excessServicing':
      return translate('model.step.excessServicing', { note: step.note, n: step.tiers.length });
    case 'periodicReturn':
      return translate('model.step.periodicReturn', { note: step.note, rate: formatPct(step.rateAnnual, 2), notes: notesText(step.whileOutstanding) });
    case 'turbo':
      return translate('model.step.turbo', { notes: notesText(step.notes) });
    case 'residual':
      return translate('model.step.residual', { to: step.to });
    default:
      return unknownVariant(step);
  }
}

function reserveOf(reserve: Reserve, currency: DealCurrency): string {
  const { target } = reserve;
  return [
    translate('model.reserve.initialDeposit', { amount: formatMoney(reserve.initialDeposit, currency) }),
    translate(target.basis === 'initialNoteBalance' ? 'model.reserve.targetInitial' : 'model.reserve.targetCurrent', { pct: formatPct(target.percent, 2), notes: notesText(target.notes) }),
    ...(target.floor !== undefined ? [translate('model.reserve.floor', { amount: formatMoney(target.floor, currency) })] : []),
    ...(target.cap !== undefined ? [translate('model.reserve.cap', { amount: formatMoney(target.cap, currency) })] : []),
  ].join(translate('deal.schedule.listSeparator'));
}

function waterfallsOf(waterfall: DealFile['waterfall'], feeNames: ReadonlyMap<string, string>): DealView['waterfalls'] {
  const lists: readonly (readonly [string, readonly Step[]])[] =
    'combined' in waterfall
      ? [[translate('deal.waterfall.combined'), waterfall.combined]]
      : [
          [translate('deal.waterfall.interest'), waterfall.interest],
          [translate('deal.waterfall.principal'), waterfall.principal],
        ];
  return lists.map(([title, steps]) => ({ title, steps: steps.map((s) => stepOf(s, feeNames)) }));
}

function revolvingOf(revolving: NonNullable<DealFile['revolving']>): string {
  const share = revolving.excessSpreadShare ?? 0;
  return (
    translate('model.revolving', { periods: revolving.periods, lines: revolving.profile.length, price: revolving.price ?? 1 }) +
    (share > 0 ? translate('model.revolvingResidual', { pct: formatPct(share, 0) }) : '')
  );
}

/** The deal file as the structure summary shows it. */
export function dealView(file: DealFile): DealView {
  const { dates } = file;
  const frequency = dates.paymentFrequencyMonths ?? 1;
  const notes: NoteView[] = file.notes
    .map((n) => ({
      id: n.id,
      name: n.name ?? n.id,
      seniority: n.seniority,
      originalBalance: n.originalBalance,
      coupon: couponOf(n.coupon),
      dayCount: n.coupon.type === 'none' ? '—' : (n.dayCount ?? 'ACT/365'),
    }))
    .sort((a, b) => a.seniority - b.seniority);
  const fees: FeeView[] = (file.fees ?? []).map((f) => ({ id: f.id, name: f.name ?? f.id, basis: feeBasisOf(f.basis, file.currency), senior: f.senior !== false }));
  const triggers: TriggerView[] = (file.triggers ?? []).map((t) => ({
    id: t.id,
    name: t.name ?? t.id,
    test: triggerTest(t, file.currency),
    effects: t.effects.map((e) => translate(EFFECT_LABELS[e])).join('; '),
    curable: t.curable === true,
  }));
  const lines = file.pool?.lines ?? [];
  return {
    name: file.name ?? translate('model.dealName'),
    description: file.description ?? '',
    dates: translate('model.dates', {
      cutoff: dates.cutoff,
      closing: dates.closing,
      first: dates.firstPaymentDate,
      frequency: frequency === 1 ? translate('model.monthly') : translate('model.everyMonths', { n: frequency }),
      legalFinal: dates.legalFinalMaturity,
    }),
    notes,
    fees,
    reserve: file.reserve ? reserveOf(file.reserve, file.currency) : null,
    triggers,
    waterfalls: waterfallsOf(file.waterfall, new Map(fees.map((f) => [f.id, f.name]))),
    lossAllocation: file.lossAllocation === 'pdl' ? translate('model.lossAllocation.pdl') : translate('model.lossAllocation.writeDown'),
    revolving: file.revolving ? revolvingOf(file.revolving) : null,
    cleanUpCall: file.cleanUpCall ? translate('model.cleanUpCall', { pct: formatPct(file.cleanUpCall.poolFactor, 0) }) : null,
    walConvention: file.analytics?.settlementDate
      ? translate('model.walFromSettlement', { basis: file.analytics.walBasis ?? 'ACT/365', date: file.analytics.settlementDate })
      : translate('model.walFromClosing', { basis: file.analytics?.walBasis ?? 'ACT/365' }),
    pool: file.pool ? { name: file.pool.name ?? translate('model.dealPool'), lines: lines.length, balance: lines.reduce((sum, l) => sum + l.balance, 0) } : null,
    schedule: file.schedulePool ? scheduleOf(file.schedulePool) : null,
    hasAssumptions: file.assumptions !== undefined,
    currency: file.currency,
  };
}

/** A schedule pool in words: its periods and opening balance, and the stress laid over it. */
function scheduleOf(pool: NonNullable<DealFile['schedulePool']>): NonNullable<DealView['schedule']> {
  const rows = pool.rows ?? [];
  const { stress = {} } = pool;
  const parts = [
    stress.default !== undefined ? translate('deal.schedule.defaults', { vector: stress.default }) : null,
    stress.prepayment !== undefined ? translate('deal.schedule.prepayments', { vector: stress.prepayment }) : null,
    stress.recoveryRate !== undefined ? translate('deal.schedule.recovered', { rate: formatPct(stress.recoveryRate, 0), months: stress.recoveryLagMonths ?? 0 }) : null,
    stress.delinquency !== undefined ? translate('deal.schedule.delinquent', { pct: stress.delinquency }) : null,
  ].filter((part): part is string => part !== null);
  return {
    name: pool.name ?? pool.schedule ?? translate('deal.schedule.defaultName'),
    periods: rows.length,
    balance: rows[0]?.openingBalance ?? 0,
    stress: parts.length > 0 ? parts.join(translate('deal.schedule.listSeparator')) : translate('deal.schedule.noStress'),
  };
}
