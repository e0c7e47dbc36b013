import type { SqliteDb } from '../workspace.ts';
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
  db.prepare('INSERT OR REPLACE INTO tape_summaries (tape_id, summary_json) VALUES (?, ?)').run(tapeId, JSON.stringify(summary));
  return summary;
}
