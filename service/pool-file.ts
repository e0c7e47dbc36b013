import { z } from 'zod';
import type { UserError } from '../data/errors.ts';
import {
  allocateLoanArrays,
  AMORTIZATION_TYPES,
  amortizationCode,
  delinquencyCode,
  ROLL_STATES,
} from '../engine/index.ts';
import type { RepLineInfo } from './contract.ts';
import { fileError, schemaIssues } from './file-issues.ts';
import type { ProjectionInput } from './projection.ts';

/**
 * A pool file (JSON): a pool written as representative lines, for a projection without a
 * workspace (`abs project --pool POOL.json`) and, later, a deal's pool. Each line stands for
 * `loans` loans that behave alike; amounts in the pool's currency (yuan for Chinese pools), rates
 * annual decimals (0.18 = 18% APR), terms and ages in months. The JSON Schema in docs/schemas/
 * is generated from this (a test keeps them equal).
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
  rate: z.number().min(0).max(1).describe('Contract rate (APR), annual decimal'),
  originalTerm: z.number().int().min(1).max(600).describe('Months'),
  remainingTerm: z.number().int().min(0).max(600).describe('Installments not yet due at cutoff'),
  ageMonths: z.number().int().min(0).max(1200).optional().describe('Months since origination at cutoff; default originalTerm − remainingTerm'),
  state: z.enum(ROLL_STATES).optional().describe('Delinquency state at cutoff; default current'),
  overduePrincipal: money.optional().describe('Principal of installments due and unpaid (part of balance); default 0'),
  overdueInterest: money.optional().describe('Interest of installments due and unpaid; default 0'),
  loans: z.number().int().min(1).optional().describe('Loans the line stands for; default 1'),
});

export const POOL_FILE_SCHEMA = z.strictObject({
  name: z.string().min(1).max(200).optional().describe('The pool’s name, for titles'),
  cutoffDate: isoDate.describe('Cutoff date of the balances'),
  lines: z.array(lineSchema).min(1).max(100_000),
});

export type PoolFile = z.infer<typeof POOL_FILE_SCHEMA>;

function bad(path: string, message: string, details: Record<string, unknown> = {}): UserError {
  return fileError('Pool', [{ path, message }], details);
}


/** The code of a segment or product value: its index in `names`, appended when new (at most 255 values). */
function codeOf(names: string[], value: string, path: string, what: string): number {
  let code = names.indexOf(value);
  if (code < 0) {
    code = names.length;
    if (code > 254) throw bad(path, `a pool file has at most 255 ${what}`);
    names.push(value);
  }
  return code;
}

/** Validates a pool file (errors name the JSON path and the rule) and builds its loan arrays. */
export function readPoolFile(input: unknown, fallbackName = 'pool file'): ProjectionInput & { readonly lines: readonly RepLineInfo[] } {
  const parsed = POOL_FILE_SCHEMA.safeParse(input);
  if (!parsed.success) {
    throw fileError('Pool', schemaIssues(parsed.error));
  }
  const file = parsed.data;
  const [year, month, day] = file.cutoffDate.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() + 1 !== month || date.getUTCDate() !== day) {
    throw bad('$.cutoffDate', `"${file.cutoffDate}" is not a calendar date`);
  }
  const loans = allocateLoanArrays(file.lines.length);
  const product = new Uint8Array(file.lines.length);
  const segmentNames: string[] = [];
  const productNames: string[] = [];
  const lines: RepLineInfo[] = [];
  let loanCount = 0;
  file.lines.forEach((line, j) => {
    const path = `$.lines[${j}]`;
    if (line.remainingTerm > line.originalTerm) {
      throw bad(`${path}.remainingTerm`, `remaining term ${line.remainingTerm} exceeds the original term ${line.originalTerm}`);
    }
    const overdue = line.overduePrincipal ?? 0;
    if (overdue > line.balance) throw bad(`${path}.overduePrincipal`, `overdue principal ${overdue} exceeds the balance ${line.balance}`);
    const state = line.state ?? 'current';
    if (state === 'current' && (overdue > 0 || (line.overdueInterest ?? 0) > 0)) {
      throw bad(`${path}.state`, 'a current line has no overdue principal or interest: give its delinquency state');
    }
    const segment = line.segment ?? '';
    const code = codeOf(segmentNames, segment, `${path}.segment`, 'segments');
    product[j] = codeOf(productNames, line.product ?? '', `${path}.product`, 'products');
    const age = line.ageMonths ?? line.originalTerm - line.remainingTerm;
    loans.currentPrincipal[j] = line.balance;
    loans.originalPrincipal[j] = line.originalBalance ?? line.balance;
    loans.rateAnnual[j] = line.rate;
    loans.originalTerm[j] = line.originalTerm;
    loans.remainingTerm[j] = line.remainingTerm;
    loans.ageMonths[j] = age;
    loans.amortization[j] = amortizationCode(line.amortization);
    loans.delinquency[j] = delinquencyCode(state);
    loans.overduePrincipal[j] = overdue;
    loans.overdueInterest[j] = line.overdueInterest ?? 0;
    loans.segment[j] = code;
    loanCount += line.loans ?? 1;
    lines.push({
      line: j + 1,
      ...(line.id !== undefined ? { label: line.id } : {}),
      segment,
      ...(line.product !== undefined ? { product: line.product } : {}),
      amortization: line.amortization,
      state,
      originalTerm: line.originalTerm,
      remainingTerm: line.remainingTerm,
      ageMonths: age,
      rateAnnual: line.rate,
      loans: line.loans ?? 1,
      balance: line.balance,
    });
  });
  return { tapeId: null, sourceName: file.name ?? fallbackName, cutoffDate: file.cutoffDate, loans, segmentNames, product, productNames, lines, loanCount };
}
