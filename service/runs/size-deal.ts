import { UserError } from '../../data/errors.ts';
import {
  creditEnhancement,
  largestPassingSeniorSize,
  roundCentsOfDouble,
  scaleToPool,
  seniorSizeForCreditEnhancement,
  sizeWithSenior,
  toWholeCents,
  type NoteSizes,
  type SizingBasis,
} from '../../engine/index.ts';
import type { CapitalClassRow, DealSizeRequest, DealSizeResult, InterestPayment } from '../api/contract.ts';
import { dealOf, type DealFile } from '../files/deal-file.ts';
import { interestPaymentOf, notePasses, solveBreakevens } from './breakevens.ts';
import { runPrepared, type PreparedDeal } from './prepare-deal.ts';

/** The default subordinate floor: 5% of the pool, the originator's risk retention (docs/sizing.md). */
export const DEFAULT_SUBORDINATE_FLOOR = 0.05;

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
const yuan = (x: number): string => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The pool balance the deal's note sizes were written for: its own pool lines' balance, else Σ notes (no OC stated). */
export function statedPoolBalance(file: DealFile): number {
  const scheduled = file.schedulePool?.rows?.[0]?.openingBalance;
  if (scheduled !== undefined) return roundCentsOfDouble(scheduled);
  const lines = file.pool?.lines ?? [];
  const total = lines.length > 0 ? lines.reduce((sum, line) => sum + line.balance, 0) : file.notes.reduce((sum, note) => sum + note.originalBalance, 0);
  return roundCentsOfDouble(total);
}

/** The pool a prepared deal runs on: Σ current principal at the cutoff (a schedule pool's first opening balance), to the cent (as the projection's cutoff balance). */
export function poolBalanceOf(prepared: Pick<PreparedDeal, 'input'> & { readonly schedule?: PreparedDeal['schedule'] }): number {
  const scheduled = prepared.schedule?.rows[0]?.openingBalance;
  if (scheduled !== undefined) return roundCentsOfDouble(scheduled);
  let total = 0;
  for (const x of prepared.input.loans.currentPrincipal) total += x;
  return roundCentsOfDouble(total);
}

function basisOf(file: DealFile, poolBalance: number): SizingBasis {
  return { notes: file.notes, statedPoolBalance: statedPoolBalance(file), poolBalance };
}

/** Money written for the stated pool scaled to the pool (half-up to the cent): amounts that measure the deal's size. */
function scaled(x: number, ratio: number): number {
  return toWholeCents(x * ratio) / 100;
}

/**
 * The deal file with the notes at `sizes` and the amounts that measure the deal's size scaled by
 * pool ÷ stated pool: the reserve's initial deposit, its target floor and cap, the revolving
 * purchase cap, and the file's own pool lines (the last line takes the rounding, so the file states
 * the pool it was sized to and sizing it again changes nothing). Fixed fees and money thresholds of
 * triggers are costs and tolerances, not sizes: they stay as written.
 */
export function withNoteSizes(file: DealFile, sizes: NoteSizes, poolBalance: number): DealFile {
  const ratio = poolBalance / statedPoolBalance(file);
  const notes = file.notes.map((note) => ({ ...note, originalBalance: sizes.get(note.id) ?? note.originalBalance }));
  const reserve = file.reserve && {
    ...file.reserve,
    initialDeposit: scaled(file.reserve.initialDeposit, ratio),
    target: {
      ...file.reserve.target,
      ...(file.reserve.target.floor !== undefined ? { floor: scaled(file.reserve.target.floor, ratio) } : {}),
      ...(file.reserve.target.cap !== undefined ? { cap: scaled(file.reserve.target.cap, ratio) } : {}),
    },
  };
  const cap = file.revolving?.purchaseCap;
  const revolving = file.revolving && {
    ...file.revolving,
    ...(cap !== undefined ? { purchaseCap: typeof cap === 'number' ? scaled(cap, ratio) : cap.map((band) => ({ ...band, amount: scaled(band.amount, ratio) })) } : {}),
  };
  let pool = file.pool;
  if (pool && pool.lines.length > 0) {
    const lines = pool.lines.map((line) => ({ ...line, balance: scaled(line.balance, ratio) }));
    const others = lines.slice(0, -1).reduce((sum, line) => sum + toWholeCents(line.balance), 0);
    const last = lines[lines.length - 1];
    if (last) lines[lines.length - 1] = { ...last, balance: (toWholeCents(poolBalance) - others) / 100 };
    pool = { ...pool, lines };
  }
  return { ...file, notes, ...(reserve ? { reserve } : {}), ...(revolving ? { revolving } : {}), ...(pool ? { pool } : {}) };
}

/** Every class scaled to the pool keeping its percentage of the stated pool (deal.run / deal.breakeven `sizeToPool`). */
export function sizedToPool(file: DealFile, poolBalance: number): DealFile {
  if (Math.abs(statedPoolBalance(file) - poolBalance) < 0.005) return file;
  return withNoteSizes(file, scaleToPool(basisOf(file, poolBalance)), poolBalance);
}

/** Each note's size, share of the pool and CE at closing: (pool + reserve − the note and every note senior to it) ÷ pool. */
export function capitalStructure(file: DealFile, poolBalance: number): CapitalClassRow[] {
  const bySeniority = [...file.notes].sort((a, b) => a.seniority - b.seniority);
  const ce = creditEnhancement({
    poolBalance: [poolBalance],
    noteBalances: bySeniority.map((n) => [n.originalBalance]),
    ranks: bySeniority.map((n) => n.seniority),
    reserveBalance: [file.reserve?.initialDeposit ?? 0],
  });
  return bySeniority.map((note, i) => ({
    id: note.id,
    name: note.name ?? note.id,
    seniority: note.seniority,
    balance: note.originalBalance,
    shareOfPool: poolBalance > 0 ? note.originalBalance / poolBalance : 0,
    creditEnhancement: ce[i]?.[0] ?? 0,
  }));
}

/** The prepared deal with another deal file (same pool and scenario): a sizing candidate. */
function withFile(prepared: PreparedDeal, file: DealFile): PreparedDeal {
  return { ...prepared, file, deal: dealOf(file) };
}

const BREAKEVEN_TOLERANCE_SHARE = 0.0001;

interface Sized {
  readonly file: DealFile;
  readonly seniorBreakeven: DealSizeResult['seniorBreakeven'];
}

function belowFloor(what: string, subordinate: number, floor: number, floorShare: number, poolBalance: number, bound: string): UserError {
  return new UserError(
    'BAD_REQUEST',
    `${what} leaves the subordinate class ${yuan(subordinate)} (${pct(subordinate / poolBalance)} of the pool), below its floor of ${yuan(floor)} (${pct(floorShare)} of the pool, the originator's retained first-loss piece). ${bound}`,
    { subordinate, floor, floorShare },
  );
}

/** The senior class sized for a CE at closing, the mezzanine classes at their share, the subordinate class the rest above its floor. */
function sizeForCreditEnhancement(prepared: PreparedDeal, poolBalance: number, targetCe: number, floorShare: number): Sized {
  const file = prepared.file;
  const reserve = withNoteSizes(file, new Map(), poolBalance).reserve?.initialDeposit ?? 0;
  const senior = seniorSizeForCreditEnhancement(poolBalance, reserve, targetCe);
  const sized = sizeWithSenior(basisOf(file, poolBalance), Math.max(0, senior), floorShare);
  if (senior <= 0) {
    throw new UserError(
      'BAD_REQUEST',
      `A target CE of ${pct(targetCe)} leaves no senior class: the CE at closing is (pool + reserve − senior) ÷ pool, at most ${pct(1 + reserve / poolBalance)} with this reserve.`,
      { targetCe },
    );
  }
  if (sized.subordinate < sized.floor) {
    const smallest = (poolBalance + reserve - sized.largestSenior) / poolBalance;
    throw belowFloor(
      `A senior CE of ${pct(targetCe)} needs a senior class of ${yuan(senior)}, which`,
      sized.subordinate,
      sized.floor,
      floorShare,
      poolBalance,
      `The smallest senior CE the floor allows is ${pct(smallest)} (senior ${yuan(sized.largestSenior)}).`,
    );
  }
  return { file: withNoteSizes(file, sized.sizes, poolBalance), seniorBreakeven: null };
}

/** Does every note of the senior class pass its test at the default multiplier `target`? */
function seniorPasses(prepared: PreparedDeal, target: number, interest: InterestPayment | undefined): boolean {
  const result = runPrepared(prepared, { by: 'multiplier', value: target }).result;
  const seniorRank = Math.min(...prepared.file.notes.map((n) => n.seniority));
  return prepared.file.notes.filter((n) => n.seniority === seniorRank).every((n) => notePasses(result, n.id, interestPaymentOf(n.seniority, interest)));
}

/**
 * The largest senior class whose breakeven default multiplier is at least `target`: passing at the
 * multiplier `target` is that test (the breakeven is the largest passing multiplier, and passing is
 * monotone in it), so one run per candidate size; bisection on the size (engine/deal/sizing.ts
 * largestPassingSeniorSize) from 0 to the largest senior the floor allows, to 0.01% of the pool.
 */
function sizeForBreakeven(prepared: PreparedDeal, poolBalance: number, target: number, floorShare: number, interest: InterestPayment | undefined, onRun: (runs: number) => void): Sized {
  const basis = basisOf(prepared.file, poolBalance);
  const bounds = sizeWithSenior(basis, 0, floorShare);
  if (bounds.subordinate < bounds.floor) {
    throw belowFloor('Even with no senior class, the mezzanine classes at their share', bounds.subordinate, bounds.floor, floorShare, poolBalance, 'Lower the floor or the mezzanine classes.');
  }
  let runs = 0;
  const candidate = (size: number): PreparedDeal => withFile(prepared, withNoteSizes(prepared.file, sizeWithSenior(basis, size, floorShare).sizes, poolBalance));
  const search = largestPassingSeniorSize(
    (size) => {
      onRun(++runs);
      return seniorPasses(candidate(size), target, interest);
    },
    0,
    bounds.largestSenior,
    Math.max(0.01, poolBalance * BREAKEVEN_TOLERANCE_SHARE),
  );
  if (search.status === 'smallestFails') {
    throw new UserError(
      'BAD_REQUEST',
      `No senior class survives a default multiplier of ${target}×: even the smallest senior class tried (${yuan(search.size)}) loses under it. Lower the target breakeven.`,
      { target },
    );
  }
  const chosen = candidate(search.size);
  const seniorId = chosen.file.notes.reduce((top, n) => (n.seniority < top.seniority ? n : top)).id;
  const row = solveBreakevens(chosen, 'multiplier', interest).rows.find((r) => r.id === seniorId);
  return {
    file: chosen.file,
    seniorBreakeven: row ? { id: row.id, stress: row.stress, status: row.status, interest: row.interest, limitedByFloor: search.status === 'largestPasses' } : null,
  };
}

/**
 * deal.size: the deal sized to the pool it runs on, by the method asked; nothing is saved. `file` is
 * the deal file as the user wrote it (prepared.file carries the scenario's index rates, which the
 * sized file must not keep).
 */
export function sizeDeal(
  prepared: PreparedDeal,
  file: DealFile,
  request: Pick<DealSizeRequest, 'method' | 'target' | 'floor' | 'interest'>,
  poolName: string,
  onRun: (runs: number) => void = () => undefined,
): DealSizeResult {
  const poolBalance = poolBalanceOf(prepared);
  const floor = request.floor ?? DEFAULT_SUBORDINATE_FLOOR;
  const target = request.target ?? null;
  if (request.method !== 'scale' && target === null) throw new UserError('BAD_REQUEST', `Sizing by ${request.method === 'creditEnhancement' ? 'credit enhancement' : 'breakeven'} needs a target`, {});
  let sized: Sized;
  if (request.method === 'scale') sized = { file: sizedToPool(prepared.file, poolBalance), seniorBreakeven: null };
  else if (request.method === 'creditEnhancement') sized = sizeForCreditEnhancement(prepared, poolBalance, target ?? 0, floor);
  else sized = sizeForBreakeven(prepared, poolBalance, target ?? 0, floor, request.interest, onRun);
  const deal = withNoteSizes(file, new Map(sized.file.notes.map((n) => [n.id, n.originalBalance])), poolBalance);
  return {
    dealName: file.name ?? 'Deal',
    poolName,
    method: request.method,
    target,
    floor,
    statedPoolBalance: statedPoolBalance(file),
    poolBalance,
    before: capitalStructure(file, poolBalance),
    after: capitalStructure(deal, poolBalance),
    seniorBreakeven: sized.seniorBreakeven,
    deal,
  };
}
