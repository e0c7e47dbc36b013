import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dealTables } from '../../../service/runs/prospectus-tables.ts';
import { AMCAR_2024_1_SOURCE, AMCAR_2024_1_SPEEDS, AMCAR_2024_1_TABLES } from '../../fixtures/prospectus/amcar-2024-1-published.ts';
import { compareGrid, publishedRows, type CellMiss } from './published.ts';

// Golden test: the AmeriCredit Automobile Receivables Trust 2024-1 preliminary prospectus's ABS tables
// (AMCAR_2024_1_SOURCE; each table's location in the fixture) for both deal sizes, from one deal file
// each (test/fixtures/prospectus/amcar-2024-1-1241.json, amcar-2024-1-1580.json) through deal.tables.
// AmeriCredit is GM Financial's sub-prime shelf: no yield supplement; the notes are paid down to 14.75%
// of the pool less the reserve's required amount by excess spread (the turbo is in every printed cell,
// assumption (ix), p. 78), so the coupons and fees move the tables. Stated and modelled (pp. 78–80,
// Summary pp. 14–16): two assumed cutoff dates (4/1 and 5/1/2024; the 5/1 pools start in pool month
// 2), the first distribution date (18 June 2024) carrying April and May, notes purchased 29 May 2024,
// A-1 and A-2-B ACT/360 and the rest 30/360 at the assumed rates, Class E at 0.00% before the 24th
// distribution date and 6.34% after, a 2.25% servicing fee with the first date's fraction 47/360 (15
// April – 31 May), $667 a month of trustee fees, the redemption at 10% of the cutoff pool at the earliest
// opportunity. Not stated for the tables, taken as the Summary's minimum: the reserve's required amount,
// 1.00% of the cutoff pool. Printed "rounded to the nearest whole number" (p. 80): under 0.5% prints 0,
// no asterisk (precision wholePercentNoAsterisk). Every WAL and decrement cell; no tolerance, no misses.

const FILES = { '1241': 'test/fixtures/prospectus/amcar-2024-1-1241.json', '1580': 'test/fixtures/prospectus/amcar-2024-1-1580.json' } as const;

describe('AmeriCredit Automobile Receivables Trust 2024-1: every published WAL and decrement cell, two deal sizes', () => {
  for (const size of ['1241', '1580'] as const) {
    const file = FILES[size];
    const result = dealTables({ deal: JSON.parse(readFileSync(file, 'utf8')) as unknown, speeds: AMCAR_2024_1_SPEEDS, call: 'both', precision: 'wholePercentNoAsterisk' });
    const table = (callCase: string, noteId: string) => result.cases.find((c) => c.callCase === callCase)?.tables.find((t) => t.noteId === noteId);
    const published = AMCAR_2024_1_TABLES.filter((t) => t.size === size);

    it(`${size}: the deal file cites the prospectus the figures come from`, () => {
      const description = (JSON.parse(readFileSync(file, 'utf8')) as { description: string }).description;
      expect(description).toContain(AMCAR_2024_1_SOURCE.path);
      expect(description).toContain(AMCAR_2024_1_SOURCE.commit);
    });

    it(`${size}: the WALs to call and to maturity, 40 of 40 printed (48 with both A-2 notes)`, () => {
      let compared = 0;
      for (const t of published) {
        const wal = (callCase: string) =>
          table(callCase, t.noteId)
            ?.columns.map((c) => c.walPrinted)
            .join(' ');
        expect({ note: t.noteId, call: wal('toCall'), maturity: wal('toMaturity') }).toEqual({ note: t.noteId, call: t.walToCall, maturity: t.walToMaturity });
        compared += 8;
      }
      expect(compared).toBe(48);
    });

    it(`${size}: every decrement cell to call, 1,240 of 1,240 printed (1,488 with both A-2 notes)`, () => {
      let cells = 0;
      const misses: CellMiss[] = [];
      for (const t of published) {
        const model = table('toCall', t.noteId);
        expect(model, t.noteId).toBeDefined();
        if (!model) continue;
        const compared = compareGrid(`${t.noteId} (${t.location})`, model, publishedRows(t.rows, result.closingDate, 18), '0');
        cells += compared.cells;
        misses.push(...compared.misses);
      }
      // 62 rows (closing, June 2024 … June 2029) × 4 speeds × 6 notes.
      expect(cells).toBe(1488);
      expect(misses).toEqual([]);
    });
  }
});
