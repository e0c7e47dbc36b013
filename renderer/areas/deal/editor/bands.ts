import type { Json } from './draft.ts';

/**
 * A by-period level (a trigger's threshold or warning, the revolving purchase cap): one number, or
 * bands of payment periods contiguous from period 1, the last open-ended (engine/deal/schema.ts
 * `thresholdBand`, `amountBand`). `key` is the band's value field: 'threshold' or 'amount'.
 */
export type BandKey = 'threshold' | 'amount';
export type Band = { readonly fromPeriod: Json; readonly toPeriod?: Json } & { readonly [key: string]: Json };

/** One level → one band from period 1 (the same level in every period). */
export function bandsOfLevel(level: Json | undefined, key: BandKey): Band[] {
  return [{ fromPeriod: 1, [key]: level ?? 0 }];
}

/** Bands → one level: the first band's (what applies from period 1). */
export function levelOfBands(bands: readonly Band[], key: BandKey): Json {
  return bands[0]?.[key] ?? 0;
}

/** A band added after the last: the last closes after `span` periods (12, a year of monthly payments) and the new one, at the same level, runs on from there. */
export function addBand(bands: readonly Band[], key: BandKey, span = 12): Band[] {
  const last = bands.at(-1);
  if (last === undefined) return bandsOfLevel(0, key);
  const from = typeof last.fromPeriod === 'number' ? last.fromPeriod : 1;
  const closed: Band = { ...last, toPeriod: from + span - 1 };
  return [...bands.slice(0, -1), closed, { fromPeriod: from + span, [key]: last[key] ?? 0 }];
}

/**
 * The bands without one: the next band starts where the removed one did (so they stay contiguous
 * from period 1), and the last is open-ended again.
 */
export function removeBand(bands: readonly Band[], index: number): Band[] {
  const removed = bands[index];
  if (removed === undefined || bands.length <= 1) return [...bands];
  const rest = bands.filter((_, k) => k !== index);
  return rest.map((band, k) => {
    let next: Band = k === index ? { ...band, fromPeriod: removed.fromPeriod } : band;
    if (k === rest.length - 1) {
      const { toPeriod: _open, ...open } = next;
      next = open;
    }
    return next;
  });
}

/** A band's period-end edited: the next band starts the period after, keeping the bands contiguous. */
export function setBandEnd(bands: readonly Band[], index: number, toPeriod: Json | undefined): Band[] {
  return bands.map((band, k) => {
    if (k === index) {
      if (toPeriod === undefined) {
        const { toPeriod: _open, ...open } = band;
        return open;
      }
      return { ...band, toPeriod };
    }
    if (k === index + 1 && typeof toPeriod === 'number') return { ...band, fromPeriod: toPeriod + 1 };
    return band;
  });
}
