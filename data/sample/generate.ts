/**
 * A deterministic synthetic consumer-loan tape: a pool of Chinese consumer loans (cash loans
 * and installment loans) as an originator's system would export it at a cutoff date.
 *
 * Every number the generator draws from is in SAMPLE_PARAMETERS below (docs/sample-tapes.md
 * cites it). The same (seed, loans, cutoff) gives the same loans; loans stream one at a time,
 * so a 5,000,000-loan tape needs no more memory than a 10-loan one.
 *
 * Conventions:
 * - Monthly installments, due on the origination day of each month (clamped to month end);
 *   the schedule uses the monthly rate APR / 12 and is rounded to the fen (cent) per period.
 *   Interest accrues daily on ACT/365 (daily rate × 365 = APR); only the annual rate is written.
 * - Days past due = days from the oldest unpaid due date to the cutoff; a loan that missed
 *   j installments is 30·(j−1)+1 … ≈31·j days past due, so DPD is always consistent with age.
 * - Current principal is the unpaid principal at the cutoff, overdue principal included.
 */
import { addMonths, daysInMonth, formatIsoDate, fromDayNumber, parseIsoDate, toDayNumber, type CalendarDate } from '../../engine/dates.ts';
import type { AmortizationType, Segment } from '../tape/fields.ts';

export type SampleProduct = 'cash_loan' | 'installment';

/** One loan of the sample tape, in language-neutral codes (write.ts renders 中文 or English). */
export interface SampleLoan {
  /** e.g. CL2026000001: "CL", the cutoff year, a sequence number. Unique. */
  readonly loanId: string;
  /** e.g. CU000000001. About 8% of loans share their borrower with 1–2 other loans. */
  readonly borrowerId: string;
  readonly product: SampleProduct;
  /** ISO YYYY-MM-DD. */
  readonly originationDate: string;
  /** Origination date + original term months, clamped to month end. */
  readonly maturityDate: string;
  /** Yuan, 2 decimals. */
  readonly originalPrincipal: number;
  /** Yuan, 2 decimals: unpaid principal at the cutoff, including overdue principal. */
  readonly currentPrincipal: number;
  /** APR as a decimal with 4 decimals (0.1560 = 15.60%). */
  readonly rateAnnual: number;
  /** Months. */
  readonly originalTerm: number;
  /** Installments not yet due at the cutoff (1 … original term). */
  readonly remainingTerm: number;
  readonly amortization: AmortizationType;
  readonly daysPastDue: number;
  /** Yuan: principal of the installments due and unpaid. */
  readonly overduePrincipal: number;
  /** Yuan: interest (or flat fee) of the installments due and unpaid; no penalty interest (罚息). */
  readonly overdueInterest: number;
  readonly segment: Segment;
  /** Province code (pinyin), one of SAMPLE_PARAMETERS.provinces[].code. */
  readonly province: string;
  /** Integer, 350–950. */
  readonly creditScore: number;
  readonly restructured: boolean;
  /** The cutoff date, ISO. */
  readonly asOfDate: string;
}

export interface SampleOptions {
  /** Number of loans, a whole number ≥ 1. */
  readonly loans: number;
  /** Any whole number 0 … 2^32 − 1; the same seed gives the same tape. */
  readonly seed: number;
  /** ISO YYYY-MM-DD; default SAMPLE_PARAMETERS.defaultCutoffDate. */
  readonly cutoffDate?: string;
}

/** Weighted choice table: [value, probability]; probabilities sum to 1. */
export type Mix<T> = ReadonlyArray<readonly [T, number]>;

export interface Province {
  readonly code: string;
  readonly zh: string;
  /** Resident population, millions (Seventh National Population Census, 2020). */
  readonly populationMillions: number;
}

export interface SampleParameters {
  readonly defaultCutoffDate: string;
  readonly productMix: Mix<SampleProduct>;
  readonly segmentMix: Mix<Segment>;
  readonly termMix: Readonly<Record<SampleProduct, Mix<number>>>;
  readonly amortizationMix: Readonly<Record<SampleProduct, Mix<AmortizationType>>>;
  readonly principal: {
    readonly medianYuan: number;
    readonly sigmaLog: number;
    readonly productFactor: Readonly<Record<SampleProduct, number>>;
    readonly termElasticity: number;
    readonly min: number;
    readonly max: number;
    readonly roundTo: number;
  };
  readonly creditScore: {
    readonly bySegment: Readonly<Record<Segment, { readonly mean: number; readonly sd: number }>>;
    readonly min: number;
    readonly max: number;
  };
  readonly rate: {
    readonly intercept: number;
    readonly perScorePoint: number;
    readonly segmentSpread: Readonly<Record<Segment, number>>;
    readonly noiseSd: number;
    readonly min: number;
    readonly max: number;
  };
  readonly delinquencyRate: Readonly<Record<Segment, number>>;
  readonly scoreTilt: number;
  readonly missedInstallmentsMix: Mix<readonly [number, number]>;
  readonly prepayment: { readonly share: number; readonly minFraction: number; readonly maxFraction: number };
  readonly restructured: {
    readonly whenCurrent: number;
    readonly whenDelinquent: number;
    readonly capitalisedMonths: readonly [number, number];
  };
  readonly sharedBorrower: { readonly twoLoans: number; readonly threeLoans: number; readonly maxGap: number };
  readonly provinces: readonly Province[];
}

/**
 * Every assumption of the generator, in one place. Probabilities are per loan unless noted.
 */
export const SAMPLE_PARAMETERS: SampleParameters = {
  defaultCutoffDate: '2026-09-30',

  productMix: [
    ['cash_loan', 0.55],
    ['installment', 0.45],
  ],

  /** Borrower segment (职业类型) mix. */
  segmentMix: [
    ['salaried', 0.6],
    ['self_employed', 0.25],
    ['gig', 0.15],
  ],

  /**
   * Original term (months) by product. Cash loans lean short; blended at the product mix the
   * pool is about 3: 25%, 6: 30%, 12: 35%, 18/24/36: 10%.
   */
  termMix: {
    cash_loan: [
      [3, 0.33],
      [6, 0.34],
      [12, 0.27],
      [18, 0.03],
      [24, 0.02],
      [36, 0.01],
    ],
    installment: [
      [3, 0.15],
      [6, 0.25],
      [12, 0.45],
      [18, 0.05],
      [24, 0.065],
      [36, 0.035],
    ],
  },

  /** Amortization (还款方式) by product: cash loans lean interest-only and level payment. */
  amortizationMix: {
    cash_loan: [
      ['level_payment', 0.45],
      ['interest_only', 0.35],
      ['equal_principal', 0.15],
      ['flat_fee', 0.05],
    ],
    installment: [
      ['level_payment', 0.5],
      ['flat_fee', 0.4],
      ['equal_principal', 0.1],
    ],
  },

  /**
   * Original principal, yuan: lognormal, median × product factor × (term / 12)^termElasticity,
   * log-sd sigmaLog, rounded to roundTo and clamped to [min, max].
   */
  principal: {
    medianYuan: 10_000,
    sigmaLog: 0.9,
    productFactor: { cash_loan: 0.8, installment: 1.25 },
    termElasticity: 0.35,
    min: 1_000,
    max: 300_000,
    roundTo: 100,
  },

  /** Credit score: normal by segment, rounded, clamped. One score per borrower. */
  creditScore: {
    bySegment: {
      salaried: { mean: 700, sd: 65 },
      self_employed: { mean: 640, sd: 75 },
      gig: { mean: 610, sd: 80 },
    },
    min: 350,
    max: 950,
  },

  /**
   * APR = intercept + perScorePoint × score + segment spread + normal(0, noiseSd), clamped to
   * [min, max] (the 24% judicial-protection line), rounded to 4 decimals.
   */
  rate: {
    intercept: 0.3,
    perScorePoint: -0.00025,
    segmentSpread: { salaried: 0, self_employed: 0.015, gig: 0.025 },
    noiseSd: 0.012,
    min: 0.072,
    max: 0.24,
  },

  /**
   * Share of loans past due (DPD > 0) by segment, the reference material's figures. Within a
   * segment the odds tilt toward low scores (× exp(−scoreTilt · z − scoreTilt²/2), z the score's
   * standard score), which leaves the segment's average rate unchanged.
   */
  delinquencyRate: { salaried: 0.015, self_employed: 0.083, gig: 0.083 },
  scoreTilt: 0.5,

  /**
   * Missed installments among delinquent loans, as [first, last] ranges: 1 → DPD 1–30,
   * 2 → 31–60, 3 → 61–90, 4–6 → 91–180, 7–12 → 180+. A loan cannot miss more installments than
   * have fallen due, nor all of them (remaining term ≥ 1), so short loans cap at term − 1 and
   * the realised mix leans further to 1–30.
   */
  missedInstallmentsMix: [
    [[1, 1], 0.6],
    [[2, 2], 0.15],
    [[3, 3], 0.08],
    [[4, 6], 0.12],
    [[7, 12], 0.05],
  ],

  /** Partial prepayment: a share of performing seasoned loans paid down by a uniform fraction. */
  prepayment: { share: 0.12, minFraction: 0.05, maxFraction: 0.4 },

  /**
   * Restructured (是否重组): probability by status, about 1% of the pool overall. A restructured
   * loan carries 1–3 months of capitalised interest in its current principal, the only way
   * current principal can exceed original principal.
   */
  restructured: { whenCurrent: 0.007, whenDelinquent: 0.08, capitalisedMonths: [1, 3] },

  /**
   * Borrowers with 2 or 3 loans: per new borrower P(2 loans) and P(3 loans), so that about 8% of
   * loans share a borrower ((2·0.024 + 3·0.012) / (1 + 0.024 + 2·0.012) ≈ 8.0%). The other loans
   * land within the next maxGap loans; they share segment, province and score.
   */
  sharedBorrower: { twoLoans: 0.024, threeLoans: 0.012, maxGap: 2_000 },

  /** Province of the borrower, weighted by population. Codes are pinyin. */
  provinces: [
    { code: 'Guangdong', zh: '广东', populationMillions: 126.0 },
    { code: 'Shandong', zh: '山东', populationMillions: 101.5 },
    { code: 'Henan', zh: '河南', populationMillions: 99.4 },
    { code: 'Jiangsu', zh: '江苏', populationMillions: 84.7 },
    { code: 'Sichuan', zh: '四川', populationMillions: 83.7 },
    { code: 'Hebei', zh: '河北', populationMillions: 74.6 },
    { code: 'Hunan', zh: '湖南', populationMillions: 66.4 },
    { code: 'Zhejiang', zh: '浙江', populationMillions: 64.6 },
    { code: 'Anhui', zh: '安徽', populationMillions: 61.0 },
    { code: 'Hubei', zh: '湖北', populationMillions: 57.8 },
    { code: 'Guangxi', zh: '广西', populationMillions: 50.1 },
    { code: 'Yunnan', zh: '云南', populationMillions: 47.2 },
    { code: 'Jiangxi', zh: '江西', populationMillions: 45.2 },
    { code: 'Liaoning', zh: '辽宁', populationMillions: 42.6 },
    { code: 'Fujian', zh: '福建', populationMillions: 41.5 },
    { code: 'Shaanxi', zh: '陕西', populationMillions: 39.5 },
    { code: 'Guizhou', zh: '贵州', populationMillions: 38.6 },
    { code: 'Shanxi', zh: '山西', populationMillions: 34.9 },
    { code: 'Chongqing', zh: '重庆', populationMillions: 32.1 },
    { code: 'Heilongjiang', zh: '黑龙江', populationMillions: 31.9 },
    { code: 'Xinjiang', zh: '新疆', populationMillions: 25.9 },
    { code: 'Gansu', zh: '甘肃', populationMillions: 25.0 },
    { code: 'Shanghai', zh: '上海', populationMillions: 24.9 },
    { code: 'Jilin', zh: '吉林', populationMillions: 24.1 },
    { code: 'Neimenggu', zh: '内蒙古', populationMillions: 24.0 },
    { code: 'Beijing', zh: '北京', populationMillions: 21.9 },
    { code: 'Tianjin', zh: '天津', populationMillions: 13.9 },
    { code: 'Hainan', zh: '海南', populationMillions: 10.1 },
    { code: 'Ningxia', zh: '宁夏', populationMillions: 7.2 },
    { code: 'Qinghai', zh: '青海', populationMillions: 5.9 },
    { code: 'Xizang', zh: '西藏', populationMillions: 3.6 },
  ],
};

/** Largest number of loans one call may ask for (the CLI's limit too). */
export const MAX_SAMPLE_LOANS = 5_000_000;

// ---------------------------------------------------------------------------------------------
// PRNG

export interface Prng {
  /** Next 32-bit unsigned integer. */
  uint32(): number;
  /** Uniform on [0, 1), 32 bits of resolution. */
  uniform(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
}

/**
 * xoshiro128** 1.0 (Blackman & Vigna, https://prng.di.unimi.it/xoshiro128starstar.c): 128 bits
 * of state, period 2^128 − 1, passes BigCrush. The state is seeded from the 32-bit seed by
 * SplitMix32, as the authors recommend, so every seed (including 0) gives a non-zero state.
 */
export function createPrng(seed: number): Prng {
  let x = seed >>> 0;
  const splitmix32 = (): number => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  return xoshiro128ss([splitmix32(), splitmix32(), splitmix32(), splitmix32()]);
}

/** xoshiro128** over an explicit state (for the reference test vector). */
export function xoshiro128ss(state: readonly [number, number, number, number]): Prng {
  let [s0, s1, s2, s3] = state;
  let spare: number | null = null;
  const uint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  const uniform = (): number => uint32() / 4_294_967_296;
  const normal = (): number => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const u = 1 - uniform(); // (0, 1]: log is finite
    const radius = Math.sqrt(-2 * Math.log(u));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
  return { uint32, uniform, normal };
}

function rotl(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}

// ---------------------------------------------------------------------------------------------
// Generator

interface Borrower {
  readonly id: string;
  readonly segment: Segment;
  readonly province: string;
  readonly creditScore: number;
  /** Score as a standard score within the segment (drives the delinquency tilt). */
  readonly scoreZ: number;
}

/** A weighted table ready for sampling: cumulative probabilities. */
interface Picker<T> {
  readonly values: readonly T[];
  readonly cumulative: Float64Array;
}

function picker<T>(mix: Mix<T>): Picker<T> {
  const total = mix.reduce((sum, [, p]) => sum + p, 0);
  const cumulative = new Float64Array(mix.length);
  let running = 0;
  mix.forEach(([, p], i) => {
    running += p / total;
    cumulative[i] = running;
  });
  cumulative[mix.length - 1] = 1;
  return { values: mix.map(([value]) => value), cumulative };
}

function pick<T>(table: Picker<T>, u: number): T {
  const { cumulative, values } = table;
  let i = 0;
  while (i < cumulative.length - 1 && u >= (cumulative[i] ?? 1)) i++;
  return values[i] as T;
}

/** Uniform whole number in [low, high]. */
function uniformInt(rng: Prng, low: number, high: number): number {
  return low + Math.floor(rng.uniform() * (high - low + 1));
}

const P = SAMPLE_PARAMETERS;

/**
 * Streams `loans` synthetic loans for the cutoff date. Deterministic: the same options give the
 * same loans in the same order; a larger `loans` with the same seed extends the same stream
 * (only the loan-id width changes once the count needs more than 6 digits).
 */
export function* generateSampleLoans(options: SampleOptions): Generator<SampleLoan, void, undefined> {
  const { loans, seed } = options;
  if (!Number.isInteger(loans) || loans < 1 || loans > MAX_SAMPLE_LOANS) {
    throw new RangeError(`loans must be a whole number from 1 to ${MAX_SAMPLE_LOANS}, got ${loans}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    throw new RangeError(`seed must be a whole number from 0 to 4294967295, got ${seed}`);
  }
  const cutoffText = options.cutoffDate ?? P.defaultCutoffDate;
  const cutoff = parseIsoDate(cutoffText);
  const cutoffDay = toDayNumber(cutoff);
  const asOfDate = formatIsoDate(cutoff);

  const rng = createPrng(seed);
  const products = picker(P.productMix);
  const segments = picker(P.segmentMix);
  const terms = { cash_loan: picker(P.termMix.cash_loan), installment: picker(P.termMix.installment) };
  const amortizations = {
    cash_loan: picker(P.amortizationMix.cash_loan),
    installment: picker(P.amortizationMix.installment),
  };
  const missed = picker(P.missedInstallmentsMix);
  const provinces = picker(P.provinces.map((p) => [p.code, p.populationMillions] as const));

  const idWidth = Math.max(6, String(loans).length);
  const idPrefix = `CL${cutoff.year}`;
  const calendar = new DayCalendar();

  /** Loans still to come for borrowers already seen: position → borrower. */
  const pending = new Map<number, Borrower>();
  let borrowerCount = 0;
  const newBorrower = (): Borrower => {
    borrowerCount++;
    const segment = pick(segments, rng.uniform());
    const province = pick(provinces, rng.uniform());
    const { mean, sd } = P.creditScore.bySegment[segment];
    const scoreZ = rng.normal();
    const creditScore = clamp(Math.round(mean + sd * scoreZ), P.creditScore.min, P.creditScore.max);
    return { id: `CU${String(borrowerCount).padStart(9, '0')}`, segment, province, creditScore, scoreZ };
  };

  const schedule = new Schedule();

  for (let index = 1; index <= loans; index++) {
    // Borrower: a scheduled repeat borrower, or a new one (who may get 1–2 more loans later).
    let borrower = pending.get(index);
    if (borrower) {
      pending.delete(index);
    } else {
      borrower = newBorrower();
      const u = rng.uniform();
      const extra = u < P.sharedBorrower.threeLoans ? 2 : u < P.sharedBorrower.threeLoans + P.sharedBorrower.twoLoans ? 1 : 0;
      for (let k = 0; k < extra; k++) {
        let position = index + uniformInt(rng, 1, P.sharedBorrower.maxGap);
        while (pending.has(position)) position++;
        pending.set(position, borrower);
      }
    }
    const { segment } = borrower;

    const product = pick(products, rng.uniform());
    const term = pick(terms[product], rng.uniform());
    const amortization = pick(amortizations[product], rng.uniform());

    const medianYuan = P.principal.medianYuan * P.principal.productFactor[product] * (term / 12) ** P.principal.termElasticity;
    const rawPrincipal = medianYuan * Math.exp(P.principal.sigmaLog * rng.normal());
    const principalYuan = clamp(Math.round(rawPrincipal / P.principal.roundTo) * P.principal.roundTo, P.principal.min, P.principal.max);
    const principalCents = principalYuan * 100;

    const rawRate = P.rate.intercept + P.rate.perScorePoint * borrower.creditScore + P.rate.segmentSpread[segment] + P.rate.noiseSd * rng.normal();
    const rateAnnual = Math.round(clamp(rawRate, P.rate.min, P.rate.max) * 10_000) / 10_000;

    const tilt = Math.exp(-P.scoreTilt * borrower.scoreZ - (P.scoreTilt * P.scoreTilt) / 2);
    const delinquent = rng.uniform() < Math.min(1, P.delinquencyRate[segment] * tilt);
    let missedCount = 0;
    if (delinquent) {
      const [first, last] = pick(missed, rng.uniform());
      missedCount = Math.min(uniformInt(rng, first, last), term - 1);
    }

    // Seasoning: months elapsed m uniform over what the status allows, day uniform in the month.
    const elapsedTarget = uniformInt(rng, missedCount, term - 1);
    const windowStart = calendar.plusMonths(cutoffDay, -(elapsedTarget + 1));
    const windowEnd = calendar.plusMonths(cutoffDay, -elapsedTarget);
    const drawnDay = windowStart + uniformInt(rng, 1, windowEnd - windowStart);
    const { originationDay, elapsed } = settleOrigination(calendar, drawnDay, cutoff, cutoffDay, term, missedCount);

    schedule.build(amortization, principalCents, rateAnnual, term);
    let currentCents: number;
    let overduePrincipalCents = 0;
    let overdueInterestCents = 0;
    let daysPastDue = 0;
    if (delinquent) {
      const firstMissed = elapsed - missedCount + 1;
      daysPastDue = cutoffDay - calendar.plusMonths(originationDay, firstMissed);
      currentCents = schedule.balanceAfter(firstMissed - 1);
      for (let k = firstMissed; k <= elapsed; k++) {
        overduePrincipalCents += schedule.principalOf(k);
        overdueInterestCents += schedule.interestOf(k);
      }
    } else {
      currentCents = schedule.balanceAfter(elapsed);
    }
    // Partial prepayment: performing loans that have made a payment. Restructuring capitalises
    // 1–3 months of interest, which may lift current above original principal.
    const prepaid = rng.uniform() < P.prepayment.share;
    const prepaidFraction = P.prepayment.minFraction + (P.prepayment.maxFraction - P.prepayment.minFraction) * rng.uniform();
    if (!delinquent && elapsed > 0 && prepaid) currentCents = Math.round(currentCents * (1 - prepaidFraction));
    const restructured = rng.uniform() < (delinquent ? P.restructured.whenDelinquent : P.restructured.whenCurrent);
    const capitalisedMonths = uniformInt(rng, P.restructured.capitalisedMonths[0], P.restructured.capitalisedMonths[1]);
    if (restructured) currentCents += Math.round(((currentCents * rateAnnual) / 12) * capitalisedMonths);

    yield {
      loanId: `${idPrefix}${String(index).padStart(idWidth, '0')}`,
      borrowerId: borrower.id,
      product,
      originationDate: calendar.iso(originationDay),
      maturityDate: calendar.iso(calendar.plusMonths(originationDay, term)),
      originalPrincipal: principalYuan,
      currentPrincipal: currentCents / 100,
      rateAnnual,
      originalTerm: term,
      remainingTerm: term - elapsed,
      amortization,
      daysPastDue,
      overduePrincipal: overduePrincipalCents / 100,
      overdueInterest: overdueInterestCents / 100,
      segment,
      province: borrower.province,
      creditScore: borrower.creditScore,
      restructured,
      asOfDate,
    };
  }
}

/**
 * Nudges an origination date by days until it fits: fewer than `term` installments have
 * fallen due (remaining term ≥ 1), and a delinquent loan's oldest missed installment
 * (number elapsed − missed + 1) fell due strictly before the cutoff. Month-end clamping is why
 * the first draw can miss by a day.
 */
function settleOrigination(calendar: DayCalendar, originationDay: number, cutoff: CalendarDate, cutoffDay: number, term: number, missedCount: number): { originationDay: number; elapsed: number } {
  let day = originationDay;
  for (let attempt = 0; attempt < 40; attempt++) {
    const elapsed = installmentsDue(calendar.civil(day), cutoff, term);
    if (elapsed >= term) {
      day++;
      continue;
    }
    if (missedCount === 0) return { originationDay: day, elapsed };
    if (elapsed < missedCount || calendar.plusMonths(day, elapsed - missedCount + 1) >= cutoffDay) {
      day--;
      continue;
    }
    return { originationDay: day, elapsed };
  }
  throw new Error(`sample generator: no origination date fits term ${term} with ${missedCount} missed installments`);
}

/**
 * Calendar arithmetic on day numbers (engine/dates.ts), memoised: a tape has only a few thousand
 * distinct dates, and the hot loop should not build a Date per loan.
 */
class DayCalendar {
  private readonly civilByDay = new Map<number, CalendarDate>();
  private readonly isoByDay = new Map<number, string>();
  private readonly shifted = new Map<number, number>();

  civil(day: number): CalendarDate {
    let date = this.civilByDay.get(day);
    if (date === undefined) {
      date = fromDayNumber(day);
      this.civilByDay.set(day, date);
    }
    return date;
  }

  iso(day: number): string {
    let text = this.isoByDay.get(day);
    if (text === undefined) {
      text = formatIsoDate(this.civil(day));
      this.isoByDay.set(day, text);
    }
    return text;
  }

  /** The day `months` months after `day` (before, when negative), clamped to month end. |months| < 64. */
  plusMonths(day: number, months: number): number {
    const key = day * 128 + months + 64;
    let result = this.shifted.get(key);
    if (result === undefined) {
      result = toDayNumber(addMonths(this.civil(day), months));
      this.shifted.set(key, result);
    }
    return result;
  }
}

/**
 * Installments with a due date on or before the cutoff (0 … term). Due date k is origination + k
 * months (clamped to month end), so the count is the whole months between the two dates, less
 * one when the due day falls after the cutoff's day in the cutoff month.
 */
function installmentsDue(origination: CalendarDate, cutoff: CalendarDate, term: number): number {
  const months = (cutoff.year - origination.year) * 12 + (cutoff.month - origination.month);
  const dueDay = Math.min(origination.day, daysInMonth(cutoff.year, cutoff.month));
  return clamp(dueDay > cutoff.day ? months - 1 : months, 0, term);
}

/**
 * One loan's contractual schedule in fen (integer cents), rebuilt in place for each loan.
 * Monthly rate r = APR / 12; interest rounded to the fen each period; the last installment
 * takes the rounding remainder of principal.
 * - level payment (等额本息): annuity A = P·r / (1 − (1 + r)^−n), interest on the balance.
 * - equal principal (等额本金): principal P / n, interest on the balance.
 * - interest-only (先息后本): interest P·r each month, all principal at maturity.
 * - flat fee (等本等息): principal P / n and a fixed monthly fee on the original principal, set so
 *   the installment equals the level-payment annuity, i.e. the loan's IRR is the APR shown
 *   (the APR-disclosure rule Chinese lenders follow).
 */
class Schedule {
  private readonly principal = new Float64Array(37);
  private readonly interest = new Float64Array(37);
  private readonly balance = new Float64Array(37);

  build(amortization: AmortizationType, principalCents: number, rateAnnual: number, term: number): void {
    const r = rateAnnual / 12;
    const annuity = r === 0 ? principalCents / term : (principalCents * r) / (1 - (1 + r) ** -term);
    const level = Math.round(annuity);
    const equalShare = Math.round(principalCents / term);
    let outstanding = principalCents;
    this.balance[0] = outstanding;
    for (let k = 1; k <= term; k++) {
      let interestK: number;
      let principalK: number;
      switch (amortization) {
        case 'level_payment':
          interestK = Math.round(outstanding * r);
          principalK = level - interestK;
          break;
        case 'equal_principal':
          interestK = Math.round(outstanding * r);
          principalK = equalShare;
          break;
        case 'interest_only':
          interestK = Math.round(principalCents * r);
          principalK = 0;
          break;
        case 'flat_fee':
          interestK = Math.max(0, level - equalShare);
          principalK = equalShare;
          break;
      }
      if (k === term || principalK > outstanding) principalK = outstanding;
      outstanding -= principalK;
      this.principal[k] = principalK;
      this.interest[k] = interestK;
      this.balance[k] = outstanding;
    }
  }

  balanceAfter(installments: number): number {
    return this.balance[installments] ?? 0;
  }

  principalOf(installment: number): number {
    return this.principal[installment] ?? 0;
  }

  interestOf(installment: number): number {
    return this.interest[installment] ?? 0;
  }
}

function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}
