import type { Collections } from '../collections.ts';
import type { CompiledDeal } from '../compile.ts';
import { type Money, sub, toYuan, ZERO } from '../money.ts';
import type { DealPeriod, NotePeriod, PoolSummary, ReservePeriod } from '../result.ts';
import { noteAt, pdlByNote, type PeriodState, type ReserveState } from '../state.ts';
import type { Accruals } from './accrue.ts';
import type { Determination } from './determine.ts';
import type { Funding } from './fund.ts';
import type { LossAllocation } from './losses.ts';

/** What the period's steps found and decided, for its row. */
export interface PeriodFacts {
  readonly period: number;
  readonly accrualStart: string;
  readonly paymentDate: string;
  readonly flows: Collections;
  readonly accruals: Pick<Accruals, 'excessSpread' | 'servicingStrip'>;
  readonly determination: Pick<Determination, 'values' | 'triggers' | 'accelerated'>;
  readonly funding: Pick<Funding, 'interest' | 'principal' | 'principalCarried' | 'cleanUpProceeds' | 'release' | 'yieldSupplement'>;
  readonly stepPaid: readonly number[];
}

/** The period's row of the result, in yuan, from the state after reconciliation and carry-forward. */
export function periodRow(
  facts: PeriodFacts,
  state: Readonly<PeriodState>,
  compiled: Pick<CompiledDeal, 'listOrder' | 'allClasses' | 'combined' | 'periodicReturn' | 'excessServicing'>,
  lossAllocation: LossAllocation,
): DealPeriod {
  const { flows, funding, determination } = facts;
  const pdlNotes = lossAllocation === 'pdl' ? pdlByNote(state, compiled.allClasses) : undefined;
  const pooled = compiled.combined !== undefined || determination.accelerated;
  return {
    period: facts.period,
    accrualStart: facts.accrualStart,
    paymentDate: facts.paymentDate,
    pool: poolSummary(flows, determination.values.poolFactor, state, funding.cleanUpProceeds),
    servicingStrip: toYuan(facts.accruals.servicingStrip),
    availableFunds: {
      interest: toYuan(funding.interest),
      principal: toYuan(funding.principal),
      principalCarried: toYuan(funding.principalCarried),
      ...(state.yieldSupplementAccount === undefined ? {} : { yieldSupplement: toYuan(funding.yieldSupplement) }),
    },
    fees: state.fees.map((fee) => ({ id: fee.id, due: toYuan(fee.due), paid: toYuan(fee.paid), unpaid: toYuan(fee.unpaid) })),
    notes: compiled.listOrder.map((i) => noteRow(state, i, pdlNotes, compiled.periodicReturn)),
    ...(state.reserve === undefined ? {} : { reserve: reserveRow(state.reserve, funding.release) }),
    ...(state.principalCover === undefined
      ? {}
      : { principalCover: { drawn: toYuan(state.principalCover.drawn), repaid: toYuan(state.principalCover.repaid), ledger: toYuan(state.principalCover.ledger) } }),
    triggers: determination.triggers,
    excessSpread: toYuan(facts.accruals.excessSpread),
    liquidityCoverage: liquidityCoverage(state, pooled ? funding.interest.plus(funding.principal) : funding.interest),
    seniorDue: toYuan(seniorDue(state)),
    revolving: state.revolving,
    accelerated: determination.accelerated,
    final: state.final,
    pdlCured: toYuan(state.pdlCured),
    residualToSeller: toYuan(state.seller),
    ...(compiled.excessServicing ? { excessServicing: toYuan(state.excessServicing) } : {}),
    ...(state.faceUnit === undefined ? {} : { principalRoundingCarried: toYuan(state.roundingCarried) }),
    steps: facts.stepPaid,
  };
}

function poolSummary(flows: Collections, poolFactor: number, state: Readonly<PeriodState>, cleanUpProceeds: Money): PoolSummary {
  return {
    beginningBalance: toYuan(flows.beginningBalance),
    interest: toYuan(flows.interest),
    penaltyInterest: toYuan(flows.penaltyInterest),
    scheduledPrincipal: toYuan(flows.scheduledPrincipal),
    prepayments: toYuan(flows.prepayments),
    recoveries: toYuan(flows.recoveries),
    defaults: toYuan(flows.defaults),
    losses: toYuan(flows.losses),
    endingBalance: toYuan(flows.endingBalance),
    delinquent60Plus: toYuan(flows.delinquent60Plus),
    delinquent90Plus: toYuan(flows.delinquent90Plus),
    servicingFee: toYuan(flows.servicingFee),
    poolFactor,
    purchasesCash: toYuan(state.purchasesCash),
    principalPurchased: toYuan(state.principalPurchased),
    purchaseRefused: { cash: toYuan(state.principalAccount), reasons: state.desk === undefined ? [] : [...state.desk.reasons] },
    cleanUpProceeds: toYuan(cleanUpProceeds),
    ...(flows.delinquencyStates === undefined ? {} : { delinquencyStates: flows.delinquencyStates }),
  };
}

function noteRow(state: Readonly<PeriodState>, i: number, pdlNotes: readonly Money[] | undefined, periodicReturn: boolean): NotePeriod {
  const note = noteAt(state, i);
  const pdl = pdlNotes?.[i];
  return {
    id: note.id,
    beginningBalance: toYuan(note.begin),
    couponRate: toYuan(note.couponRate),
    interestDue: toYuan(note.interestDue),
    interestPaid: toYuan(note.interestPaid),
    interestShortfall: toYuan(sub(note.interestDue, note.interestPaid)),
    principalPaid: toYuan(note.principalPaid),
    writeDown: toYuan(note.writeDown),
    writeDownReimbursed: toYuan(note.reimbursed),
    endingBalance: toYuan(note.balance),
    pdlBalance: pdl === undefined ? 0 : toYuan(pdl),
    residualPaid: toYuan(note.residualPaid),
    ...(periodicReturn ? { periodicReturnPaid: toYuan(note.periodicReturnPaid) } : {}),
  };
}

function reserveRow(reserve: Readonly<ReserveState>, release: Money): ReservePeriod {
  return {
    beginningBalance: toYuan(reserve.begin),
    target: toYuan(reserve.target),
    release: toYuan(release),
    draws: toYuan(reserve.draws),
    deposits: toYuan(reserve.deposits),
    endingBalance: toYuan(reserve.balance),
  };
}

/** Senior fees due + interest due of the most senior class still owed anything: what the coverage ratios cover. */
function seniorDue(state: Readonly<PeriodState>): Money {
  let due = ZERO;
  for (const fee of state.fees) if (fee.senior) due = due.plus(fee.due);
  const seniorRank = state.notes.find((n) => n.begin.gt(0) || n.interestDue.gt(0))?.rank;
  for (const note of state.notes) if (note.rank === seniorRank) due = due.plus(note.interestDue);
  return due;
}

/** Available funds ÷ seniorDue (null when nothing is due). */
function liquidityCoverage(state: Readonly<PeriodState>, funds: Money): number | null {
  const due = seniorDue(state);
  return due.isZero() ? null : toYuan(funds) / toYuan(due);
}
