/**
 * What a pool call names as its work (service/jobs/workers/pool-worker.ts): the kind of task its
 * threads run and that work's own shared data, sent once per thread.
 */
export type PoolWorkKind = 'sweep' | 'monteCarlo' | 'projectChunks';

export interface PoolWork<D = unknown> {
  readonly work: PoolWorkKind;
  readonly data: D;
}
