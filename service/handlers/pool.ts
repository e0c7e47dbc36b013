import { STRAT_DIMENSIONS, type PoolSummary, type StratTable } from '../../data/pool/index.ts';
import { getTape } from '../../data/tape/store.ts';
import type { CsvDownload, StratDimensionInfo, StratRequest } from '../contract.ts';
import type { Service } from '../service.ts';

export const STRAT_DIMENSION_INFO: readonly StratDimensionInfo[] = STRAT_DIMENSIONS.map((d) => ({
  id: d.id,
  label: d.label,
  kind: d.kind,
  unit: d.unit,
  defaultEdges: d.kind === 'numeric' ? d.defaultEdges : [],
  fixedBuckets: d.kind === 'numeric' && d.namedBuckets !== undefined,
  wholeNumbers: d.kind === 'numeric' && d.wholeNumbers,
}));

export function poolDimensions(): readonly StratDimensionInfo[] {
  return STRAT_DIMENSION_INFO;
}

// Pool queries run on the workspace's query thread (service/workers/query-worker.ts).

export function poolSummaryHandler(params: { tapeId: number }, service: Service): Promise<PoolSummary> {
  return service.queries().summary(params.tapeId);
}

export function poolStrat(params: StratRequest, service: Service): Promise<StratTable> {
  return service.queries().strat(params.tapeId, params.by, params.edges);
}

export async function poolStratCsv(params: StratRequest, service: Service): Promise<CsvDownload> {
  const tape = getTape(service.requireWorkspace().db, params.tapeId);
  const csv = await service.queries().stratCsv(params.tapeId, params.by, params.edges);
  return { fileName: `${tape.name.replace(/[\\/:*?"<>|]+/g, '_')}-strat-${params.by}.csv`, csv };
}
