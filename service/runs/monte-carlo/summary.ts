import {
  type CumulativeRatioDenominator,
  formatDistribution,
  histogram,
  impliedRating,
  mean,
  pathsForRelativeError,
  percentile,
  standardError,
  type DefaultRateDistribution,
} from '../../../engine/index.ts';
import type { LossPercentiles, MonteCarloNoteRow, MonteCarloResult, RatingRow } from '../../api/contract.ts';
import type { DealFile } from '../../files/deal-file.ts';
import type { Calibration } from './lifetime-default.ts';
import type { PathOutcome } from './path.ts';

/** A chunk of paths as a worker returns it: the deal's calibration (the same in every chunk) and its paths in order. */
export interface ChunkResult {
  /** The pool's name (tape or deal-file pool). */
  readonly poolName: string;
  /** What the deal's cumulative default rate is divided by. */
  readonly cumulativeRatioDenominator: CumulativeRatioDenominator;
  /** The distribution drawn from, resolved against the scenario. */
  readonly distribution: DefaultRateDistribution;
  readonly calibration: Pick<Calibration, 'floor' | 'scenario' | 'cap'>;
  readonly paths: readonly PathOutcome[];
}

const BINS = 20;
/** Histogram edges at multiples of ½% for the pool's net loss, 5% for a note's loss. */
const POOL_STEP = 0.005;
const NOTE_STEP = 0.05;
/** A note counts as losing on a path when it loses more than half a cent. */
const HALF_CENT = 0.005;

function percentilesOf(values: readonly number[]): LossPercentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p75: percentile(sorted, 0.75), p90: percentile(sorted, 0.9), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) };
}

function noteRow(note: DealFile['notes'][number], i: number, paths: readonly PathOutcome[], walBasis: string, table: readonly RatingRow[] | null): MonteCarloNoteRow {
  const losses = paths.map((p) => p.noteLoss[i] ?? 0);
  const wals = paths.map((p) => p.noteWal[i] ?? null).filter((w): w is number => w !== null);
  const expectedLoss = mean(losses);
  return {
    id: note.id,
    name: note.name ?? note.id,
    originalBalance: note.originalBalance,
    expectedLoss,
    standardError: standardError(losses),
    probabilityOfLoss: losses.filter((loss) => loss * note.originalBalance > HALF_CENT).length / paths.length,
    meanWalYears: wals.length > 0 ? mean(wals) : null,
    walBasis,
    percentiles: percentilesOf(losses),
    histogram: histogram(losses, BINS, NOTE_STEP),
    pathsForOnePercentError: pathsForRelativeError(losses, 0.01),
    impliedRating: table === null ? null : impliedRating(expectedLoss, table),
  };
}

/**
 * The Monte Carlo's figures from the chunks in path order: every statistic is a function of the
 * ordered path outcomes alone, so any chunking or number of workers gives the same bytes.
 */
export function summarizeMonteCarlo(file: DealFile, settings: { readonly seed: number; readonly ratingTable: readonly RatingRow[] | null }, chunks: readonly ChunkResult[]): MonteCarloResult {
  const paths = chunks.flatMap((c) => c.paths);
  const first = chunks[0];
  if (first === undefined) throw new Error('a Monte Carlo needs at least one path');
  const { calibration, distribution } = first;
  const netLoss = paths.map((p) => p.poolNetLoss);
  const walBasis = file.analytics?.walBasis ?? 'ACT/365';
  return {
    dealName: file.name ?? 'Deal',
    poolName: first.poolName,
    distribution,
    distributionText: formatDistribution(distribution),
    paths: paths.length,
    seed: settings.seed,
    scenarioLifetimeDefault: calibration.scenario,
    floorLifetimeDefault: calibration.floor,
    capLifetimeDefault: calibration.cap,
    flooredPaths: paths.filter((p) => p.bound === 'floor').length,
    cappedPaths: paths.filter((p) => p.bound === 'cap').length,
    meanLifetimeDefault: mean(paths.map((p) => p.lifetimeDefault)),
    meanDealCumulativeDefault: mean(paths.map((p) => p.dealCumulativeDefault)),
    cumulativeRatioDenominator: first.cumulativeRatioDenominator,
    pool: { meanNetLoss: mean(netLoss), percentiles: percentilesOf(netLoss), histogram: histogram(netLoss, BINS, POOL_STEP) },
    notes: file.notes.map((note, i) => noteRow(note, i, paths, walBasis, settings.ratingTable)),
    ratingTable: settings.ratingTable,
  };
}
