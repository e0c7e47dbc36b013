import { assert } from '../errors.ts';

/**
 * A user's table from expected loss to a rating scale, best rating first: a note whose expected loss
 * (as a fraction of its original balance) is at most a row's `maxExpectedLoss` earns that row's rating
 * or a better one. The workbench ships no agency table (Moody's idealised expected-loss table is the
 * agency's own publication); the analyst supplies the one to use.
 */
export interface RatingRow {
  readonly rating: string;
  readonly maxExpectedLoss: number;
}

/** Checks the table: rows in order from best, with limits rising (≥ 0). */
export function checkRatingTable(table: readonly RatingRow[]): void {
  assert(table.length > 0, 'MC_RATING_TABLE', { rows: 0 });
  table.forEach((row, i) => {
    const previous = table[i - 1];
    assert(row.maxExpectedLoss >= 0 && (previous === undefined || row.maxExpectedLoss > previous.maxExpectedLoss), 'MC_RATING_TABLE', {
      row: i,
      rating: row.rating,
      maxExpectedLoss: row.maxExpectedLoss,
    });
  });
}

/** The best rating whose limit the expected loss meets, or null when it is above every limit. */
export function impliedRating(expectedLoss: number, table: readonly RatingRow[]): string | null {
  return table.find((row) => expectedLoss <= row.maxExpectedLoss)?.rating ?? null;
}
