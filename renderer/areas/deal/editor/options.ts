/**
 * The choices of a deal file (engine/deal/schema.ts; docs/deals.md explains each), in the analyst's
 * words. Each list is typed against the deal file, so a choice the schema gains or loses is a type
 * error here.
 */
import type { DealFile } from '../../../../service/api/contract.ts';

type Note = DealFile['notes'][number];
type Fee = NonNullable<DealFile['fees']>[number];
type Trigger = NonNullable<DealFile['triggers']>[number];
type Step = DealFile['waterfall'] extends infer W ? (W extends { combined: readonly (infer S)[] } ? S : never) : never;
type Revolving = NonNullable<DealFile['revolving']>;

type Options<V extends string> = readonly (readonly [V, string])[];

/** Every value of a union, each with its label: a Record keyed by the union cannot miss one. */
function optionsOf<V extends string>(labels: Readonly<Record<V, string>>): Options<V> {
  return Object.entries(labels) as [V, string][];
}

export const DAY_COUNT_OPTIONS = optionsOf<NonNullable<Note['dayCount']>>({ 'ACT/365': 'ACT/365', 'ACT/360': 'ACT/360', '30/360': '30/360' });

/** Indexed coupons (基准利率 + 利差) read a dated table in the file's rateIndices, which the editor does not edit yet: the file is edited as JSON. */
export const COUPON_OPTIONS = optionsOf<Exclude<Note['coupon']['type'], 'indexed'>>({ fixed: 'Fixed', floating: 'Floating (index + margin)', none: 'None (residual / subordinate)' });

export const FEE_BASIS_OPTIONS = optionsOf<Fee['basis']['type']>({
  poolBalance: '% p.a. of the pool balance',
  noteBalance: '% p.a. of note balances',
  collections: '% of collections',
  fixed: 'Fixed amount each period',
  oneOff: 'One-off amount',
});

export const COLLECTION_OPTIONS = optionsOf<NonNullable<Extract<Fee['basis'], { type: 'collections' }>['of']>[number]>({
  interest: 'Interest',
  penaltyInterest: 'Penalty interest',
  recoveries: 'Recoveries',
  principal: 'Principal',
});

export const METRIC_OPTIONS = optionsOf<Trigger['metric']>({
  cumulativeDefaultRate: 'Cumulative default rate',
  cumulativeNetLossRate: 'Cumulative net loss rate',
  delinquency60Plus: '60+ DPD ratio',
  delinquency90Plus: '90+ DPD ratio',
  reserveToTarget: 'Reserve ÷ target',
  poolFactor: 'Pool factor',
  excessSpreadAverage: '3-period average excess spread (annualised)',
  noteBalanceRatio: 'Note balance ÷ pool',
  interestShortfall: 'Unpaid interest (amount)',
  purchaseShortfall: 'Purchase shortfall ÷ cash offered',
  purchaseShortfallAmount: 'Purchase shortfall (amount)',
  expectedMaturityShortfall: 'Balance past expected maturity (amount)',
});

/** Metrics measured in money; every other is a ratio, shown as a percentage. */
export const MONEY_METRICS: readonly string[] = ['interestShortfall', 'purchaseShortfallAmount', 'expectedMaturityShortfall'] satisfies Trigger['metric'][];
/** Metrics that read the trigger's notes (engine/deal/schema.ts NOTE_METRICS). */
export const NOTE_METRICS: readonly string[] = ['noteBalanceRatio', 'interestShortfall', 'expectedMaturityShortfall'] satisfies Trigger['metric'][];

export const COMPARATOR_OPTIONS = optionsOf<Trigger['breachedWhen']>({ '>': 'above (>)', '>=': 'at or above (≥)', '<': 'below (<)', '<=': 'at or below (≤)' });

export const EFFECT_OPTIONS = optionsOf<Trigger['effects'][number]>({
  sequential: 'Switch principal to sequential',
  endRevolving: 'End the revolving period',
  accelerate: 'Accelerate',
  trapExcessSpread: 'Trap excess spread in the reserve',
});

export const STEP_OPTIONS = optionsOf<Step['kind']>({
  fee: 'Fee',
  interest: 'Interest',
  reserveTopUp: 'Reserve top-up',
  principal: 'Principal',
  pdlCure: 'PDL cure',
  repayPrincipalCover: 'Repay principal cover',
  periodicReturn: 'Periodic return (期间收益)',
  excessServicing: 'Excess servicing split (超额服务费)',
  turbo: 'Turbo (all left to principal)',
  residual: 'Residual',
});

export const PRINCIPAL_RULE_OPTIONS = optionsOf<Extract<Step, { kind: 'principal' }>['rule']>({
  sequential: 'Sequential',
  proRata: 'Pro rata',
  proRataThenSequential: 'Pro rata, sequential after a trigger',
});

export const PRINCIPAL_AMOUNT_OPTIONS = optionsOf<NonNullable<Extract<Step, { kind: 'principal' }>['amount']>>({
  principalDue: 'The principal due',
  available: 'All available funds',
  targetOC: 'Down to a target OC',
  targetBalance: 'Down to scheduled balances by date',
});

export const RESERVE_BASIS_OPTIONS = optionsOf<NonNullable<DealFile['reserve']>['target']['basis']>({
  currentNoteBalance: 'Current note balance',
  initialNoteBalance: 'Initial note balance',
  initialPoolBalance: 'Pool balance at cutoff',
  initialAdjustedPoolBalance: 'Pool at cutoff less its yield supplement OC',
});

export const AMORTIZATION_OPTIONS = optionsOf<Revolving['profile'][number]['amortization']>({
  level_payment: 'Level payment 等额本息',
  equal_principal: 'Equal principal 等额本金',
  interest_only: 'Interest only',
  flat_fee: 'Flat fee 等本等息',
});

export const LOSS_ALLOCATION_OPTIONS = optionsOf<NonNullable<DealFile['lossAllocation']>>({
  writeDown: 'Write-down (reverse seniority)',
  pdl: 'Principal deficiency ledger (PDL)',
});

export const DENOMINATOR_OPTIONS = optionsOf<NonNullable<DealFile['cumulativeRatioDenominator']>>({
  initialPool: 'Cutoff pool balance',
  initialPoolPlusPurchases: 'Cutoff pool + principal bought',
  initialPoolThenRevolvingEnd: 'Cutoff pool, then the pool at the end of revolving',
});

export const WAL_BASIS_OPTIONS = optionsOf<NonNullable<NonNullable<DealFile['analytics']>['walBasis']>>({
  'ACT/365': 'ACT/365',
  '30/360': '30/360',
  'ACT/360': 'ACT/360',
  'months/12': 'Months ÷ 12',
});

export const ROLL_OPTIONS = optionsOf<NonNullable<DealFile['dates']['businessDayConvention']>>({
  none: 'None',
  following: 'Following',
  modifiedFollowing: 'Modified following',
});

export const CALENDAR_OPTIONS = optionsOf<NonNullable<DealFile['dates']['calendar']>>({
  CN: 'China (调休)',
  'US-SIFMA': 'US SIFMA',
  'US-FED': 'US Federal Reserve',
});

export const ACCRUAL_DATES_OPTIONS = optionsOf<NonNullable<DealFile['dates']['accrualDates']>>({
  paymentDates: 'Rolled dates',
  scheduledDates: 'Scheduled dates',
});
