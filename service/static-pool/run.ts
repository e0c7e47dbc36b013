import { UserError } from '../../data/errors.ts';
import { readStaticPool, type StaticPool, type StaticPoolFileInput } from '../../data/static-pool/index.ts';
import { DEFAULT_MIN_DEVELOPED_SHARE, EngineError, fitStaticPool, type AmortisationProfile, type StaticPoolFit } from '../../engine/index.ts';
import type { AssumptionFile } from '../files/assumption-file.ts';
import { staticPoolAssumptionFile } from './assumption-set.ts';

export interface StaticPoolFitSettings {
  readonly amortisation?: AmortisationProfile;
  readonly minDevelopedShare?: number;
  readonly includeRollRates?: boolean;
  readonly fittedAt?: Date;
}

export interface StaticPoolRun {
  readonly pool: StaticPool;
  readonly fit: StaticPoolFit;
  readonly assumptions: AssumptionFile;
}

/** Reads the files, fits them, and writes the assumption set that names its source. A fit that cannot be made is a user error. */
export async function runStaticPoolFit(files: readonly StaticPoolFileInput[], settings: StaticPoolFitSettings): Promise<StaticPoolRun> {
  const pool = await readStaticPool(files);
  const minDevelopedShare = settings.minDevelopedShare ?? DEFAULT_MIN_DEVELOPED_SHARE;
  let fit: StaticPoolFit;
  try {
    fit = fitStaticPool(pool.vintages, { minDevelopedShare, ...(settings.amortisation ? { amortisation: settings.amortisation } : {}) });
  } catch (error) {
    if (error instanceof EngineError) throw new UserError('BAD_FILE', error.message, { ...error.details, code: error.code });
    throw error;
  }
  const assumptions = staticPoolAssumptionFile(fit, {
    files: [...new Set(pool.tables.map((t) => t.file))],
    amortisation: settings.amortisation ?? null,
    minDevelopedShare,
    includeRollRates: settings.includeRollRates ?? false,
    fittedAt: settings.fittedAt ?? new Date(),
  });
  return { pool, fit, assumptions };
}
