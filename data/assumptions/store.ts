import { UserError } from '../errors.ts';
import type { SqliteDb } from '../workspace.ts';

/** A named assumption set as stored: the assumption file's JSON, validated by the caller before saving. */
export interface AssumptionSetRow {
  readonly name: string;
  readonly assumptions: unknown;
  readonly updatedAt: string;
}

const MAX_NAME = 200;

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new UserError('BAD_REQUEST', 'An assumption set needs a name', { field: 'name' });
  if (trimmed.length > MAX_NAME) throw new UserError('BAD_REQUEST', `An assumption set name is at most ${MAX_NAME} characters`, { field: 'name', length: trimmed.length });
  return trimmed;
}

/** Creates or replaces the set `name` (one statement: a failed save leaves the workspace as it was). */
export function saveAssumptionSet(db: SqliteDb, name: string, assumptions: unknown, at: Date = new Date()): AssumptionSetRow {
  const trimmed = cleanName(name);
  const updatedAt = at.toISOString();
  db.prepare('INSERT INTO assumption_sets (name, json, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at').run(
    trimmed,
    JSON.stringify(assumptions),
    updatedAt,
  );
  return { name: trimmed, assumptions, updatedAt };
}

export function listAssumptionSets(db: SqliteDb): AssumptionSetRow[] {
  return db
    .prepare<[], { name: string; json: string; updated_at: string }>('SELECT name, json, updated_at FROM assumption_sets ORDER BY name')
    .all()
    .map((r) => ({ name: r.name, assumptions: JSON.parse(r.json) as unknown, updatedAt: r.updated_at }));
}

export function deleteAssumptionSet(db: SqliteDb, name: string): void {
  const result = db.prepare('DELETE FROM assumption_sets WHERE name = ?').run(name);
  if (result.changes === 0) throw new UserError('NOT_FOUND', `No assumption set named "${name}"`, { name });
}
