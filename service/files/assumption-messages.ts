import { messageTable, VectorNotationError } from '../../engine/index.ts';
import type { CodedMessage } from '../../engine/messages.ts';

/**
 * The assumption file's rules beyond its shape (assumption-file.ts, event-blocks.ts), by code
 * (engine/messages.ts); a speed's `reason` is the curve reader's own message by code
 * (`notation.atColumn`, engine/curves/notation-messages.ts), a roll-rate model's its English.
 */
export const ASSUMPTION_RULES = messageTable('assumptions', {
  unreadableSpeed: (p: { reason: CodedMessage | string }) => (typeof p.reason === 'string' ? p.reason : p.reason.message),
  unreadableRollRates: (p: { reason: string }) => p.reason,
  rollRateCompactAndMonthly: (p: { monthly: string }) => `give either the compact 91–180 dpd row or the monthly rows 91–120, 121–150 and 151–180 dpd, not both (${p.monthly} given)`,
  rollRateChargeOffInCompact: (p: { chargeOffAt: CodedMessage }) => `a charge-off from ${p.chargeOffAt.message} needs the monthly rows 91–120, 121–150 and 151–180 dpd, not the compact 91–180 dpd row`,
  rollRateUnused: (p: { state: CodedMessage; chargeOffAt: CodedMessage; fields: string }) =>
    `${p.state.message} is never reached when loans charge off from ${p.chargeOffAt.message}: remove ${p.fields}`,
  rollRateOutflow: (p: { state: CodedMessage; rollForward: string; cure: string; rollBack: string; total: string }) =>
    `${p.state.message}: roll forward ${p.rollForward} + cure ${p.cure} + roll back ${p.rollBack} = ${p.total}, more than 100%`,
  rollRateOutflowNoRollBack: (p: { state: CodedMessage; rollForward: string; cure: string; total: string }) =>
    `${p.state.message}: roll forward ${p.rollForward} + cure ${p.cure} = ${p.total}, more than 100%`,
  rollRateOutflowCompact: (p: { state: CodedMessage; cure: string; rollBack: string; total: string }) => `${p.state.message}: cure ${p.cure} + roll back ${p.rollBack} = ${p.total}, more than 100%`,
  defaultTwice: () => 'give either `default` (a speed) or `defaultTiming` (a cumulative curve), not both',
  timingSharesZero: () => 'the timing shares must add up to more than 0',
  noSuchSegment: (p: { segment: string; segments: string }) => `the pool has no segment "${p.segment}" (its segments: ${p.segments})`,
  noSuchProduct: (p: { product: string; products: string }) => `the pool has no product "${p.product}" (its products: ${p.products})`,
  noSegmentAtPosition: (p: { position: number; segments: string }) => `the pool has no segment at position ${p.position} (its segments: ${p.segments})`,
  unmatchedSegments: (p: { names: string; paths: string; segments: string }) =>
    `the pool has no loan in segment ${p.names} (its segments: ${p.segments}): the assumptions given for it at ${p.paths} were not used`,
  unmatchedProducts: (p: { names: string; paths: string; products: string }) =>
    `the pool has no loan of product ${p.names} (its products: ${p.products}): the assumptions given for it at ${p.paths} were not used`,
  overridesNotHere: () => 'override rules are not supported here: they need each loan’s product, amortization and term (assumptionGroups)',
  eventAfterLastMonth: (p: { month: number; months: number }) => `month ${p.month} is after the projection’s last month (${p.months})`,
  ownCurveNeedsSpeed: () => 'restructured "ownCurve" needs the restructured loans’ default speed, e.g. "20 CDR"',
  speedWithoutOwnCurve: () => 'a default speed for restructured loans is read only with restructured "ownCurve"',
});

/** Why a vector could not be read: the curve reader's message by code, else the error's English. */
export function vectorReason(error: unknown): CodedMessage | string {
  if (error instanceof VectorNotationError) return error.coded;
  return error instanceof Error ? error.message : String(error);
}

/** A roll-rate model's delinquency state (engine/curves/roll-rates.ts ROLL_STATES, and its compact 91–180 row) as the grid's rows name it. */
export const ROLL_STATE_NAMES = messageTable('rollState', {
  current: () => 'Current',
  dpd1_30: () => '1–30 dpd',
  dpd31_60: () => '31–60 dpd',
  dpd61_90: () => '61–90 dpd',
  dpd91_180: () => '91–180 dpd',
  dpd91_120: () => '91–120 dpd',
  dpd121_150: () => '121–150 dpd',
  dpd151_180: () => '151–180 dpd',
});

type NamedState = Parameters<typeof ROLL_STATE_NAMES.say>[0];

/** A probability as the grid shows it: 0.35 → "35%" (twelve significant digits undo 0.35 + 0.7 = 1.0499999999999998). */
function percentOf(p: unknown): string {
  return `${Number(((typeof p === 'number' ? p : 0) * 100).toPrecision(12))}%`;
}

/**
 * A state whose monthly moves add up to more than 100% (the engine's ROLL_RATE_OUTFLOW, its
 * details: the state and each move), said with the state's name and each move in percent as the
 * grid shows them ("1–30 dpd: roll forward 40% + cure 70% = 110%, more than 100%"), each term the
 * state has: 1–30 cannot roll back (that is a cure), the compact 91–180 row's roll-forward is what is left.
 */
export function rollRateOutflow(details: Readonly<Record<string, unknown>>): CodedMessage | null {
  const state = details['state'];
  if (typeof state !== 'string' || !ROLL_STATE_NAMES.codes.includes(`rollState.${state}`)) return null;
  const name = ROLL_STATE_NAMES.say(state as NamedState);
  const [forward, cure, back] = [details['rollForward'], details['cure'], details['rollBack']];
  const total = percentOf((typeof forward === 'number' ? forward : 0) + (typeof cure === 'number' ? cure : 0) + (typeof back === 'number' ? back : 0));
  if (forward === undefined) return ASSUMPTION_RULES.say('rollRateOutflowCompact', { state: name, cure: percentOf(cure), rollBack: percentOf(back), total });
  if (state === 'dpd1_30') return ASSUMPTION_RULES.say('rollRateOutflowNoRollBack', { state: name, rollForward: percentOf(forward), cure: percentOf(cure), total });
  return ASSUMPTION_RULES.say('rollRateOutflow', { state: name, rollForward: percentOf(forward), cure: percentOf(cure), rollBack: percentOf(back), total });
}

/** A delinquency state's name as the grid's rows name it, when the engine's detail is one. */
function stateName(state: unknown): CodedMessage | null {
  return typeof state === 'string' && ROLL_STATE_NAMES.codes.includes(`rollState.${state}`) ? ROLL_STATE_NAMES.say(state as NamedState) : null;
}

/**
 * Why a roll-rate model cannot be read (engine/curves/roll-rates.ts buildTransitionMatrix), in
 * words of both languages: outflows above 100%, a state the charge-off bucket never lets a loan
 * reach (ROLL_RATE_UNUSED), the compact 91–180 row beside monthly rows or under a charge-off
 * inside 91–180 (ROLL_RATE_STATE). Any other (the file's shape check catches unknown states and
 * probabilities outside [0, 1] first), the engine's English whole with its details as JSON.
 */
export function rollRateProblem(code: string, details: Readonly<Record<string, unknown>>, message: string): CodedMessage {
  const outflow = code === 'ROLL_RATE_OUTFLOW' ? rollRateOutflow(details) : null;
  if (outflow) return outflow;
  const { field, value, state, monthly, chargeOffAt, fields } = details;
  const [unreached, from, chargeOffInside] = [stateName(state), stateName(chargeOffAt), field === 'chargeOffAt' ? stateName(value) : null];
  if (code === 'ROLL_RATE_UNUSED' && unreached && from && Array.isArray(fields)) {
    return ASSUMPTION_RULES.say('rollRateUnused', { state: unreached, chargeOffAt: from, fields: fields.join(', ') });
  }
  if (code === 'ROLL_RATE_STATE' && Array.isArray(monthly)) return ASSUMPTION_RULES.say('rollRateCompactAndMonthly', { monthly: monthly.join(', ') });
  if (code === 'ROLL_RATE_STATE' && chargeOffInside) return ASSUMPTION_RULES.say('rollRateChargeOffInCompact', { chargeOffAt: chargeOffInside });
  return ASSUMPTION_RULES.say('unreadableRollRates', { reason: `${message} (${JSON.stringify(details)})` });
}
