/**
 * A read-only view of a deal file as the service read it (docs/schemas/deal.schema.json;
 * engine/deal/schema.ts documents every field): the structure summary of the Deal screen.
 */
import type { DealFile } from '../../../service/api/contract.ts';
import { formatMoneyAxis, uiLocale } from '../../app/axis-format.ts';
import { formatPct } from '../../app/format.ts';
import { translate } from '../../app/i18n.tsx';

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
}

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An amount in the deal's currency (a deal file names none: yuan for a Chinese deal, dollars for a US one). */
export function formatMoney(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : money.format(x);
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
      return translate('deal.coupon.fixed', { rate: formatPct(coupon.rate, 2) });
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
      return translate('deal.coupon.none');
    default:
      return unknownVariant(coupon);
  }
}

function feeBasisOf(basis: Fee['basis']): string {
  switch (basis.type) {
    case 'poolBalance':
      return `${formatPct(basis.rateAnnual, 2)} p.a. of the pool balance (${basis.dayCount ?? 'ACT/365'})`;
    case 'noteBalance':
      return `${formatPct(basis.rateAnnual, 2)} p.a. of ${notesText(basis.notes)} (${basis.dayCount ?? 'ACT/365'})`;
    case 'collections':
      return `${formatPct(basis.rate, 2)} of ${collectionsText(basis.of)} collected`;
    case 'fixed':
      return (basis.everyPeriods ?? 1) === 1 ? `${formatMoney(basis.amount)} each period` : `${formatMoney(basis.amount)} on period 1 and every ${basis.everyPeriods} periods after`;
    case 'oneOff':
      return `${formatMoney(basis.amount)} once, period ${basis.period ?? 1}`;
    default:
      return unknownVariant(basis);
  }
}

const COLLECTION_LABELS: Readonly<Record<NonNullable<Extract<Fee['basis'], { type: 'collections' }>['of']>[number], string>> = {
  interest: 'interest',
  penaltyInterest: 'penalty interest',
  recoveries: 'recoveries',
  principal: 'principal',
};

/** The collections a fee takes; none named means interest and penalty interest. */
function collectionsText(of: readonly (keyof typeof COLLECTION_LABELS)[] | undefined): string {
  return (of ?? ['interest', 'penaltyInterest']).map((kind) => COLLECTION_LABELS[kind]).join(' + ');
}

/** Notes a step or fee names; none named means every note. */
function notesText(notes: readonly string[] | undefined): string {
  return notes && notes.length > 0 ? notes.join(', ') : 'all notes';
}

const METRIC_LABELS: Readonly<Record<Trigger['metric'], string>> = {
  cumulativeDefaultRate: 'Cumulative default rate',
  cumulativeNetLossRate: 'Cumulative net loss rate',
  delinquency60Plus: '60+ DPD ratio',
  delinquency90Plus: '90+ DPD ratio',
  reserveToTarget: 'Reserve ÷ target',
  poolFactor: 'Pool factor',
  excessSpreadAverage: '3-period average excess spread (annualised)',
  noteBalanceRatio: 'Note balance ÷ pool',
  interestShortfall: 'Unpaid interest',
  purchaseShortfall: 'Cash not spent on purchases ÷ cash offered (previous date)',
  purchaseShortfallAmount: 'Cash not spent on purchases (previous date)',
  expectedMaturityShortfall: 'Balance outstanding after its expected maturity',
};

const EFFECT_LABELS: Readonly<Record<Trigger['effects'][number], string>> = {
  sequential: 'switches principal to sequential',
  endRevolving: 'ends the revolving period',
  accelerate: 'accelerates (acceleration waterfall)',
  trapExcessSpread: 'traps excess spread in the reserve',
};

/** A threshold or warning level: money for interestShortfall and purchaseShortfallAmount, a percentage otherwise. */
function thresholdOf(threshold: Trigger['threshold'], metric: Trigger['metric']): string {
  const level = (x: number): string => (metric === 'interestShortfall' || metric === 'purchaseShortfallAmount' || metric === 'expectedMaturityShortfall' ? formatMoney(x) : formatPct(x, 2));
  if (typeof threshold === 'number') return level(threshold);
  return threshold
    .map(
      (band) =>
        `${level(band.threshold)} ${band.toPeriod === undefined ? translate('deal.band.from', { from: band.fromPeriod }) : translate('deal.band.between', { from: band.fromPeriod, to: band.toPeriod })}`,
    )
    .join('; ');
}

/** The trigger's test in words: "3-period average of 60+ DPD ratio > 2.00%, 2 periods in a row; warning at 1.50%". */
function triggerTest(t: Trigger): string {
  const average = (t.averageOver ?? 1) > 1 ? `${t.averageOver}-period average of ` : '';
  const notes = t.notes && t.notes.length > 0 && (t.metric === 'noteBalanceRatio' || t.metric === 'interestShortfall' || t.metric === 'expectedMaturityShortfall') ? ` (${t.notes.join(', ')})` : '';
  const inARow = (t.consecutivePeriods ?? 1) > 1 ? `, ${t.consecutivePeriods} periods in a row` : '';
  const warning = t.warning === undefined ? '' : `; warning at ${thresholdOf(t.warning, t.metric)}`;
  return `${average}${METRIC_LABELS[t.metric]}${notes} ${t.breachedWhen} ${thresholdOf(t.threshold, t.metric)}${inARow}${warning}`;
}

const PRINCIPAL_RULES: Readonly<Record<Extract<Step, { kind: 'principal' }>['rule'], string>> = {
  sequential: 'sequential',
  proRata: 'pro rata',
  proRataThenSequential: 'pro rata, sequential after a trigger',
};

function principalAmountOf(step: Extract<Step, { kind: 'principal' }>): string {
  const amount = step.amount ?? 'principalDue';
  switch (amount) {
    case 'targetOC':
      // The "sum of" form (ocInitialPercent) reads as such; without it the "greater of" form as before (docs/deals.md, "Target OC").
      return step.ocInitialPercent === undefined
        ? `down to an OC target of ${formatPct(step.ocPercent ?? 0, 1)} of the pool (floor ${formatPct(step.ocFloor ?? 0, 1)} of cutoff)`
        : `down to an OC target of ${formatPct(step.ocPercent ?? 0, 1)} of the pool + ${formatPct(step.ocInitialPercent, 1)} of cutoff (floor ${formatPct(step.ocFloor ?? 0, 1)} of cutoff)`;
    case 'available':
      return 'all available funds';
    case 'principalDue':
      return 'the principal due';
    case 'targetBalance':
      return `down to scheduled balances on ${step.targetBalances?.length ?? 0} date(s)`;
    default:
      return unknownVariant(amount);
  }
}

function stepOf(step: Step, feeNames: ReadonlyMap<string, string>): string {
  switch (step.kind) {
    case 'fee':
      return `Fee: ${feeNames.get(step.fee) ?? step.fee}${step.beyondCap === true ? ' (beyond its cap)' : ''}`;
    case 'interest':
      return `Interest: ${notesText(step.notes)}`;
    case 'reserveTopUp':
      return 'Reserve top-up to its target';
    case 'principal':
      return `Principal (${PRINCIPAL_RULES[step.rule]}, ${principalAmountOf(step)}): ${notesText(step.notes)}`;
    case 'pdlCure':
      return 'PDL cure (clears principal deficiency, most senior first)';
    case 'repayPrincipalCover':
      return 'Repay principal that covered interest shortfalls (to the principal account)';
    case 'excessServicing':
      return `Excess servicing (超额服务费): the rest split between ${step.note} and the servicer by ${step.tiers.length} hurdle tier(s)`;
    case 'periodicReturn':
      return `Periodic return (期间收益) to ${step.note}: up to ${formatPct(step.rateAnnual, 2)} a year while ${notesText(step.whileOutstanding)} outstanding, not carried`;
    case 'turbo':
      return `Turbo: all remaining funds to ${notesText(step.notes)}, sequentially`;
    case 'residual':
      return `Residual to ${step.to}`;
    default:
      return unknownVariant(step);
  }
}

function reserveOf(reserve: Reserve): string {
  const { target } = reserve;
  return [
    `initial deposit ${formatMoney(reserve.initialDeposit)}`,
    `target ${formatPct(target.percent, 2)} of the ${target.basis === 'initialNoteBalance' ? 'initial' : 'current'} balance of ${notesText(target.notes)}`,
    ...(target.floor !== undefined ? [`floor ${formatMoney(target.floor)}`] : []),
    ...(target.cap !== undefined ? [`cap ${formatMoney(target.cap)}`] : []),
  ].join(', ');
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
    `${revolving.periods} periods buying ${revolving.profile.length} purchase line(s) at price ${revolving.price ?? 1}` + (share > 0 ? `; ${formatPct(share, 0)} of the residual also buys loans` : '')
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
  const fees: FeeView[] = (file.fees ?? []).map((f) => ({ id: f.id, name: f.name ?? f.id, basis: feeBasisOf(f.basis), senior: f.senior !== false }));
  const triggers: TriggerView[] = (file.triggers ?? []).map((t) => ({
    id: t.id,
    name: t.name ?? t.id,
    test: triggerTest(t),
    effects: t.effects.map((e) => EFFECT_LABELS[e]).join('; '),
    curable: t.curable === true,
  }));
  const lines = file.pool?.lines ?? [];
  return {
    name: file.name ?? 'Deal',
    description: file.description ?? '',
    dates: `cutoff ${dates.cutoff} · closing ${dates.closing} · first payment ${dates.firstPaymentDate} · ${frequency === 1 ? 'monthly' : `every ${frequency} months`} · legal final ${dates.legalFinalMaturity}`,
    notes,
    fees,
    reserve: file.reserve ? reserveOf(file.reserve) : null,
    triggers,
    waterfalls: waterfallsOf(file.waterfall, new Map(fees.map((f) => [f.id, f.name]))),
    lossAllocation: file.lossAllocation === 'pdl' ? 'principal deficiency ledger (PDL)' : 'write-down',
    revolving: file.revolving ? revolvingOf(file.revolving) : null,
    cleanUpCall: file.cleanUpCall ? `at pool factor ≤ ${formatPct(file.cleanUpCall.poolFactor, 0)}` : null,
    walConvention: `${file.analytics?.walBasis ?? 'ACT/365'} from ${file.analytics?.settlementDate ? `settlement ${file.analytics.settlementDate}` : 'closing'}`,
    pool: file.pool ? { name: file.pool.name ?? 'Deal pool', lines: lines.length, balance: lines.reduce((sum, l) => sum + l.balance, 0) } : null,
    schedule: file.schedulePool ? scheduleOf(file.schedulePool) : null,
    hasAssumptions: file.assumptions !== undefined,
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
