import { isMonthEnd, parseIsoDate } from '../dates.ts';
import { EngineError, type EngineErrorCode } from '../errors.ts';
import type { CodedMessage } from '../messages.ts';
import { DEAL_RULES } from './rule-messages.ts';
import { DEAL_SCHEMA } from './schema.ts';
import { readsNotes } from './triggers.ts';
import { SELLER, type Deal, type Step, type ThresholdBand } from './types.ts';

/**
 * One broken rule: the JSON path of the offending value (`waterfall.interest[3].notes[0]`) and the
 * rule in words; a rule that spans fields also as a coded message (rule-messages.ts), for a screen
 * to say in its language (a field's shape problem is zod's, which the screens word themselves).
 */
export interface DealIssue {
  readonly code: EngineErrorCode;
  readonly path: string;
  readonly rule: string;
  readonly coded?: CodedMessage;
}

type AddIssue = (code: EngineErrorCode, path: string, rule: CodedMessage) => void;

const say = DEAL_RULES.say;

/**
 * Every problem of a deal, checked all at once so an analyst sees them together: first each field
 * against the deal's schema (schema.ts; a caller of the engine may hand it any JSON), then, on a
 * deal whose every field is well formed, the rules that span fields.
 */
export function dealIssues(deal: unknown): DealIssue[] {
  const parsed = DEAL_SCHEMA.safeParse(deal);
  if (!parsed.success) return parsed.error.issues.map((issue) => ({ code: 'DEAL_FIELD', path: issuePath(issue.path), rule: issue.message }));
  const issues: DealIssue[] = [];
  ruleIssues(parsed.data, (code, path, coded) => issues.push({ code, path, rule: coded.message, coded }));
  return issues;
}

/** ['notes', 0, 'id'] → "notes[0].id"; the deal itself is "$". */
function issuePath(path: readonly PropertyKey[]): string {
  const text = path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}${out === '' ? '' : '.'}${String(key)}`), '');
  return text === '' ? '$' : text;
}

/** The rules that span fields: ids that exist and are unique, dates in order, floors under caps, thresholds, the waterfall's shape. */
function ruleIssues(deal: Deal, add: AddIssue): void {
  dateOrder(deal.dates, add);
  const settlement = deal.analytics?.settlementDate;
  if (settlement !== undefined && (settlement < deal.dates.closing || settlement >= deal.dates.legalFinalMaturity)) {
    add('DEAL_DATES', 'analytics.settlementDate', say('settlementDateWindow'));
  }
  const noteIds = new Set<string>();
  deal.notes.forEach((note, i) => {
    uniqueId(note.id, `notes[${i}].id`, noteIds, 'duplicateNoteId', add);
    const expected = note.expectedMaturity;
    if (expected !== undefined && (expected < deal.dates.firstPaymentDate || expected > deal.dates.legalFinalMaturity)) {
      add('DEAL_DATES', `notes[${i}].expectedMaturity`, say('expectedMaturityWindow'));
    }
    const coupon = note.coupon;
    if (coupon.type === 'indexed') indexedCouponRules(deal, coupon.index, coupon.reset === 'periodStart', `notes[${i}].coupon`, add);
    if ((coupon.type === 'floating' || coupon.type === 'indexed') && coupon.floor !== undefined && coupon.cap !== undefined && coupon.floor > coupon.cap) {
      add('DEAL_RATE', `notes[${i}].coupon.cap`, say('capBelowFloor'));
    }
  });
  const noteRefs = (refs: readonly string[] | undefined, path: string): void => {
    refs?.forEach((ref, k) => {
      if (!noteIds.has(ref)) add('DEAL_UNKNOWN_REFERENCE', `${path}[${k}]`, say('unknownNote', { note: ref }));
    });
  };
  const feeIds = new Set<string>();
  deal.fees?.forEach((fee, i) => {
    uniqueId(fee.id, `fees[${i}].id`, feeIds, 'duplicateFeeId', add);
    if (fee.basis.type === 'noteBalance') noteRefs(fee.basis.notes, `fees[${i}].basis.notes`);
  });
  const reserve = deal.reserve;
  if (reserve !== undefined) {
    const { target } = reserve;
    if (target.floor !== undefined && target.cap !== undefined && target.floor > target.cap) add('DEAL_RESERVE_TARGET', 'reserve.target.cap', say('capBelowFloor'));
    noteRefs(target.notes, 'reserve.target.notes');
    noteRefs(reserve.covers?.notes, 'reserve.covers.notes');
    reserve.covers?.fees?.forEach((ref, k) => {
      if (!feeIds.has(ref)) add('DEAL_UNKNOWN_REFERENCE', `reserve.covers.fees[${k}]`, say('unknownFee', { fee: ref }));
    });
  }
  const triggerIds = new Set<string>();
  deal.triggers?.forEach((trigger, i) => {
    const at = `triggers[${i}]`;
    uniqueId(trigger.id, `${at}.id`, triggerIds, 'duplicateTriggerId', add);
    if (readsNotes(trigger.metric)) {
      if (trigger.notes === undefined) add('DEAL_FIELD', `${at}.notes`, say('triggerNeedsNotes'));
      else noteRefs(trigger.notes, `${at}.notes`);
    }
    if (trigger.metric === 'reserveToTarget' && reserve === undefined) add('DEAL_UNKNOWN_REFERENCE', `${at}.metric`, say('reserveMetricNeedsReserve'));
    if ((trigger.metric === 'purchaseShortfall' || trigger.metric === 'purchaseShortfallAmount') && deal.revolving === undefined) {
      add('DEAL_FIELD', `${at}.metric`, say('purchaseMetricNeedsRevolving', { metric: trigger.metric }));
    }
    if (typeof trigger.threshold !== 'number') thresholdBands(trigger.threshold, `${at}.threshold`, add);
    if (trigger.warning !== undefined && typeof trigger.warning !== 'number') thresholdBands(trigger.warning, `${at}.warning`, add);
  });
  noteRefs(deal.yieldSupplementOC?.afterNotesPaid?.notes, 'yieldSupplementOC.afterNotesPaid.notes');
  noteRefs(deal.yieldSupplementOCFromPool?.afterNotesPaid?.notes, 'yieldSupplementOCFromPool.afterNotesPaid.notes');
  if (deal.yieldSupplementOC !== undefined && deal.yieldSupplementOCFromPool !== undefined) {
    add('DEAL_FIELD', 'yieldSupplementOCFromPool', say('yieldSupplementTwice'));
  }
  waterfallRules(deal, { noteIds, feeIds, triggerIds, noteRefs }, add);
}

/** An indexed coupon names an index of the deal, whose fixings ascend and give the first accrual period (from closing) a rate. */
function indexedCouponRules(deal: Deal, index: string, onPeriodStart: boolean, at: string, add: AddIssue): void {
  const fixings = deal.rateIndices?.[index];
  if (fixings === undefined) {
    add('DEAL_UNKNOWN_REFERENCE', `${at}.index`, say('unknownRateIndex', { index }));
    return;
  }
  fixings.forEach((f, k) => {
    const previous = fixings[k - 1];
    if (previous !== undefined && f.effective <= previous.effective) add('DEAL_FIELD', `rateIndices.${index}[${k}].effective`, say('fixingsAscending'));
  });
  const first = fixings[0]?.effective ?? '';
  if (onPeriodStart ? first > deal.dates.closing : first >= deal.dates.closing)
    add('DEAL_FIELD', `rateIndices.${index}[0].effective`, say(onPeriodStart ? 'firstFixingOnOrBeforeClosing' : 'firstFixingBeforeClosing', { closing: deal.dates.closing }));
}

/** Cutoff ≤ closing < first payment date ≤ legal final maturity (ISO dates compare as text). */
function dateOrder(dates: Deal['dates'], add: AddIssue): void {
  const { cutoff, closing, firstPaymentDate: first, legalFinalMaturity: final } = dates;
  if (cutoff > closing) add('DEAL_DATES', 'dates.closing', say('closingBeforeCutoff'));
  if (closing >= first) add('DEAL_DATES', 'dates.firstPaymentDate', say('firstPaymentNotAfterClosing'));
  if (first > final) add('DEAL_DATES', 'dates.legalFinalMaturity', say('legalFinalBeforeFirstPayment'));
  if (dates.endOfMonth === true && !isMonthEnd(parseIsoDate(first))) add('DEAL_DATES', 'dates.endOfMonth', say('endOfMonthNeedsMonthEnd', { first }));
  // The legal final is the termination date 30E/360 ISDA reads (engine/daycount.ts); on month-end dates it must be one of them, or no period ends on it.
  if (dates.endOfMonth === true && !isMonthEnd(parseIsoDate(final))) add('DEAL_DATES', 'dates.legalFinalMaturity', say('endOfMonthNeedsMonthEndFinal', { final }));
  const rolls = (dates.businessDayConvention ?? 'none') !== 'none';
  if (rolls && dates.calendar === undefined) add('DEAL_FIELD', 'dates.calendar', say('conventionNeedsCalendar', { convention: dates.businessDayConvention ?? 'none' }));
}

function uniqueId(id: string, path: string, seen: Set<string>, what: 'duplicateNoteId' | 'duplicateFeeId' | 'duplicateTriggerId', add: AddIssue): void {
  if (seen.has(id)) add('DEAL_DUPLICATE_ID', path, say(what, { id }));
  else seen.add(id);
}

function thresholdBands(bands: readonly Pick<ThresholdBand, 'fromPeriod' | 'toPeriod'>[], path: string, add: AddIssue): void {
  let expectedFrom = 1;
  bands.forEach((band, k) => {
    const at = `${path}[${k}]`;
    if (band.fromPeriod !== expectedFrom) add('DEAL_THRESHOLD_SCHEDULE', `${at}.fromPeriod`, say('bandStart', { period: expectedFrom }));
    const isLast = k === bands.length - 1;
    if (isLast) {
      if (band.toPeriod !== undefined) add('DEAL_THRESHOLD_SCHEDULE', `${at}.toPeriod`, say('lastBandOpen'));
    } else if (band.toPeriod === undefined || band.toPeriod < band.fromPeriod) {
      add('DEAL_THRESHOLD_SCHEDULE', `${at}.toPeriod`, say('bandNeedsEnd'));
    }
    expectedFrom = (band.toPeriod ?? expectedFrom) + 1;
  });
}

interface Known {
  readonly noteIds: ReadonlySet<string>;
  readonly feeIds: ReadonlySet<string>;
  readonly triggerIds: ReadonlySet<string>;
  readonly noteRefs: (refs: readonly string[] | undefined, path: string) => void;
}

/** Steps refer to what the deal defines; every note and fee is paid by some step; a residual step ends the money's path. */
function waterfallRules(deal: Deal, known: Known, add: AddIssue): void {
  const lossAllocation = deal.lossAllocation ?? 'writeDown';
  const lists: [string, readonly Step[]][] =
    'combined' in deal.waterfall
      ? [['waterfall.combined', deal.waterfall.combined]]
      : [
          ['waterfall.interest', deal.waterfall.interest],
          ['waterfall.principal', deal.waterfall.principal],
        ];
  const paidPrincipal = new Set<string>();
  const paidFees = new Set<string>();
  const paidBeyondCap = new Set<string>();
  const cappedFees = new Set((deal.fees ?? []).filter((f) => f.capPerPaymentDate !== undefined).map((f) => f.id));
  for (const [prefix, steps] of lists) {
    steps.forEach((step, i) => {
      const at = `${prefix}[${i}]`;
      switch (step.kind) {
        case 'fee':
          if (!known.feeIds.has(step.fee)) add('DEAL_UNKNOWN_REFERENCE', `${at}.fee`, say('unknownFee', { fee: step.fee }));
          else paidFees.add(step.fee);
          if (step.beyondCap === true) {
            if (known.feeIds.has(step.fee) && !cappedFees.has(step.fee)) add('DEAL_WATERFALL', `${at}.beyondCap`, say('feeWithoutCap', { fee: step.fee }));
            paidBeyondCap.add(step.fee);
          }
          break;
        case 'interest':
          known.noteRefs(step.notes, `${at}.notes`);
          break;
        case 'excessServicing':
          if (!known.noteIds.has(step.note)) add('DEAL_UNKNOWN_REFERENCE', `${at}.note`, say('unknownNote', { note: step.note }));
          if (prefix === 'waterfall.interest') add('DEAL_WATERFALL', at, say('excessServicingInInterest'));
          else if (i !== steps.length - 2 || steps.at(-1)?.kind !== 'residual') add('DEAL_WATERFALL', at, say('excessServicingNotLast'));
          break;
        case 'periodicReturn':
          if (!known.noteIds.has(step.note)) add('DEAL_UNKNOWN_REFERENCE', `${at}.note`, say('unknownNote', { note: step.note }));
          known.noteRefs(step.whileOutstanding, `${at}.whileOutstanding`);
          break;
        case 'reserveTopUp':
          if (deal.reserve === undefined) add('DEAL_WATERFALL', at, say('topUpNeedsReserve'));
          break;
        case 'principal':
        case 'turbo':
          known.noteRefs(step.notes, `${at}.notes`);
          for (const ref of step.notes ?? [...known.noteIds]) paidPrincipal.add(ref);
          if (step.kind === 'principal') principalRules(step, at, known.triggerIds, add);
          break;
        case 'repayPrincipalCover':
          if (prefix !== 'waterfall.interest') add('DEAL_WATERFALL', at, say('principalCoverNotInInterest'));
          else if (!('principalCovers' in deal.waterfall) || deal.waterfall.principalCovers === undefined) add('DEAL_WATERFALL', at, say('principalCoverNeedsCovers'));
          break;
        case 'pdlCure':
          if (lossAllocation !== 'pdl') add('DEAL_WATERFALL', at, say('pdlCureNeedsPdl'));
          if (prefix === 'waterfall.principal') add('DEAL_WATERFALL', at, say('pdlCureInPrincipal'));
          break;
        case 'residual':
          if (step.to !== SELLER && !known.noteIds.has(step.to)) add('DEAL_UNKNOWN_REFERENCE', `${at}.to`, say('unknownNote', { note: step.to }));
          if (i !== steps.length - 1) add('DEAL_WATERFALL', at, say('residualNotLast'));
          break;
      }
    });
    if (prefix !== 'waterfall.interest' && steps.at(-1)?.kind !== 'residual') {
      add('DEAL_WATERFALL', prefix, say('noResidualStep'));
    }
  }
  if ('principalCovers' in deal.waterfall && deal.waterfall.principalCovers !== undefined) {
    const covers = deal.waterfall.principalCovers;
    known.noteRefs(covers.notes, 'waterfall.principalCovers.notes');
    covers.fees?.forEach((ref, k) => {
      if (!known.feeIds.has(ref)) add('DEAL_UNKNOWN_REFERENCE', `waterfall.principalCovers.fees[${k}]`, say('unknownFee', { fee: ref }));
    });
  }
  if (deal.revolving !== undefined) {
    // While revolving, only principal steps paying the principal due buy loans; others are skipped.
    const buys = lists.some(([, steps]) => steps.some((step) => step.kind === 'principal' && (step.amount ?? 'principalDue') === 'principalDue'));
    if (!buys) add('DEAL_WATERFALL', 'revolving', say('revolvingNeedsPrincipalDue'));
    revolvingRules(deal.revolving, add);
  }
  deal.notes.forEach((note, i) => {
    if (note.originalBalance > 0 && !paidPrincipal.has(note.id)) add('DEAL_NO_PRINCIPAL', `notes[${i}]`, say('noteNeverPaid', { note: note.id }));
  });
  deal.fees?.forEach((fee, i) => {
    if (!paidFees.has(fee.id)) add('DEAL_WATERFALL', `fees[${i}]`, say('feeNeverPaid', { fee: fee.id }));
    else if (cappedFees.has(fee.id) && !paidBeyondCap.has(fee.id)) add('DEAL_WATERFALL', `fees[${i}].capPerPaymentDate`, say('cappedFeeNeedsBeyondCap', { fee: fee.id }));
  });
}

/** A by-period purchase cap's bands run like threshold bands; eligibility criteria read the profile's lines. */
function revolvingRules(revolving: NonNullable<Deal['revolving']>, add: AddIssue): void {
  if (Array.isArray(revolving.purchaseCap)) thresholdBands(revolving.purchaseCap, 'revolving.purchaseCap', add);
  if (revolving.eligibility !== undefined && revolving.profile === undefined) {
    add('DEAL_FIELD', 'revolving.eligibility', say('eligibilityNeedsProfile'));
  }
  if (revolving.eligibility?.maxSegmentShare !== undefined) {
    revolving.profile?.forEach((line, j) => {
      if (line.segment === undefined) add('DEAL_FIELD', `revolving.profile[${j}].segment`, say('segmentShareNeedsSegment'));
    });
  }
  revolving.profile?.forEach((line, j) => {
    if (line.remainingTerm !== undefined && line.remainingTerm > line.originalTerm) add('DEAL_FIELD', `revolving.profile[${j}].remainingTerm`, say('remainingTermAboveOriginal'));
  });
}

function principalRules(step: Extract<Step, { readonly kind: 'principal' }>, at: string, triggerIds: ReadonlySet<string>, add: AddIssue): void {
  const targets = step.targetBalances;
  if (step.amount === 'targetBalance' && targets === undefined) add('DEAL_WATERFALL', `${at}.targetBalances`, say('targetBalanceNeedsSchedule'));
  if (targets !== undefined && step.amount !== 'targetBalance') add('DEAL_WATERFALL', `${at}.targetBalances`, say('targetBalancesUnread'));
  targets?.forEach((t, k) => {
    const previous = targets[k - 1];
    if (previous !== undefined && t.date <= previous.date) add('DEAL_WATERFALL', `${at}.targetBalances[${k}].date`, say('datesAscending'));
  });
  if (step.rule === 'proRataThenSequential' && step.triggers === undefined) add('DEAL_WATERFALL', `${at}.triggers`, say('proRataNeedsTriggers'));
  step.triggers?.forEach((ref, k) => {
    if (!triggerIds.has(ref)) add('DEAL_UNKNOWN_REFERENCE', `${at}.triggers[${k}]`, say('unknownTrigger', { trigger: ref }));
  });
  if (step.ocInitialPercent !== undefined && step.amount !== 'targetOC') {
    add('DEAL_WATERFALL', `${at}.ocInitialPercent`, say('ocInitialNeedsTargetOc'));
  }
}

/** Throws the first issue as an EngineError whose details carry its path and rule, and every issue found. */
export function validateDeal(deal: unknown): void {
  const issues = dealIssues(deal);
  const first = issues[0];
  if (first !== undefined) throw new EngineError(first.code, { path: first.path, rule: first.rule, issues });
}
