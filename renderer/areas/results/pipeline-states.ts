import type { MessageKey } from '../../app/i18n.tsx';

/** The reporting states of the roll-rate model a pool balance splits into (91–180 sums its three monthly buckets). */
export type PipelineStateKey = 'current' | 'dpd1_30' | 'dpd31_60' | 'dpd61_90' | 'dpd91_180';

/** Delinquency buckets from healthy to worst: blue, then amber to dark red. */
export const PIPELINE_STATES: readonly { readonly key: PipelineStateKey; readonly label: MessageKey; readonly color: string }[] = [
  { key: 'current', label: 'results.state.current', color: '#1f5fae' },
  { key: 'dpd1_30', label: 'results.state.dpd1_30', color: '#e3b341' },
  { key: 'dpd31_60', label: 'results.state.dpd31_60', color: '#e08a2c' },
  { key: 'dpd61_90', label: 'results.state.dpd61_90', color: '#cf5a2a' },
  { key: 'dpd91_180', label: 'results.state.dpd91_180', color: '#9c1f1a' },
];

/** A state the chart stacks, with the name its legend gives it in the shown language (a pool that cannot split its states names what a series holds). */
export interface PipelineSeries {
  readonly key: PipelineStateKey;
  readonly name: string;
}
