import { messageTable, type CodedMessage } from '../../engine/index.ts';
import type { TrancheRow } from '../api/contract.ts';
import type { PreparedDeal } from './prepare-deal.ts';

/** The tape columns a warning names, as the analyst knows them. */
const MISSING_COLUMN_NAMES: Readonly<Record<string, string>> = {
  daysPastDue: 'days-past-due (逾期天数)',
  overduePrincipal: 'overdue-principal (逾期本金)',
  overdueInterest: 'overdue-interest (逾期利息)',
};

function money(x: number): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/**
 * What an analyst should know before reading a deal run's figures, by code (engine/messages.ts):
 * amounts are `…Amount` params (the screens show them as money), `missingFields` the canonical tape
 * fields a tape lacks, comma-separated (the screens name each in their language).
 */
export const DEAL_WARNINGS = messageTable('dealWarning', {
  cutoffMismatch: (p: { poolCutoff: string; dealCutoff: string; firstPaymentDate: string }) =>
    `The pool's cutoff date (${p.poolCutoff}) is not the deal's (${p.dealCutoff}): the pool's first collection month is paid on the deal's first payment date (${p.firstPaymentDate}).`,
  undercollateralised: (p: { notesAmount: number; collateralAmount: number; shortfallAmount: number }) =>
    `The notes (${money(p.notesAmount)}) exceed the pool and the reserve at closing (${money(p.collateralAmount)}) by ${money(p.shortfallAmount)}: the deal is undercollateralised from the start.`,
  missingDelinquencyColumns: (p: { missingFields: string }) =>
    `The tape has no ${p.missingFields
      .split(',')
      .map((f) => MISSING_COLUMN_NAMES[f] ?? f)
      .join(', ')} column: every loan starts current with nothing overdue, which the tape does not say — the delinquency and 逾期总额 figures are the scenario's alone.`,
  servicingPaidTwice: (p: { stripAmount: number }) =>
    `The scenario's servicing strip (servicingFeeRate) keeps ${money(p.stripAmount)} of interest collections out of the waterfall over the run: if the deal also pays its servicer as a fee, servicing is paid twice — set servicingFeeRate to 0.`,
  unquotableYield: (p: { note: string; repaidAmount: number; originalAmount: number }) =>
    `Note ${p.note} repays ${money(p.repaidAmount)} of its ${money(p.originalAmount)}: worth less than par even at a yield of −100%, so it has no yield or duration to quote (shown as —).`,
});

const say = DEAL_WARNINGS.say;

/**
 * Mismatches between the deal file and the pool it runs on that change how to read the figures;
 * `servicingStrip` is the strip kept out of interest collections over the run (Σ DealPeriod.servicingStrip).
 */
export function dealWarnings(prepared: PreparedDeal, poolBalance: number, servicingStrip = 0): CodedMessage[] {
  const warnings: CodedMessage[] = [];
  const { file, input } = prepared;
  if (input.cutoffDate !== file.dates.cutoff) {
    warnings.push(say('cutoffMismatch', { poolCutoff: input.cutoffDate, dealCutoff: file.dates.cutoff, firstPaymentDate: file.dates.firstPaymentDate }));
  }
  const notes = file.notes.reduce((sum, note) => sum + note.originalBalance, 0);
  const collateral = poolBalance + (file.reserve?.initialDeposit ?? 0);
  if (notes > collateral + 0.005) {
    warnings.push(say('undercollateralised', { notesAmount: notes, collateralAmount: collateral, shortfallAmount: notes - collateral }));
  }
  const missing = input.missingDelinquencyColumns ?? [];
  if (missing.length > 0) warnings.push(say('missingDelinquencyColumns', { missingFields: missing.join(',') }));
  if (servicingStrip >= 0.005) warnings.push(say('servicingPaidTwice', { stripAmount: servicingStrip }));
  warnings.push(...prepared.scenarioWarnings);
  return warnings;
}

/** A coupon note paid something but too little for any yield to be quoted (engine/analytics summary.ts): say so, rather than show a bare dash. */
export function unquotableYieldWarnings(tranches: readonly TrancheRow[]): CodedMessage[] {
  return tranches
    .filter((t) => t.coupon !== 'none (residual)' && t.yieldAtParAnnualEffective === null && t.totalInterest + t.totalPrincipal > 0)
    .map((t) => say('unquotableYield', { note: t.id, repaidAmount: t.totalInterest + t.totalPrincipal, originalAmount: t.originalBalance }));
}
