import { curveError } from '../curves/checks.ts';
import { factorAt, scheduledBalanceFactors } from './amortisation.ts';
import { developmentFactors, vintageUltimates, type UltimateMethod } from './chain-ladder.ts';
import { fitPrepayment, type PrepaymentFit } from './prepayment.ts';
import { fitRollRates, type RollRateFit } from './roll-rates.ts';
import type { AmortisationProfile, VintageHistory } from './types.ts';

export interface StaticPoolFitOptions {
  /** The loans' schedule, for the CPR fit; absent: no scheduled amortisation (stated in the notes). */
  readonly amortisation?: AmortisationProfile;
  /** Below this share developed a vintage's lifetime default is Bornhuetter–Ferguson, not chain ladder (default 0.1). */
  readonly minDevelopedShare?: number;
}

export const DEFAULT_MIN_DEVELOPED_SHARE = 0.1;

export interface VintageFit {
  readonly vintage: string;
  readonly originalBalance: number;
  readonly monthsObserved: number;
  /** Last observed cumulative default rate, decimal. */
  readonly observedDefault: number;
  /** Share of the lifetime default reached at the last observed month (S_m). */
  readonly developedShare: number;
  readonly lifetimeDefault: number;
  readonly method: UltimateMethod;
  /** RMSE of fitted (lifetime × S_k) vs observed cumulative default over the observed months, decimal. */
  readonly defaultRmse: number;
  /** RMSE of the cumulative prepayment rebuilt from the fitted CPR curve vs observed, decimal; null without prepayment data. */
  readonly prepaymentRmse: number | null;
}

export interface StaticPoolFit {
  readonly vintages: readonly VintageFit[];
  /** Balance-weighted lifetime cumulative default rate: Σ B_i·L_i / Σ B_i. */
  readonly lifetimeDefault: number;
  /** Age-to-age factors f_k (index k − 1). */
  readonly ageToAge: readonly (number | null)[];
  /** Share of the lifetime default in each month on book, percent (sums to 100): the defaultTiming curve with monthsPerPeriod 1. */
  readonly timingPct: readonly number[];
  /** Cumulative share developed by month on book, decimal. */
  readonly developed: readonly number[];
  /** Pool CPR by month on book, decimal; null where no balance could prepay. Empty without prepayment data. */
  readonly cpr: readonly (number | null)[];
  readonly smm: readonly (number | null)[];
  readonly rollRates: RollRateFit | null;
  /** RMSE over every observed vintage × month, decimal. */
  readonly defaultRmse: number;
  readonly prepaymentRmse: number | null;
  readonly notes: readonly string[];
}

/**
 * Fits a static pool: lifetime default per vintage by chain ladder (Bornhuetter–Ferguson for the
 * barely seasoned), the default-timing curve from the development pattern, the CPR curve by age,
 * and net-flow roll rates from the delinquency buckets. Pure: docs/static-pool.md gives every formula.
 */
export function fitStaticPool(vintages: readonly VintageHistory[], options: StaticPoolFitOptions = {}): StaticPoolFit {
  const withDefaults = vintages.filter((v) => v.cumulativeDefault.length > 0);
  if (withDefaults.length === 0) throw curveError('STATIC_POOL_FIT', {}, 'no vintage has a cumulative default rate (累计违约率)');
  const rows = withDefaults.map((v) => ({ weight: v.originalBalance, values: v.cumulativeDefault }));
  const development = developmentFactors(rows);
  const ultimates = vintageUltimates(rows, development, options.minDevelopedShare ?? DEFAULT_MIN_DEVELOPED_SHARE);
  const shares = development.developed;
  const timingPct = shares.map((s, i) => (s - (i === 0 ? 0 : (shares[i - 1] ?? 0))) * 100);
  const notes: string[] = [];
  if (!options.amortisation) notes.push('No term, rate or amortisation given: the CPR fit assumes no scheduled principal (a bullet loan), which understates the CPR of amortising loans.');
  const longest = Math.max(development.months, ...vintages.map((v) => v.cumulativePrepayment.length));
  const balanceFactors = options.amortisation ? scheduledBalanceFactors(options.amortisation) : bulletFactors(longest);
  const hasPrepayment = vintages.some((v) => v.cumulativePrepayment.length > 0);
  const prepayment = fitPrepayment(vintages, balanceFactors);
  const rollRates = fitRollRates(vintages, prepayment.paths);
  const [firstCapped] = prepayment.cappedDefaults;
  if (firstCapped) {
    notes.push(
      `At ${prepayment.cappedDefaults.length} vintage-month(s) the month's defaults exceeded the balance the loans' schedule leaves (first: vintage ${firstCapped.vintage}, month on book ${firstCapped.monthOnBook}); delinquent loans do not amortise, so the balance model caps their MDR at 100% there.`,
    );
  }
  const byName = new Map(withDefaults.map((v, i) => [v.vintage, ultimates[i]]));
  const fits = vintages.map((v) => vintageFit(v, byName.get(v.vintage), shares, hasPrepayment ? { prepayment, factors: balanceFactors } : null));
  const last = development.ageToAge[development.ageToAge.length - 1];
  if (last !== null && last !== undefined && last > 1.001) {
    notes.push(`Defaults still rise at month on book ${development.months} (factor ${last.toFixed(4)}): the longest history is taken as complete, so lifetime defaults may be understated.`);
  }
  const weight = withDefaults.reduce((sum, v) => sum + v.originalBalance, 0);
  const lifetimeDefault = withDefaults.reduce((sum, v, i) => sum + v.originalBalance * (ultimates[i]?.ultimate ?? 0), 0) / weight;
  return {
    vintages: fits,
    lifetimeDefault,
    ageToAge: development.ageToAge,
    timingPct,
    developed: shares,
    cpr: hasPrepayment ? prepayment.cpr : [],
    smm: hasPrepayment ? prepayment.smm : [],
    rollRates,
    defaultRmse: pooledRmse(fits.map((f, i) => [f.defaultRmse, vintages[i]?.cumulativeDefault.length ?? 0] as const)),
    prepaymentRmse: hasPrepayment ? pooledRmse(fits.map((f, i) => [f.prepaymentRmse ?? 0, vintages[i]?.cumulativePrepayment.length ?? 0] as const)) : null,
    notes,
  };
}

/** No scheduled principal for `months` months: a_k = 1. */
function bulletFactors(months: number): Float64Array {
  return new Float64Array(months + 2).fill(1);
}

interface PrepaymentContext {
  readonly prepayment: PrepaymentFit;
  readonly factors: Float64Array;
}

function vintageFit(
  v: VintageHistory,
  ultimate: { ultimate: number; method: UltimateMethod; developedShare: number } | undefined,
  shares: readonly number[],
  context: PrepaymentContext | null,
): VintageFit {
  const m = v.cumulativeDefault.length;
  const lifetime = ultimate?.ultimate ?? 0;
  const defaultErrors = v.cumulativeDefault.map((c, i) => lifetime * (shares[i] ?? 1) - c);
  return {
    vintage: v.vintage,
    originalBalance: v.originalBalance,
    monthsObserved: Math.max(m, v.cumulativePrepayment.length),
    observedDefault: v.cumulativeDefault[m - 1] ?? 0,
    developedShare: ultimate?.developedShare ?? 0,
    lifetimeDefault: lifetime,
    method: ultimate?.method ?? 'observed',
    defaultRmse: rmse(defaultErrors),
    prepaymentRmse:
      context && v.cumulativePrepayment.length > 0
        ? rmse(
            rebuiltPrepayment(lifetime, shares, context)
              .slice(0, v.cumulativePrepayment.length)
              .map((p, i) => p - (v.cumulativePrepayment[i] ?? 0)),
          )
        : null,
  };
}

/** The cumulative prepayment a vintage shows under the fitted curves: its fitted defaults L·(S_k − S_{k−1}) and the pool SMM (0 where null). */
function rebuiltPrepayment(lifetime: number, shares: readonly number[], context: PrepaymentContext): number[] {
  const out: number[] = [];
  let s = 1;
  let cumulative = 0;
  context.prepayment.smm.forEach((smm, i) => {
    const k = i + 1;
    const d = lifetime * ((shares[i] ?? 1) - (i === 0 ? 0 : (shares[i - 1] ?? 1)));
    const begin = s * factorAt(context.factors, k - 1);
    const mdr = begin > 0 ? Math.min(1, d / begin) : 0;
    const prepaid = s * (1 - mdr) * factorAt(context.factors, k) * (smm ?? 0);
    cumulative += prepaid;
    out.push(cumulative);
    s *= (1 - mdr) * (1 - (smm ?? 0));
  });
  return out;
}

function rmse(errors: readonly number[]): number {
  if (errors.length === 0) return 0;
  return Math.sqrt(errors.reduce((sum, e) => sum + e * e, 0) / errors.length);
}

/** √(Σ n_i·rmse_i² / Σ n_i): the RMSE over every point of every vintage. */
function pooledRmse(parts: readonly (readonly [number, number])[]): number {
  const n = parts.reduce((sum, [, count]) => sum + count, 0);
  return n > 0 ? Math.sqrt(parts.reduce((sum, [e, count]) => sum + e * e * count, 0) / n) : 0;
}
