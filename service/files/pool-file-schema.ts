import { z } from 'zod';
import { AMORTIZATION_TYPES, ROLL_STATES, wholeNumber } from '../../engine/index.ts';

/**
 * A pool file (JSON): a pool written as representative lines, for a projection without a
 * workspace (`abs project --pool POOL.json`) and, later, a deal's pool. Each line stands for
 * `loans` loans that behave alike; amounts in the pool's currency (yuan for Chinese pools), rates
 * annual decimals (0.18 = 18% APR), terms and ages in months. The JSON Schema in docs/schemas/
 * is generated from this (a test keeps them equal); pool-file.ts reads a file with it. The schema
 * has its own module so that the deal file (service/files/deal-file.ts), and through it the API contract,
 * can use it without importing the reader (which imports the contract).
 */
const money = z.number().min(0).max(1e15);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

const lineSchema = z.strictObject({
  id: z.string().min(1).max(200).optional().describe('A label for the line'),
  segment: z.string().max(100).optional().describe('Borrower segment; the assumption file’s `segments` keys and override matches name these'),
  product: z.string().max(200).optional().describe('Product (e.g. cash_loan, installment); the assumption file’s override matches name these'),
  amortization: z.enum(AMORTIZATION_TYPES).describe('level_payment (等额本息), equal_principal (等额本金), interest_only (先息后本), flat_fee (等本等息)'),
  balance: money.describe('Unpaid principal at cutoff, overdue principal included'),
  originalBalance: money.optional().describe('Principal at origination (the fee base of a flat-fee line); default: balance'),
  rate: z.number().min(0).max(1).optional().describe('Contract rate (APR), annual decimal; a flat_fee line may give its fee rate instead (feeRateMonthly or feeRateAnnual)'),
  feeRateMonthly: z
    .number()
    .min(0)
    .max(0.1)
    .optional()
    .describe(
      'flat_fee only: the monthly fee rate on the original principal (月手续费率), decimal: 0.006 = 0.6% a month; the line projects exactly this fee (its APR is solved, engine aprFromFlatFeeRate)',
    ),
  feeRateAnnual: z
    .number()
    .min(0)
    .max(1.2)
    .optional()
    .describe('flat_fee only: the fee rate as circulars quote it, monthly × 12 (年化手续费率, e.g. 和享 2017-5: 12 × 合同手续费率 ÷ 合同期数), decimal: 0.072 = 0.6% a month'),
  originalTerm: wholeNumber('originalTerm', 1, 600).describe('Months'),
  remainingTerm: wholeNumber('remainingTerm', 0, 600).describe('Installments not yet due at cutoff'),
  ageMonths: wholeNumber('ageMonths', 0, 1200).optional().describe('Months since origination at cutoff; default originalTerm − remainingTerm'),
  state: z
    .enum([...ROLL_STATES, 'dpd91_180'])
    .optional()
    .describe('Delinquency state at cutoff; default current. dpd91_180 (the range before the monthly buckets) is read as dpd91_120, the bucket with the longest way to charge-off'),
  overduePrincipal: money.optional().describe('Principal of installments due and unpaid (part of balance); default 0'),
  overdueInterest: money.optional().describe('Interest of installments due and unpaid; default 0'),
  loans: wholeNumber('loans', 1).optional().describe('Loans the line stands for; default 1'),
  startMonth: wholeNumber('startMonth', 1, 600)
    .optional()
    .describe(
      'Projection month in which the line’s first scheduled payment falls; default 1. A line of a prospectus’s hypothetical pool with a later “assumed cutoff date” (first due date at the end of that month) starts in a later month: before it the line is held at its balance, current, with no payment, prepayment, default or interest; from it the line runs as from its own cutoff (remainingTerm and ageMonths as of then). It must be current with nothing overdue',
    ),
  restructuredShare: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe(
      'Share of the line’s balance in restructured loans (the tape’s 是否重组), decimal 0–1; default 0. A penaltyWaiver.restructured in the assumption file waives the penalty interest of this share',
    ),
});

export const POOL_FILE_SCHEMA = z.strictObject({
  name: z.string().min(1).max(200).optional().describe('The pool’s name, for titles'),
  cutoffDate: isoDate.describe('Cutoff date of the balances'),
  lines: z.array(lineSchema).min(1).max(100_000),
});

export type PoolFile = z.infer<typeof POOL_FILE_SCHEMA>;
