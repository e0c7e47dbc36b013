import type { DealFile, DealRunResult, NoteScheduleInput } from '../../../service/api/contract.ts';

/** One note's schedule from closing as the run paid it: the cash the holder received (principal + interest) on each payment date. */
export function noteSchedule(run: DealRunResult, deal: DealFile, noteId: string): NoteScheduleInput | null {
  const spec = deal.notes.find((n) => n.id === noteId);
  const tranche = run.tranches.find((t) => t.id === noteId);
  if (!spec || !tranche) return null;
  const rows = run.periods.map((p) => ({ date: p.paymentDate, note: p.notes.find((n) => n.id === noteId) }));
  return {
    originalBalance: tranche.originalBalance,
    closingDate: run.closingDate,
    paymentsPerYear: 12 / (deal.dates.paymentFrequencyMonths ?? 1),
    dayCount: spec.dayCount ?? 'ACT/365',
    paymentDates: rows.map((r) => r.date),
    principal: rows.map((r) => r.note?.principalPaid ?? 0),
    interest: rows.map((r) => r.note?.interestPaid ?? 0),
    endingBalance: rows.map((r) => r.note?.endingBalance ?? 0),
    couponRate: rows.map((r) => r.note?.couponRate ?? 0),
  };
}
