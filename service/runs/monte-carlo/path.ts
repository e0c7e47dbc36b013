import { defaultRateAt, pathStream, type DefaultRateDistribution, type DealResult } from '../../../engine/index.ts';
import { runPrepared, type PreparedDeal } from '../prepare-deal.ts';
import { walFrom } from '../tranches.ts';
import { multiplierFor, type Calibration, type DrawBound } from './lifetime-default.ts';

/** What a Monte Carlo draws from: the distribution and the seed. */
export interface DrawSettings {
  readonly distribution: DefaultRateDistribution;
  readonly seed: number;
}

/** One path's outcome: plain numbers, so a chunk crosses a thread boundary cheaply. */
export interface PathOutcome {
  /** The distribution's draw (before floor and cap). */
  readonly draw: number;
  readonly bound: DrawBound;
  readonly multiplier: number;
  /** The cutoff pool's lifetime default realised in the path's run (docs/monte-carlo.md, Lifetime default). */
  readonly lifetimeDefault: number;
  /** The deal's cumulative default rate at the last period (÷ its cumulativeRatioDenominator; with revolving purchases). */
  readonly dealCumulativeDefault: number;
  /** The deal's cumulative net loss ÷ cutoff balance at the last period. */
  readonly poolNetLoss: number;
  /** Per note, in deal-file order: principal not repaid ÷ original balance. */
  readonly noteLoss: readonly number[];
  /** Per note: WAL in years on the deal's basis, or null when no principal is repaid. */
  readonly noteWal: readonly (number | null)[];
}

/** A note's principal not repaid: written down, plus any balance still outstanding at the end. */
function principalLost(result: DealResult, noteId: string): number {
  const leg = result.legs.find((l) => l.id === noteId);
  if (!leg) throw new Error(`no leg for note ${noteId}`);
  const writtenDown = leg.writeDown.reduce((sum, x) => sum + x, 0);
  const outstanding = leg.balance[leg.balance.length - 1] ?? 0;
  return writtenDown + outstanding;
}

/**
 * Path `index`: its lifetime default drawn from the distribution at the path's own uniform (seed,
 * index), the default multiplier that makes the cutoff pool default exactly that (floored or capped at
 * what the pool can reach), and the whole deal run at that multiplier. Pure: the same (prepared,
 * calibration, settings, index) gives the same outcome on any thread.
 */
export function runPath(prepared: PreparedDeal, calibration: Calibration, settings: DrawSettings, index: number): PathOutcome {
  const draw = defaultRateAt(settings.distribution, pathStream(settings.seed, index)());
  const { multiplier, bound } = multiplierFor(prepared, calibration, draw);
  const { result, flows } = runPrepared(prepared, { by: 'multiplier', value: multiplier });
  const file = prepared.file;
  const paymentsPerYear = 12 / (file.dates.paymentFrequencyMonths ?? 1);
  const from = file.analytics?.settlementDate ?? file.dates.closing;
  const walBasis = file.analytics?.walBasis ?? 'ACT/365';
  const horizon = result.periods.length - 1;
  return {
    draw,
    bound,
    multiplier,
    // Realised in the run itself: the cutoff pool's projection the waterfall ran on.
    lifetimeDefault: flows.cumulativeDefaultRate[prepared.months - 1] ?? 0,
    dealCumulativeDefault: result.cumulativeDefaultRate[horizon] ?? 0,
    poolNetLoss: flows.cutoffBalance > 0 ? (result.cumulativeNetLoss[horizon] ?? 0) / flows.cutoffBalance : 0,
    noteLoss: file.notes.map((note) => (note.originalBalance > 0 ? principalLost(result, note.id) / note.originalBalance : 0)),
    noteWal: file.notes.map((note) => {
      const leg = result.legs.find((l) => l.id === note.id);
      return leg ? walFrom(leg, from, paymentsPerYear, walBasis) : null;
    }),
  };
}

/** Paths start … start + count − 1, in order. */
export function runChunk(prepared: PreparedDeal, calibration: Calibration, settings: DrawSettings, start: number, count: number): PathOutcome[] {
  return Array.from({ length: count }, (_, k) => runPath(prepared, calibration, settings, start + k));
}
