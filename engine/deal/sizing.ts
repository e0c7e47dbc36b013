import { assert } from '../errors.ts';
import { toWholeCents } from './money.ts';

/*
 * Sizing a deal's notes to the pool it runs on. Classes are the notes of one seniority: the senior
 * class is seniority 1 (the lowest number), the subordinate (residual, 次级) class the highest
 * number, the mezzanine classes every rank between. All amounts are worked in whole cents, so the
 * classes add up exactly:
 *
 *  - every class but the subordinate one is sized first, each note rounded half-up to the cent
 *    (engine/deal/money.ts toWholeCents, the waterfall's mode);
 *  - the subordinate class takes what is left of the notes' total, so Σ notes = the total exactly.
 *    The total is the pool balance × the deal's stated notes-to-pool ratio (Σ stated notes ÷ stated
 *    pool): the pool itself when the deal's notes add up to its stated pool, and the same share of
 *    overcollateralisation (OC) when they do not;
 *  - within a class of several notes, the class's amount is split in proportion to their stated
 *    sizes, rounded down to the cent, the leftover cents to the class's last note.
 */

export interface SizingNote {
  readonly id: string;
  readonly seniority: number;
  readonly originalBalance: number;
}

export interface SizingBasis {
  /** The deal's notes as stated (sizes written for statedPoolBalance). */
  readonly notes: readonly SizingNote[];
  /** The pool balance the stated sizes were written for (yuan, > 0). */
  readonly statedPoolBalance: number;
  /** The pool the deal runs on (yuan, > 0). */
  readonly poolBalance: number;
}

/** Each note's sized balance in yuan (a whole number of cents), by note id. */
export type NoteSizes = ReadonlyMap<string, number>;

interface Classes {
  readonly senior: readonly SizingNote[];
  readonly mezzanine: readonly SizingNote[];
  readonly subordinate: readonly SizingNote[];
}

function classesOf(notes: readonly SizingNote[]): Classes {
  const ranks = [...new Set(notes.map((n) => n.seniority))].sort((a, b) => a - b);
  assert(ranks.length >= 2, 'SIZING_CLASSES', { classes: ranks.length });
  const top = ranks[0];
  const bottom = ranks[ranks.length - 1];
  return {
    senior: notes.filter((n) => n.seniority === top),
    mezzanine: notes.filter((n) => n.seniority !== top && n.seniority !== bottom),
    subordinate: notes.filter((n) => n.seniority === bottom),
  };
}

function checkBasis(basis: SizingBasis): void {
  assert(Number.isFinite(basis.statedPoolBalance) && basis.statedPoolBalance > 0, 'SIZING_POOL', { field: 'statedPoolBalance', value: basis.statedPoolBalance });
  assert(Number.isFinite(basis.poolBalance) && basis.poolBalance > 0, 'SIZING_POOL', { field: 'poolBalance', value: basis.poolBalance });
}

const sumOf = (notes: readonly SizingNote[]): number => notes.reduce((sum, n) => sum + n.originalBalance, 0);

/** A note's stated size scaled to the pool, half-up to the cent: stated × pool ÷ stated pool. */
function scaledCents(note: SizingNote, basis: SizingBasis): number {
  return toWholeCents((note.originalBalance * basis.poolBalance) / basis.statedPoolBalance);
}

/** The notes' total on the pool, in cents: the pool itself when the stated notes add up to the stated pool, else the same notes-to-pool ratio. */
export function notesTotalCents(basis: SizingBasis): number {
  checkBasis(basis);
  const stated = sumOf(basis.notes);
  if (toWholeCents(stated) === toWholeCents(basis.statedPoolBalance)) return toWholeCents(basis.poolBalance);
  return toWholeCents((stated * basis.poolBalance) / basis.statedPoolBalance);
}

/** A class's amount split over its notes in proportion to their stated sizes (down to the cent; the rest to the last note). */
function splitClass(notes: readonly SizingNote[], cents: number, into: Map<string, number>): void {
  const stated = sumOf(notes);
  let given = 0;
  notes.forEach((note, i) => {
    const share = i === notes.length - 1 ? cents - given : stated > 0 ? Math.floor((cents * note.originalBalance) / stated) : 0;
    given += share;
    into.set(note.id, share / 100);
  });
}

/** Scale every class to the pool keeping its percentage of the stated pool; the subordinate class takes the rounding. */
export function scaleToPool(basis: SizingBasis): NoteSizes {
  const classes = classesOf(basis.notes);
  const seniorCents = classes.senior.reduce((sum, n) => sum + scaledCents(n, basis), 0);
  return sizeAround(basis, classes, seniorCents);
}

/** Every class but the senior and subordinate keeps its share; the senior gets seniorCents; the subordinate class the rest. */
function sizeAround(basis: SizingBasis, classes: Classes, seniorCents: number): NoteSizes {
  const sizes = new Map<string, number>();
  splitClass(classes.senior, seniorCents, sizes);
  let mezzanineCents = 0;
  for (const note of classes.mezzanine) {
    const cents = scaledCents(note, basis);
    mezzanineCents += cents;
    sizes.set(note.id, cents / 100);
  }
  splitClass(classes.subordinate, notesTotalCents(basis) - seniorCents - mezzanineCents, sizes);
  // Keep the deal's note order.
  return new Map(basis.notes.map((n) => [n.id, sizes.get(n.id) ?? 0]));
}

/** What a senior size leaves: the mezzanine classes at their share, the subordinate class the rest. */
export interface SeniorSizing {
  readonly sizes: NoteSizes;
  /** The subordinate class's size, yuan. */
  readonly subordinate: number;
  /** The floor on it: floorShare × pool, yuan (half-up to the cent). */
  readonly floor: number;
  /** The largest senior class the floor allows: notes' total − mezzanine − floor, yuan (0 when none). */
  readonly largestSenior: number;
}

/**
 * The deal with the senior class at `seniorSize` (yuan, rounded to the cent), the mezzanine classes
 * keeping their share of the pool and the subordinate class absorbing the change. The caller checks
 * `subordinate ≥ floor` (the originator's retained first-loss piece, docs/sizing.md).
 */
export function sizeWithSenior(basis: SizingBasis, seniorSize: number, floorShare: number): SeniorSizing {
  assert(Number.isFinite(floorShare) && floorShare >= 0 && floorShare < 1, 'SIZING_FLOOR', { floorShare });
  assert(Number.isFinite(seniorSize) && seniorSize >= 0, 'INVALID_AMOUNT', { field: 'seniorSize', value: seniorSize });
  const classes = classesOf(basis.notes);
  const sizes = sizeAround(basis, classes, toWholeCents(seniorSize));
  const subordinateCents = classes.subordinate.reduce((sum, n) => sum + Math.round((sizes.get(n.id) ?? 0) * 100), 0);
  const mezzanineCents = classes.mezzanine.reduce((sum, n) => sum + scaledCents(n, basis), 0);
  const floorCents = toWholeCents(floorShare * basis.poolBalance);
  const largestCents = Math.max(0, notesTotalCents(basis) - mezzanineCents - floorCents);
  return { sizes, subordinate: subordinateCents / 100, floor: floorCents / 100, largestSenior: largestCents / 100 };
}

/**
 * The senior class's size for a target credit enhancement at closing, in the engine's definition
 * (engine/analytics/credit-enhancement.ts): CE_senior = (pool + reserve − senior) ÷ pool, so
 *
 *   senior = pool × (1 − CE) + reserve,
 *
 * rounded down to the cent so the CE reached is at least the target.
 */
export function seniorSizeForCreditEnhancement(poolBalance: number, reserve: number, targetCe: number): number {
  assert(Number.isFinite(targetCe), 'SIZING_TARGET', { targetCe });
  return Math.floor(poolBalance * (1 - targetCe) * 100 + reserve * 100 + 1e-6) / 100;
}

/** Where the senior-size search ended: the largest size found passing, or why none was. */
export type SeniorSearch =
  | { readonly status: 'found'; readonly size: number; readonly failsAt: number }
  /** Even the largest size the floor allows passes: it is the answer. */
  | { readonly status: 'largestPasses'; readonly size: number }
  /** Even the smallest size tried fails. */
  | { readonly status: 'smallestFails'; readonly size: number };

/**
 * The largest senior size in [smallest, largest] (yuan) for which `passes` holds, by bisection to
 * within `toleranceYuan`, the answer rounded down to the cent. `passes` must be monotone — passing at
 * a size implies passing at every smaller one: a smaller senior class under the same pool cash flows
 * has more subordination and overcollateralisation below it, so it is paid no later and loses no
 * more (true of sequential and pro-rata-until-trigger waterfalls alike: the classes below it absorb
 * losses first). Called in a fixed order, so the answer is deterministic.
 */
export function largestPassingSeniorSize(passes: (size: number) => boolean, smallest: number, largest: number, toleranceYuan: number): SeniorSearch {
  assert(smallest >= 0 && largest >= smallest && toleranceYuan > 0, 'SIZING_SEARCH', { smallest, largest, toleranceYuan });
  if (passes(largest)) return { status: 'largestPasses', size: largest };
  if (!passes(smallest)) return { status: 'smallestFails', size: smallest };
  let lo = smallest;
  let hi = largest;
  while (hi - lo > toleranceYuan) {
    const mid = Math.floor(((lo + hi) / 2) * 100) / 100;
    if (mid <= lo || mid >= hi) break;
    if (passes(mid)) lo = mid;
    else hi = mid;
  }
  return { status: 'found', size: lo, failsAt: hi };
}
