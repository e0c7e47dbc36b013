import type { UserError } from '../../data/errors.ts';
import { allocateLoanArrays, amortizationCode, aprFromFlatFeeRate, delinquencyCode, EngineError, messageTable, type CodedMessage } from '../../engine/index.ts';
import type { RepLineInfo } from '../api/contract.ts';
import { codedIssue, fileError, reservedKeyIssues } from './file-issues.ts';
import { schemaIssues } from './schema-issues.ts';
import { POOL_FILE_SCHEMA, type PoolFile } from './pool-file-schema.ts';
import type { ProjectionInput } from '../runs/projection.ts';

/** A pool file's rules beyond its shape, by code (engine/messages.ts): the screens say them in the chosen language. */
export const POOL_FILE_RULES = messageTable('poolFile', {
  tooManySegments: (p: { limit: number }) => `a pool file has at most ${p.limit} segments`,
  tooManyProducts: (p: { limit: number }) => `a pool file has at most ${p.limit} products`,
  notACalendarDate: (p: { date: string }) => `"${p.date}" is not a calendar date`,
  remainingAboveOriginal: (p: { remaining: number; original: number }) => `remaining term ${p.remaining} exceeds the original term ${p.original}`,
  overdueAboveBalance: (p: { overdueAmount: number; balanceAmount: number }) => `overdue principal ${p.overdueAmount} exceeds the balance ${p.balanceAmount}`,
  currentWithOverdue: () => 'a current line has no overdue principal or interest: give its delinquency state',
  lateStartNotCurrent: (p: { month: number }) => `a line that starts in month ${p.month} is held untouched until then, so it must be current with nothing overdue`,
  rateMissing: () => 'give the line’s rate (APR), or for a flat_fee line its feeRateMonthly or feeRateAnnual',
  rateTwice: () => 'give one of rate, feeRateMonthly and feeRateAnnual',
  feeNotFlatFee: (p: { amortization: string }) => `a fee rate is the charge of a flat_fee (等本等息) line; this line is ${p.amortization}: give its rate (APR)`,
  feeAbove100Apr: (p: { feePct: string; months: number }) => `a fee of ${p.feePct}% a month over ${p.months} months is above that of a 100% APR`,
});

function bad(path: string, rule: CodedMessage, details: Record<string, unknown> = {}): UserError {
  return fileError('Pool', [codedIssue(path, rule)], details);
}

/** The code of a segment or product value: its index in `names`, appended when new (at most 255 values). */
function codeOf(names: string[], value: string, path: string, what: 'segments' | 'products'): number {
  let code = names.indexOf(value);
  if (code < 0) {
    code = names.length;
    if (code > 254) throw bad(path, POOL_FILE_RULES.say(what === 'segments' ? 'tooManySegments' : 'tooManyProducts', { limit: 255 }));
    names.push(value);
  }
  return code;
}

/** Validates a pool file (errors name the JSON path and the rule) and builds its loan arrays; `file` is the file as read. */
export function readPoolFile(input: unknown, fallbackName = 'pool file'): ProjectionInput & { readonly lines: readonly RepLineInfo[]; readonly file: PoolFile } {
  const reserved = reservedKeyIssues(input);
  if (reserved.length > 0) throw fileError('Pool', reserved);
  const parsed = POOL_FILE_SCHEMA.safeParse(input);
  if (!parsed.success) {
    throw fileError('Pool', schemaIssues(parsed.error, { schema: POOL_FILE_SCHEMA, input, file: 'poolFile' }));
  }
  const file = parsed.data;
  const [year, month, day] = file.cutoffDate.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() + 1 !== month || date.getUTCDate() !== day) {
    throw bad('$.cutoffDate', POOL_FILE_RULES.say('notACalendarDate', { date: file.cutoffDate }));
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
      throw bad(`${path}.remainingTerm`, POOL_FILE_RULES.say('remainingAboveOriginal', { remaining: line.remainingTerm, original: line.originalTerm }));
    }
    const overdue = line.overduePrincipal ?? 0;
    if (overdue > line.balance) throw bad(`${path}.overduePrincipal`, POOL_FILE_RULES.say('overdueAboveBalance', { overdueAmount: overdue, balanceAmount: line.balance }));
    // A line in the 91–180 range without its month is taken to be in its first month (91–120).
    const state = line.state === 'dpd91_180' ? 'dpd91_120' : (line.state ?? 'current');
    if (state === 'current' && (overdue > 0 || (line.overdueInterest ?? 0) > 0)) {
      throw bad(`${path}.state`, POOL_FILE_RULES.say('currentWithOverdue'));
    }
    if ((line.startMonth ?? 1) > 1 && (state !== 'current' || overdue > 0 || (line.overdueInterest ?? 0) > 0)) {
      throw bad(`${path}.startMonth`, POOL_FILE_RULES.say('lateStartNotCurrent', { month: line.startMonth ?? 1 }));
    }
    const segment = line.segment ?? '';
    const code = codeOf(segmentNames, segment, `${path}.segment`, 'segments');
    product[j] = codeOf(productNames, line.product ?? '', `${path}.product`, 'products');
    const age = line.ageMonths ?? line.originalTerm - line.remainingTerm;
    const rate = lineRate(line, path);
    loans.currentPrincipal[j] = line.balance;
    loans.originalPrincipal[j] = line.originalBalance ?? line.balance;
    loans.rateAnnual[j] = rate;
    loans.originalTerm[j] = line.originalTerm;
    loans.remainingTerm[j] = line.remainingTerm;
    loans.ageMonths[j] = age;
    loans.amortization[j] = amortizationCode(line.amortization);
    loans.delinquency[j] = delinquencyCode(state);
    loans.overduePrincipal[j] = overdue;
    loans.overdueInterest[j] = line.overdueInterest ?? 0;
    loans.segment[j] = code;
    // A line's restructured share, as rep-lines.ts gives a tape's lines (balance-weighted): the waiver scales its penalty by 1 − it.
    loans.restructured[j] = line.restructuredShare ?? 0;
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
      rateAnnual: rate,
      loans: line.loans ?? 1,
      balance: line.balance,
    });
  });
  // Start months only when some line names one (the engine's default: every line from month 1).
  const startMonths = file.lines.some((line) => line.startMonth !== undefined) ? Uint16Array.from(file.lines, (line) => line.startMonth ?? 1) : undefined;
  return {
    tapeId: null,
    sourceName: file.name ?? fallbackName,
    cutoffDate: file.cutoffDate,
    loans,
    segmentNames,
    product,
    productNames,
    lines,
    loanCount,
    file,
    ...(startMonths ? { startMonths } : {}),
  };
}

/**
 * A line's APR: its `rate`, or for a flat_fee line the APR whose installment equals principal ÷ term
 * plus the stated fee (feeRateMonthly, or feeRateAnnual ÷ 12 as circulars quote it), so that the
 * projection charges exactly original principal × monthly fee rate each month.
 */
function lineRate(line: PoolFile['lines'][number], path: string): number {
  const given = [line.rate, line.feeRateMonthly, line.feeRateAnnual].filter((x) => x !== undefined).length;
  if (given !== 1) throw bad(`${path}.rate`, POOL_FILE_RULES.say(given === 0 ? 'rateMissing' : 'rateTwice'));
  if (line.rate !== undefined) return line.rate;
  const field = line.feeRateMonthly !== undefined ? 'feeRateMonthly' : 'feeRateAnnual';
  if (line.amortization !== 'flat_fee') throw bad(`${path}.${field}`, POOL_FILE_RULES.say('feeNotFlatFee', { amortization: line.amortization }));
  const monthly = line.feeRateMonthly ?? (line.feeRateAnnual ?? 0) / 12;
  try {
    return aprFromFlatFeeRate(monthly, line.originalTerm);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    throw bad(`${path}.${field}`, POOL_FILE_RULES.say('feeAbove100Apr', { feePct: (monthly * 100).toFixed(4), months: line.originalTerm }));
  }
}
