import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dealTables } from '../../../service/runs/prospectus-tables.ts';
import { GMCAR_2025_2_SPEEDS, GMCAR_2025_2_TABLES } from '../../fixtures/prospectus/gmcar-2025-2-published.ts';

// The evidence for the WAL year basis of GM Financial 2025-2's tables (docs/prospectus-tables.md, golden
// test 3): the prospectus defines the weighted average life by "the number of years from the date of the
// issuance of the publicly offered note to the related distribution date" (p. 88, TABLE_252 – TABLE_254)
// without a day count. Each basis is rerun over the three deal sizes, counting the published WALs still
// matched of 252 compared (to call and to maturity, 6 speeds, 6 tables, 3 sizes; the Class A-2 column
// compared with both A-2 notes). Decrement cells do not depend on the WAL basis.

const FILES = {
  '930': 'test/fixtures/prospectus/gmcar-2025-2-930.json',
  '1291': 'test/fixtures/prospectus/gmcar-2025-2-1291.json',
  '1550': 'test/fixtures/prospectus/gmcar-2025-2-1550.json',
} as const;

/** The Class A-2 table prints one column for both A-2 notes. */
const modelIds = (published: string): string[] => (published === 'A-2' ? ['A-2a', 'A-2b'] : [published]);

function walsMatched(walBasis: string): { matched: number; compared: number } {
  let matched = 0;
  let compared = 0;
  for (const size of ['930', '1291', '1550'] as const) {
    const deal = JSON.parse(readFileSync(FILES[size], 'utf8')) as Record<string, unknown>;
    const result = dealTables({ deal: { ...deal, analytics: { walBasis } }, speeds: GMCAR_2025_2_SPEEDS, call: 'both' });
    const table = (callCase: string, noteId: string) => result.cases.find((c) => c.callCase === callCase)?.tables.find((t) => t.noteId === noteId);
    for (const t of GMCAR_2025_2_TABLES.filter((x) => x.size === size)) {
      for (const noteId of modelIds(t.noteId)) {
        for (const [callCase, printed] of [
          ['toCall', t.walToCall],
          ['toMaturity', t.walToMaturity],
        ] as const) {
          const got = table(callCase, noteId)?.columns.map((c) => c.walPrinted) ?? [];
          const cells = printed.split(' ');
          compared += cells.length;
          matched += cells.filter((p, k) => got[k] === p).length;
        }
      }
    }
  }
  return { matched, compared };
}

describe('GM Financial 2025-2: the WAL year basis, from the numbers', () => {
  it('30/360 from closing (14 May 2025) matches all 252; ACT/365 150, ACT/360 22, months/12 118', () => {
    expect(walsMatched('30/360')).toEqual({ matched: 252, compared: 252 });
    expect(walsMatched('ACT/365')).toEqual({ matched: 150, compared: 252 });
    expect(walsMatched('ACT/360')).toEqual({ matched: 22, compared: 252 });
    // months/12 counts the 32 days (30/360) from closing to the first distribution date, 16 June 2025, as one month.
    expect(walsMatched('months/12')).toEqual({ matched: 118, compared: 252 });
  });
});
