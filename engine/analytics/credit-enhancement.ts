import { assert } from '../errors.ts';
import { assertNonNegativeAmount } from './leg.ts';

/** Balances at the same points in time (closing first, then each period end), column by column. */
export interface CreditEnhancementInput {
  /** Pool (collateral) balance at each point. */
  readonly poolBalance: ArrayLike<number>;
  /** Each note's balance at each point, most senior note first. */
  readonly noteBalances: readonly ArrayLike<number>[];
  /**
   * Each note's seniority rank, aligned with noteBalances (non-decreasing): notes of one rank are one
   * class, which takes losses pro rata, so they share one credit enhancement. Default: every note its
   * own rank.
   */
  readonly ranks?: ArrayLike<number>;
  /** Reserve account balance at each point; counted as enhancement when given. */
  readonly reserveBalance?: ArrayLike<number>;
}

/**
 * Credit enhancement of each note at each point, as a decimal of the pool balance:
 *
 *   CE(note i, t) = (pool_t + reserve_t − Σ_{j: rank_j ≤ rank_i} note_j,t) / pool_t
 *
 * i.e. the share of the pool that could be lost before note i loses anything: subordinate notes
 * plus overcollateralisation (plus the reserve when given). Notes listed most senior first, so
 * rank_j ≤ rank_i is the note's own class (every note of its rank: paid and written down pro rata
 * with it) and every class senior to it. Negative when the note and its seniors exceed the
 * collateral (the note is already impaired). Null where the pool balance is 0 (paid off: CE undefined).
 * Result indexed [note][point], aligned with the input columns; put the closing balances first to get
 * CE at closing.
 */
export function creditEnhancement(input: CreditEnhancementInput): (number | null)[][] {
  const { poolBalance, noteBalances, reserveBalance, ranks } = input;
  const points = poolBalance.length;
  assert(noteBalances.length >= 1, 'CE_COLUMNS', { notes: 0 });
  for (const [i, column] of [...noteBalances, ...(reserveBalance ? [reserveBalance] : [])].entries()) {
    assert(column.length === points, 'CE_COLUMNS', { column: i < noteBalances.length ? `note ${i}` : 'reserve', length: column.length, points });
  }
  if (ranks !== undefined) {
    assert(ranks.length === noteBalances.length, 'CE_COLUMNS', { column: 'ranks', length: ranks.length, notes: noteBalances.length });
    for (let i = 1; i < ranks.length; i++) assert((ranks[i] ?? Number.NaN) >= (ranks[i - 1] ?? Number.NaN), 'CE_COLUMNS', { column: 'ranks', rule: 'most senior first', at: i });
  }
  const result = noteBalances.map((): (number | null)[] => Array.from({ length: points }, () => null));
  for (let t = 0; t < points; t++) {
    const pool = poolBalance[t] ?? Number.NaN;
    assertNonNegativeAmount(pool, `poolBalance[${t}]`);
    const reserve = reserveBalance ? (reserveBalance[t] ?? Number.NaN) : 0;
    assertNonNegativeAmount(reserve, `reserveBalance[${t}]`);
    let seniorAndOwn = 0;
    for (let i = 0; i < noteBalances.length;) {
      // The note's class: it and the notes after it of the same rank.
      const rank = ranks?.[i];
      let end = i + 1;
      if (rank !== undefined) while (end < noteBalances.length && ranks?.[end] === rank) end++;
      for (let j = i; j < end; j++) {
        const note = noteBalances[j]?.[t] ?? Number.NaN;
        assertNonNegativeAmount(note, `noteBalances[${j}][${t}]`);
        seniorAndOwn += note;
      }
      for (let j = i; j < end; j++) {
        const row = result[j];
        if (row && pool > 0) row[t] = (pool + reserve - seniorAndOwn) / pool;
      }
      i = end;
    }
  }
  return result;
}
