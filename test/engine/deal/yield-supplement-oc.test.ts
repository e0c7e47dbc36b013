import { describe, expect, it } from 'vitest';
import { dealIssues, runDeal, type Deal } from '../../../engine/index.ts';
import { amortizingRows, DATES, note, poolOf } from './helpers.ts';

// Yield supplement overcollateralization (Toyota Auto Receivables 2025-A, 424(h) of 15 Jan 2025,
// "Calculation of Principal Distribution Amounts": Adjusted Pool Balance = Pool Balance − YSOC
// amount; the notes are paid down to the Adjusted Pool Balance less the OC target, a % of the
// Adjusted Pool Balance at the cutoff). Worked by hand:
//
// Pool 1,000,000 at the cutoff, 100,000 principal a month, 1 % interest a month on the beginning
// balance. YSOC 50,000 at the cutoff, 40,000 after period 1, 30,000 after period 2.
// Note A 950,000 at 0 % (= the adjusted pool at the cutoff). OC target = 1 % × 950,000 = 9,500.
// Combined waterfall: A interest (0), principal to the target (targetOC, ocFloor 1 %), the rest to the seller.
//   Period 1: funds 10,000 + 100,000 = 110,000. Adjusted pool 900,000 − 40,000 = 860,000;
//             target notes 860,000 − 9,500 = 850,500 → A pays 950,000 − 850,500 = 99,500; seller 10,500.
//   Period 2: funds 9,000 + 100,000 = 109,000. Adjusted pool 800,000 − 30,000 = 770,000;
//             target 760,500 → A pays 850,500 − 760,500 = 90,000; seller 19,000.
// Without the YSOC the same step targets 900,000 − 1 % × 1,000,000 = 890,000 → pays 60,000 in period 1.

const rows = amortizingRows(1_000_000, [{ scheduled: 100_000 }, { scheduled: 100_000 }, { scheduled: 100_000 }]);

function deal(extra: Partial<Deal> = {}): Deal {
  return {
    dates: DATES,
    notes: [note('A', 1, 950_000, 0)],
    waterfall: {
      combined: [
        { kind: 'interest', notes: ['A'] },
        { kind: 'principal', rule: 'sequential', amount: 'targetOC', ocFloor: 0.01 },
        { kind: 'residual', to: 'seller' },
      ],
    },
    ...extra,
  };
}

describe('yield supplement overcollateralization', () => {
  it('pays the notes down to the adjusted pool (pool − YSOC) less the OC target on the adjusted cutoff pool', () => {
    const result = runDeal(deal({ yieldSupplementOC: { atCutoff: 50_000, byPeriod: [40_000, 30_000], requiredRate: 0.0765 } }), poolOf(1_000_000, rows));
    expect(result.periods[0]?.notes[0]?.principalPaid).toBe(99_500);
    expect(result.periods[0]?.residualToSeller).toBe(10_500);
    expect(result.periods[1]?.notes[0]?.principalPaid).toBe(90_000);
    expect(result.periods[1]?.residualToSeller).toBe(19_000);
  });

  it('without it, the target is on the pool itself', () => {
    const result = runDeal(deal(), poolOf(1_000_000, rows));
    expect(result.periods[0]?.notes[0]?.principalPaid).toBe(60_000);
  });

  it('switches to the second schedule from the first payment date that starts with its notes paid', () => {
    // Ford Credit Auto Owner Trust 2025-A: the YSOC steps down once the floating rate notes are paid.
    // Notes A 100,000 (senior) and B 850,000, both 0 %; schedules 40,000 / 30,000 / 20,000 and, once A
    // is paid, 35,000 / 25,000 / 15,000; OC target 1 % × 950,000 = 9,500.
    //   P1: A starts at 100,000 → 40,000; target (900,000 − 40,000) − 9,500 = 850,500 → pays 99,500 (A 99,500).
    //   P2: A starts at 500 → still 30,000; target 760,500 → pays 90,000 (A 500, B 89,500).
    //   P3: A starts at 0 → 15,000 from the second schedule; funds 8,000 + 100,000 = 108,000;
    //       target (700,000 − 15,000) − 9,500 = 675,500 → B pays 760,500 − 675,500 = 85,000; seller 23,000.
    const twoNotes = deal({
      notes: [note('A', 1, 100_000, 0), note('B', 2, 850_000, 0)],
      waterfall: {
        combined: [
          { kind: 'principal', rule: 'sequential', amount: 'targetOC', ocFloor: 0.01 },
          { kind: 'residual', to: 'seller' },
        ],
      },
      yieldSupplementOC: { atCutoff: 50_000, byPeriod: [40_000, 30_000, 20_000], afterNotesPaid: { notes: ['A'], byPeriod: [35_000, 25_000, 15_000] } },
    });
    // A fourth month, so that period 3 is not the pool horizon's final period (which pays every note).
    const fourMonths = amortizingRows(1_000_000, [{ scheduled: 100_000 }, { scheduled: 100_000 }, { scheduled: 100_000 }, { scheduled: 100_000 }]);
    const result = runDeal(twoNotes, poolOf(1_000_000, fourMonths));
    expect(result.periods.slice(0, 3).map((p) => p.notes.map((n) => n.principalPaid))).toEqual([
      [99_500, 0],
      [500, 89_500],
      [0, 85_000],
    ]);
    expect(result.periods[2]?.residualToSeller).toBe(23_000);
  });

  it('names an unknown note of the second schedule at its path', () => {
    const bad = deal({ yieldSupplementOC: { atCutoff: 1, byPeriod: [1], afterNotesPaid: { notes: ['Z'], byPeriod: [1] } } });
    expect(dealIssues(bad).map((i) => [i.path, i.rule])).toEqual([['yieldSupplementOC.afterNotesPaid.notes[0]', "unknown note 'Z'"]]);
  });
});
