import type { CodedMessage, MessageParams } from '../../engine/messages.ts';
import { safeCsvField } from '../csv-out.ts';
import { codedError } from '../errors.ts';
import { TAPE_MESSAGES } from './messages.ts';
import type { SqliteDb } from '../workspace.ts';
import { plausibilityOf } from './rows/limits.ts';
import type { HeaderMapping, MappedColumn, PlausibilityLimits, RejectedRow, RowProblem, SavedMapping, TapeRecord } from './types.ts';

/** Typed queries over the tapes a workspace holds. */

interface TapeRow {
  id: number;
  name: string;
  source_file: string;
  source_sha256: string;
  source_bytes: number;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  cutoff_date: string;
  imported_at: string;
  rows_read: number;
  rows_imported: number;
  rows_rejected: number;
  mapping_json: string;
  extra_columns_json: string;
  current_balance: number;
}

const TAPE_SELECT = 'SELECT t.* FROM tapes t';

/**
 * What an import keeps in a tape's `mapping_json` besides its columns. Its notes twice: `notes` in
 * English (what `abs tape list --json` prints and every build reads) and `noteCodes`, the same
 * notes by code and params in the same order (data/tape/messages.ts TAPE_NOTES), so a screen says
 * them in its reader's language. A JSON document, not a column: no migration, and a build from
 * before `noteCodes` opens a workspace written after it and reads its notes in English. A tape
 * imported before `noteCodes` has only `notes`, which every language shows as stored.
 */
interface StoredTapeFacts {
  readonly columns: readonly MappedColumn[];
  readonly notes: readonly string[];
  readonly noteCodes: readonly { readonly code: string; readonly params: MessageParams }[];
  readonly cutoffSource: 'given' | 'tape';
  readonly encodingReason: string | null;
}

/** The `mapping_json` of a tape being imported (StoredTapeFacts), its notes given by code. */
export function storedFactsJson(facts: Omit<StoredTapeFacts, 'notes' | 'noteCodes'> & { readonly notes: readonly CodedMessage[] }): string {
  const stored: StoredTapeFacts = {
    columns: facts.columns,
    notes: facts.notes.map((note) => note.message),
    noteCodes: facts.notes.map(({ code, params }) => ({ code, params })),
    cutoffSource: facts.cutoffSource,
    encodingReason: facts.encodingReason,
  };
  return JSON.stringify(stored);
}

function isStoredCode(value: unknown): value is StoredTapeFacts['noteCodes'][number] {
  if (typeof value !== 'object' || value === null) return false;
  const { code, params } = value as { code?: unknown; params?: unknown };
  return typeof code === 'string' && typeof params === 'object' && params !== null && !Array.isArray(params);
}

/** The stored notes by code, each with its stored English; none when the tape has no codes for them (imported before them) or they do not pair with its notes. */
function codedNotesOf(notes: readonly string[], codes: unknown): CodedMessage[] | null {
  if (!Array.isArray(codes) || codes.length !== notes.length || !codes.every(isStoredCode)) return null;
  return codes.map(({ code, params }, i) => ({ code, params, message: notes[i] ?? '' }));
}

function toRecord(row: TapeRow): TapeRecord {
  // `noteCodes` is checked before use: absent from tapes imported before it.
  const mapping = JSON.parse(row.mapping_json) as { columns?: MappedColumn[]; notes?: string[]; noteCodes?: unknown };
  const notes = mapping.notes ?? [];
  const codedNotes = codedNotesOf(notes, mapping.noteCodes);
  return {
    id: row.id,
    name: row.name,
    sourceFile: row.source_file,
    sha256: row.source_sha256,
    bytes: row.source_bytes,
    format: row.format,
    encoding: row.encoding,
    delimiter: row.delimiter,
    sheet: row.sheet,
    cutoffDate: row.cutoff_date,
    importedAt: row.imported_at,
    rowsRead: row.rows_read,
    rowsImported: row.rows_imported,
    rowsRejected: row.rows_rejected,
    currentBalance: row.current_balance,
    mapping: mapping.columns ?? [],
    notes,
    ...(codedNotes ? { codedNotes } : {}),
    extraColumns: JSON.parse(row.extra_columns_json) as string[],
  };
}

export function listTapes(db: SqliteDb): TapeRecord[] {
  return db.prepare<[], TapeRow>(`${TAPE_SELECT} ORDER BY t.id DESC`).all().map(toRecord);
}

export function getTape(db: SqliteDb, id: number): TapeRecord {
  const row = db.prepare<[number], TapeRow>(`${TAPE_SELECT} WHERE t.id = ?`).get(id);
  if (!row) throw codedError('NOT_FOUND', TAPE_MESSAGES.say('noTape', { tapeId: id }), { tapeId: id });
  return toRecord(row);
}

export function findTapeByHash(db: SqliteDb, sha256: string): TapeRecord | null {
  const row = db.prepare<[string], TapeRow>(`${TAPE_SELECT} WHERE t.source_sha256 = ? ORDER BY t.id LIMIT 1`).get(sha256);
  return row ? toRecord(row) : null;
}

export function renameTape(db: SqliteDb, id: number, name: string): TapeRecord {
  const trimmed = name.trim();
  if (trimmed === '') throw codedError('BAD_REQUEST', TAPE_MESSAGES.say('tapeNameEmpty'), { tapeId: id });
  const result = db.prepare('UPDATE tapes SET name = ? WHERE id = ?').run(trimmed, id);
  if (result.changes === 0) throw codedError('NOT_FOUND', TAPE_MESSAGES.say('noTape', { tapeId: id }), { tapeId: id });
  return getTape(db, id);
}

/** Deletes the tape with its loans and rejected rows (foreign keys cascade), in one transaction. */
export function deleteTape(db: SqliteDb, id: number): void {
  const result = db.transaction(() => db.prepare('DELETE FROM tapes WHERE id = ?').run(id))();
  if (result.changes === 0) throw codedError('NOT_FOUND', TAPE_MESSAGES.say('noTape', { tapeId: id }), { tapeId: id });
}

export function listRejects(db: SqliteDb, tapeId: number, offset = 0, limit = 100): { total: number; rows: RejectedRow[] } {
  getTape(db, tapeId);
  const total = Number(db.prepare('SELECT count(*) FROM tape_rejects WHERE tape_id = ?').pluck().get(tapeId));
  const rows = db
    .prepare<[number, number, number], { row_no: number; problems_json: string; raw_json: string }>(
      'SELECT row_no, problems_json, raw_json FROM tape_rejects WHERE tape_id = ? ORDER BY row_no LIMIT ? OFFSET ?',
    )
    .all(tapeId, limit, offset)
    .map((r) => ({
      row: r.row_no,
      problems: JSON.parse(r.problems_json) as RowProblem[],
      raw: JSON.parse(r.raw_json) as Record<string, string>,
    }));
  return { total, rows };
}

/** A rejected row's stored cell key "column N" (a value of no header column) as N, for ordering; other keys last. */
function columnNumber(key: string): number {
  return Number(/^column (\d+)$/.exec(key)?.[1] ?? Number.MAX_SAFE_INTEGER);
}

/** Rejected rows as CSV: the row number, every reason, then the row as the tape had it (and any value right of its header, as "column N"). */
export function rejectsCsv(db: SqliteDb, tapeId: number): string {
  const tape = getTape(db, tapeId);
  const tapeHeaders = tape.mapping.map((m) => m.header);
  const stmt = db.prepare<[number], { row_no: number; problems_json: string; raw_json: string }>('SELECT row_no, problems_json, raw_json FROM tape_rejects WHERE tape_id = ? ORDER BY row_no');
  // Cells of no header column (a CSV row's values right of the header, stored as "column N") get columns of their own after the tape's, in column order.
  const known = new Set(tapeHeaders);
  const beyond = new Set<string>();
  for (const r of stmt.iterate(tapeId)) for (const key of Object.keys(JSON.parse(r.raw_json) as Record<string, string>)) if (!known.has(key)) beyond.add(key);
  const headers = [...tapeHeaders, ...[...beyond].sort((a, b) => columnNumber(a) - columnNumber(b) || a.localeCompare(b))];
  const lines = [['Row', 'Rules', 'Reasons', ...headers].map(safeCsvField).join(',')];
  for (const r of stmt.iterate(tapeId)) {
    const problems = JSON.parse(r.problems_json) as RowProblem[];
    const raw = JSON.parse(r.raw_json) as Record<string, string>;
    lines.push([String(r.row_no), problems.map((p) => p.rule).join('; '), problems.map((p) => p.message).join('; '), ...headers.map((h) => raw[h] ?? '')].map(safeCsvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A saved mapping's stored JSON: the header mapping itself (as every mapping was stored before
 * limits), or, with plausibility limits, `{ "v": 2, "mapping": {...}, "limits": {...} }` — a header
 * mapping's values are field names or null, never the number 2, so the two cannot be confused.
 */
interface StoredMappingV2 {
  readonly v: 2;
  readonly mapping: HeaderMapping;
  readonly limits: PlausibilityLimits;
}

function storedMapping(json: string): { mapping: HeaderMapping; limits?: PlausibilityLimits } {
  const parsed = JSON.parse(json) as Readonly<Record<string, unknown>>;
  if (parsed['v'] === 2) {
    const stored = parsed as unknown as StoredMappingV2;
    return { mapping: stored.mapping, limits: stored.limits };
  }
  return { mapping: parsed as HeaderMapping };
}

/**
 * Saves (or replaces) a named mapping, with the tape source's plausibility limits when it states
 * them (checked: plausibilityOf). `limits` omitted keeps those the mapping already has — a screen
 * that edits only the columns cannot drop them — and `{}` removes them.
 */
export function saveMapping(db: SqliteDb, name: string, mapping: HeaderMapping, at: Date = new Date(), limits?: PlausibilityLimits): SavedMapping {
  const trimmed = name.trim();
  if (trimmed === '') throw codedError('BAD_REQUEST', TAPE_MESSAGES.say('mappingNeedsName'));
  const kept = limits ?? listMappings(db).find((m) => m.name === trimmed)?.limits;
  const stated = kept !== undefined && Object.keys(kept).length > 0 ? kept : undefined;
  if (stated) plausibilityOf(stated);
  const json = stated ? JSON.stringify({ v: 2, mapping, limits: stated } satisfies StoredMappingV2) : JSON.stringify(mapping);
  db.prepare('INSERT INTO tape_mappings (name, mapping_json, saved_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET mapping_json = excluded.mapping_json, saved_at = excluded.saved_at').run(
    trimmed,
    json,
    at.toISOString(),
  );
  return { name: trimmed, mapping, ...(stated ? { limits: stated } : {}), savedAt: at.toISOString() };
}

export function listMappings(db: SqliteDb): SavedMapping[] {
  return db
    .prepare<[], { name: string; mapping_json: string; saved_at: string }>('SELECT name, mapping_json, saved_at FROM tape_mappings ORDER BY name')
    .all()
    .map((r) => ({ name: r.name, ...storedMapping(r.mapping_json), savedAt: r.saved_at }));
}

export function getMapping(db: SqliteDb, name: string): SavedMapping {
  const found = listMappings(db).find((m) => m.name === name);
  if (!found) throw codedError('NOT_FOUND', TAPE_MESSAGES.say('noMapping', { name }), { name });
  return found;
}

export function deleteMapping(db: SqliteDb, name: string): void {
  const result = db.prepare('DELETE FROM tape_mappings WHERE name = ?').run(name);
  if (result.changes === 0) throw codedError('NOT_FOUND', TAPE_MESSAGES.say('noMapping', { name }), { name });
}
