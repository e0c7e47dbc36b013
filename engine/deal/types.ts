import type { z } from 'zod';
import type { DEAL_SCHEMA, FEE_COLLECTIONS, TRIGGER_EFFECTS, TRIGGER_METRICS, WAL_BASES } from './schema.ts';

// The deal's types, inferred from its one definition (schema.ts, where every field's convention is
// written), read-only all the way down: the engine never changes a deal it is given.

type DeepReadonly<T> = T extends readonly (infer E)[] ? readonly DeepReadonly<E>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** A deal as a trust deed states it, in plain JSON-able data (schema.ts documents every field). */
export type Deal = DeepReadonly<z.infer<typeof DEAL_SCHEMA>>;
export type DealDates = Deal['dates'];
export type NoteSpec = Deal['notes'][number];
/** Coupon of a note: fixed, floating (index by period + margin, floor, cap) or none (an equity / residual note). */
export type Coupon = NoteSpec['coupon'];
export type FeeSpec = NonNullable<Deal['fees']>[number];
/** How a fee accrues: a rate on the pool or on notes' balances, a share of the period's collections, a fixed amount each period, or one amount once. */
export type FeeBasis = FeeSpec['basis'];
/** A pool collection a `collections` fee basis takes. */
export type FeeCollection = (typeof FEE_COLLECTIONS)[number];
export type ReserveSpec = NonNullable<Deal['reserve']>;
export type ReserveTarget = ReserveSpec['target'];
export type TriggerSpec = NonNullable<Deal['triggers']>[number];
/** A WAL's year basis as a deal file names it (schema.ts `analytics.walBasis`). */
export type WalBasis = (typeof WAL_BASES)[number];
/** Each metric's definition: schema.ts, beside TRIGGER_METRICS. */
export type TriggerMetric = (typeof TRIGGER_METRICS)[number];
/** The denominator of the cumulative default and net loss rates: schema.ts, beside CUMULATIVE_RATIO_DENOMINATORS. */
export type CumulativeRatioDenominator = NonNullable<Deal['cumulativeRatioDenominator']>;
/** What each effect does: schema.ts, beside TRIGGER_EFFECTS. */
export type TriggerEffect = (typeof TRIGGER_EFFECTS)[number];
export type Comparator = TriggerSpec['breachedWhen'];
export type ThresholdBand = Exclude<TriggerSpec['threshold'], number>[number];
/** One combined priority of payments, or separate interest and principal waterfalls. */
export type Waterfall = Deal['waterfall'];
/** A step of the priority of payments (the combined, interest and principal waterfalls take the same steps). */
export type Step = Extract<Waterfall, { readonly combined: unknown }>['combined'][number];
type PrincipalStep = Extract<Step, { readonly kind: 'principal' }>;
export type PrincipalRule = PrincipalStep['rule'];
/** How much a principal step may pay: schema.ts, beside its definition. */
export type PrincipalAmount = NonNullable<PrincipalStep['amount']>;
export type RevolvingSpec = NonNullable<Deal['revolving']>;
export type CleanUpCallSpec = NonNullable<Deal['cleanUpCall']>;

export { FEE_COLLECTIONS, SELLER, TRIGGER_EFFECTS, TRIGGER_METRICS } from './schema.ts';
