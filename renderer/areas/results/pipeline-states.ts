/** The reporting states of the roll-rate model a pool balance splits into (91–180 sums its three monthly buckets). */
export type PipelineStateKey = 'current' | 'dpd1_30' | 'dpd31_60' | 'dpd61_90' | 'dpd91_180';

/** Delinquency buckets from healthy to worst: blue, then amber to dark red. */
export const PIPELINE_STATES: readonly { readonly key: PipelineStateKey; readonly name: string; readonly color: string }[] = [
  { key: 'current', name: 'Current', color: '#1f5fae' },
  { key: 'dpd1_30', name: '1–30 dpd', color: '#e3b341' },
  { key: 'dpd31_60', name: '31–60 dpd', color: '#e08a2c' },
  { key: 'dpd61_90', name: '61–90 dpd', color: '#cf5a2a' },
  { key: 'dpd91_180', name: '91–180 dpd', color: '#9c1f1a' },
];

/** A state the chart stacks, with the name its legend gives it (a pool that cannot split its states names what a series holds). */
export interface PipelineSeries {
  readonly key: PipelineStateKey;
  readonly name: string;
}
