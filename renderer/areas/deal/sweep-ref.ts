import type { SweepJobRef } from '../../app/useSweepJob.ts';

/**
 * A Deal-screen sweep's job (the grid, the Monte Carlo): the inputs it ran (`key`: another key of
 * the same deal makes its result out of date) and the deal they were of (app/deal.ts dealIdentity).
 */
export interface DealSweepRef extends SweepJobRef {
  readonly deal: string;
}

/** Whether the sweep's shown result was computed for the deal chosen now: another deal's is not shown at all, not even as out of date. */
export function shownForDeal(shown: DealSweepRef | null, dealKey: string): boolean {
  return shown !== null && shown.deal === dealKey;
}
