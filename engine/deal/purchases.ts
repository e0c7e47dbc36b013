import { EngineError } from '../errors.ts';
import { Money, minMoney, roundCents, toCents, ZERO } from './money.ts';
import type { PoolSource } from './pool-source.ts';
import type { RevolvingSpec } from './types.ts';

/** Why part of a revolving purchase was not made (the cash stays in the principal account). */
export type PurchaseRefusal = 'cap' | 'maxRemainingTerm' | 'minRate' | 'segmentShare';

/** One line of the purchase profile as the buyer reads it. */
interface BuyLine {
  /** Share of each purchase, normalised to sum to 1 over the profile. */
  readonly share: number;
  readonly segment: string | undefined;
  /** The static criterion the line fails (never bought), if any. */
  readonly refusedBy: PurchaseRefusal | undefined;
}

/** The revolving period's purchase terms, read once. */
export interface PurchaseTerms {
  /** Cash per yuan of principal. */
  readonly price: Money;
  /** Most principal bought on payment date p, or undefined (no cap). */
  readonly cap: (period: number) => Money | undefined;
  readonly lines: readonly BuyLine[];
  /** Segment → maximum share of the pool after the purchase. */
  readonly segmentLimits: ReadonlyMap<string, number>;
}

/** One payment date's purchases so far: what the buyer has spent and bought, and what it refused. */
export interface PurchaseDesk {
  readonly terms: PurchaseTerms;
  /** Principal the cap still allows on this date (undefined: no cap). */
  capLeft: Money | undefined;
  /** Pool principal after the purchases so far (the ledger's balance at the collection period's end + principal bought). */
  poolAfter: number;
  /** Segment → its principal after the purchases so far (only segments with a limit). */
  readonly segmentAfter: Map<string, number>;
  /** Principal bought of each profile line on this date (what the pool ledger is told). */
  readonly principalByLine: number[];
  readonly reasons: Set<PurchaseRefusal>;
}

/** The purchase terms of a revolving spec: price (default 1), cap, criteria, and the profile's lines (one line of share 1 without a profile). */
export function purchaseTerms(revolving: RevolvingSpec | undefined): PurchaseTerms {
  const profile = revolving?.profile ?? [{ share: 1 }];
  const total = profile.reduce((sum, line) => sum + line.share, 0);
  const criteria = revolving?.eligibility;
  const lines = profile.map((line): BuyLine => {
    const term = 'originalTerm' in line ? (line.remainingTerm ?? line.originalTerm) : undefined;
    const rate = 'rate' in line ? line.rate : undefined;
    const tooLong = criteria?.maxRemainingTerm !== undefined && term !== undefined && term > criteria.maxRemainingTerm;
    const tooCheap = criteria?.minRate !== undefined && rate !== undefined && rate < criteria.minRate;
    return { share: line.share / total, segment: 'segment' in line ? line.segment : undefined, refusedBy: tooLong ? 'maxRemainingTerm' : tooCheap ? 'minRate' : undefined };
  });
  const cap = revolving?.purchaseCap;
  return {
    price: new Money(revolving?.price ?? 1),
    cap: cap === undefined ? () => undefined : typeof cap === 'number' ? () => toCents(cap) : (period) => toCents(bandAmount(cap, period)),
    lines,
    segmentLimits: new Map(Object.entries(criteria?.maxSegmentShare ?? {})),
  };
}

function bandAmount(bands: Exclude<RevolvingSpec['purchaseCap'], number | undefined>, period: number): number {
  for (const band of bands) if (period >= band.fromPeriod && (band.toPeriod === undefined || period <= band.toPeriod)) return band.amount;
  return bands.at(-1)?.amount ?? 0;
}

/**
 * The terms with each profile line's share of a purchase replaced by `shares` (normalised to sum to
 * 1): a scenario's purchase-mix shift (a segment shock tilting revolving purchases toward its
 * segment). Without shares, the terms as they are.
 */
export function withShares(terms: PurchaseTerms, shares: readonly number[] | undefined): PurchaseTerms {
  if (shares === undefined) return terms;
  if (shares.length !== terms.lines.length || !shares.every((share) => share >= 0 && share < Infinity)) {
    throw new EngineError('POOL_FLOWS', { rule: 'a purchase mix gives one share ≥ 0 per profile line', shares, lines: terms.lines.length });
  }
  const total = shares.reduce((sum, share) => sum + share, 0);
  if (!(total > 0)) throw new EngineError('POOL_FLOWS', { rule: 'a purchase mix needs a positive total', shares });
  return { ...terms, lines: terms.lines.map((line, j) => ({ ...line, share: (shares[j] ?? 0) / total })) };
}

/**
 * Opens payment date `period`'s desk: the cap of the date, and the pool (and each limited segment)
 * at the end of its collection period, month `month` — segments as projected: the base pool's
 * balance in the segment plus what was bought of the segment's lines.
 */
export function openDesk(terms: PurchaseTerms, period: number, pool: PoolSource, month: number, poolEnd: Money): PurchaseDesk {
  const segmentAfter = new Map<string, number>();
  for (const segment of terms.segmentLimits.keys()) {
    const base = pool.segmentBalance(month, segment);
    if (base === undefined) throw new EngineError('POOL_FLOWS', { segment, rule: 'a segment share limit needs the pool’s balance by segment (poolLedger segmentEndingBalance)' });
    let bought = 0;
    terms.lines.forEach((line, j) => {
      if (line.segment === segment) bought += pool.boughtBalance(month, j);
    });
    segmentAfter.set(segment, base + bought);
  }
  return { terms, capLeft: terms.cap(period), poolAfter: poolEnd.toNumber(), segmentAfter, principalByLine: terms.lines.map(() => 0), reasons: new Set() };
}

/**
 * Spends up to `cash` on new loans. Cash C at price q would buy principal W = C ÷ q (rounded
 * half-up to cents); the cap cuts it to the principal still allowed on the date; each line takes its
 * share; a line failing a static criterion is refused; a segment over its maximum share of the pool
 * after the purchase is cut to that share (solved for the segment: (S + a) = x · (pool + B), B the
 * date's whole purchase, repeated until no limited segment is over). When nothing is refused the
 * whole cash buys W; otherwise the principal bought P = Σ lines (half-up to cents) costs
 * P × q (half-up to cents, at most C). Returns the cash spent and the principal bought.
 */
export function buyLoans(desk: PurchaseDesk, cash: Money): { cash: Money; principal: Money } {
  if (!cash.gt(0)) return { cash: ZERO, principal: ZERO };
  const { terms } = desk;
  const wanted = roundCents(cash.div(terms.price));
  const offered = desk.capLeft === undefined ? wanted : minMoney(wanted, desk.capLeft);
  if (offered.lt(wanted)) desk.reasons.add('cap');
  const lines = terms.lines.map((line) => {
    if (line.refusedBy === undefined) return offered.toNumber() * line.share;
    desk.reasons.add(line.refusedBy);
    return 0;
  });
  const trimmed = trimSegments(desk, lines);
  const accepted = lines.reduce((sum, x) => sum + x, 0);
  const whole = offered.eq(wanted) && !trimmed && terms.lines.every((line) => line.refusedBy === undefined);
  const principal = whole ? wanted : roundCents(new Money(accepted));
  const spent = whole ? cash : minMoney(cash, roundCents(principal.times(terms.price)));
  const scale = accepted > 0 ? principal.toNumber() / accepted : 0;
  lines.forEach((amount, j) => {
    const booked = amount * scale;
    desk.principalByLine[j] = (desk.principalByLine[j] ?? 0) + booked;
    const segment = terms.lines[j]?.segment;
    if (segment !== undefined && desk.segmentAfter.has(segment)) desk.segmentAfter.set(segment, (desk.segmentAfter.get(segment) ?? 0) + booked);
  });
  desk.poolAfter += principal.toNumber();
  if (desk.capLeft !== undefined) desk.capLeft = desk.capLeft.minus(principal);
  return { cash: spent, principal };
}

/**
 * Cuts each limited segment's lines (in place) to its maximum share x of the pool after the
 * purchase; true when any was cut. With K the segments cut to their share, the pool after the
 * purchase is T = pool + the other lines + Σₖ (xₖ · T − Sₖ) (Sₖ: the segment before this purchase),
 * so T = (pool + other lines − Σₖ Sₖ) ÷ (1 − Σₖ xₖ), and segment k buys xₖ · T − Sₖ; a segment already
 * at or over its share buys nothing. A segment is cut when its offer exceeds that room; cutting
 * lowers T, so the rounds repeat until none is over (each segment changes state at most twice).
 */
function trimSegments(desk: PurchaseDesk, lines: number[]): boolean {
  const { terms } = desk;
  const limited = [...terms.segmentLimits].filter(([, limit]) => limit < 1);
  if (limited.length === 0) return false;
  const offered = new Map(limited.map(([segment]) => [segment, lines.reduce((sum, x, j) => (terms.lines[j]?.segment === segment ? sum + x : sum), 0)]));
  const state = new Map<string, 'offer' | 'share' | 'none'>(limited.map(([segment]) => [segment, 'offer']));
  const before = (segment: string): number => desk.segmentAfter.get(segment) ?? 0;
  let poolAfter = 0;
  for (let round = 0; round <= 2 * limited.length; round++) {
    let shares = 0;
    let fixed = desk.poolAfter + lines.reduce((sum, x) => sum + x, 0);
    for (const [segment, limit] of limited) {
      const mode = state.get(segment);
      if (mode !== 'offer') fixed -= offered.get(segment) ?? 0;
      if (mode === 'share') {
        shares += limit;
        fixed -= before(segment);
      }
    }
    poolAfter = fixed / (1 - shares);
    let changed = false;
    for (const [segment, limit] of limited) {
      const room = limit * poolAfter - before(segment);
      const mode = state.get(segment);
      const next = room <= 0 ? (mode === 'offer' && (offered.get(segment) ?? 0) === 0 ? 'offer' : 'none') : mode === 'offer' && (offered.get(segment) ?? 0) > room * (1 + 1e-12) ? 'share' : mode;
      if (next !== mode) {
        state.set(segment, next ?? 'offer');
        changed = true;
      }
    }
    if (!changed) break;
  }
  let cut = false;
  lines.forEach((x, j) => {
    const segment = terms.lines[j]?.segment;
    const mode = segment === undefined ? undefined : state.get(segment);
    if (segment === undefined || mode === undefined || mode === 'offer') return;
    const limit = terms.segmentLimits.get(segment) ?? 1;
    const room = mode === 'none' ? 0 : Math.max(0, limit * poolAfter - before(segment));
    const was = offered.get(segment) ?? 0;
    lines[j] = was > 0 ? (x * room) / was : 0;
    cut = true;
  });
  if (cut) desk.reasons.add('segmentShare');
  return cut;
}
