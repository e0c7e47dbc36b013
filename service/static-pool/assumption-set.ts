import { cprByAgeNotation, type AmortisationProfile, type StaticPoolFit } from '../../engine/index.ts';
import type { AssumptionFile } from '../files/assumption-file.ts';

/** Decimals of a percent kept in the CPR vector and the timing shares: 0.01 pp, far inside the fit's tolerance (docs/static-pool.md). */
const CPR_DIGITS = 2;
const TIMING_DIGITS = 4;
const MAX_VECTOR_CHARS = 500;

export interface FitDescription {
  readonly files: readonly string[];
  readonly amortisation: AmortisationProfile | null;
  readonly minDevelopedShare: number;
  readonly includeRollRates: boolean;
  readonly fittedAt: Date;
}

/**
 * The fit as an assumption file (docs/assumptions.md) that names its source: the pool's
 * `defaultTiming` (lifetime default, monthly timing shares by month on book), its `prepayment`
 * (the CPR curve by age in vector notation) and, when asked, its `rollRates` (then the roll-rate
 * charge-offs are the default source, as the one-default-source rule says). The horizon is the
 * longest of the curves and the term.
 */
export function staticPoolAssumptionFile(fit: StaticPoolFit, description: FitDescription): AssumptionFile {
  const cpr = fit.cpr.some((x) => x !== null) ? cprNotation(fit.cpr) : null;
  const months = Math.min(600, Math.max(1, fit.timingPct.length, fit.cpr.length, description.amortisation?.termMonths ?? 0));
  const rollRates = description.includeRollRates && fit.rollRates ? fit.rollRates.spec : null;
  return {
    months,
    source: {
      kind: 'staticPool',
      files: [...description.files],
      vintages: fit.vintages.map((v) => v.vintage),
      fittedAt: description.fittedAt.toISOString(),
      method: methodText(description, rollRates !== null),
      fitError: { cumulativeDefaultRmse: fit.defaultRmse, cumulativePrepaymentRmse: fit.prepaymentRmse },
    },
    pool: {
      defaultTiming: {
        cumulativeDefaultRate: fit.lifetimeDefault,
        timingPct: fit.timingPct.map((share) => Number(Math.max(0, share).toFixed(TIMING_DIGITS))),
        monthsPerPeriod: 1,
      },
      ...(cpr === null ? {} : { prepayment: cpr }),
      ...(rollRates === null ? {} : { rollRates }),
    },
  };
}

/** The CPR vector at 0.01 pp, or coarser when a long curve would pass the file's 500 characters. */
function cprNotation(cpr: StaticPoolFit['cpr']): string {
  for (let digits = CPR_DIGITS; digits >= 0; digits--) {
    const text = cprByAgeNotation(cpr, digits);
    if (text.length <= MAX_VECTOR_CHARS) return text;
  }
  return cprByAgeNotation(cpr.slice(0, 120), 0);
}

function methodText(description: FitDescription, rollRates: boolean): string {
  const schedule = description.amortisation
    ? `${description.amortisation.amortization}, ${description.amortisation.termMonths} months at ${(description.amortisation.rateAnnual * 100).toFixed(2)}% APR`
    : 'no scheduled amortisation (bullet approximation)';
  return [
    `Lifetime default per vintage by volume-weighted chain ladder (tail factor 1 after the longest history); Bornhuetter–Ferguson below ${description.minDevelopedShare * 100}% developed; balance-weighted.`,
    'Default timing: monthly share of the lifetime default by month on book from the development factors.',
    `CPR by age: SMM = monthly prepaid ÷ (surviving balance after defaults and scheduled principal), scheduled on ${schedule}.`,
    rollRates ? 'Roll rates: net flow (ratio of sums of next-bucket to this-bucket balances), cure = 1 − roll forward, charge-off from 61–90.' : '',
  ]
    .filter((line) => line !== '')
    .join(' ');
}
