import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dealTables } from '../../../service/runs/prospectus-tables.ts';
import { FORD_2025_A_SOURCE, FORD_2025_A_SPEEDS, FORD_2025_A_TABLES } from '../../fixtures/prospectus/ford-2025-a-published.ts';
import { compareGrid, publishedRows, type CellMiss } from './published.ts';

// Golden test: the Ford Credit Auto Owner Trust 2025-A preliminary prospectus's ABS tables for both
// deal sizes (FORD_2025_A_SOURCE; each table's location in the fixture), from one deal file per size
// (test/fixtures/prospectus/ford-2025-a.json for $1,315,790,000 of notes, ford-2025-a-1579.json for
// $1,578,940,000: each size has its own notes, sub-pools and YSOC schedules) through deal.tables. Conventions as for Toyota
// (docs/prospectus-tables.md): WAL in years on 30/360 from closing (25 Mar 2025); the first payment
// date (15 Apr 2025) carries one collection month (cutoff at the start of 1 Mar 2025); decrement cells
// to call. Ford's own constructs: the Class A-1 turbo (a turbo step on A-1 after the targetOC step),
// the targeted OC = YSOC + 2.00% of the initial adjusted pool, the YSOC schedule that steps down from
// a 6.85% to a 5.85% stated rate once the floating rate (A-2b) notes are paid (afterNotesPaid). Not
// stated for the tables, found from them (ford-2025-a-conventions.test.ts): the servicing fee 1/12 of
// 1.00% of the pool a month (Ford Credit's servicing fee, p. 11) and the trust's fees and expenses of
// item (1) of the priority of payments (p. 86, capped at $375,000 a year) as $16,000 a year paid on the
// first payment date and every twelfth after. No tolerance and no expected misses: every printed cell.

const FILES = { '1316': 'test/fixtures/prospectus/ford-2025-a.json', '1579': 'test/fixtures/prospectus/ford-2025-a-1579.json' } as const;

describe('Ford Credit Auto Owner Trust 2025-A: every published WAL and decrement cell', () => {
  for (const size of ['1316', '1579'] as const) {
    const file = FILES[size];
    const result = dealTables({ deal: JSON.parse(readFileSync(file, 'utf8')) as unknown, speeds: FORD_2025_A_SPEEDS, call: 'both' });
    const table = (callCase: string, noteId: string) => result.cases.find((c) => c.callCase === callCase)?.tables.find((t) => t.noteId === noteId);
    const published = FORD_2025_A_TABLES.filter((t) => t.size === size);

    it(`$${size} million of notes: the deal file cites the prospectus the figures come from`, () => {
      const description = (JSON.parse(readFileSync(file, 'utf8')) as { description: string }).description;
      expect(description).toContain(FORD_2025_A_SOURCE.path);
      expect(description).toContain(FORD_2025_A_SOURCE.commit);
    });

    it(`$${size} million of notes: the WALs to call and to maturity, 72 of 72 printed`, () => {
      for (const t of published) {
        expect({
          note: t.noteId,
          call: table('toCall', t.noteId)
            ?.columns.map((c) => c.walPrinted)
            .join(' '),
        }).toEqual({ note: t.noteId, call: t.walToCall });
        expect({
          note: t.noteId,
          maturity: table('toMaturity', t.noteId)
            ?.columns.map((c) => c.walPrinted)
            .join(' '),
        }).toEqual({ note: t.noteId, maturity: t.walToMaturity });
      }
    });

    it(`$${size} million of notes: every decrement cell to call, 2,310 of 2,310 (1,980 printed; A-2a and A-2b each against the A-2 column)`, () => {
      let cells = 0;
      const misses: CellMiss[] = [];
      for (const t of published) {
        const model = table('toCall', t.noteId);
        expect(model, t.noteId).toBeDefined();
        if (!model) continue;
        const compared = compareGrid(`${t.noteId} ${t.size} (${t.location})`, model, publishedRows(t.rows, result.closingDate, 15));
        cells += compared.cells;
        misses.push(...compared.misses);
      }
      // 55 rows (closing, April 2025 … September 2029) × 6 speeds × 7 classes (A-2a and A-2b share one printed column).
      expect(cells).toBe(2310);
      expect(misses).toEqual([]);
    });
  }
});
