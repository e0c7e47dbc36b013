import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dealTables } from '../../../service/runs/prospectus-tables.ts';
import { FORD_2025_A_SPEEDS, FORD_2025_A_TABLES } from '../../fixtures/prospectus/ford-2025-a-published.ts';
import { compareGrid, publishedRows } from './published.ts';

// The evidence for the trust fees and expenses Ford Credit 2025-A's ABS tables assume (not stated:
// docs/prospectus-tables.md "Golden test 2"). The whole golden comparison of both deal sizes is rerun
// with the deal files' "trust-expenses" fee replaced, counting the published figures still matched:
// 168 compared WALs (144 printed) and 4,620 compared decrement cells (3,960 printed; A-2a and A-2b are each compared with the
// A-2 column). The misses without the fee are all model balances below print (more principal paid) by
// about the same $16,000 at both sizes — a fixed amount, not a rate on the pool or the notes — first on
// the first payment date and again from the thirteenth.

type DealJson = Record<string, unknown> & { fees: { id: string; basis: unknown }[]; waterfall: { combined: { kind: string; fee?: string }[] } };

const FILES = { '1316': 'test/fixtures/prospectus/ford-2025-a.json', '1579': 'test/fixtures/prospectus/ford-2025-a-1579.json' } as const;

function matched(change: (deal: DealJson) => DealJson): { wal: number; cells: number } {
  let wal = 0;
  let cells = 0;
  for (const size of ['1316', '1579'] as const) {
    const result = dealTables({ deal: change(JSON.parse(readFileSync(FILES[size], 'utf8')) as DealJson), speeds: FORD_2025_A_SPEEDS, call: 'both' });
    const table = (callCase: string, noteId: string) => result.cases.find((c) => c.callCase === callCase)?.tables.find((t) => t.noteId === noteId);
    for (const t of FORD_2025_A_TABLES.filter((x) => x.size === size)) {
      for (const [callCase, printed] of [
        ['toCall', t.walToCall],
        ['toMaturity', t.walToMaturity],
      ] as const) {
        const got = table(callCase, t.noteId)?.columns.map((c) => c.walPrinted) ?? [];
        wal += printed.split(' ').filter((p, i) => got[i] === p).length;
      }
      const model = table('toCall', t.noteId);
      if (!model) continue;
      const compared = compareGrid(t.noteId, model, publishedRows(t.rows, result.closingDate, 15));
      cells += compared.cells - compared.misses.filter((m) => m.column >= 0).length;
    }
  }
  return { wal, cells };
}

/** The deal with the trust's fees and expenses as `basis` (or without them). */
const trustExpenses =
  (basis?: unknown) =>
  (deal: DealJson): DealJson =>
    basis === undefined
      ? { ...deal, fees: deal.fees.filter((f) => f.id !== 'trust-expenses'), waterfall: { combined: deal.waterfall.combined.filter((s) => s.fee !== 'trust-expenses') } }
      : { ...deal, fees: deal.fees.map((f) => (f.id === 'trust-expenses' ? { ...f, basis } : f)) };

/** $x a year, paid on the first payment date and every twelfth after. */
const yearly = (x: number) => trustExpenses({ type: 'fixed', amount: x, everyPeriods: 12 });

describe('Ford Credit 2025-A: the trust fees and expenses the ABS tables assume, from the numbers', () => {
  it('the deal files as written ($16,000 a year) match every figure', () => {
    expect(matched((d) => d)).toEqual({ wal: 168, cells: 4620 });
  });

  it('without them 96 cells miss (the 68 printed cells of Classes A-1 and A-2 the earlier model missed)', () => {
    expect(matched(trustExpenses())).toEqual({ wal: 168, cells: 4524 });
  });

  it('$15,800 to $16,050 a year match; $15,775 and $16,075 each miss a cell', () => {
    expect(matched(yearly(15_800))).toEqual({ wal: 168, cells: 4620 });
    expect(matched(yearly(16_050))).toEqual({ wal: 168, cells: 4620 });
    expect(matched(yearly(15_775))).toEqual({ wal: 168, cells: 4619 });
    expect(matched(yearly(16_075))).toEqual({ wal: 168, cells: 4619 });
  });

  it('paid once, on the first payment date only, Class A-2 misses April 2026 at 0.00% and 0.50% ABS ($1,578,940,000)', () => {
    expect(matched(trustExpenses({ type: 'oneOff', amount: 16_000, period: 1 }))).toEqual({ wal: 168, cells: 4616 });
  });

  it('spread over the year instead — monthly, quarterly or half-yearly — figures miss', () => {
    expect(matched(trustExpenses({ type: 'fixed', amount: 1333.33 }))).toEqual({ wal: 168, cells: 4585 });
    expect(matched(trustExpenses({ type: 'fixed', amount: 4000, everyPeriods: 3 }))).toEqual({ wal: 168, cells: 4592 });
    expect(matched(trustExpenses({ type: 'fixed', amount: 8000, everyPeriods: 6 }))).toEqual({ wal: 168, cells: 4607 });
  });

  it('the other conventions, rerun with the fee: the WAL on ACT/365, the YSOC at 6.85% throughout, the servicing fee on interest-period days all lose figures', () => {
    expect(matched((d) => ({ ...d, analytics: { walBasis: 'ACT/365' } }))).toEqual({ wal: 91, cells: 4620 });
    expect(matched((d) => ({ ...d, yieldSupplementOC: { ...(d.yieldSupplementOC as Record<string, unknown>), afterNotesPaid: undefined } }))).toEqual({ wal: 114, cells: 4370 });
    const servicing = { type: 'poolBalance', rateAnnual: 0.01, dayCount: '30/360' };
    expect(matched((d) => ({ ...d, fees: d.fees.map((f) => (f.id === 'servicing' ? { ...f, basis: servicing } : f)) }))).toEqual({ wal: 168, cells: 4402 });
  });

  it('the WAL is in years on 30/360 from closing: ACT/360 keeps 8 of the 168 compared WALs, months/12 none', () => {
    // TABLE_404 / TABLE_407 (pp. 108–109): "the number of years from the date of the issuance of the note to the related
    // payment date", no day count. months/12 counts the 21 days from closing (25 Mar) to 15 Apr 2025 as a whole month.
    expect(matched((d) => ({ ...d, analytics: { walBasis: 'ACT/360' } }))).toEqual({ wal: 8, cells: 4620 });
    expect(matched((d) => ({ ...d, analytics: { walBasis: 'months/12' } }))).toEqual({ wal: 0, cells: 4620 });
  });
});
