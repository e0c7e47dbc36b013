import { maxMoney, minMoney, Money, roundCents, ZERO } from './money.ts';
import type { CompiledStep, NoteState } from './state.ts';

type ExcessServicingStep = Extract<CompiledStep, { kind: 'excessServicing' }>;

const DAYS_365 = new Money(365);

/**
 * Splits `funds` between the subordinate note and the servicer's excess servicing fee (超额服务费 /
 * 浮动服务报酬) by hurdle tiers of the note's return, as 和享 2017-5 principal items (f)–(h) do (docs/deals.md):
 *  - the note's expected cost of tier k = Σ its balance on each day since closing × hurdleRate ÷ 365
 *    (ACT/365 simple, definitions (105)–(106)), rounded half-up to cents: balanceDays × rate ÷ 365;
 *  - while the note's returns received (periodic returns and residuals, earlier dates and this one) fall
 *    short of a tier's cost, the funds are split by the tier's noteShare: the note's part is
 *    round(funds × share), or just the shortfall when that reaches it (the tier then uses
 *    round(shortfall ÷ share) of the funds, the servicer the rest of what it used);
 *  - beyond the last tier the note takes thereafterNoteShare.
 * toNote + toServicer = funds exactly.
 */
export function splitExcess(note: Readonly<NoteState>, step: ExcessServicingStep, funds: Money): { toNote: Money; toServicer: Money } {
  let left = funds;
  let toNote = ZERO;
  const received = note.returnsReceived.plus(note.periodicReturnPaid).plus(note.residualPaid);
  for (const tier of step.tiers) {
    if (!left.gt(0)) break;
    const cost = roundCents(note.balanceDays.times(tier.hurdleRate).div(DAYS_365));
    const owed = maxMoney(cost.minus(received).minus(toNote), ZERO);
    if (owed.isZero()) continue;
    const noteIfAll = roundCents(left.times(tier.noteShare));
    // The tier takes everything left: the note its share, the servicer the rest.
    if (noteIfAll.lte(owed)) return { toNote: toNote.plus(noteIfAll), toServicer: funds.minus(toNote).minus(noteIfAll) };
    const used = minMoney(roundCents(owed.div(tier.noteShare)), left);
    toNote = toNote.plus(owed);
    left = left.minus(used);
  }
  toNote = toNote.plus(roundCents(left.times(step.thereafterNoteShare)));
  return { toNote, toServicer: funds.minus(toNote) };
}
