import { UserError } from '../../../data/errors.ts';
import { readStaticPool, type StaticPoolFileInput } from '../../../data/static-pool/index.ts';
import { parseEncodingName } from '../../../data/tape/encoding.ts';
import type { AmortisationProfile } from '../../../engine/index.ts';
import { runStaticPoolFit } from '../../static-pool/run.ts';
import type { StaticPoolFileRequest, StaticPoolFitRequest, StaticPoolFitResult, StaticPoolPreview } from '../contract.ts';
import type { ServiceContext } from '../context.ts';

/** Each file's path (an upload over the browser transport: a path there is refused by resolveSource). */
function fileInputs(files: readonly StaticPoolFileRequest[], service: ServiceContext): StaticPoolFileInput[] {
  return files.map((file, i) => {
    const { path, fileName } = service.resolveSource(file.source);
    const encoding = file.encoding === undefined ? undefined : parseEncodingName(file.encoding);
    if (encoding === null)
      throw new UserError('BAD_REQUEST', `files[${i}].encoding: '${file.encoding ?? ''}' is not an encoding we read (UTF-8, GBK/GB18030, UTF-16)`, { field: `files[${i}].encoding` });
    return { path, fileName, ...(encoding ? { encoding } : {}), ...(file.metric ? { metric: file.metric } : {}) };
  });
}

/** The loans' schedule from the request: all three for level payment, term for the others; none at all is the bullet approximation. */
function amortisationOf(params: StaticPoolFitRequest): AmortisationProfile | undefined {
  const { amortization, termMonths, rateAnnual } = params;
  if (amortization === undefined && termMonths === undefined && rateAnnual === undefined) return undefined;
  if (amortization === undefined)
    throw new UserError('BAD_REQUEST', 'A term or rate for the CPR fit needs the amortisation type too (level_payment, equal_principal, flat_fee, interest_only)', { field: 'amortization' });
  if (termMonths === undefined) throw new UserError('BAD_REQUEST', `The CPR fit on ${amortization} loans needs their term (termMonths)`, { field: 'termMonths' });
  if (amortization === 'level_payment' && rateAnnual === undefined)
    throw new UserError('BAD_REQUEST', 'The CPR fit on level-payment (等额本息) loans needs their annual rate (rateAnnual)', { field: 'rateAnnual' });
  return { amortization, termMonths, rateAnnual: rateAnnual ?? 0 };
}

export async function staticPoolPreview(params: { files: readonly StaticPoolFileRequest[] }, service: ServiceContext): Promise<StaticPoolPreview> {
  const pool = await readStaticPool(fileInputs(params.files, service));
  return { tables: pool.tables, skipped: pool.skipped, vintages: pool.vintages };
}

/** Fits in the request: a static pool is vintages × months (a few thousand numbers), read and fitted in well under a second. */
export async function staticPoolFit(params: StaticPoolFitRequest, service: ServiceContext): Promise<StaticPoolFitResult> {
  const amortisation = amortisationOf(params);
  const run = await runStaticPoolFit(fileInputs(params.files, service), {
    ...(amortisation ? { amortisation } : {}),
    ...(params.minDevelopedShare === undefined ? {} : { minDevelopedShare: params.minDevelopedShare }),
    ...(params.includeRollRates === undefined ? {} : { includeRollRates: params.includeRollRates }),
  });
  return { tables: run.pool.tables, skipped: run.pool.skipped, vintages: run.pool.vintages, fit: run.fit, assumptions: run.assumptions };
}
