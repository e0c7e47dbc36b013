import { largestPassingStress, type DealResult, type StressBound, type StressSearch } from '../../engine/index.ts';
import type { BreakevenRequest, BreakevenResult, BreakevenRow, InterestPayment } from '../api/contract.ts';
import { runPrepared, type PreparedDeal, type Stress } from './prepare-deal.ts';

/**
 * Ultimate payment: the note is paid in full by the end — no write-down, no interest left unpaid,
 * nothing outstanding at the end.
 */
function paidInFull(result: DealResult, noteId: string): boolean {
  const leg = result.legs.find((l) => l.id === noteId);
  if (!leg) return false;
  const last = result.periods[result.periods.length - 1]?.notes.find((n) => n.id === noteId);
  const writtenDown = leg.writeDown.some((x) => x > 0);
  const outstanding = (leg.balance[leg.balance.length - 1] ?? 0) > 0;
  return !writtenDown && !outstanding && (last?.interestShortfall ?? 0) === 0;
}

/** Timely interest: paid in full, and no interest shortfall carried at the end of any period (every coupon paid on its date). */
function paidTimely(result: DealResult, noteId: string): boolean {
  return paidInFull(result, noteId) && result.periods.every((p) => (p.notes.find((n) => n.id === noteId)?.interestShortfall ?? 0) === 0);
}

const PASSES: Readonly<Record<InterestPayment, (result: DealResult, noteId: string) => boolean>> = { timely: paidTimely, ultimate: paidInFull };

/** Whether a note passes a run under a test (timely interest or ultimate payment). */
export function notePasses(result: DealResult, noteId: string, test: InterestPayment): boolean {
  return PASSES[test](result, noteId);
}

/** The test a note's breakeven uses: the one asked for, else timely for the senior class (seniority 1) and ultimate for the others. */
export function interestPaymentOf(seniority: number, asked: BreakevenRequest['interest']): InterestPayment {
  return asked ?? (seniority === 1 ? 'timely' : 'ultimate');
}

const MAX_MULTIPLIER = 1000;
const MULTIPLIER_TOLERANCE = 0.001;
const CDR_TOLERANCE = 0.00001;

/** The engine's stress search for each kind of stress: relative 0.1% of a multiplier up to 1000×, or 0.001 percentage point of CDR up to 100%. */
const STRESS_SEARCH: Readonly<Record<Stress['by'], StressSearch>> = {
  multiplier: { start: 1, max: MAX_MULTIPLIER, tolerance: MULTIPLIER_TOLERANCE, relative: true },
  cdr: { start: 0.05, max: 1, tolerance: CDR_TOLERANCE },
};

const BREAKEVEN_STATUS: Readonly<Record<StressBound['status'], BreakevenRow['status']>> = {
  failsWithoutStress: 'lossWithoutStress',
  beyondRange: 'beyondRange',
  found: 'found',
};

/**
 * Each coupon note's breakeven: the largest stress at which it still passes its test
 * (engine/analytics largestPassingStress) — timely interest (paid in full with no interest shortfall
 * in any period) or ultimate payment (paid in full by the end); `interest` chooses one for every note,
 * absent it is timely for the senior class (seniority 1) and ultimate for the rest. A note that fails
 * even without stress reports 'lossWithoutStress'. The residual (no-coupon) note has no breakeven:
 * it is meant to absorb losses first.
 */
export function solveBreakevens(prepared: PreparedDeal, by: 'multiplier' | 'cdr', interest: BreakevenRequest['interest'], onRun: (runs: number) => void = () => undefined): BreakevenResult {
  let runs = 0;
  const cache = new Map<number, DealResult>();
  const evaluate = (value: number): DealResult => {
    let result = cache.get(value);
    if (result === undefined) {
      result = runPrepared(prepared, { by, value }).result;
      cache.set(value, result);
      runs++;
      if (runs % 10 === 0) onRun(runs);
    }
    return result;
  };
  const rows: BreakevenRow[] = prepared.file.notes
    .filter((note) => note.coupon.type !== 'none')
    .map((note) => {
      const test = interestPaymentOf(note.seniority, interest);
      const bound = largestPassingStress((value) => PASSES[test](evaluate(value), note.id), STRESS_SEARCH[by]);
      const result = evaluate(bound.stress);
      const horizon = result.periods.length - 1;
      const cutoff = result.periods[0]?.pool.beginningBalance ?? 0;
      return {
        id: note.id,
        name: note.name ?? note.id,
        interest: test,
        status: BREAKEVEN_STATUS[bound.status],
        stress: bound.stress,
        cumulativeDefaultRate: result.cumulativeDefaultRate[horizon] ?? 0,
        cumulativeNetLossRate: cutoff > 0 ? (result.cumulativeNetLoss[horizon] ?? 0) / cutoff : 0,
      };
    });
  return {
    dealName: prepared.file.name ?? 'Deal',
    by,
    interest: interest ?? 'bySeniority',
    tolerance: by === 'multiplier' ? MULTIPLIER_TOLERANCE : CDR_TOLERANCE,
    rows,
    runs,
  };
}
