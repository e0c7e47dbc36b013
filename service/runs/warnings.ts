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
 * Mismatches between the deal file and the pool it runs on that change how to read the figures;
 * `servicingStrip` is the strip kept out of interest collections over the run (Σ DealPeriod.servicingStrip).
 */
export function dealWarnings(prepared: PreparedDeal, poolBalance: number, servicingStrip = 0): string[] {
  const warnings: string[] = [];
  const { file, input } = prepared;
  if (input.cutoffDate !== file.dates.cutoff) {
    warnings.push(
      `The pool's cutoff date (${input.cutoffDate}) is not the deal's (${file.dates.cutoff}): the pool's first collection month is paid on the deal's first payment date (${file.dates.firstPaymentDate}).`,
    );
  }
  const notes = file.notes.reduce((sum, note) => sum + note.originalBalance, 0);
  const collateral = poolBalance + (file.reserve?.initialDeposit ?? 0);
  if (notes > collateral + 0.005) {
    warnings.push(`The notes (${money(notes)}) exceed the pool and the reserve at closing (${money(collateral)}) by ${money(notes - collateral)}: the deal is undercollateralised from the start.`);
  }
  const missing = input.missingDelinquencyColumns ?? [];
  if (missing.length > 0) {
    warnings.push(
      `The tape has no ${missing.map((f) => MISSING_COLUMN_NAMES[f] ?? f).join(', ')} column: every loan starts current with nothing overdue, which the tape does not say — the delinquency and 逾期总额 figures are the scenario's alone.`,
    );
  }
  if (servicingStrip >= 0.005) {
    warnings.push(
      `The scenario's servicing strip (servicingFeeRate) keeps ${money(servicingStrip)} of interest collections out of the waterfall over the run: if the deal also pays its servicer as a fee, servicing is paid twice — set servicingFeeRate to 0.`,
    );
  }
  return warnings;
}

/** A coupon note paid something but too little for any yield to be quoted (engine/analytics summary.ts): say so, rather than show a bare dash. */
export function unquotableYieldWarnings(tranches: readonly TrancheRow[]): string[] {
  return tranches
    .filter((t) => t.coupon !== 'none (residual)' && t.yieldAtParAnnualEffective === null && t.totalInterest + t.totalPrincipal > 0)
    .map(
      (t) =>
        `Note ${t.id} repays ${money(t.totalInterest + t.totalPrincipal)} of its ${money(t.originalBalance)}: worth less than par even at a yield of −100%, so it has no yield or duration to quote (shown as —).`,
    );
}
