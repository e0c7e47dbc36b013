import { isSqliteBusy, type SqliteDb } from '../workspace.ts';
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
