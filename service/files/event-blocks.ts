import { parseVector, type CodedMessage, type ProjectionEvent } from '../../engine/index.ts';
import type { UserError } from '../../data/errors.ts';
import type { EventBlock } from './event-schema.ts';
import { ASSUMPTION_RULES, vectorReason } from './assumption-messages.ts';
import { codedIssue, fileError } from './file-issues.ts';

/** An event block as read: the engine's event, and the segment it names (a value or a position in the pool's list; null: every segment). */
export interface EventSpec {
  readonly event: ProjectionEvent;
  readonly segment: string | number | null;
  /** JSON path of the block, for errors found against a pool. */
  readonly path: string;
  /** A segment shock's tilt of revolving purchases toward its segment (read by a deal run: service/runs/purchase-mix.ts). */
  readonly purchaseMixShift?: number;
}

function bad(path: string, coded: CodedMessage, details: Record<string, unknown> = {}): UserError {
  return fileError('Assumptions', [codedIssue(path, coded)], details);
}

/** The first month of a block, and its field. */
function startOf(block: EventBlock): { field: string; month: number } {
  return block.type === 'outage' ? { field: 'month', month: block.month } : { field: 'fromMonth', month: block.fromMonth };
}

/** Reads the blocks of `$.events` (already of the schema's shape): months within the projection, a holiday's restructured curve. */
export function readEvents(blocks: readonly EventBlock[], months: number, basePath = '$.events'): EventSpec[] {
  return blocks.map((block, k) => {
    const path = `${basePath}[${k}]`;
    const start = startOf(block);
    if (start.month > months) throw bad(`${path}.${start.field}`, ASSUMPTION_RULES.say('eventAfterLastMonth', { month: start.month, months }), { value: start.month });
    const shift = block.type === 'segmentShock' ? block.purchaseMixShift : undefined;
    return { event: engineEvent(block, path), segment: block.segment ?? null, path, ...(shift !== undefined ? { purchaseMixShift: shift } : {}) };
  });
}

function engineEvent(block: EventBlock, path: string): ProjectionEvent {
  if (block.type === 'segmentShock') {
    const { segment: _segment, halfLifeMonths, purchaseMixShift: _shift, ...rest } = block;
    return { ...rest, segments: [], ...(halfLifeMonths !== undefined ? { halfLifeMonths } : {}) };
  }
  if (block.type === 'outage') {
    const { segment: _segment, waivePenalty, ...rest } = block;
    return { ...rest, segments: null, ...(waivePenalty !== undefined ? { waivePenalty } : {}) };
  }
  const { segment: _segment, restructured, restructuredDefault, ...rest } = block;
  if (restructured === 'ownCurve' && restructuredDefault === undefined) {
    throw bad(`${path}.restructuredDefault`, ASSUMPTION_RULES.say('ownCurveNeedsSpeed'));
  }
  if (restructured !== 'ownCurve' && restructuredDefault !== undefined) {
    throw bad(`${path}.restructuredDefault`, ASSUMPTION_RULES.say('speedWithoutOwnCurve'));
  }
  let curve: ProjectionEvent | null = null;
  if (restructuredDefault !== undefined) {
    try {
      curve = { ...rest, segments: null, restructured: 'ownCurve', restructuredDefault: { kind: 'notation', notation: parseVector(restructuredDefault, { purpose: 'default' }) } };
    } catch (error) {
      throw bad(`${path}.restructuredDefault`, ASSUMPTION_RULES.say('unreadableSpeed', { reason: vectorReason(error) }), { value: restructuredDefault });
    }
  }
  return curve ?? { ...rest, segments: null, ...(restructured !== undefined ? { restructured } : {}) };
}

/**
 * The segment an event names: a value as written (a value the pool lacks names no loan, so the
 * event changes nothing: unmatchedSegments lists it for a warning), or the value at a position in
 * the pool's list, refused when the list has no such position; null: every segment.
 */
export function segmentName(spec: EventSpec, segmentNames: readonly string[]): string | null {
  const ref = spec.segment;
  if (ref === null || typeof ref === 'string') return ref;
  const name = segmentNames[ref];
  if (name === undefined) {
    const list = segmentNames.map((s, i) => `${i}: ${s === '' ? '(none)' : s}`).join(', ') || 'none';
    throw bad(`${spec.path}.segment`, ASSUMPTION_RULES.say('noSegmentAtPosition', { position: ref, segments: list }), { value: ref });
  }
  return name;
}

/**
 * The events for the engine, their segments as codes of LoanArrays.segment: `groupSegment[g]` is
 * the index in segmentNames of the segment of assumption group g (the identity without override rules).
 */
export function eventsForGroups(specs: readonly EventSpec[], segmentNames: readonly string[], groupSegment: readonly number[]): ProjectionEvent[] {
  return specs.map((spec) => {
    const name = segmentName(spec, segmentNames);
    if (name === null) return spec.event;
    const segment = segmentNames.indexOf(name);
    const codes = groupSegment.flatMap((s, g) => (s === segment ? [g] : []));
    return { ...spec.event, segments: codes };
  });
}
