import { add, minMoney, type Money, ZERO } from '../money.ts';
import { writeDown, type Classes, type NoteState, type PeriodState } from '../state.ts';
import type { Deal } from '../types.ts';

export type LossAllocation = NonNullable<Deal['lossAllocation']>;

/**
 * Step 6 (Deal.lossAllocation), after the waterfall: at the final period every unpaid balance is
 * written down and the PDL closed; otherwise under write-down allocation the notes' excess over the
 * collateral (pool after the period and its purchases' principal + reserve + principal account) is written down, most junior class first, and under
 * PDL allocation the ledger is capped at the notes outstanding.
 */
export function allocateLosses(state: PeriodState, classes: Classes, lossAllocation: LossAllocation): void {
  const notesEnd = sumBalances(state.notes);
  if (state.final) {
    writeDown(state, classes, notesEnd);
    state.pdl = ZERO;
  } else if (lossAllocation === 'writeDown') {
    // The reserve is collateral too: its cash is released to the notes at the final period; so is
    // the cash a refused purchase or the payout rounding left in the principal account (next date's principal funds).
    const excess = notesEnd
      .minus(state.poolAfter)
      .minus(state.reserve?.balance ?? ZERO)
      .minus(state.principalAccount)
      .minus(state.roundingCarried);
    if (excess.gt(0)) writeDown(state, classes, excess);
  } else {
    state.pdl = minMoney(state.pdl, notesEnd);
  }
}

function sumBalances(notes: readonly NoteState[]): Money {
  let total = ZERO;
  for (const note of notes) total = add(total, note.balance);
  return total;
}
