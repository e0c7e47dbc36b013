import { isValidDate } from '../dates.ts';
import { DAY_COUNTS } from '../daycount.ts';
import { EngineError, type EngineErrorCode } from '../errors.ts';
import { SELLER, TRIGGER_EFFECTS, TRIGGER_METRICS, type Coupon, type Deal, type FeeBasis, type ReserveTarget, type Step, type ThresholdBand } from './types.ts';

/** One broken rule: the JSON path of the offending value (`waterfall.interest[3].notes[0]`) and the rule in words. */
export interface DealIssue {
  readonly code: EngineErrorCode;
  readonly path: string;
  readonly rule: string;
}

/**
 * Every semantic rule a deal must meet before it runs, checked all at once so an analyst sees every
 * problem of a deal file together. Types are checked too (the engine may be called without the
 * service's schema parse), so the deal is read defensively.
 */
export function dealIssues(deal: Deal): DealIssue[] {
  const issues: DealIssue[] = [];
  const add = (code: EngineErrorCode, path: string, rule: string): void => {
    issues.push({ code, path, rule });
  };
  const money = (value: unknown, path: string): void => {
    if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0)) add('DEAL_NEGATIVE_AMOUNT', path, 'must be a finite amount ≥ 0');
  };
  const rate = (value: unknown, path: string, min = 0): void => {
    if (!(typeof value === 'number' && Number.isFinite(value))) add('DEAL_FIELD', path, 'must be a number');
    else if (value < 0 && min >= 0) add('DEAL_NEGATIVE_AMOUNT', path, 'must be ≥ 0');
    else if (value < min || value > 1) add('DEAL_RATE', path, `must be a decimal between ${min} and 1`);
  };
  const wholeNumber = (value: unknown, path: string, min: number): void => {
    if (!(typeof value === 'number' && Number.isInteger(value) && value >= min)) add('DEAL_FIELD', path, `must be a whole number ≥ ${min}`);
  };
  const id = (value: unknown, path: string, seen: Set<string>, what: string): void => {
    if (typeof value !== 'string' || value === '') add('DEAL_FIELD', path, `${what} id must be a non-empty string`);
    else if (seen.has(value)) add('DEAL_DUPLICATE_ID', path, `duplicate ${what} id '${value}'`);
    else seen.add(value);
  };
  const dayCount = (value: unknown, path: string): void => {
    if (value !== undefined && !(DAY_COUNTS as readonly unknown[]).includes(value)) add('DEAL_FIELD', path, `day count must be one of ${DAY_COUNTS.join(', ')}`);
  };

  if (typeof deal !== 'object' || deal === null) {
    add('DEAL_FIELD', '$', 'a deal must be an object');
    return issues;
  }
  const notes = Array.isArray(deal.notes) ? deal.notes : [];
  if (!Array.isArray(deal.notes) || notes.length === 0) add('DEAL_FIELD', 'notes', 'a deal needs at least one note');
  const fees = Array.isArray(deal.fees) ? deal.fees : [];
  if (deal.fees !== undefined && !Array.isArray(deal.fees)) add('DEAL_FIELD', 'fees', 'must be a list');
  const triggers = Array.isArray(deal.triggers) ? deal.triggers : [];
  if (deal.triggers !== undefined && !Array.isArray(deal.triggers)) add('DEAL_FIELD', 'triggers', 'must be a list');

  // Dates.
  const dates = deal.dates as Deal['dates'] | undefined;
  if (typeof dates !== 'object' || dates === null) add('DEAL_FIELD', 'dates', 'the deal needs its dates');
  else {
    const keys = ['cutoff', 'closing', 'firstPaymentDate', 'legalFinalMaturity'] as const;
    const iso = keys.map((key): string | undefined => {
      const text: unknown = dates[key];
      if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) {
        add('DEAL_DATES', `dates.${key}`, 'must be an ISO date YYYY-MM-DD');
        return undefined;
      }
      const [year, month, day] = text.split('-').map(Number);
      if (!isValidDate({ year: year ?? 0, month: month ?? 0, day: day ?? 0 })) {
        add('DEAL_DATES', `dates.${key}`, 'not a calendar date');
        return undefined;
      }
      return text;
    });
    const [cutoff, closing, first, final] = iso;
    if (cutoff !== undefined && closing !== undefined && cutoff > closing) add('DEAL_DATES', 'dates.closing', 'closing must be on or after the cutoff date');
    if (closing !== undefined && first !== undefined && closing >= first) add('DEAL_DATES', 'dates.firstPaymentDate', 'the first payment date must be after closing');
    if (first !== undefined && final !== undefined && first > final) add('DEAL_DATES', 'dates.legalFinalMaturity', 'legal final maturity must be on or after the first payment date');
    const frequency: unknown = dates.paymentFrequencyMonths;
    if (frequency !== undefined && !(typeof frequency === 'number' && Number.isInteger(frequency) && frequency >= 1 && frequency <= 12)) {
      add('DEAL_DATES', 'dates.paymentFrequencyMonths', 'payment frequency must be a whole number of months from 1 to 12');
    }
  }

  // Notes.
  const noteIds = new Set<string>();
  notes.forEach((note, i) => {
    const at = `notes[${i}]`;
    id(note.id, `${at}.id`, noteIds, 'note');
    wholeNumber(note.seniority, `${at}.seniority`, 1);
    money(note.originalBalance, `${at}.originalBalance`);
    dayCount(note.dayCount, `${at}.dayCount`);
    const coupon = note.coupon as Coupon | undefined;
    if (coupon?.type === 'fixed') rate(coupon.rate, `${at}.coupon.rate`);
    else if (coupon?.type === 'floating') {
      if (!Array.isArray(coupon.index) || coupon.index.length === 0) add('DEAL_FIELD', `${at}.coupon.index`, 'a floating coupon needs at least one index fixing');
      else coupon.index.forEach((x, k) => rate(x, `${at}.coupon.index[${k}]`, -1));
      rate(coupon.margin, `${at}.coupon.margin`, -1);
      if (coupon.floor !== undefined) rate(coupon.floor, `${at}.coupon.floor`);
      if (coupon.cap !== undefined) rate(coupon.cap, `${at}.coupon.cap`);
      if (coupon.floor !== undefined && coupon.cap !== undefined && coupon.floor > coupon.cap) add('DEAL_RATE', `${at}.coupon.cap`, 'the cap must be at least the floor');
    } else if (coupon?.type !== 'none') add('DEAL_FIELD', `${at}.coupon.type`, "coupon type must be 'fixed', 'floating' or 'none'");
  });
  const noteRef = (value: unknown, path: string): void => {
    if (typeof value !== 'string' || !noteIds.has(value)) add('DEAL_UNKNOWN_REFERENCE', path, `unknown note '${String(value)}'`);
  };
  const noteRefs = (value: unknown, path: string, required: boolean): void => {
    if (value === undefined && !required) return;
    if (!Array.isArray(value) || value.length === 0) add('DEAL_FIELD', path, 'must be a non-empty list of note ids');
    else value.forEach((ref, k) => noteRef(ref, `${path}[${k}]`));
  };

  // Fees.
  const feeIds = new Set<string>();
  fees.forEach((fee, i) => {
    const at = `fees[${i}]`;
    id(fee.id, `${at}.id`, feeIds, 'fee');
    const basis = fee.basis as FeeBasis | undefined;
    switch (basis?.type) {
      case 'poolBalance':
        rate(basis.rateAnnual, `${at}.basis.rateAnnual`);
        dayCount(basis.dayCount, `${at}.basis.dayCount`);
        break;
      case 'noteBalance':
        rate(basis.rateAnnual, `${at}.basis.rateAnnual`);
        dayCount(basis.dayCount, `${at}.basis.dayCount`);
        noteRefs(basis.notes, `${at}.basis.notes`, false);
        break;
      case 'fixed':
        money(basis.amount, `${at}.basis.amount`);
        break;
      case 'oneOff':
        money(basis.amount, `${at}.basis.amount`);
        if (basis.period !== undefined) wholeNumber(basis.period, `${at}.basis.period`, 1);
        break;
      default:
        add('DEAL_FIELD', `${at}.basis.type`, "fee basis must be 'poolBalance', 'noteBalance', 'fixed' or 'oneOff'");
    }
  });

  // Reserve.
  const reserve = deal.reserve;
  if (reserve !== undefined) {
    money(reserve.initialDeposit, 'reserve.initialDeposit');
    const target = reserve.target as ReserveTarget | undefined;
    if (target === undefined) add('DEAL_FIELD', 'reserve.target', 'the reserve needs a target');
    else {
      if (target.basis !== 'currentNoteBalance' && target.basis !== 'initialNoteBalance') add('DEAL_FIELD', 'reserve.target.basis', "must be 'currentNoteBalance' or 'initialNoteBalance'");
      if (typeof target.percent !== 'number' || !Number.isFinite(target.percent) || target.percent < 0) add('DEAL_NEGATIVE_AMOUNT', 'reserve.target.percent', 'must be a decimal ≥ 0');
      else if (target.percent > 1) add('DEAL_RESERVE_TARGET', 'reserve.target.percent', 'the reserve target cannot exceed 100% of the note balance');
      if (target.floor !== undefined) money(target.floor, 'reserve.target.floor');
      if (target.cap !== undefined) money(target.cap, 'reserve.target.cap');
      if (target.floor !== undefined && target.cap !== undefined && target.floor > target.cap) add('DEAL_RESERVE_TARGET', 'reserve.target.cap', 'the cap must be at least the floor');
      noteRefs(target.notes, 'reserve.target.notes', false);
    }
    noteRefs(reserve.covers?.notes, 'reserve.covers.notes', false);
    reserve.covers?.fees?.forEach((ref, k) => {
      if (!feeIds.has(ref)) add('DEAL_UNKNOWN_REFERENCE', `reserve.covers.fees[${k}]`, `unknown fee '${ref}'`);
    });
  }

  // Triggers.
  const triggerIds = new Set<string>();
  triggers.forEach((trigger, i) => {
    const at = `triggers[${i}]`;
    id(trigger.id, `${at}.id`, triggerIds, 'trigger');
    if (!(TRIGGER_METRICS as readonly unknown[]).includes(trigger.metric)) add('DEAL_UNKNOWN_METRIC', `${at}.metric`, `unknown metric '${String(trigger.metric)}' (expected one of ${TRIGGER_METRICS.join(', ')})`);
    if (trigger.metric === 'noteBalanceRatio') noteRefs(trigger.notes, `${at}.notes`, true);
    if (trigger.metric === 'reserveToTarget' && reserve === undefined) add('DEAL_UNKNOWN_REFERENCE', `${at}.metric`, 'reserveToTarget needs a reserve account');
    if (!['>', '>=', '<', '<='].includes(trigger.breachedWhen)) add('DEAL_UNKNOWN_METRIC', `${at}.breachedWhen`, "comparator must be '>', '>=', '<' or '<='");
    if (!Array.isArray(trigger.effects)) add('DEAL_FIELD', `${at}.effects`, 'must be a list of effects');
    else (trigger.effects as readonly unknown[]).forEach((effect: unknown, k: number) => {
      if (!(TRIGGER_EFFECTS as readonly unknown[]).includes(effect)) add('DEAL_UNKNOWN_METRIC', `${at}.effects[${k}]`, `unknown effect '${String(effect)}' (expected one of ${TRIGGER_EFFECTS.join(', ')})`);
    });
    const threshold: unknown = trigger.threshold;
    if (typeof threshold === 'number') {
      if (!Number.isFinite(threshold)) add('DEAL_FIELD', `${at}.threshold`, 'must be a finite number');
    } else if (Array.isArray(threshold)) thresholdBands(threshold as ThresholdBand[], `${at}.threshold`, add);
    else add('DEAL_FIELD', `${at}.threshold`, 'must be a number or a list of period bands');
  });

  // Loss allocation, revolving, clean-up.
  const lossAllocation = deal.lossAllocation ?? 'writeDown';
  if (lossAllocation !== 'writeDown' && lossAllocation !== 'pdl') add('DEAL_FIELD', 'lossAllocation', "must be 'writeDown' or 'pdl'");
  if (deal.revolving !== undefined) {
    wholeNumber(deal.revolving.periods, 'revolving.periods', 1);
    if (deal.revolving.excessSpreadShare !== undefined) rate(deal.revolving.excessSpreadShare, 'revolving.excessSpreadShare');
  }
  if (deal.cleanUpCall !== undefined) rate(deal.cleanUpCall.poolFactor, 'cleanUpCall.poolFactor');

  // Waterfall.
  const waterfall = deal.waterfall as Record<string, unknown> | undefined;
  const lists: [string, Step[]][] = [];
  if (typeof waterfall !== 'object' || waterfall === null) add('DEAL_WATERFALL', 'waterfall', 'the deal needs a priority of payments');
  else if ('combined' in waterfall) {
    if ('interest' in waterfall || 'principal' in waterfall) add('DEAL_WATERFALL', 'waterfall', 'either one combined waterfall or separate interest and principal waterfalls, not both');
    lists.push(['waterfall.combined', waterfall.combined as Step[]]);
  } else {
    lists.push(['waterfall.interest', waterfall.interest as Step[]], ['waterfall.principal', waterfall.principal as Step[]]);
  }
  const paidPrincipal = new Set<string>();
  const paidFees = new Set<string>();
  for (const [prefix, steps] of lists) {
    if (!Array.isArray(steps)) {
      add('DEAL_WATERFALL', prefix, 'must be a list of steps');
      continue;
    }
    const last = prefix !== 'waterfall.interest';
    steps.forEach((step, i) => {
      const at = `${prefix}[${i}]`;
      switch (step.kind) {
        case 'fee':
          if (!feeIds.has(step.fee)) add('DEAL_UNKNOWN_REFERENCE', `${at}.fee`, `unknown fee '${step.fee}'`);
          else paidFees.add(step.fee);
          break;
        case 'interest':
          noteRefs(step.notes, `${at}.notes`, true);
          break;
        case 'reserveTopUp':
          if (reserve === undefined) add('DEAL_WATERFALL', at, 'a reserve top-up step needs a reserve account');
          break;
        case 'principal':
        case 'turbo': {
          noteRefs(step.notes, `${at}.notes`, false);
          for (const ref of step.notes ?? [...noteIds]) paidPrincipal.add(ref);
          if (step.kind === 'turbo') break;
          if (!['sequential', 'proRata', 'proRataThenSequential'].includes(step.rule)) add('DEAL_WATERFALL', `${at}.rule`, "principal rule must be 'sequential', 'proRata' or 'proRataThenSequential'");
          if (step.amount !== undefined && !['principalDue', 'available', 'targetOC'].includes(step.amount)) add('DEAL_WATERFALL', `${at}.amount`, "amount must be 'principalDue', 'available' or 'targetOC'");
          if (step.rule === 'proRataThenSequential' && (!Array.isArray(step.triggers) || step.triggers.length === 0)) add('DEAL_WATERFALL', `${at}.triggers`, 'pro rata then sequential needs the triggers that switch it');
          step.triggers?.forEach((ref, k) => {
            if (!triggerIds.has(ref)) add('DEAL_UNKNOWN_REFERENCE', `${at}.triggers[${k}]`, `unknown trigger '${ref}'`);
          });
          if (step.amount === 'targetOC') {
            rate(step.ocPercent ?? 0, `${at}.ocPercent`);
            rate(step.ocFloor ?? 0, `${at}.ocFloor`);
          }
          break;
        }
        case 'pdlCure':
          if (lossAllocation !== 'pdl') add('DEAL_WATERFALL', at, "a PDL cure step needs lossAllocation 'pdl'");
          if (prefix === 'waterfall.principal') add('DEAL_WATERFALL', at, 'a PDL cure belongs in the interest (or combined) waterfall: curing from principal funds moves nothing');
          break;
        case 'residual':
          if (step.to !== SELLER) noteRef(step.to, `${at}.to`);
          if (i !== steps.length - 1) add('DEAL_WATERFALL', at, 'a residual step takes everything left, so it must be the last step of its waterfall');
          break;
        default:
          add('DEAL_WATERFALL', `${at}.kind`, `unknown step kind '${String((step as { kind?: unknown }).kind)}'`);
      }
    });
    if (last && steps.at(-1)?.kind !== 'residual') add('DEAL_WATERFALL', prefix, 'the principal (or combined) waterfall must end with a residual step, so every cent has a recipient');
  }
  if (lists.length > 0 && deal.revolving !== undefined) {
    // While revolving, only principal steps paying the principal due buy loans; others are skipped.
    const buys = lists.some(([, steps]) => Array.isArray(steps) && steps.some((step) => step.kind === 'principal' && (step.amount ?? 'principalDue') === 'principalDue'));
    if (!buys) add('DEAL_WATERFALL', 'revolving', "a revolving deal needs a principal step paying the principal due (amount 'principalDue', the default): it is the step that buys new loans while revolving");
  }
  if (lists.length > 0) {
    notes.forEach((note, i) => {
      if (typeof note.id === 'string' && note.originalBalance > 0 && !paidPrincipal.has(note.id)) add('DEAL_NO_PRINCIPAL', `notes[${i}]`, `no principal or turbo step ever pays note '${note.id}'`);
    });
    fees.forEach((fee, i) => {
      if (typeof fee.id === 'string' && !paidFees.has(fee.id)) add('DEAL_WATERFALL', `fees[${i}]`, `no step ever pays fee '${fee.id}'`);
    });
  }
  return issues;
}

function thresholdBands(bands: readonly ThresholdBand[], path: string, add: (code: EngineErrorCode, path: string, rule: string) => void): void {
  if (bands.length === 0) {
    add('DEAL_THRESHOLD_SCHEDULE', path, 'a threshold schedule needs at least one band');
    return;
  }
  let expectedFrom = 1;
  bands.forEach((band, k) => {
    const at = `${path}[${k}]`;
    if (!(typeof band.threshold === 'number' && Number.isFinite(band.threshold))) add('DEAL_FIELD', `${at}.threshold`, 'must be a finite number');
    if (band.fromPeriod !== expectedFrom) add('DEAL_THRESHOLD_SCHEDULE', `${at}.fromPeriod`, `expected period ${expectedFrom}: bands must start at period 1 and leave no gap or overlap`);
    const isLast = k === bands.length - 1;
    if (isLast) {
      if (band.toPeriod !== undefined) add('DEAL_THRESHOLD_SCHEDULE', `${at}.toPeriod`, 'the last band must be open-ended (no toPeriod)');
    } else if (!(typeof band.toPeriod === 'number' && Number.isInteger(band.toPeriod) && band.toPeriod >= band.fromPeriod)) {
      add('DEAL_THRESHOLD_SCHEDULE', `${at}.toPeriod`, 'every band but the last needs a whole toPeriod ≥ its fromPeriod');
    }
    expectedFrom = (band.toPeriod ?? expectedFrom) + 1;
  });
}

/** Throws the first issue as an EngineError whose details carry its path and rule, and every issue found. */
export function validateDeal(deal: Deal): void {
  const issues = dealIssues(deal);
  const first = issues[0];
  if (first !== undefined) throw new EngineError(first.code, { path: first.path, rule: first.rule, issues });
}
