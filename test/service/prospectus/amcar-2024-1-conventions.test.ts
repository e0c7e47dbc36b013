import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PercentPrecision } from '../../../engine/index.ts';
import { dealTables } from '../../../service/runs/prospectus-tables.ts';
import { AMCAR_2024_1_SPEEDS, AMCAR_2024_1_TABLES } from '../../fixtures/prospectus/amcar-2024-1-published.ts';
import { compareGrid, publishedRows } from './published.ts';

// The evidence for AmeriCredit 2024-1's conventions (docs/prospectus-tables.md): the whole golden
// comparison of both sizes rerun with one convention changed, counting the figures still matched of 96
// compared WALs (80 printed) and 2,976 compared decrement cells (2,480 printed; A-2-A and A-2-B are each
// compared with the A-2 column).

type DealJson = Record<string, unknown> & {
  fees: { id: string; basis: Record<string, unknown> }[];
  reserve: Record<string, unknown>;
  waterfall: { combined: Record<string, unknown>[] };
};

const FILES = { '1241': 'test/fixtures/prospectus/amcar-2024-1-1241.json', '1580': 'test/fixtures/prospectus/amcar-2024-1-1580.json' } as const;

function matched(change: (deal: DealJson) => DealJson, precision: PercentPrecision = 'wholePercentNoAsterisk'): { wal: number; cells: number } {
  let wal = 0;
  let cells = 0;
  for (const size of ['1241', '1580'] as const) {
    const result = dealTables({ deal: change(JSON.parse(readFileSync(FILES[size], 'utf8')) as DealJson), speeds: AMCAR_2024_1_SPEEDS, call: 'both', precision });
    const table = (callCase: string, noteId: string) => result.cases.find((c) => c.callCase === callCase)?.tables.find((t) => t.noteId === noteId);
    for (const t of AMCAR_2024_1_TABLES.filter((x) => x.size === size)) {
      for (const [callCase, printed] of [
        ['toCall', t.walToCall],
        ['toMaturity', t.walToMaturity],
      ] as const) {
        const got = table(callCase, t.noteId)?.columns.map((c) => c.walPrinted) ?? [];
        wal += printed.split(' ').filter((p, i) => got[i] === p).length;
      }
      const model = table('toCall', t.noteId);
      if (!model) continue;
      const compared = compareGrid(t.noteId, model, publishedRows(t.rows, result.closingDate, 18), '0');
      cells += compared.cells - compared.misses.filter((m) => m.column >= 0).length;
    }
  }
  return { wal, cells };
}

const servicing =
  (basis: Record<string, unknown>) =>
  (deal: DealJson): DealJson => ({ ...deal, fees: deal.fees.map((f) => (f.id === 'servicing' ? { ...f, basis } : f)) });

/** The OC target without the reserve's required amount subtracted: 14.75% of the pool. */
const noReserveInTarget = (d: DealJson): DealJson => ({ ...d, waterfall: { combined: d.waterfall.combined.map((s) => (s['amount'] === 'targetOC' ? { ...s, ocInitialPercent: 0 } : s)) } });

describe('AmeriCredit 2024-1: the conventions, from the numbers', () => {
  it('the deal files as written match every figure', () => {
    expect(matched((d) => d)).toEqual({ wal: 96, cells: 2976 });
  });

  it('the first distribution date’s servicing fee on 47/360 (15 April – 31 May), as the Summary states: 2/12 or the 20-day interest period lose cells', () => {
    expect(matched(servicing({ type: 'poolBalance', rateAnnual: 0.0225, accrueOver: 'collectionMonths' }))).toEqual({ wal: 96, cells: 2961 });
    expect(matched(servicing({ type: 'poolBalance', rateAnnual: 0.0225, dayCount: '30/360' }))).toEqual({ wal: 80, cells: 2918 });
  });

  it('"rounded to the nearest whole number": printing * under 0.5% loses cells', () => {
    expect(matched((d) => d, 'wholePercent')).toEqual({ wal: 96, cells: 2970 });
  });

  it('the WAL is in years on 30/360 from closing (29 May 2024): ACT/365 keeps 60 of 96 WALs, ACT/360 12, months/12 none', () => {
    // months/12 counts the 20 days from closing to the first distribution date, 18 June 2024, as a whole month.
    expect(matched((d) => ({ ...d, analytics: { walBasis: 'ACT/365' } }))).toEqual({ wal: 60, cells: 2976 });
    expect(matched((d) => ({ ...d, analytics: { walBasis: 'ACT/360' } }))).toEqual({ wal: 12, cells: 2976 });
    expect(matched((d) => ({ ...d, analytics: { walBasis: 'months/12' } }))).toEqual({ wal: 0, cells: 2976 });
  });

  it('the OC target less the reserve’s required amount, the reserve funded at closing: each alternative loses figures', () => {
    expect(matched(noReserveInTarget)).toEqual({ wal: 16, cells: 2529 });
    expect(matched((d) => ({ ...d, reserve: { ...d.reserve, initialDeposit: 0 } }))).toEqual({ wal: 60, cells: 2896 });
  });
});
