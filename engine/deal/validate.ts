import { EngineError, type EngineErrorCode } from '../errors.ts';
import { DEAL_SCHEMA } from './schema.ts';
import { readsNotes } from './triggers.ts';
import { SELLER, type Deal, type Step, type ThresholdBand } from './types.ts';

/** One broken rule: the JSON path of the offending value (`waterfall.interest[3].notes[0]`) and the rule in words. */
export interface DealIssue {
  readonly code: EngineErrorCode;
  readonly path: string;
  readonly rule: string;
}

type AddIssue = (code: EngineErrorCode, path: string, rule: string) => void;

/**
 * Every problem of a deal, checked all at once so an analyst sees them together: first each field
 * against the deal's schema (schema.ts; a caller of the engine may hand it any JSON), then, on a
 * deal whose every field is well formed, the rules that span fields.
 */
export function dealIssues(deal: unknown): DealIssue[] {
  const parsed = DEAL_SCHEMA.safeParse(deal);
  if (!parsed.success) return parsed.error.issues.map((issue) => ({ code: 'DEAL_FIELD', path: issuePath(issue.path), rule: issue.message }));
  const issues: DealIssue[] = [];
  ruleIssues(parsed.data, (code, path, rule) => issues.push({ code, path, rule }));
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
    add('DEAL_DATES', 'analytics.settlementDate', 'the settlement date must be on or after closing and before the legal final maturity');
  }
  const noteIds = new Set<string>();
  deal.notes.forEach((note, i) => {
    uniqueId(note.id, `notes[${i}].id`, noteIds, 'note', add);
    const expected = note.expectedMaturity;
    if (expected !== undefined && (expected < deal.dates.firstPaymentDate || expected > deal.dates.legalFinalMaturity)) {
      add('DEAL_DATES', `notes[${i}].expectedMaturity`, 'the expected maturity must be on or after the first payment date and on or before the legal final maturity');
    }
    const coupon = note.coupon;
    if (coupon.type === 'indexed') indexedCouponRules(deal, coupon.index, coupon.reset === 'periodStart', `notes[${i}].coupon`, add);
    if ((coupon.type === 'floating' || coupon.type === 'indexed') && coupon.floor !== undefined && coupon.cap !== undefined && coupon.floor > coupon.cap) {
      add('DEAL_RATE', `notes[${i}].coupon.cap`, 'the cap must be at least the floor');
    }
  });
  const noteRefs = (refs: readonly string[] | undefined, path: string): void => {
    refs?.forEach((ref, k) => {
      if (!noteIds.has(ref)) add('DEAL_UNKNOWN_REFERENCE', `${path}[${k}]`, `unknown note '${ref}'`);
    });
  };
  const feeIds = new Set<string>();
  deal.fees?.forEach((fee, i) => {
    uniqueId(fee.id, `fees[${i}].id`, feeIds, 'fee', add);
    if (fee.basis.type === 'noteBalance') noteRefs(fee.basis.notes, `fees[${i}].basis.notes`);
  });
  const reserve = deal.reserve;
  if (reserve !== undefined) {
    const { target } = reserve;
    if (target.floor !== undefined && target.cap !== undefined && target.floor > target.cap) add('DEAL_RESERVE_TARGET', 'reserve.target.cap', 'the cap must be at least the floor');
    noteRefs(target.notes, 'reserve.target.notes');
    noteRefs(reserve.covers?.notes, 'reserve.covers.notes');
    reserve.covers?.fees?.forEach((ref, k) => {
      if (!feeIds.has(ref)) add('DEAL_UNKNOWN_REFERENCE', `reserve.covers.fees[${k}]`, `unknown fee '${ref}'`);
    });
  }
  const triggerIds = new Set<string>();
  deal.triggers?.forEach((trigger, i) => {
    const at = `triggers[${i}]`;
    uniqueId(trigger.id, `${at}.id`, triggerIds, 'trigger', add);
    if (readsNotes(trigger.metric)) {
      if (trigger.notes === undefined) add('DEAL_FIELD', `${at}.notes`, 'must be a non-empty list of note ids');
      else noteRefs(trigger.notes, `${at}.notes`);
    }
    if (trigger.metric === 'reserveToTarget' && reserve === undefined) add('DEAL_UNKNOWN_REFERENCE', `${at}.metric`, 'reserveToTarget needs a reserve account');
    if ((trigger.metric === 'purchaseShortfall' || trigger.metric === 'purchaseShortfallAmount') && deal.revolving === undefined) {
      add('DEAL_FIELD', `${at}.metric`, `${trigger.metric} measures revolving purchases: the deal needs a revolving section`);
    }
    if (typeof trigger.threshold !== 'number') thresholdBands(trigger.threshold, `${at}.threshold`, add);
    if (trigger.warning !== undefined && typeof trigger.warning !== 'number') thresholdBands(trigger.warning, `${at}.warning`, add);
  });
  noteRefs(deal.yieldSupplementOC?.afterNotesPaid?.notes, 'yieldSupplementOC.afterNotesPaid.notes');
  noteRefs(deal.yieldSupplementOCFromPool?.afterNotesPaid?.notes, 'yieldSupplementOCFromPool.afterNotesPaid.notes');
  if (deal.yieldSupplementOC !== undefined && deal.yieldSupplementOCFromPool !== undefined) {
    add('DEAL_FIELD', 'yieldSupplementOCFromPool', 'give the yield supplement OC either as a schedule (yieldSupplementOC) or computed from the pool (yieldSupplementOCFromPool), not both');
  }
  waterfallRules(deal, { noteIds, feeIds, triggerIds, noteRefs }, add);
}

/** An indexed coupon names an index of the deal, whose fixings ascend and give the first accrual period (from closing) a rate. */
function indexedCouponRules(deal: Deal, index: string, onPeriodStart: boolean, at: string, add: AddIssue): void {
  const fixings = deal.rateIndices?.[index];
  if (fixings === undefined) {
    add('DEAL_UNKNOWN_REFERENCE', `${at}.index`, `unknown rate index '${index}' (define it in rateIndices)`);
    return;
  }
  fixings.forEach((f, k) => {
    const previous = fixings[k - 1];
    if (previous !== undefined && f.effective <= previous.effective) add('DEAL_FIELD', `rateIndices.${index}[${k}].effective`, 'fixings must be in ascending effective date');
  });
  const first = fixings[0]?.effective ?? '';
  if (onPeriodStart ? first > deal.dates.closing : first >= deal.dates.closing)
    add('DEAL_FIELD', `rateIndices.${index}[0].effective`, `no fixing for the first accrual period: the first must take effect ${onPeriodStart ? 'on or ' : ''}before closing (${deal.dates.closing})`);
}

/** Cutoff ≤ closing < first payment date ≤ legal final maturity (ISO dates compare as text). */
function dateOrder(dates: Deal['dates'], add: AddIssue): void {
  const { cutoff, closing, firstPaymentDate: first, legalFinalMaturity: final } = dates;
  if (cutoff > closing) add('DEAL_DATES', 'dates.closing', 'closing must be on or after the cutoff date');
  if (closing >= first) add('DEAL_DATES', 'dates.firstPaymentDate', 'the first payment date must be after closing');
  if (first > final) add('DEAL_DATES', 'dates.legalFinalMaturity', 'legal final maturity must be on or after the first payment date');
  const rolls = (dates.businessDayConvention ?? 'none') !== 'none';
  if (rolls && dates.calendar === undefined) add('DEAL_FIELD', 'dates.calendar', `businessDayConvention '${dates.businessDayConvention}' needs a calendar (CN, US-SIFMA or US-FED)`);
}

function uniqueId(id: string, path: string, seen: Set<string>, what: string, add: AddIssue): void {
  if (seen.has(id)) add('DEAL_DUPLICATE_ID', path, `duplicate ${what} id '${id}'`);
  else seen.add(id);
}

function thresholdBands(bands: readonly Pick<ThresholdBand, 'fromPeriod' | 'toPeriod'>[], path: string, add: AddIssue): void {
  let expectedFrom = 1;
  bands.forEach((band, k) => {
    const at = `${path}[${k}]`;
    if (band.fromPeriod !== expectedFrom) add('DEAL_THRESHOLD_SCHEDULE', `${at}.fromPeriod`, `expected period ${expectedFrom}: bands must start at period 1 and leave no gap or overlap`);
    const isLast = k === bands.length - 1;
    if (isLast) {
      if (band.toPeriod !== undefined) add('DEAL_THRESHOLD_SCHEDULE', `${at}.toPeriod`, 'the last band must be open-ended (no toPeriod)');
    } else if (band.toPeriod === undefined || band.toPeriod < band.fromPeriod) {
      add('DEAL_THRESHOLD_SCHEDULE', `${at}.toPeriod`, 'every band but the last needs a whole toPeriod ≥ its fromPeriod');
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
          if (!known.feeIds.has(step.fee)) add('DEAL_UNKNOWN_REFERENCE', `${at}.fee`, `unknown fee '${step.fee}'`);
          else paidFees.add(step.fee);
          if (step.beyondCap === true) {
            if (known.feeIds.has(step.fee) && !cappedFees.has(step.fee)) add('DEAL_WATERFALL', `${at}.beyondCap`, `fee '${step.fee}' has no capPerPaymentDate: nothing is due beyond a cap`);
            paidBeyondCap.add(step.fee);
          }
          break;
        case 'interest':
          known.noteRefs(step.notes, `${at}.notes`);
          break;
        case 'excessServicing':
          if (!known.noteIds.has(step.note)) add('DEAL_UNKNOWN_REFERENCE', `${at}.note`, `unknown note '${step.note}'`);
          if (prefix === 'waterfall.interest') add('DEAL_WATERFALL', at, 'an excess servicing split takes everything left: it belongs in the principal (or combined) waterfall');
          else if (i !== steps.length - 2 || steps.at(-1)?.kind !== 'residual') add('DEAL_WATERFALL', at, 'an excess servicing split takes everything left: only the residual step may follow it');
          break;
        case 'periodicReturn':
          if (!known.noteIds.has(step.note)) add('DEAL_UNKNOWN_REFERENCE', `${at}.note`, `unknown note '${step.note}'`);
          known.noteRefs(step.whileOutstanding, `${at}.whileOutstanding`);
          break;
        case 'reserveTopUp':
          if (deal.reserve === undefined) add('DEAL_WATERFALL', at, 'a reserve top-up step needs a reserve account');
          break;
        case 'principal':
        case 'turbo':
          known.noteRefs(step.notes, `${at}.notes`);
          for (const ref of step.notes ?? [...known.noteIds]) paidPrincipal.add(ref);
          if (step.kind === 'principal') principalRules(step, at, known.triggerIds, add);
          break;
        case 'repayPrincipalCover':
          if (prefix !== 'waterfall.interest') add('DEAL_WATERFALL', at, 'a principal-cover repayment moves interest funds to the principal pot: it belongs in the interest waterfall');
          else if (!('principalCovers' in deal.waterfall) || deal.waterfall.principalCovers === undefined)
            add('DEAL_WATERFALL', at, 'a principal-cover repayment needs waterfall.principalCovers (what the principal funds cover)');
          break;
        case 'pdlCure':
          if (lossAllocation !== 'pdl') add('DEAL_WATERFALL', at, "a PDL cure step needs lossAllocation 'pdl'");
          if (prefix === 'waterfall.principal') add('DEAL_WATERFALL', at, 'a PDL cure belongs in the interest (or combined) waterfall: curing from principal funds moves nothing');
          break;
        case 'residual':
          if (step.to !== SELLER && !known.noteIds.has(step.to)) add('DEAL_UNKNOWN_REFERENCE', `${at}.to`, `unknown note '${step.to}'`);
          if (i !== steps.length - 1) add('DEAL_WATERFALL', at, 'a residual step takes everything left, so it must be the last step of its waterfall');
          break;
      }
    });
    if (prefix !== 'waterfall.interest' && steps.at(-1)?.kind !== 'residual') {
      add('DEAL_WATERFALL', prefix, 'the principal (or combined) waterfall must end with a residual step, so every cent has a recipient');
    }
  }
  if ('principalCovers' in deal.waterfall && deal.waterfall.principalCovers !== undefined) {
    const covers = deal.waterfall.principalCovers;
    known.noteRefs(covers.notes, 'waterfall.principalCovers.notes');
    covers.fees?.forEach((ref, k) => {
      if (!known.feeIds.has(ref)) add('DEAL_UNKNOWN_REFERENCE', `waterfall.principalCovers.fees[${k}]`, `unknown fee '${ref}'`);
    });
  }
  if (deal.revolving !== undefined) {
    // While revolving, only principal steps paying the principal due buy loans; others are skipped.
    const buys = lists.some(([, steps]) => steps.some((step) => step.kind === 'principal' && (step.amount ?? 'principalDue') === 'principalDue'));
    if (!buys)
      add('DEAL_WATERFALL', 'revolving', "a revolving deal needs a principal step paying the principal due (amount 'principalDue', the default): it is the step that buys new loans while revolving");
    revolvingRules(deal.revolving, add);
  }
  deal.notes.forEach((note, i) => {
    if (note.originalBalance > 0 && !paidPrincipal.has(note.id)) add('DEAL_NO_PRINCIPAL', `notes[${i}]`, `no principal or turbo step ever pays note '${note.id}'`);
  });
  deal.fees?.forEach((fee, i) => {
    if (!paidFees.has(fee.id)) add('DEAL_WATERFALL', `fees[${i}]`, `no step ever pays fee '${fee.id}'`);
    else if (cappedFees.has(fee.id) && !paidBeyondCap.has(fee.id))
      add('DEAL_WATERFALL', `fees[${i}].capPerPaymentDate`, `a capped fee needs a step with beyondCap true that pays what is due beyond the cap (fee '${fee.id}')`);
  });
}

/** A by-period purchase cap's bands run like threshold bands; eligibility criteria read the profile's lines. */
function revolvingRules(revolving: NonNullable<Deal['revolving']>, add: AddIssue): void {
  if (Array.isArray(revolving.purchaseCap)) thresholdBands(revolving.purchaseCap, 'revolving.purchaseCap', add);
  if (revolving.eligibility !== undefined && revolving.profile === undefined) {
    add('DEAL_FIELD', 'revolving.eligibility', 'eligibility criteria are tested on the purchase profile’s lines: give revolving.profile');
  }
  if (revolving.eligibility?.maxSegmentShare !== undefined) {
    revolving.profile?.forEach((line, j) => {
      if (line.segment === undefined) add('DEAL_FIELD', `revolving.profile[${j}].segment`, 'a segment share limit needs the segment of every purchase line');
    });
  }
  revolving.profile?.forEach((line, j) => {
    if (line.remainingTerm !== undefined && line.remainingTerm > line.originalTerm) add('DEAL_FIELD', `revolving.profile[${j}].remainingTerm`, 'the remaining term cannot exceed the original term');
  });
}

function principalRules(step: Extract<Step, { readonly kind: 'principal' }>, at: string, triggerIds: ReadonlySet<string>, add: AddIssue): void {
  const targets = step.targetBalances;
  if (step.amount === 'targetBalance' && targets === undefined) add('DEAL_WATERFALL', `${at}.targetBalances`, 'amount targetBalance needs the schedule of target balances by date');
  if (targets !== undefined && step.amount !== 'targetBalance') add('DEAL_WATERFALL', `${at}.targetBalances`, "target balances are read only by amount 'targetBalance'");
  targets?.forEach((t, k) => {
    const previous = targets[k - 1];
    if (previous !== undefined && t.date <= previous.date) add('DEAL_WATERFALL', `${at}.targetBalances[${k}].date`, 'the dates must be in ascending order');
  });
  if (step.rule === 'proRataThenSequential' && step.triggers === undefined) add('DEAL_WATERFALL', `${at}.triggers`, 'pro rata then sequential needs the triggers that switch it');
  step.triggers?.forEach((ref, k) => {
    if (!triggerIds.has(ref)) add('DEAL_UNKNOWN_REFERENCE', `${at}.triggers[${k}]`, `unknown trigger '${ref}'`);
  });
  if (step.ocInitialPercent !== undefined && step.amount !== 'targetOC') {
    add('DEAL_WATERFALL', `${at}.ocInitialPercent`, 'ocInitialPercent is part of an OC target: it needs amount "targetOC"');
  }
}

/** Throws the first issue as an EngineError whose details carry its path and rule, and every issue found. */
export function validateDeal(deal: unknown): void {
  const issues = dealIssues(deal);
  const first = issues[0];
  if (first !== undefined) throw new EngineError(first.code, { path: first.path, rule: first.rule, issues });
}
