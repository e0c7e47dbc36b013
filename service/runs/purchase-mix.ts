import { fileError } from '../files/file-issues.ts';
import { segmentName, type EventSpec } from '../files/event-blocks.ts';

/** One shift: the segment the purchases tilt toward, from when, how far, how fast it decays. */
interface Shift {
  readonly segment: string;
  readonly fromMonth: number;
  readonly tilt: number;
  readonly halfLifeMonths: number | undefined;
}

/**
 * The purchase mix of a deal's revolving profile under its scenario's segment shocks with a
 * `purchaseMixShift` x: for purchases made at the end of month t ≥ fromMonth, xₜ = x × 2^(−(t −
 * fromMonth) ÷ halfLife) (x throughout without a half-life) of the other lines' part moves to the
 * shocked segment's lines — the segment's share S becomes S + xₜ(1 − S), each of its lines scaled
 * alike, every other line × (1 − xₜ), so the shares still sum to 1. Several shifts apply in file
 * order. Null when no event shifts the mix; an error at the event's path when the profile has no
 * line of the segment (or there is no profile).
 */
export function purchaseMix(
  events: readonly EventSpec[],
  segmentNames: readonly string[],
  profile: readonly { share: number; segment?: string }[] | null,
): ((month: number) => number[] | undefined) | null {
  const shifts: Shift[] = [];
  for (const spec of events) {
    if (spec.purchaseMixShift === undefined || spec.event.type !== 'segmentShock' || spec.purchaseMixShift === 0) continue;
    const segment = segmentName(spec, segmentNames) ?? '';
    if (profile === null || !profile.some((line) => (line.segment ?? '') === segment && line.share > 0)) {
      const message = profile === null ? 'the deal has no revolving purchases to tilt' : `the purchase profile has no line of segment "${segment}"`;
      throw fileError('Assumptions', [{ path: `${spec.path}.purchaseMixShift`, message }]);
    }
    shifts.push({ segment, fromMonth: spec.event.fromMonth, tilt: spec.purchaseMixShift, halfLifeMonths: spec.event.halfLifeMonths });
  }
  if (shifts.length === 0 || profile === null) return null;
  const total = profile.reduce((sum, line) => sum + line.share, 0);
  const base = profile.map((line) => line.share / total);
  return (month) => {
    let shares = base;
    let shifted = false;
    for (const shift of shifts) {
      const elapsed = month - shift.fromMonth;
      if (elapsed < 0) continue;
      const tilt = shift.tilt * (shift.halfLifeMonths === undefined ? 1 : 2 ** (-elapsed / shift.halfLifeMonths));
      shares = tilted(shares, profile, shift.segment, tilt);
      shifted = true;
    }
    return shifted ? shares : undefined;
  };
}

function tilted(shares: readonly number[], profile: readonly { segment?: string }[], segment: string, tilt: number): number[] {
  const inSegment = (j: number): boolean => (profile[j]?.segment ?? '') === segment;
  const before = shares.reduce((sum, share, j) => (inSegment(j) ? sum + share : sum), 0);
  const after = before + tilt * (1 - before);
  return shares.map((share, j) => (inSegment(j) ? (share * after) / before : share * (1 - tilt)));
}
