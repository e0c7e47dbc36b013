/**
 * The choices of a deal file (engine/deal/schema.ts; docs/deals.md explains each), in the analyst's
 * words (catalogue keys: the screen shows them through t()). Each list is typed against the deal file, so a choice the schema gains or loses is a type
 * error here.
 */
import type { DealFile } from '../../../../service/api/contract.ts';
import type { MessageKey } from '../../../app/i18n.tsx';

type Note = DealFile['notes'][number];
type Fee = NonNullable<DealFile['fees']>[number];
type Trigger = NonNullable<DealFile['triggers']>[number];
type Step = DealFile['waterfall'] extends infer W ? (W extends { combined: readonly (infer S)[] } ? S : never) : never;
type Revolving = NonNullable<DealFile['revolving']>;

type Options<V extends string> = readonly (readonly [V, MessageKey])[];

/** Every value of a union, each with its label: a Record keyed by the union cannot miss one. */
function optionsOf<V extends string>(labels: Readonly<Record<V, MessageKey>>): Options<V> {
  return Object.entries(labels) as [V, MessageKey][];
}

export const DAY_COUNT_OPTIONS = optionsOf<NonNullable<Note['dayCount']>>({
  'ACT/365': 'deal.option.dayCount.ACT/365',
  'ACT/360': 'deal.option.dayCount.ACT/360',
  '30/360': 'deal.option.dayCount.30/360',
  '30/360 US': 'deal.option.dayCount.30/360 US',
  '30E/360': 'deal.option.dayCount.30E/360',
  '30E/360 ISDA': 'deal.option.dayCount.30E/360 ISDA',
});

/** Indexed coupons (基准利率 + 利差) read a dated table of the deal's rateIndices (the editor's "Policy-rate tables" section). */
export const COUPON_OPTIONS = optionsOf<Note['coupon']['type']>({
  fixed: 'deal.option.coupon.fixed',
  floating: 'deal.option.coupon.floating',
  indexed: 'deal.option.coupon.indexed',
  none: 'deal.option.coupon.none',
});

export const RESET_OPTIONS = optionsOf<NonNullable<Extract<Note['coupon'], { type: 'indexed' }>['reset']>>({
  firstInterestDateAfterChange: 'deal.option.reset.firstInterestDateAfterChange',
  periodStart: 'deal.option.reset.periodStart',
});

export const ACCRUE_OVER_OPTIONS = optionsOf<NonNullable<Extract<Fee['basis'], { type: 'poolBalance' }>['accrueOver']>>({
  interestPeriod: 'deal.option.accrueOver.interestPeriod',
  collectionMonths: 'deal.option.accrueOver.collectionMonths',
});

export const FEE_BASIS_OPTIONS = optionsOf<Fee['basis']['type']>({
  poolBalance: 'deal.option.feeBasis.poolBalance',
  noteBalance: 'deal.option.feeBasis.noteBalance',
  collections: 'deal.option.feeBasis.collections',
  fixed: 'deal.option.feeBasis.fixed',
  oneOff: 'deal.option.feeBasis.oneOff',
});

export const COLLECTION_OPTIONS = optionsOf<NonNullable<Extract<Fee['basis'], { type: 'collections' }>['of']>[number]>({
  interest: 'deal.option.collection.interest',
  penaltyInterest: 'deal.option.collection.penaltyInterest',
  recoveries: 'deal.option.collection.recoveries',
  principal: 'deal.option.collection.principal',
});

export const METRIC_OPTIONS = optionsOf<Trigger['metric']>({
  cumulativeDefaultRate: 'deal.option.metric.cumulativeDefaultRate',
  cumulativeNetLossRate: 'deal.option.metric.cumulativeNetLossRate',
  delinquency60Plus: 'deal.option.metric.delinquency60Plus',
  delinquency90Plus: 'deal.option.metric.delinquency90Plus',
  reserveToTarget: 'deal.option.metric.reserveToTarget',
  poolFactor: 'deal.option.metric.poolFactor',
  excessSpreadAverage: 'deal.option.metric.excessSpreadAverage',
  noteBalanceRatio: 'deal.option.metric.noteBalanceRatio',
  interestShortfall: 'deal.option.metric.interestShortfall',
  purchaseShortfall: 'deal.option.metric.purchaseShortfall',
  purchaseShortfallAmount: 'deal.option.metric.purchaseShortfallAmount',
  expectedMaturityShortfall: 'deal.option.metric.expectedMaturityShortfall',
});

/** Metrics measured in money; every other is a ratio, shown as a percentage. */
export const MONEY_METRICS: readonly string[] = ['interestShortfall', 'purchaseShortfallAmount', 'expectedMaturityShortfall'] satisfies Trigger['metric'][];
/** Metrics that read the trigger's notes (engine/deal/schema.ts NOTE_METRICS). */
export const NOTE_METRICS: readonly string[] = ['noteBalanceRatio', 'interestShortfall', 'expectedMaturityShortfall'] satisfies Trigger['metric'][];

export const COMPARATOR_OPTIONS = optionsOf<Trigger['breachedWhen']>({
  '>': 'deal.option.comparator.>',
  '>=': 'deal.option.comparator.>=',
  '<': 'deal.option.comparator.<',
  '<=': 'deal.option.comparator.<=',
});

export const EFFECT_OPTIONS = optionsOf<Trigger['effects'][number]>({
  sequential: 'deal.option.effect.sequential',
  endRevolving: 'deal.option.effect.endRevolving',
  accelerate: 'deal.option.effect.accelerate',
  trapExcessSpread: 'deal.option.effect.trapExcessSpread',
});

export const STEP_OPTIONS = optionsOf<Step['kind']>({
  fee: 'deal.option.step.fee',
  interest: 'deal.option.step.interest',
  reserveTopUp: 'deal.option.step.reserveTopUp',
  principal: 'deal.option.step.principal',
  pdlCure: 'deal.option.step.pdlCure',
  repayPrincipalCover: 'deal.option.step.repayPrincipalCover',
  periodicReturn: 'deal.option.step.periodicReturn',
  excessServicing: 'deal.option.step.excessServicing',
  turbo: 'deal.option.step.turbo',
  residual: 'deal.option.step.residual',
});

export const PRINCIPAL_RULE_OPTIONS = optionsOf<Extract<Step, { kind: 'principal' }>['rule']>({
  sequential: 'deal.option.principalRule.sequential',
  proRata: 'deal.option.principalRule.proRata',
  proRataThenSequential: 'deal.option.principalRule.proRataThenSequential',
});

export const PRINCIPAL_AMOUNT_OPTIONS = optionsOf<NonNullable<Extract<Step, { kind: 'principal' }>['amount']>>({
  principalDue: 'deal.option.principalAmount.principalDue',
  available: 'deal.option.principalAmount.available',
  targetOC: 'deal.option.principalAmount.targetOC',
  targetBalance: 'deal.option.principalAmount.targetBalance',
});

export const RESERVE_BASIS_OPTIONS = optionsOf<NonNullable<DealFile['reserve']>['target']['basis']>({
  currentNoteBalance: 'deal.option.reserveBasis.currentNoteBalance',
  initialNoteBalance: 'deal.option.reserveBasis.initialNoteBalance',
  initialPoolBalance: 'deal.option.reserveBasis.initialPoolBalance',
  initialAdjustedPoolBalance: 'deal.option.reserveBasis.initialAdjustedPoolBalance',
});

export const AMORTIZATION_OPTIONS = optionsOf<Revolving['profile'][number]['amortization']>({
  level_payment: 'deal.option.amortization.level_payment',
  equal_principal: 'deal.option.amortization.equal_principal',
  interest_only: 'deal.option.amortization.interest_only',
  flat_fee: 'deal.option.amortization.flat_fee',
});

export const LOSS_ALLOCATION_OPTIONS = optionsOf<NonNullable<DealFile['lossAllocation']>>({
  writeDown: 'deal.option.lossAllocation.writeDown',
  pdl: 'deal.option.lossAllocation.pdl',
});

export const DENOMINATOR_OPTIONS = optionsOf<NonNullable<DealFile['cumulativeRatioDenominator']>>({
  initialPool: 'deal.option.denominator.initialPool',
  initialPoolPlusPurchases: 'deal.option.denominator.initialPoolPlusPurchases',
  initialPoolThenRevolvingEnd: 'deal.option.denominator.initialPoolThenRevolvingEnd',
});

export const WAL_BASIS_OPTIONS = optionsOf<NonNullable<NonNullable<DealFile['analytics']>['walBasis']>>({
  'ACT/365': 'deal.option.walBasis.ACT/365',
  '30/360': 'deal.option.walBasis.30/360',
  'ACT/360': 'deal.option.walBasis.ACT/360',
  'months/12': 'deal.option.walBasis.months/12',
});

export const ROLL_OPTIONS = optionsOf<NonNullable<DealFile['dates']['businessDayConvention']>>({
  none: 'deal.option.roll.none',
  following: 'deal.option.roll.following',
  modifiedFollowing: 'deal.option.roll.modifiedFollowing',
});

export const CURRENCY_OPTIONS = optionsOf<NonNullable<DealFile['currency']>>({
  CNY: 'deal.option.currency.CNY',
  USD: 'deal.option.currency.USD',
});

export const CALENDAR_OPTIONS = optionsOf<NonNullable<DealFile['dates']['calendar']>>({
  CN: 'deal.option.calendar.CN',
  'US-SIFMA': 'deal.option.calendar.US-SIFMA',
  'US-FED': 'deal.option.calendar.US-FED',
});

export const ACCRUAL_DATES_OPTIONS = optionsOf<NonNullable<DealFile['dates']['accrualDates']>>({
  paymentDates: 'deal.option.accrual.paymentDates',
  scheduledDates: 'deal.option.accrual.scheduledDates',
});

export const CUTOFF_TIME_OPTIONS = optionsOf<NonNullable<DealFile['dates']['cutoffTime']>>({
  endOfDay: 'deal.option.cutoffTime.endOfDay',
  startOfDay: 'deal.option.cutoffTime.startOfDay',
});

/** The days past due a default definition may name: the roll-rate buckets' boundaries (engine/project/definition-defaults.ts; a test keeps them equal). */
export const DEFINITION_DAYS: readonly number[] = [30, 60, 90, 120, 150, 180];

type PoolLine = NonNullable<DealFile['pool']>['lines'][number];

/** A pool line's delinquency state at cutoff (the roll-rate model's states; dpd91_180 is read as 91–120). */
export const LINE_STATE_OPTIONS = optionsOf<NonNullable<PoolLine['state']>>({
  current: 'deal.option.lineState.current',
  dpd1_30: 'deal.option.lineState.dpd1_30',
  dpd31_60: 'deal.option.lineState.dpd31_60',
  dpd61_90: 'deal.option.lineState.dpd61_90',
  dpd91_120: 'deal.option.lineState.dpd91_120',
  dpd121_150: 'deal.option.lineState.dpd121_150',
  dpd151_180: 'deal.option.lineState.dpd151_180',
  dpd91_180: 'deal.option.lineState.dpd91_180',
  chargedOff: 'deal.option.lineState.chargedOff',
});
