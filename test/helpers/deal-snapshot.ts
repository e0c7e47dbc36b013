import type { DealRunResult } from '../../service/api/contract.ts';

const round = (x: number | null, digits: number): number | null => (x === null ? null : Number(x.toFixed(digits)));

/**
 * A deal run's figures as the shipped templates' regression snapshots keep them (regression
 * snapshot: the engine's own output, stored to catch unintended change; not an independent check):
 * each tranche's analytics (rounded to stated digits: they are float64) and, per period, the pool's
 * ending balance, every note's ending balance, interest paid and principal paid, the reserve and
 * the seller's residual — money in exact cents.
 */
export function dealSnapshot(run: DealRunResult): unknown {
  return {
    dealName: run.dealName,
    poolBalance: run.poolBalance,
    tranches: run.tranches.map((t) => ({
      id: t.id,
      walYears: round(t.walYears, 6),
      firstPrincipal: t.firstPrincipal?.date ?? null,
      lastPrincipal: t.lastPrincipal?.date ?? null,
      totalInterest: t.totalInterest,
      totalPrincipal: t.totalPrincipal,
      totalResidual: t.totalResidual,
      writeDown: t.writeDown,
      walBasis: t.walBasis,
      walFrom: t.walFrom,
      yieldAtParAnnualEffective: round(t.yieldAtParAnnualEffective, 8),
      yieldAtParBondEquivalent: round(t.yieldAtParBondEquivalent, 8),
      yieldAtParMortgageEquivalent: round(t.yieldAtParMortgageEquivalent, 8),
      yieldAtParChinaInterbank: round(t.yieldAtParChinaInterbank, 8),
      modifiedDurationYears: round(t.modifiedDurationYears, 6),
      irr: round(t.irr, 8),
    })),
    revolvingEnd: run.revolvingEnd,
    triggerFirstBreach: run.triggerFirstBreach,
    cleanUpPeriod: run.cleanUpPeriod,
    columns: ['period', 'poolEnding', ...run.tranches.flatMap((t) => [`${t.id}.ending`, `${t.id}.interest`, `${t.id}.principal`]), 'reserve', 'seller'],
    periods: run.periods.map((p) => [
      p.period,
      p.pool.endingBalance,
      ...run.tranches.flatMap((t) => {
        const n = p.notes.find((x) => x.id === t.id);
        return [n?.endingBalance ?? 0, n?.interestPaid ?? 0, n?.principalPaid ?? 0];
      }),
      p.reserve?.endingBalance ?? 0,
      p.residualToSeller,
    ]),
  };
}
