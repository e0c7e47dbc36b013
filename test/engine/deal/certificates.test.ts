import { describe, expect, it } from 'vitest';
import { runDeal, type Deal } from '../../../engine/index.ts';
import { amortizingRows, DATES, note, poolOf } from './helpers.ts';

// Certificates that receive nothing until the notes are paid (an owner trust's certificate, or a
// subprime deal's residual certificate behind a full turbo), written with the existing steps: all
// funds turbo the notes, then the certificate (a note without a coupon) takes principal and the
// residual. Worked by hand: pool 1,000,000, 100,000 principal and 1 % interest a month; note A
// 250,000 at 0 %; certificate CERT 50,000 (no coupon).
//   P1: funds 110,000 → A 110,000 (140,000 left); CERT nothing.
//   P2: funds 109,000 → A 109,000 (31,000 left); CERT nothing.
//   P3: funds 108,000 → A 31,000 (paid); CERT principal 50,000, residual 27,000.

const rows = amortizingRows(
  1_000_000,
  [1, 2, 3, 4].map(() => ({ scheduled: 100_000 })),
);

const deal: Deal = {
  dates: DATES,
  notes: [note('A', 1, 250_000, 0), note('CERT', 2, 50_000, null)],
  waterfall: {
    combined: [
      { kind: 'interest', notes: ['A'] },
      { kind: 'turbo', notes: ['A'] },
      { kind: 'principal', notes: ['CERT'], rule: 'sequential', amount: 'available' },
      { kind: 'residual', to: 'CERT' },
    ],
  },
};

describe('certificates behind a full turbo', () => {
  it('receive nothing until the notes are paid, then principal and the residual', () => {
    const periods = runDeal(deal, poolOf(1_000_000, rows)).periods.slice(0, 3);
    expect(periods.map((p) => p.notes.map((n) => [n.id, n.principalPaid, n.residualPaid]))).toEqual([
      [
        ['A', 110_000, 0],
        ['CERT', 0, 0],
      ],
      [
        ['A', 109_000, 0],
        ['CERT', 0, 0],
      ],
      [
        ['A', 31_000, 0],
        ['CERT', 50_000, 27_000],
      ],
    ]);
  });
});
