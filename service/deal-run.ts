import { UserError } from '../data/errors.ts';
import {
  addMonths,
  allocateLoanArrays,
  amortizationCode,
  creditEnhancement,
  EngineError,
  largestPassingStress,
  formatIsoDate,
  parseIsoDate,
  parseVector,
  poolLedger,
  roundCentsOfDouble,
  projectPool,
  runDeal,
  trancheSummary,
  xirr,
  type CashFlowLeg,
  type Deal,
  type DealResult,
  type LoanArrays,
  type NoteLeg,
  type PoolAssumptions,
  type PoolCashFlows,
  type StressBound,
  type StressSearch,
} from '../engine/index.ts';
import { assumptionGroups } from './assumption-groups.ts';
import { readAssumptionFile } from './assumptions.ts';
import { fileError } from './file-issues.ts';
import type { BreakevenResult, BreakevenRow, DealRunResult, ProjectionMode, TrancheRow } from './contract.ts';
import { dealOf, type DealFile } from './deal-file.ts';
import { readPoolFile } from './pool-file.ts';
import { poolAttributes, type ProjectionInput } from './projection.ts';

/** Everything a deal run needs, read and checked once (a breakeven re-runs it many times). */
export interface PreparedDeal {
  readonly file: DealFile;
  readonly deal: Deal;
  readonly input: ProjectionInput;
  readonly assumptions: PoolAssumptions;
  /** Pool months projected: through the legal-final payment period. */
  readonly months: number;
  readonly profile: LoanArrays | null;
}

const MAX_MONTHS = 600;

/** Pool months the deal can use: every collection month up to the legal-final payment period. */
function dealMonths(deal: Deal): number {
  const frequency = deal.dates.paymentFrequencyMonths ?? 1;
  const first = parseIsoDate(deal.dates.firstPaymentDate);
  const legalFinal = formatIsoDate(parseIsoDate(deal.dates.legalFinalMaturity));
  let periods = 0;
  while (periods * frequency < MAX_MONTHS && formatIsoDate(addMonths(first, periods * frequency)) <= legalFinal) periods++;
  return Math.max(1, Math.min(MAX_MONTHS, periods * frequency));
}

/**
 * Reads the pool (a tape's loans or lines, else the deal file's lines), the scenario (the given
 * assumption file, else the deal file's) and the revolving profile. `tapeInput` is the tape's pool
 * when the deal runs on a tape (already grouped into lines in mode 'repline').
 */
export function prepareDeal(file: DealFile, tapeInput: ProjectionInput | null, assumptionFile: unknown): PreparedDeal {
  const deal = dealOf(file);
  let input = tapeInput;
  if (input === null) {
    if (!file.pool) throw fileError('Deal', [{ path: '$.pool', message: 'the deal has no pool — give a tape, or write the pool as representative lines in the deal file' }]);
    input = readPoolFile({ ...file.pool, cutoffDate: file.pool.cutoffDate ?? file.dates.cutoff }, file.pool.name ?? file.name ?? 'deal pool');
  }
  const scenario = assumptionFile ?? file.assumptions;
  if (scenario === undefined) throw fileError('Deal', [{ path: '$.assumptions', message: 'no scenario — give an assumption file, or write `assumptions` in the deal file' }]);
  const pool = poolAttributes(input);
  const scenarioFile = readAssumptionFile(scenario, { segments: pool.segmentNames, products: pool.productNames });
  const months = dealMonths(deal);
  let profile: LoanArrays | null = null;
  let profileProducts: Uint8Array | null = null;
  if (file.revolving) {
    const lines = file.revolving.profile;
    const price = file.revolving.price ?? 1;
    const totalShare = lines.reduce((sum, line) => sum + line.share, 0);
    const loans = allocateLoanArrays(lines.length);
    const products = new Uint8Array(lines.length);
    lines.forEach((line, j) => {
      const path = `$.revolving.profile[${j}]`;
      const segment = pool.segmentNames.indexOf(line.segment ?? '');
      if (segment < 0) {
        throw fileError('Deal', [{ path: `${path}.segment`, message: `the pool has no segment "${line.segment ?? ''}" (its segments: ${pool.segmentNames.filter(Boolean).join(', ') || 'none'})` }]);
      }
      const product = line.product === undefined ? 0 : pool.productNames.indexOf(line.product);
      if (product < 0) {
        throw fileError('Deal', [{ path: `${path}.product`, message: `the pool has no product "${line.product ?? ''}" (its products: ${pool.productNames.filter(Boolean).join(', ') || 'none'})` }]);
      }
      // One yuan spent buys 1/price yuan of principal: the unit cohort is scaled by it.
      const principal = line.share / totalShare / price;
      loans.currentPrincipal[j] = principal;
      loans.originalPrincipal[j] = principal;
      loans.rateAnnual[j] = line.rate;
      loans.originalTerm[j] = line.originalTerm;
      loans.remainingTerm[j] = line.originalTerm;
      loans.amortization[j] = amortizationCode(line.amortization);
      loans.segment[j] = segment;
      products[j] = product;
    });
    profile = loans;
    profileProducts = products;
  }
  // The scenario's segments and override rules onto the pool and the purchase profile alike.
  const grouped = assumptionGroups(scenarioFile, pool, profile && profileProducts ? [{ loans: profile, product: profileProducts }] : []);
  const assumptions = grouped.assumptions;
  input = { ...input, loans: grouped.loans };
  profile = grouped.more[0] ?? null;
  return { file, deal, input, assumptions, months, profile };
}

/** The pool flows under a stress (default multiplier or a constant CDR replacing the default curves). */
function poolFlows(prepared: PreparedDeal, loans: LoanArrays, months: number, startMonth: number, stress: Stress): PoolCashFlows {
  return projectPool(loans, stressed(prepared.assumptions, stress), {
    months,
    cutoffDate: prepared.input.cutoffDate,
    startMonth,
    ...(stress.by === 'multiplier' ? { defaultMultiplier: stress.value } : {}),
  });
}

export type Stress = { readonly by: 'multiplier'; readonly value: number } | { readonly by: 'cdr'; readonly value: number };

const NO_STRESS: Stress = { by: 'multiplier', value: 1 };

function stressed(assumptions: PoolAssumptions, stress: Stress): PoolAssumptions {
  if (stress.by === 'multiplier') return assumptions;
  const cdr = { kind: 'notation' as const, notation: parseVector(`${(stress.value * 100).toFixed(6)} CDR`, { purpose: 'default' }) };
  return {
    pool: { ...assumptions.pool, default: cdr },
    segments: (assumptions.segments ?? []).map((segment) => (segment ? { ...segment, default: cdr } : undefined)),
  };
}

/** Pool projection + waterfall under a stress. */
export function runPrepared(prepared: PreparedDeal, stress: Stress = NO_STRESS): { result: DealResult; flows: PoolCashFlows } {
  const { months, profile } = prepared;
  const flows = poolFlows(prepared, prepared.input.loans, months, 1, stress);
  const cohorts = new Map<number, PoolCashFlows>();
  const unitCohort =
    profile === null
      ? undefined
      : (afterMonth: number): PoolCashFlows => {
          let cohort = cohorts.get(afterMonth);
          if (cohort === undefined) {
            cohort = poolFlows(prepared, profile, Math.max(1, months - afterMonth), afterMonth + 1, stress);
            cohorts.set(afterMonth, cohort);
          }
          return cohort;
        };
  try {
    return { result: runDeal(prepared.deal, poolLedger(flows, unitCohort), { skipValidation: true }), flows };
  } catch (error) {
    if (error instanceof EngineError) {
      throw new UserError('BAD_REQUEST', `Deal: ${error.message}`, { ...error.details, engineCode: error.code });
    }
    throw error;
  }
}

function couponLabel(coupon: DealFile['notes'][number]['coupon']): string {
  if (coupon.type === 'fixed') return `${(coupon.rate * 100).toFixed(2)}% fixed`;
  if (coupon.type === 'floating') return `index ${coupon.margin >= 0 ? '+' : '−'} ${(Math.abs(coupon.margin) * 100).toFixed(2)}% floating`;
  return 'none (residual)';
}

/** A note's leg as engine/analytics reads it; a residual note's residual counts as its income. */
function analyticsLeg(leg: NoteLeg, closing: string, paymentsPerYear: number, withResidual: boolean): CashFlowLeg {
  return {
    originalBalance: leg.originalBalance,
    settlementDate: closing,
    paymentsPerYear,
    paymentDates: leg.dates,
    principal: leg.principal,
    interest: withResidual ? leg.interest.map((x, k) => x + (leg.residual[k] ?? 0)) : leg.interest,
    writeDown: leg.writeDown,
    endingBalance: leg.balance,
  };
}

/** Tranche analytics of each note: WAL (ACT/365 from closing), window, yield at par and duration (annual effective), loss, CE, equity IRR. */
export function trancheRows(prepared: PreparedDeal, result: DealResult): TrancheRow[] {
  const { file } = prepared;
  const closing = file.dates.closing;
  const frequency = file.dates.paymentFrequencyMonths ?? 1;
  const bySeniority = [...file.notes].sort((a, b) => a.seniority - b.seniority);
  const poolBalance = result.periods[0]?.pool.beginningBalance ?? 0;
  const ce = creditEnhancement({
    poolBalance: [poolBalance],
    noteBalances: bySeniority.map((n) => [n.originalBalance]),
    reserveBalance: [file.reserve?.initialDeposit ?? 0],
  });
  return file.notes.map((note) => {
    const leg = result.legs.find((l) => l.id === note.id);
    if (!leg) throw new Error(`no leg for note ${note.id}`);
    const periods = result.periods;
    const shortfall = periods.length > 0 ? (periods[periods.length - 1]?.notes.find((n) => n.id === note.id)?.interestShortfall ?? 0) : 0;
    const hasCoupon = note.coupon.type !== 'none';
    const summary = trancheSummary(analyticsLeg(leg, closing, 12 / frequency, !hasCoupon));
    const received = leg.dates.map((date, k) => ({ date, amount: (leg.principal[k] ?? 0) + (leg.interest[k] ?? 0) + (leg.residual[k] ?? 0) }));
    let irr: number | null = null;
    if (!hasCoupon && note.originalBalance > 0 && received.some((f) => f.amount > 0)) {
      try {
        irr = xirr([{ date: closing, amount: -note.originalBalance }, ...received.filter((f) => f.amount !== 0)]);
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
      }
    }
    const rank = bySeniority.findIndex((n) => n.id === note.id);
    const window = summary.principalWindow;
    return {
      id: note.id,
      name: note.name ?? note.id,
      seniority: note.seniority,
      originalBalance: note.originalBalance,
      coupon: couponLabel(note.coupon),
      walYears: summary.walYears,
      firstPrincipal: window ? { period: window.first.period, date: window.first.date } : null,
      lastPrincipal: window ? { period: window.last.period, date: window.last.date } : null,
      expectedFinal: summary.expectedFinalPayment,
      totalInterest: roundCentsOfDouble(leg.interest.reduce((a, b) => a + b, 0)),
      totalPrincipal: roundCentsOfDouble(leg.principal.reduce((a, b) => a + b, 0)),
      totalResidual: roundCentsOfDouble(leg.residual.reduce((a, b) => a + b, 0)),
      writeDown: roundCentsOfDouble(leg.writeDown.reduce((a, b) => a + b, 0)),
      lossRate: summary.totals.lossRate,
      interestShortfall: shortfall,
      yieldAtPar: hasCoupon ? summary.yield : null,
      modifiedDurationYears: hasCoupon ? summary.modifiedDurationYears : null,
      irr,
      creditEnhancementAtClosing: ce[rank]?.[0] ?? 0,
    };
  });
}


export function dealRunResult(prepared: PreparedDeal, mode: ProjectionMode, started: number): DealRunResult {
  const { result, flows } = runPrepared(prepared);
  return {
    dealName: prepared.file.name ?? 'Deal',
    poolName: prepared.input.sourceName,
    mode,
    cutoffDate: prepared.input.cutoffDate,
    closingDate: prepared.file.dates.closing,
    poolBalance: roundCentsOfDouble(flows.cutoffBalance),
    loans: prepared.input.loanCount,
    months: prepared.months,
    tranches: trancheRows(prepared, result),
    periods: result.periods,
    stepPaths: result.stepPaths,
    cumulativeDefaultRate: result.cumulativeDefaultRate,
    cumulativeNetLoss: result.cumulativeNetLoss,
    revolvingEnd: result.revolvingEnd ?? null,
    triggerFirstBreach: result.triggerFirstBreach,
    cleanUpPeriod: result.cleanUpPeriod ?? null,
    creditEnhancement: creditEnhancementOverTime(prepared, result),
    warnings: dealWarnings(prepared, flows.cutoffBalance),
    seconds: (performance.now() - started) / 1000,
  };
}

function money(x: number): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Mismatches between the deal file and the pool it runs on that change how to read the figures. */
function dealWarnings(prepared: PreparedDeal, poolBalance: number): string[] {
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
  return warnings;
}

function creditEnhancementOverTime(prepared: PreparedDeal, result: DealResult): DealRunResult['creditEnhancement'] {
  const bySeniority = [...prepared.file.notes].sort((a, b) => a.seniority - b.seniority);
  const periods = result.periods;
  const table = creditEnhancement({
    poolBalance: periods.map((p) => (p.final ? 0 : p.pool.endingBalance + p.pool.purchases)),
    noteBalances: bySeniority.map((note) => periods.map((p) => p.notes.find((n) => n.id === note.id)?.endingBalance ?? 0)),
    reserveBalance: periods.map((p) => p.reserve?.endingBalance ?? 0),
  });
  return prepared.file.notes.map((note) => ({ id: note.id, values: table[bySeniority.findIndex((n) => n.id === note.id)] ?? [] }));
}

/** A note is paid in full: no write-down, no interest left unpaid, nothing outstanding at the end. */
function paidInFull(result: DealResult, noteId: string): boolean {
  const leg = result.legs.find((l) => l.id === noteId);
  if (!leg) return false;
  const last = result.periods[result.periods.length - 1]?.notes.find((n) => n.id === noteId);
  const writtenDown = leg.writeDown.some((x) => x > 0);
  const outstanding = (leg.balance[leg.balance.length - 1] ?? 0) > 0;
  return !writtenDown && !outstanding && (last?.interestShortfall ?? 0) === 0;
}

const MAX_MULTIPLIER = 1000;
const MULTIPLIER_TOLERANCE = 0.001;
const CDR_TOLERANCE = 0.00001;

/** The engine's stress search for each kind of stress: relative 0.1% of a multiplier up to 1000×, or 0.001 percentage point of CDR up to 100%. */
const STRESS_SEARCH: Readonly<Record<Stress['by'], StressSearch>> = {
  multiplier: { start: 1, max: MAX_MULTIPLIER, tolerance: MULTIPLIER_TOLERANCE, relative: true },
  cdr: { start: 0.05, max: 1, tolerance: CDR_TOLERANCE },
};

const BREAKEVEN_STATUS: Readonly<Record<StressBound['status'], BreakevenRow['status']>> = {
  failsWithoutStress: 'lossWithoutStress',
  beyondRange: 'beyondRange',
  found: 'found',
};

/**
 * Each coupon note's breakeven: the largest stress at which it still receives all principal and
 * interest (engine/analytics largestPassingStress over paidInFull). A note that loses even without
 * stress reports 'lossWithoutStress'. The residual (no-coupon) note has no breakeven: it is meant to
 * absorb losses first.
 */
export function solveBreakevens(prepared: PreparedDeal, by: 'multiplier' | 'cdr', onRun: (runs: number) => void = () => undefined): BreakevenResult {
  const started = performance.now();
  let runs = 0;
  const cache = new Map<number, DealResult>();
  const evaluate = (value: number): DealResult => {
    let result = cache.get(value);
    if (result === undefined) {
      result = runPrepared(prepared, { by, value }).result;
      cache.set(value, result);
      runs++;
      if (runs % 10 === 0) onRun(runs);
    }
    return result;
  };
  const rows: BreakevenRow[] = prepared.file.notes
    .filter((note) => note.coupon.type !== 'none')
    .map((note) => {
      const bound = largestPassingStress((value) => paidInFull(evaluate(value), note.id), STRESS_SEARCH[by]);
      const result = evaluate(bound.stress);
      const horizon = result.periods.length - 1;
      const cutoff = result.periods[0]?.pool.beginningBalance ?? 0;
      return {
        id: note.id,
        name: note.name ?? note.id,
        status: BREAKEVEN_STATUS[bound.status],
        stress: bound.stress,
        cumulativeDefaultRate: result.cumulativeDefaultRate[horizon] ?? 0,
        cumulativeNetLossRate: cutoff > 0 ? (result.cumulativeNetLoss[horizon] ?? 0) / cutoff : 0,
      };
    });
  return {
    dealName: prepared.file.name ?? 'Deal',
    by,
    tolerance: by === 'multiplier' ? MULTIPLIER_TOLERANCE : CDR_TOLERANCE,
    rows,
    runs,
    seconds: (performance.now() - started) / 1000,
  };
}
