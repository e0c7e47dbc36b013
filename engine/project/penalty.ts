import type { LoanArrays } from './loans.ts';
import type { ResolvedSegment } from './assumptions.ts';

/**
 * Loan i's penalty rate (罚息利率), annual: penaltyMultiple × the contract rate (银发〔2003〕251号:
 * the contract rate plus 30%–50%, a multiple of 1.3–1.5), × (1 − its restructured share) when the
 * segment waives penalty interest on restructured loans (0 for a restructured loan, the share of
 * non-restructured balance for a representative line). Exactly multiple × rate without a waiver.
 */
export function loanPenaltyRate(loans: LoanArrays, i: number, segment: ResolvedSegment): number {
  const rate = segment.penaltyMultiple * (loans.rateAnnual[i] ?? 0);
  if (!segment.waiveRestructured) return rate;
  const waived = loans.restructured[i] ?? 0;
  return waived === 0 ? rate : rate * (1 - waived);
}

/**
 * The penalty interest a delinquent fraction accrues this month under the borrower-cost cap:
 * `charge` (penalty + compound interest before the cap) limited so that contract charges plus
 * penalty stay within cap × year fraction × the fraction's unpaid principal
 * (granted = min(charge, max(0, cap × yf × principal − contractCharge))). The contract interest
 * is never cut: only the penalty gives way. Without a cap (Infinity) the charge is granted whole.
 */
export function cappedPenalty(charge: number, principal: number, contractCharge: number, cap: number, yearFraction: number): number {
  if (cap === Infinity) return charge;
  return Math.min(charge, Math.max(0, cap * yearFraction * principal - contractCharge));
}
