import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dealTables } from '../../../service/runs/prospectus-tables.ts';
import { GMCAR_2025_2_SOURCE, GMCAR_2025_2_SPEEDS, GMCAR_2025_2_TABLES } from '../../fixtures/prospectus/gmcar-2025-2-published.ts';
import { compareGrid, publishedRows, type CellMiss } from './published.ts';

// Golden test: the GM Financial Consumer Automobile Receivables Trust 2025-2 preliminary prospectus
// (AFS SenSub Corp., the depositor of AmeriCredit Automobile Receivables Trusts too; GMCAR_2025_2_SOURCE)
// — the third issuer's tables for each of its three deal sizes, each from one deal file
// (test/fixtures/prospectus/gmcar-2025-2-930.json, -1291.json, -1550.json: each size has its own notes,
// pools and YSOC schedule) through deal.tables. No AmeriCredit Automobile
// Receivables Trust 2025 prospectus is in the source repository (its AFS SenSub 2025 filings are GMCAR
// 2025-1, -2, -3), so this sibling shelf's deal stands in. What it takes from the text, as stated
// (pp. 79–84): 24 pools, 12 with an assumed cutoff date of 3/1/2025 (startMonth 1: first due 31 March)
// and 12 of 4/1/2025 (startMonth 2: first due 30 April) — the per-line start months; payments on the 16th
// from June 2025, so the first payment date carries the March, April and May collections
// (firstPeriodCollectionMonths 3, the cutoff at the end of 10 March); notes purchased 14 May 2025; A-1 and
// A-2-B interest ACT/360 (A-2-B at the assumed fixed 5.17369%), the others 30/360; the A-2-A / A-2-B split
// 84.01 m / 253 m; servicing 1.00% a year on the pool at the start of each collection period; trustee and
// other fees $667 a month; the YSOC schedule at 7.25%, 6.25% once the A-2-B notes are paid; principal
// sequentially to the OC target of 2.75% of the adjusted pool at the cutoff (Summary, p. 15); the 10%
// clean-up call at the earliest opportunity. Conventions as for Toyota and Ford (docs/prospectus-tables.md):
// WAL on 30/360 from closing; decrement cells to call.
const FILES = {
  '930': 'test/fixtures/prospectus/gmcar-2025-2-930.json',
  '1291': 'test/fixtures/prospectus/gmcar-2025-2-1291.json',
  '1550': 'test/fixtures/prospectus/gmcar-2025-2-1550.json',
} as const;

/** The Class A-2 table prints one column for both A-2 notes. */
const modelIds = (published: string): string[] => (published === 'A-2' ? ['A-2a', 'A-2b'] : [published]);

describe('GM Financial Consumer Automobile Receivables Trust 2025-2: every published WAL and decrement cell, three deal sizes', () => {
  for (const size of ['930', '1291', '1550'] as const) {
    const file = FILES[size];
    const result = dealTables({ deal: JSON.parse(readFileSync(file, 'utf8')) as unknown, speeds: GMCAR_2025_2_SPEEDS, call: 'both' });
    const table = (callCase: string, noteId: string) => result.cases.find((c) => c.callCase === callCase)?.tables.find((t) => t.noteId === noteId);
    const published = GMCAR_2025_2_TABLES.filter((t) => t.size === size);

    it(`${size}: the deal file cites the prospectus the figures come from`, () => {
      const description = (JSON.parse(readFileSync(file, 'utf8')) as { description: string }).description;
      expect(description).toContain(GMCAR_2025_2_SOURCE.path);
      expect(description).toContain(GMCAR_2025_2_SOURCE.commit);
    });

    it(`${size}: the WALs to call and to maturity, 72 of 72 printed (84 with both A-2 notes)`, () => {
      let compared = 0;
      for (const t of published) {
        for (const noteId of modelIds(t.noteId)) {
          const wal = (callCase: string) =>
            table(callCase, noteId)
              ?.columns.map((c) => c.walPrinted)
              .join(' ');
          expect({ note: noteId, call: wal('toCall'), maturity: wal('toMaturity') }).toEqual({ note: noteId, call: t.walToCall, maturity: t.walToMaturity });
          compared += 12;
        }
      }
      expect(compared).toBe(84);
    });

    it(`${size}: every decrement cell to call, 1,908 of 1,908 printed`, () => {
      let cells = 0;
      const misses: CellMiss[] = [];
      for (const t of published) {
        for (const noteId of modelIds(t.noteId)) {
          const model = table('toCall', noteId);
          expect(model, noteId).toBeDefined();
          if (!model) continue;
          const compared = compareGrid(`${noteId} (${t.location})`, model, publishedRows(t.rows, result.closingDate, 16));
          if (noteId !== 'A-2b') cells += compared.cells;
          misses.push(...compared.misses);
        }
      }
      // 53 rows (closing, June 2025 … September 2029) × 6 speeds × 6 printed tables.
      expect(cells).toBe(1908);
      expect(misses).toEqual([]);
    });
  }
});
