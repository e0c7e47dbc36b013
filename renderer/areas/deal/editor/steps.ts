import { fieldsOf, labelOf, type DealDraft, type Json } from './draft.ts';

/** The deal's waterfalls: one combined priority of payments, or an interest and a principal one. */
export type WaterfallName = 'combined' | 'interest' | 'principal';

export function waterfallNames(draft: DealDraft): WaterfallName[] {
  return 'combined' in fieldsOf(draft['waterfall']) ? ['combined'] : ['interest', 'principal'];
}

const list = (v: Json | undefined): readonly Json[] => (Array.isArray(v) ? v : []);

/**
 * The waterfall split or joined, keeping every step in order: separate → combined runs the interest
 * steps then the principal steps; combined → separate cuts before the first principal, turbo or
 * residual step (what pays principal goes to the principal waterfall).
 */
export function reshapeWaterfall(waterfall: Json | undefined, to: 'combined' | 'separate'): Json {
  const w = fieldsOf(waterfall);
  if (to === 'combined') return 'combined' in w ? w : { combined: [...list(w['interest']), ...list(w['principal'])] };
  if (!('combined' in w)) return w;
  const steps = list(w['combined']);
  const cut = steps.findIndex((s) => ['principal', 'turbo', 'residual'].includes(labelOf(fieldsOf(s)['kind'], '')));
  const at = cut === -1 ? steps.length : cut;
  return { interest: steps.slice(0, at), principal: steps.slice(at) };
}
