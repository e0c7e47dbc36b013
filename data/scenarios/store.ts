import { UserError } from '../errors.ts';
import type { SqliteDb } from '../workspace.ts';

/** A named scenario set as stored: the scenario-set file's JSON, validated by the caller before saving. */
export interface ScenarioSetRow {
  readonly name: string;
  readonly set: unknown;
  readonly updatedAt: string;
}

const MAX_NAME = 200;

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new UserError('BAD_REQUEST', 'A scenario set needs a name', { field: 'name' });
  if (trimmed.length > MAX_NAME) throw new UserError('BAD_REQUEST', `A scenario set name is at most ${MAX_NAME} characters`, { field: 'name', length: trimmed.length });
  return trimmed;
}

/** Creates or replaces the set `name` (one statement: a failed save leaves the workspace as it was). */
export function saveScenarioSet(db: SqliteDb, name: string, set: unknown, at: Date = new Date()): ScenarioSetRow {
  const trimmed = cleanName(name);
  const updatedAt = at.toISOString();
  db.prepare('INSERT INTO scenario_sets (name, json, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at').run(
    trimmed,
    JSON.stringify(set),
    updatedAt,
  );
  return { name: trimmed, set, updatedAt };
}

type Row = { name: string; json: string; updated_at: string };
const rowOf = (r: Row): ScenarioSetRow => ({ name: r.name, set: JSON.parse(r.json) as unknown, updatedAt: r.updated_at });

export function listScenarioSets(db: SqliteDb): ScenarioSetRow[] {
  return db.prepare<[], Row>('SELECT name, json, updated_at FROM scenario_sets ORDER BY name').all().map(rowOf);
}

export function getScenarioSet(db: SqliteDb, name: string): ScenarioSetRow {
  const row = db.prepare<[string], Row>('SELECT name, json, updated_at FROM scenario_sets WHERE name = ?').get(name);
  if (row === undefined) throw new UserError('NOT_FOUND', `No scenario set named "${name}"`, { name });
  return rowOf(row);
}

export function deleteScenarioSet(db: SqliteDb, name: string): void {
  const result = db.prepare('DELETE FROM scenario_sets WHERE name = ?').run(name);
  if (result.changes === 0) throw new UserError('NOT_FOUND', `No scenario set named "${name}"`, { name });
}
