import type { StratDimensionId } from '../../../data/pool/strats.ts';
import type { WireError } from './writer-protocol.ts';

export type QueryRequest =
  | { readonly id: number; readonly kind: 'summary'; readonly tapeId: number }
  | { readonly id: number; readonly kind: 'strat' | 'stratCsv'; readonly tapeId: number; readonly by: StratDimensionId; readonly edges?: readonly number[] }
  | { readonly id: number; readonly kind: 'projectLines'; readonly tapeId: number; readonly assumptions: unknown }
  | { readonly id: number; readonly kind: 'names'; readonly tapeId: number };

export type QueryReply = { readonly id: number; readonly ok: true; readonly value: unknown } | { readonly id: number; readonly ok: false; readonly error: WireError };

export interface QueryWorkerData {
  readonly workspacePath: string;
}
