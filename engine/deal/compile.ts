import { Money, toCents, ZERO } from './money.ts';
import { unreachable, type Classes, type CompiledStep, type FeeState, type IndexedCoupon, type NoteState, type PrincipalCoverState, type ReserveState } from './state.ts';
import { compileTrigger, type CompiledTrigger } from './triggers.ts';
import { SELLER, type Coupon, type Deal, type FeeBasis, type FeeSpec, type Step } from './types.ts';

/** A step with the JSON path it came from (`waterfall.interest[2]`, or `acceleration[k]` for the acceleration waterfall). */
export interface PathedStep {
  readonly path: string;
  readonly step: CompiledStep;
}

/** The deal with ids resolved to indices and constants read once, plus the run's mutable note, fee and reserve states. */
export interface CompiledDeal {
  readonly notes: NoteState[];
  /** Note indices (seniority order) in the deal's list order. */
  readonly listOrder: readonly number[];
  readonly allClasses: Classes;
  readonly fees: FeeState[];
  readonly feeNotes: readonly (readonly number[])[];
  /** By fee: rateAnnual for balance-based fees, the share for collections-based fees, the amount for fixed and one-off fees. */
  readonly feeRates: readonly Money[];
  readonly reserve: ReserveState | undefined;
  readonly principalCover: PrincipalCoverState | undefined;
  readonly reserveNotes: readonly number[];
  readonly reserveNotesOriginal: Money;
  readonly reservePercent: Money;
  readonly reserveFloor: Money | undefined;
  readonly reserveCap: Money | undefined;
  readonly triggers: readonly CompiledTrigger[];
  readonly combined?: readonly PathedStep[];
  readonly interest: readonly PathedStep[];
  readonly principal: readonly PathedStep[];
  readonly acceleration: readonly PathedStep[];
  readonly stepPaths: readonly string[];
  readonly stepIndex: ReadonlyMap<string, number>;
  /** Some step pays a periodic return (期间收益): the note rows then report periodicReturnPaid. */
  readonly periodicReturn: boolean;
  /** Some step pays an excess servicing fee (超额服务费): the period rows then report it. */
  readonly excessServicing: boolean;
}

export function compileDeal(deal: Deal): CompiledDeal {
  const order = deal.notes.map((_, i) => i).sort((a, b) => (deal.notes[a]?.seniority ?? 0) - (deal.notes[b]?.seniority ?? 0) || a - b);
  const notes: NoteState[] = order.map((listIndex) => {
    const spec = deal.notes[listIndex];
    if (spec === undefined) throw new RangeError('note');
    const original = toCents(spec.originalBalance);
    return {
      id: spec.id,
      listIndex,
      rank: spec.seniority,
      original,
      rates: couponRates(spec.coupon),
      indexed: indexedCoupon(spec.coupon, deal.rateIndices),
      dayCount: spec.dayCount ?? 'ACT/365',
      interestOnShortfall: spec.interestOnShortfall ?? false,
      expectedMaturity: spec.expectedMaturity,
      balance: original,
      shortfall: ZERO,
      begin: original,
      couponRate: ZERO,
      accrual: ZERO,
      interestDue: ZERO,
      interestPaid: ZERO,
      principalPaid: ZERO,
      writeDown: ZERO,
      residualPaid: ZERO,
      periodicReturnPaid: ZERO,
      balanceDays: ZERO,
      returnsReceived: ZERO,
      writtenOff: ZERO,
      reimbursed: ZERO,
    };
  });
  const noteIndex = new Map(notes.map((n, i) => [n.id, i]));
  const listOrder = deal.notes.map((spec) => noteIndex.get(spec.id) ?? 0);
  const indicesOf = (ids: readonly string[] | undefined): number[] =>
    ids === undefined
      ? notes.map((_, i) => i)
      : ids
          .map((id) => noteIndex.get(id) ?? -1)
          .filter((i) => i >= 0)
          .sort((a, b) => a - b);
  const classesOf = (ids: readonly string[] | undefined): number[][] => {
    const classes: number[][] = [];
    for (const i of indicesOf(ids)) {
      const last = classes.at(-1);
      if (last !== undefined && notes[last[0] ?? 0]?.rank === notes[i]?.rank) last.push(i);
      else classes.push([i]);
    }
    return classes;
  };
  const allClasses = classesOf(undefined);
  const feeSpecs = deal.fees ?? [];
  const feeIndex = new Map(feeSpecs.map((f, i) => [f.id, i]));
  const fees = feeSpecs.map(feeStateOf);
  const feeNotes = feeSpecs.map((f) => (f.basis.type === 'noteBalance' ? indicesOf(f.basis.notes) : []));
  const feeRates = feeSpecs.map((f) => feeRate(f.basis));
  const triggers = (deal.triggers ?? []).map((t) => compileTrigger(t, noteIndex));
  const triggerIndex = new Map(triggers.map((t, i) => [t.id, i]));

  let reserve: ReserveState | undefined;
  let reserveNotes: number[] = [];
  let reserveNotesOriginal = ZERO;
  if (deal.reserve !== undefined) {
    const covers = deal.reserve.covers;
    const seniorRank = notes[0]?.rank;
    const coveredFees = new Set(covers?.fees ?? feeSpecs.filter((f) => f.senior ?? true).map((f) => f.id));
    const coveredNotes = new Set(covers?.notes ?? notes.filter((n) => n.rank === seniorRank).map((n) => n.id));
    const initial = toCents(deal.reserve.initialDeposit);
    reserve = {
      balance: initial,
      begin: initial,
      target: ZERO,
      release: ZERO,
      draws: ZERO,
      deposits: ZERO,
      coversFee: feeSpecs.map((f) => coveredFees.has(f.id)),
      coversNote: notes.map((n) => coveredNotes.has(n.id)),
    };
    reserveNotes = indicesOf(deal.reserve.target.notes);
    for (const i of reserveNotes) reserveNotesOriginal = reserveNotesOriginal.plus(notes[i]?.original ?? ZERO);
  }

  const compileStep = (step: Step): CompiledStep => {
    switch (step.kind) {
      case 'fee':
        return { kind: 'fee', fee: feeIndex.get(step.fee) ?? 0, capped: step.beyondCap !== true };
      case 'interest':
        return { kind: 'interest', notes: indicesOf(step.notes) };
      case 'reserveTopUp':
      case 'pdlCure':
      case 'repayPrincipalCover':
        return { kind: step.kind };
      case 'principal':
        return {
          kind: 'principal',
          classes: classesOf(step.notes),
          rule: step.rule,
          triggers: (step.triggers ?? []).map((id) => triggerIndex.get(id) ?? -1),
          amount: step.amount ?? 'principalDue',
          ocPercent: step.ocPercent ?? 0,
          ocInitialPercent: step.ocInitialPercent ?? 0,
          ocFloor: step.ocFloor ?? 0,
          targetBalances: (step.targetBalances ?? []).map((t) => ({ date: t.date, balance: toCents(t.balance) })),
        };
      case 'excessServicing':
      case 'periodicReturn':
        return subordinateStepOf(step, noteIndex, indicesOf);
      case 'turbo':
        return { kind: 'turbo', classes: classesOf(step.notes) };
      case 'residual':
        return { kind: 'residual', note: step.to === SELLER ? -1 : (noteIndex.get(step.to) ?? -1) };
      default:
        return unreachable(step);
    }
  };
  const pathed = (steps: readonly Step[], prefix: string): PathedStep[] => steps.map((step, i) => ({ path: `${prefix}[${i}]`, step: compileStep(step) }));
  const waterfall = deal.waterfall;
  const combined = 'combined' in waterfall ? pathed(waterfall.combined, 'waterfall.combined') : undefined;
  const interest = 'interest' in waterfall ? pathed(waterfall.interest, 'waterfall.interest') : [];
  const principal = 'principal' in waterfall ? pathed(waterfall.principal, 'waterfall.principal') : [];
  const allSteps = combined ?? [...interest, ...principal];

  const acceleration = accelerationOf(allSteps, fees, allClasses);
  const stepPaths = [...allSteps, ...acceleration].map((s) => s.path);
  return {
    notes,
    listOrder,
    allClasses,
    fees,
    feeNotes,
    feeRates,
    reserve,
    principalCover: principalCoverOf(waterfall, feeSpecs, notes),
    reservePercent: new Money(deal.reserve?.target.percent ?? 0),
    reserveFloor: deal.reserve?.target.floor === undefined ? undefined : toCents(deal.reserve.target.floor),
    reserveCap: deal.reserve?.target.cap === undefined ? undefined : toCents(deal.reserve.target.cap),
    reserveNotes,
    reserveNotesOriginal,
    triggers,
    ...(combined === undefined ? {} : { combined }),
    interest,
    principal,
    acceleration,
    stepPaths,
    stepIndex: new Map(stepPaths.map((path, i) => [path, i])),
    periodicReturn: allSteps.some(({ step }) => step.kind === 'periodicReturn'),
    excessServicing: allSteps.some(({ step }) => step.kind === 'excessServicing'),
  };
}

/** The steps that pay the subordinate note's return: periodicReturn (期间收益) and excessServicing (超额服务费). */
function subordinateStepOf(step: Extract<Step, { kind: 'periodicReturn' | 'excessServicing' }>, noteIndex: ReadonlyMap<string, number>, indicesOf: (ids: readonly string[]) => number[]): CompiledStep {
  if (step.kind === 'periodicReturn') {
    return {
      kind: 'periodicReturn',
      note: noteIndex.get(step.note) ?? 0,
      rateAnnual: new Money(step.rateAnnual),
      dayCount: step.dayCount ?? 'ACT/365',
      whileOutstanding: indicesOf(step.whileOutstanding),
    };
  }
  return {
    kind: 'excessServicing',
    note: noteIndex.get(step.note) ?? 0,
    tiers: step.tiers.map((t) => ({ hurdleRate: new Money(t.hurdleRate), noteShare: new Money(t.noteShare) })),
    thereafterNoteShare: new Money(step.thereafterNoteShare ?? 0),
  };
}

/**
 * The acceleration (post-default) waterfall, one pot: senior fees → class by class interest then principal →
 * other fees → the deal's excess servicing split, if any → its last residual recipient; fees uncapped.
 */
function accelerationOf(allSteps: readonly PathedStep[], fees: readonly FeeState[], allClasses: Classes): PathedStep[] {
  const feeOrder: number[] = [];
  for (const { step } of allSteps) if (step.kind === 'fee' && !feeOrder.includes(step.fee)) feeOrder.push(step.fee);
  const residualNote = allSteps.findLast(({ step }) => step.kind === 'residual');
  // 和享 2017-5 keeps the excess servicing split after a default too (post-default items (l)–(n), p. 32).
  const excessSplit = allSteps.findLast(({ step }) => step.kind === 'excessServicing');
  const accelerationSteps: CompiledStep[] = [
    ...feeOrder.filter((f) => fees[f]?.senior === true).map((fee): CompiledStep => ({ kind: 'fee', fee, capped: false })),
    ...allClasses.flatMap((cls): CompiledStep[] => [
      { kind: 'interest', notes: cls },
      { kind: 'principal', classes: [cls], rule: 'proRata', triggers: [], amount: 'available', ocPercent: 0, ocInitialPercent: 0, ocFloor: 0, targetBalances: [] },
    ]),
    ...feeOrder.filter((f) => fees[f]?.senior !== true).map((fee): CompiledStep => ({ kind: 'fee', fee, capped: false })),
    ...(excessSplit === undefined ? [] : [excessSplit.step]),
    residualNote?.step ?? { kind: 'residual', note: -1 },
  ];
  return accelerationSteps.map((step, i) => ({ path: `acceleration[${i}]`, step }));
}

/** A fee's state at closing: nothing due or paid; its cap per payment date (优先支出上限) at cents. */
function feeStateOf(spec: FeeSpec): FeeState {
  return {
    id: spec.id,
    senior: spec.senior ?? true,
    cap: spec.capPerPaymentDate === undefined ? undefined : toCents(spec.capPerPaymentDate),
    paidWithinCap: ZERO,
    unpaid: ZERO,
    accrual: ZERO,
    due: ZERO,
    paid: ZERO,
  };
}

/** The principal-cover ledger's opening state (本金账户补足), when the separate waterfall names principalCovers. */
function principalCoverOf(waterfall: Deal['waterfall'], feeSpecs: readonly { readonly id: string }[], notes: readonly NoteState[]): PrincipalCoverState | undefined {
  const covers = 'principalCovers' in waterfall ? waterfall.principalCovers : undefined;
  if (covers === undefined) return undefined;
  return {
    coversFee: feeSpecs.map((f) => covers.fees?.includes(f.id) ?? false),
    coversNote: notes.map((n) => covers.notes?.includes(n.id) ?? false),
    available: ZERO,
    drawn: ZERO,
    repaid: ZERO,
    begin: ZERO,
    ledger: ZERO,
  };
}

/**
 * The coupon by period, read once: [rate] for fixed and none, one rate per index fixing for floating
 * (index + margin, at least max(floor, 0), at most the cap), the last held flat.
 */
function couponRates(coupon: Coupon): Money[] {
  switch (coupon.type) {
    case 'none':
    case 'indexed':
      return [ZERO];
    case 'fixed':
      return [new Money(coupon.rate)];
    case 'floating':
      return coupon.index.map((fixing) => {
        let rate = Money.max(new Money(fixing).plus(coupon.margin), coupon.floor ?? 0, 0);
        if (coupon.cap !== undefined) rate = Money.min(rate, coupon.cap);
        return rate;
      });
    default:
      return unreachable(coupon);
  }
}

/** An indexed coupon's fixings (from the deal's rateIndices), margin, floor and cap, read once; undefined for other coupons. */
function indexedCoupon(coupon: Coupon, indices: Deal['rateIndices']): IndexedCoupon | undefined {
  if (coupon.type !== 'indexed') return undefined;
  return {
    fixings: (indices?.[coupon.index] ?? []).map((f) => ({ effective: f.effective, rate: new Money(f.rate) })),
    margin: new Money(coupon.margin),
    floor: Money.max(coupon.floor ?? 0, 0),
    cap: coupon.cap === undefined ? undefined : new Money(coupon.cap),
    onPeriodStart: coupon.reset === 'periodStart',
  };
}

/** A fee's constant, read once: rateAnnual (pool and note balances), the share (collections), the amount at cents (fixed, one-off). */
function feeRate(basis: FeeBasis): Money {
  switch (basis.type) {
    case 'poolBalance':
    case 'noteBalance':
      return new Money(basis.rateAnnual);
    case 'collections':
      return new Money(basis.rate);
    case 'fixed':
    case 'oneOff':
      return toCents(basis.amount);
    default:
      return unreachable(basis);
  }
}
