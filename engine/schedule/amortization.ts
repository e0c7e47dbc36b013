/**
 * Amortization types, as the loan tape codes them (还款方式). The same four codes the tape
 * importer writes (data/tape/fields.ts), so a tape row feeds the engine without a mapping.
 */
export const AMORTIZATION_TYPES = ['level_payment', 'equal_principal', 'interest_only', 'flat_fee'] as const;

/**
 * - level_payment (等额本息): a level annuity installment; interest on the balance, the rest principal.
 * - equal_principal (等额本金): the same principal every month, interest on the balance.
 * - interest_only (先息后本): interest every month, all principal at maturity (bullet).
 * - flat_fee (等本等息): equal principal installments plus a fixed fee = original principal × monthly flat rate.
 */
export type AmortizationType = (typeof AMORTIZATION_TYPES)[number];

export function isAmortizationType(value: unknown): value is AmortizationType {
  return typeof value === 'string' && (AMORTIZATION_TYPES as readonly string[]).includes(value);
}

/**
 * How a schedule accrues interest between installments:
 * - '30/360': every monthly period is one twelfth of a year, so the monthly rate is APR / 12
 *   (US mortgages, SIFMA pass-through convention).
 * - 'ACT/365': actual days between payment dates over 365 on the outstanding principal
 *   (Chinese consumer loans: daily rate × 365 = APR).
 */
const ACCRUAL_CONVENTIONS = ['30/360', 'ACT/365'] as const;
export type AccrualConvention = (typeof ACCRUAL_CONVENTIONS)[number];
