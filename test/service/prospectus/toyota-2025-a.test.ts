import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dealTables } from '../../../service/runs/prospectus-tables.ts';
import { TOYOTA_2025_A_SOURCE, TOYOTA_2025_A_SPEEDS, TOYOTA_2025_A_TABLES } from '../../fixtures/prospectus/toyota-2025-a-published.ts';
import { compareGrid, publishedRows, type CellMiss } from './published.ts';

// Golden test: the Toyota Auto Receivables 2025-A Owner Trust preliminary prospectus's ABS tables
// (TOYOTA_2025_A_SOURCE: file, commit; each table's location in the fixture), reproduced from ONE
// deal file per deal size (test/fixtures/prospectus/toyota-2025-a.json for $1.5 bn of notes,
// toyota-2025-a-1900.json for $1.9 bn: the two sizes have their own notes, hypothetical pools and YSOC
// schedule) by the service's deal.tables — every speed, to call and to maturity, in one call.
// Conventions found from the numbers (docs/prospectus-tables.md): the first payment date carries two
// collection months (December and January); the WAL is in years on 30/360 from the closing date
// (ACT/365 misses 11 of the 144 printed WALs, ACT/360 124, months/12 all); the decrement cells are to call.
// Every printed figure must match at print precision: no tolerance.

/** Cells the model does not reproduce, each with the reason. None. */
const EXPECTED_MISSES: readonly CellMiss[] = [];

const FILES = { '1500': 'test/fixtures/prospectus/toyota-2025-a.json', '1900': 'test/fixtures/prospectus/toyota-2025-a-1900.json' } as const;

describe('Toyota Auto Receivables 2025-A: every published WAL and decrement cell', () => {
  for (const size of ['1500', '1900'] as const) {
    const result = dealTables({ deal: JSON.parse(readFileSync(FILES[size], 'utf8')) as unknown, speeds: TOYOTA_2025_A_SPEEDS, call: 'both' });
    const toCall = result.cases.find((c) => c.callCase === 'toCall');
    const toMaturity = result.cases.find((c) => c.callCase === 'toMaturity');
    const published = TOYOTA_2025_A_TABLES.filter((t) => t.size === size);

    it(`$${size} million of notes: the deal file cites the prospectus the figures come from`, () => {
      const description = (JSON.parse(readFileSync(FILES[size], 'utf8')) as { description: string }).description;
      expect(description).toContain(TOYOTA_2025_A_SOURCE.path);
      expect(description).toContain(TOYOTA_2025_A_SOURCE.commit);
    });

    it(`$${size} million of notes: the WALs to call and to maturity (${published.length * 12} printed)`, () => {
      expect(result.walBasis).toBe('30/360');
      for (const t of published) {
        const call = toCall?.tables.find((x) => x.noteId === t.noteId);
        const maturity = toMaturity?.tables.find((x) => x.noteId === t.noteId);
        expect({ note: t.noteId, location: t.location, call: call?.columns.map((c) => c.walPrinted).join(' ') }).toEqual({ note: t.noteId, location: t.location, call: t.walToCall });
        expect({ note: t.noteId, location: t.location, maturity: maturity?.columns.map((c) => c.walPrinted).join(' ') }).toEqual({ note: t.noteId, location: t.location, maturity: t.walToMaturity });
      }
    });

    it(`$${size} million of notes: every decrement cell, to call`, () => {
      let cells = 0;
      const misses: CellMiss[] = [];
      for (const t of published) {
        const model = toCall?.tables.find((x) => x.noteId === t.noteId);
        expect(model, t.noteId).toBeDefined();
        if (!model) continue;
        const compared = compareGrid(`${t.noteId} ${size} (${t.location})`, model, publishedRows(t.rows, result.closingDate, 15));
        cells += compared.cells;
        misses.push(...compared.misses);
      }
      // 6 speeds × (A-1 13 + A-2a 32 + A-2b 32 + A-3 53 + A-4 57 + B 57 = 244 rows, closing row included) = 1,464 printed cells per size.
      expect(cells).toBe(1464);
      expect(misses).toEqual(EXPECTED_MISSES);
    });
  }
});
