import { add, sub, ZERO } from '../money.ts';
import type { PeriodState } from '../state.ts';

/**
 * Carries unpaid amounts to the next period: each note's interest shortfall (lost after the final
 * period) and each fee's unpaid amount; each note's returns received (periodic returns and residuals, for the
 * excessServicing hurdles).
 */
export function carryForward(state: Pick<PeriodState, 'notes' | 'fees' | 'final'>): void {
  for (const note of state.notes) {
    note.shortfall = state.final ? ZERO : sub(note.interestDue, note.interestPaid);
    note.returnsReceived = add(add(note.returnsReceived, note.periodicReturnPaid), note.residualPaid);
  }
  for (const fee of state.fees) fee.unpaid = sub(fee.due, fee.paid);
}
