import { expect } from 'vitest';
import type { DealPeriod } from '../../service/api/contract.ts';

const cents = (x: number): number => Math.round(x * 100);

/** Money in = money out, every period, to the cent (the engine throws otherwise; this re-checks from the output), and no note balance below 0. */
export function expectPeriodsReconciled(periods: readonly DealPeriod[], label = ''): void {
  for (const p of periods) {
    const collected = p.availableFunds.principalCarried + p.pool.interest + p.pool.penaltyInterest + p.pool.recoveries + p.pool.scheduledPrincipal + p.pool.prepayments + p.pool.cleanUpProceeds;
    const reserveIn = (p.reserve?.release ?? 0) + (p.reserve?.draws ?? 0);
    const paid =
      p.servicingStrip +
      p.fees.reduce((s, f) => s + f.paid, 0) +
      p.notes.reduce((s, n) => s + n.interestPaid + n.principalPaid + n.residualPaid, 0) +
      (p.reserve?.deposits ?? 0) +
      p.pool.purchasesCash +
      p.pool.purchaseRefused.cash +
      p.residualToSeller;
    expect(cents(collected + reserveIn), `${label} period ${p.period}`).toBe(cents(paid));
    for (const n of p.notes) expect(n.endingBalance).toBeGreaterThanOrEqual(0);
  }
}
