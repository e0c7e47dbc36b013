import { z } from 'zod';
import { HOLIDAY_INTEREST, RESTRUCTURED_TREATMENTS, wholeNumber } from '../../engine/index.ts';

/**
 * One event stress block of an assumption file's (or a scenario's) `events` list — the zod schema
 * the TypeScript type, the check and the published JSON Schema derive from. Months are projection
 * months (1 = the first month after the cutoff); a segment is the pool's segment value, or its
 * position (0-based) in the pool's list of segments. docs/assumptions.md, "Event stresses", gives
 * each rule and its source.
 */
const share = (what: string) => z.number().min(0).max(1).describe(what);
const segment = z
  .union([z.string().max(100), wholeNumber('segment', 0, 255)])
  .describe('The pool’s segment value (e.g. "gig"), or its position (0-based) in the pool’s list of segments; a segment the pool does not have is an error');

export const PAYMENT_HOLIDAY_SCHEMA = z
  .strictObject({
    type: z.literal('paymentHoliday'),
    segment: segment.optional().describe('The segment whose borrowers are offered the holiday; absent: every segment'),
    share: share('Share of the segment’s current borrowers (at the start of fromMonth) who defer, decimal'),
    fromMonth: wholeNumber('fromMonth', 1, 600).describe('First projection month of the holiday'),
    months: wholeNumber('months', 1, 120).describe('Installments deferred: the schedule resumes this many months later and ends this many months later'),
    interest: z
      .enum(HOLIDAY_INTEREST)
      .describe('The holiday months’ interest: "waived" (none), "accrued" (paid with the first resumed installment) or "capitalised" (added to principal and re-amortised)'),
    restructured: z
      .enum(RESTRUCTURED_TREATMENTS)
      .optional()
      .describe(
        'Restructured loans (the tape’s 是否重组): "defaulted" — count as defaulted at the holiday’s start; "ownCurve" — defer and then default at restructuredDefault. Absent: they defer like the others',
      ),
    restructuredDefault: z.string().min(1).max(500).optional().describe('With restructured "ownCurve": the restructured loans’ default speed after the holiday, in vector notation (e.g. "20 CDR")'),
  })
  .describe('Payment holiday / extension (展期)');

export const OUTAGE_SCHEMA = z
  .strictObject({
    type: z.literal('outage'),
    segment: segment.optional().describe('The segment hit; absent: every segment'),
    month: wholeNumber('month', 1, 600).describe('Projection month of the outage'),
    days: wholeNumber('days', 1, 31).describe('Days of the month the auto-debits fail: the failed share of the month’s installments is share × days ÷ days in the month'),
    share: share('Share of the auto-debits that fail on those days, decimal'),
    cureShare: share('Share of the failed payments that cure the next month, paying both installments; the rest rolls on to 31–60 days past due'),
    waivePenalty: z.boolean().optional().describe('No 罚息 on the failed installment (absent: the loan’s penaltyWaiver.outage, default false)'),
  })
  .describe('Servicing or payment-system outage');

export const SEGMENT_SHOCK_SCHEMA = z
  .strictObject({
    type: z.literal('segmentShock'),
    segment: segment.describe('The segment shocked'),
    fromMonth: wholeNumber('fromMonth', 1, 600).describe('First projection month of the shock'),
    rollInMultiplier: z.number().min(0).max(100).describe('Multiplier on the roll from current into 1–30 days past due'),
    defaultMultiplier: z.number().min(0).max(100).describe('Multiplier on the default curve (MDR) of current loans'),
    halfLifeMonths: z.number().gt(0).max(600).optional().describe('Months for the multipliers’ excess over 1 to halve (geometric decay back to 1); absent: the shock is permanent'),
    purchaseMixShift: share(
      'Revolving purchases tilt toward the segment: this share of the other profile lines’ part of each purchase moves to the segment’s lines (decaying with the half-life); a deal run reads it',
    ).optional(),
  })
  .describe('Segment shock: roll-in and default multipliers for one segment, and a tilt of revolving purchases toward it');

export const EVENT_SCHEMA = z.discriminatedUnion('type', [PAYMENT_HOLIDAY_SCHEMA, OUTAGE_SCHEMA, SEGMENT_SHOCK_SCHEMA]).describe('An event stress (docs/assumptions.md, "Event stresses")');

/** The event blocks of a file, at most this many. */
export const EVENTS_SCHEMA = z.array(EVENT_SCHEMA).max(50);

export type EventBlock = z.infer<typeof EVENT_SCHEMA>;
