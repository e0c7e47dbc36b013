import { allocateLoanArrays, amortizationCode, delinquencyCode, delinquencyStateFromDaysPastDue } from '../../engine/index.ts';
import type { TapeLoans } from '../pool/loan-arrays.ts';
import { monthsBetween } from '../tape/rows.ts';
import { generateSampleLoans, SAMPLE_PARAMETERS } from './generate.ts';

/**
 * The sample tape's loans straight into the engine's arrays, as loadTapeLoans would read them
 * after an import (age counted to the cutoff, segments and products coded in order of first appearance) —
 * for benchmarks and engine tests that need a realistic pool without a workspace.
 */
export function sampleTapeLoans(count: number, seed: number, cutoffDate: string = SAMPLE_PARAMETERS.defaultCutoffDate): TapeLoans {
  const loans = allocateLoanArrays(count);
  const product = new Uint8Array(count);
  const segmentNames: string[] = [];
  const productNames: string[] = [];
  let i = 0;
  for (const row of generateSampleLoans({ loans: count, seed, cutoffDate })) {
    let code = segmentNames.indexOf(row.segment);
    if (code < 0) code = segmentNames.push(row.segment) - 1;
    let productCode = productNames.indexOf(row.product);
    if (productCode < 0) productCode = productNames.push(row.product) - 1;
    product[i] = productCode;
    loans.currentPrincipal[i] = row.currentPrincipal;
    loans.originalPrincipal[i] = row.originalPrincipal;
    loans.rateAnnual[i] = row.rateAnnual;
    loans.originalTerm[i] = row.originalTerm;
    loans.remainingTerm[i] = row.remainingTerm;
    loans.ageMonths[i] = Math.max(0, monthsBetween(row.originationDate, cutoffDate));
    loans.amortization[i] = amortizationCode(row.amortization);
    loans.delinquency[i] = delinquencyCode(delinquencyStateFromDaysPastDue(row.daysPastDue));
    loans.overduePrincipal[i] = row.overduePrincipal;
    loans.overdueInterest[i] = row.overdueInterest;
    loans.segment[i] = code;
    loans.restructured[i] = row.restructured ? 1 : 0;
    i++;
  }
  return { loans, segmentNames, product, productNames, cutoffDate };
}
