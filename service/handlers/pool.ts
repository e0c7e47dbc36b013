import { cachedPoolSummary, formatStratCsv, STRAT_DIMENSIONS, stratify, type PoolSummary, type StratTable } from '../../data/pool/index.ts';
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

export function poolSummaryHandler(params: { tapeId: number }, service: Service): PoolSummary {
  return cachedPoolSummary(service.requireWorkspace().db, params.tapeId);
}

export function poolStrat(params: StratRequest, service: Service): StratTable {
  return stratify(service.requireWorkspace().db, params.tapeId, params.by, params.edges);
}

export function poolStratCsv(params: StratRequest, service: Service): CsvDownload {
  const db = service.requireWorkspace().db;
  const tape = getTape(db, params.tapeId);
  const table = stratify(db, params.tapeId, params.by, params.edges);
  return { fileName: `${tape.name.replace(/[\\/:*?"<>|]+/g, '_')}-strat-${params.by}.csv`, csv: formatStratCsv(table) };
}
