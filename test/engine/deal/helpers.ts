import { poolColumns, poolLedger, type Deal, type NoteSpec, type PoolPeriodFlows, type PoolSource } from '../../../engine/index.ts';

/** A pool source from month rows (row i = month i + 1), no revolving cohort. */
export function poolOf(cutoffBalance: number, rows: readonly Partial<PoolPeriodFlows>[]): PoolSource {
  return poolLedger(poolColumns(cutoffBalance, rows));
}

/**
 * Month rows from (scheduled, prepaid, defaulted) principal and a monthly interest rate on the
 * beginning balance, so beginning = scheduled + prepaid + defaults + ending holds by construction.
 */
export function amortizingRows(
  cutoffBalance: number,
  months: readonly { scheduled: number; prepaid?: number; defaults?: number; recoveries?: number; interestRate?: number; losses?: number; d60?: number; d90?: number }[],
): Partial<PoolPeriodFlows>[] {
  let balance = cutoffBalance;
  return months.map((m) => {
    const begin = balance;
    const end = begin - m.scheduled - (m.prepaid ?? 0) - (m.defaults ?? 0);
    balance = end;
    return {
      beginningBalance: begin,
      interest: Math.round(begin * (m.interestRate ?? 0.01) * 100) / 100,
      scheduledPrincipal: m.scheduled,
      prepayments: m.prepaid ?? 0,
      defaults: m.defaults ?? 0,
      losses: m.losses ?? 0,
      recoveries: m.recoveries ?? 0,
      endingBalance: end,
      delinquent60Plus: m.d60 ?? 0,
      delinquent90Plus: m.d90 ?? 0,
    };
  });
}

export const DATES: Deal['dates'] = {
  cutoff: '2026-01-01',
  closing: '2026-01-01',
  firstPaymentDate: '2026-02-01',
  legalFinalMaturity: '2035-01-01',
};

export function note(id: string, seniority: number, originalBalance: number, rate: number | null, extra: Partial<NoteSpec> = {}): NoteSpec {
  return { id, seniority, originalBalance, coupon: rate === null ? { type: 'none' } : { type: 'fixed', rate }, dayCount: '30/360', ...extra };
}

/** A sequential two-note deal: A 80 % at 6 %, B 20 % at 12 %, 30/360, no fees; combined waterfall. */
export function twoNoteDeal(overrides: Partial<Deal> = {}): Deal {
  return {
    dates: DATES,
    notes: [note('A', 1, 800_000, 0.06), note('B', 2, 200_000, 0.12)],
    waterfall: {
      combined: [
        { kind: 'interest', notes: ['A'] },
        { kind: 'interest', notes: ['B'] },
        { kind: 'principal', rule: 'sequential' },
        { kind: 'residual', to: 'seller' },
      ],
    },
    ...overrides,
  };
}
