import type { SqliteDb } from '../workspace.ts';
import { scanTape } from './pool-scan.ts';
import { scanKeyOf, STRAT_DIMENSIONS, stratTable, type StratTable } from './strats.ts';
import { tapeScope } from './summary.ts';

/**
 * Every built-in stratification of tape `tapeId` at its default edges, one table per
 * STRAT_DIMENSIONS entry in that order, from ONE scan of the tape's loans (pool-scan.ts) in one
 * read transaction. Each table equals `stratify(db, tapeId, id)` to the bit. UserError NOT_FOUND
 * for an unknown tape.
 */
export function defaultStrats(db: SqliteDb, tapeId: number): StratTable[] {
  return db.transaction((): StratTable[] => {
    const scope = tapeScope(db, tapeId);
    const edges = STRAT_DIMENSIONS.map((d) => (d.kind === 'numeric' ? d.defaultEdges : []));
    const scan = scanTape(
      db,
      scope,
      STRAT_DIMENSIONS.map((d, i) => scanKeyOf(d, edges[i] ?? [])),
    );
    return STRAT_DIMENSIONS.map((d, i) => stratTable(d, edges[i] ?? [], tapeId, scan.groups[i] ?? new Map(), scan.pool));
  })();
}
