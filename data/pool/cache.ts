import { isSqliteBusy, type SqliteDb } from '../workspace.ts';
import { defaultStrats } from './default-strats.ts';
import { STRAT_DIMENSIONS, stratify, type StratDimensionId, type StratTable } from './strats.ts';
import { poolSummary, type PoolSummary } from './summary.ts';

/**
 * A tape never changes after import, so its summary is computed once and kept in the workspace
 * (deleted with the tape). The first view of a million-loan tape pays ~2 s; later ones none.
 */
export function cachedPoolSummary(db: SqliteDb, tapeId: number): PoolSummary {
  const cached = db.prepare<[number], string>('SELECT summary_json FROM tape_summaries WHERE tape_id = ?').pluck().get(tapeId);
  if (cached !== undefined) {
    const summary = JSON.parse(cached) as Partial<PoolSummary>;
    // A summary kept before the matured and missing-column figures existed is computed again.
    if (summary.maturedBeforeCutoff !== undefined && summary.missingColumns !== undefined) return summary as PoolSummary;
  }
  const summary = poolSummary(db, tapeId);
  keepSummary(db, tapeId, summary);
  return summary;
}

/**
 * Keeping the summary is only a saving: while another connection holds the write lock (an
 * import's transaction, seconds long), the summary is answered now and kept by a later view,
 * rather than waiting for the lock and failing the view as a busy workspace.
 */
function keepSummary(db: SqliteDb, tapeId: number, summary: PoolSummary): void {
  const timeoutMs = Number(db.pragma('busy_timeout', { simple: true }));
  db.pragma('busy_timeout = 0');
  try {
    db.prepare('INSERT OR REPLACE INTO tape_summaries (tape_id, summary_json) VALUES (?, ?)').run(tapeId, JSON.stringify(summary));
  } catch (error) {
    if (!isSqliteBusy(error)) throw error;
  } finally {
    db.pragma(`busy_timeout = ${timeoutMs}`);
  }
}

/** Tapes whose default stratifications a connection keeps (some 30 KB each). */
const KEPT_TAPES = 8;
const keptStrats = new WeakMap<SqliteDb, Map<string, readonly StratTable[]>>();

/**
 * A stratification, the built-in ones at their default edges from every default table of the
 * tape computed in one scan (defaultStrats) and kept for the connection: the Pool screen's first
 * table pays the scan, the other ten and every later view none. Kept in memory, not in the
 * workspace: a workspace reopened pays one scan again. Keyed by tape id and import time, so a
 * deleted tape's id reused by a new import never meets a stale table; any other request (custom
 * edges, an extra column) is computed.
 */
export function cachedStrat(db: SqliteDb, tapeId: number, by: StratDimensionId, edges?: readonly number[]): StratTable {
  const index = STRAT_DIMENSIONS.findIndex((d) => d.id === by);
  if (index < 0 || edges !== undefined) return stratify(db, tapeId, by, edges);
  const importedAt = db.prepare<[number], string>('SELECT imported_at FROM tapes WHERE id = ?').pluck().get(tapeId);
  const key = `${tapeId}@${importedAt ?? ''}`;
  let byTape = keptStrats.get(db);
  if (byTape === undefined) {
    byTape = new Map();
    keptStrats.set(db, byTape);
  }
  let tables = byTape.get(key);
  if (tables === undefined) {
    tables = defaultStrats(db, tapeId);
    if (byTape.size >= KEPT_TAPES) byTape.delete(byTape.keys().next().value ?? '');
    byTape.set(key, tables);
  }
  const table = tables[index];
  if (table === undefined) throw new Error(`no default table for ${by}`);
  return table;
}
