import { deflateSync, inflateSync } from 'node:zlib';
import { UserError } from '../errors.ts';
import type { SqliteDb } from '../workspace.ts';
import type { CodedMessage, MessageParams } from '../../engine/messages.ts';

/**
 * The run store's rows (migration 004). The caller (service/runs/run-store.ts) hashes the inputs and
 * serialises the result; this file keeps the rows: one transaction per stored run, results above
 * COMPRESS_ABOVE_BYTES deflated, typed rows back.
 */

/** A result's JSON larger than this (UTF-8 bytes) is stored deflated: a loan-level deal run's periods run to megabytes. */
export const COMPRESS_ABOVE_BYTES = 64 * 1024;

/**
 * The stages at which the crash-safety tests may SIGKILL the process while it stores a run
 * (env ABS_TEST_KILL_RUN_STORE): `before-commit` after the row is written and before the
 * transaction commits. Unset in normal use.
 */
const KILL_STAGE_ENV = 'ABS_TEST_KILL_RUN_STORE';

function killPoint(stage: string): void {
  if (process.env[KILL_STAGE_ENV] === stage) process.kill(process.pid, 'SIGKILL');
}

/** A key figure of a run, for lists: its label, its value and the unit it is in. */
export interface RunFigureRow {
  readonly label: string;
  readonly value: number | null;
  /** 'years' (WAL), 'ratio' (a decimal: 0.05 = 5%), 'money' (the pool's currency), 'multiple' (× a curve), 'count'. */
  readonly unit: 'years' | 'ratio' | 'money' | 'multiple' | 'count';
}

export interface NewRun {
  readonly kind: string;
  /** The English name (what the CLI prints). */
  readonly name: string;
  /** The generated name by code (migration 007), its English `name`; null for a name the analyst typed. */
  readonly nameCoded: CodedMessage | null;
  readonly createdAt: string;
  readonly inputHash: string;
  readonly inputsJson: string;
  readonly tapeId: number | null;
  readonly engineVersion: string;
  readonly engineSourcesSha256: string;
  readonly seconds: number;
  readonly figures: readonly RunFigureRow[];
  readonly resultJson: string;
}

export interface RunRow {
  readonly id: number;
  readonly kind: string;
  readonly name: string;
  /** The generated name by code, its message the English `name`; null when typed, renamed or stored before migration 007. */
  readonly nameCoded: CodedMessage | null;
  readonly createdAt: string;
  readonly inputHash: string;
  readonly tapeId: number | null;
  readonly engineVersion: string;
  readonly engineSourcesSha256: string;
  readonly seconds: number;
  readonly figures: readonly RunFigureRow[];
  readonly resultBytes: number;
  readonly compressed: boolean;
}

export interface RunRowWithResult extends RunRow {
  readonly inputsJson: string;
  readonly resultJson: string;
}

interface RawRun {
  id: number;
  kind: string;
  name: string;
  name_coded_json: string | null;
  created_at: string;
  input_hash: string;
  tape_id: number | null;
  engine_version: string;
  engine_sources_sha256: string;
  seconds: number;
  figures_json: string;
  result_encoding: 'json' | 'deflate';
  result_bytes: number;
}

const RUN_COLUMNS = 'id, kind, name, name_coded_json, created_at, input_hash, tape_id, engine_version, engine_sources_sha256, seconds, figures_json, result_encoding, result_bytes';

/** The stored code and params with the stored English as the message. */
function nameCodedOf(raw: RawRun): CodedMessage | null {
  if (raw.name_coded_json === null) return null;
  const { code, params } = JSON.parse(raw.name_coded_json) as { code: string; params: MessageParams };
  return { code, params, message: raw.name };
}

function toRow(raw: RawRun): RunRow {
  return {
    id: raw.id,
    kind: raw.kind,
    name: raw.name,
    nameCoded: nameCodedOf(raw),
    createdAt: raw.created_at,
    inputHash: raw.input_hash,
    tapeId: raw.tape_id,
    engineVersion: raw.engine_version,
    engineSourcesSha256: raw.engine_sources_sha256,
    seconds: raw.seconds,
    figures: JSON.parse(raw.figures_json) as RunFigureRow[],
    resultBytes: raw.result_bytes,
    compressed: raw.result_encoding === 'deflate',
  };
}

const MAX_NAME = 200;

function cleanName(name: string, runId?: number): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new UserError('BAD_REQUEST', 'A run name cannot be empty', { field: 'name', ...(runId !== undefined ? { runId } : {}) });
  return trimmed.length > MAX_NAME ? trimmed.slice(0, MAX_NAME) : trimmed;
}

/** The code and params of a generated name (its English is `name`, cut at MAX_NAME like any name); none for a typed one. */
function storedCode(run: NewRun): string | null {
  if (run.nameCoded === null) return null;
  return JSON.stringify({ code: run.nameCoded.code, params: run.nameCoded.params });
}

/**
 * Stores a run in one transaction and answers with its row. When a run with the same input hash is
 * already stored (an identical run finished first), that run is kept and returned: one row per hash.
 */
export function insertRun(db: SqliteDb, run: NewRun): RunRow {
  const bytes = Buffer.from(run.resultJson, 'utf8');
  const compress = bytes.length > COMPRESS_ABOVE_BYTES;
  const blob = compress ? deflateSync(bytes) : bytes;
  return db
    .transaction(() => {
      db.prepare(
        `INSERT INTO runs (kind, name, name_coded_json, created_at, input_hash, inputs_json, tape_id, engine_version, engine_sources_sha256, seconds, figures_json, result_encoding, result_bytes, result)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (input_hash) DO NOTHING`,
      ).run(
        run.kind,
        cleanName(run.name),
        storedCode(run),
        run.createdAt,
        run.inputHash,
        run.inputsJson,
        run.tapeId,
        run.engineVersion,
        run.engineSourcesSha256,
        run.seconds,
        JSON.stringify(run.figures),
        compress ? 'deflate' : 'json',
        bytes.length,
        blob,
      );
      killPoint('before-commit');
      const stored = findRunByHash(db, run.inputHash);
      if (!stored) throw new Error(`the run with input hash ${run.inputHash} was not stored`);
      return stored;
    })
    .immediate();
}

export function findRunByHash(db: SqliteDb, inputHash: string): RunRow | null {
  const raw = db.prepare<[string], RawRun>(`SELECT ${RUN_COLUMNS} FROM runs WHERE input_hash = ?`).get(inputHash);
  return raw ? toRow(raw) : null;
}

/** Every stored run, newest first. */
export function listRuns(db: SqliteDb): RunRow[] {
  return db.prepare<[], RawRun>(`SELECT ${RUN_COLUMNS} FROM runs ORDER BY created_at DESC, id DESC`).all().map(toRow);
}

function notFound(id: number): UserError {
  return new UserError('NOT_FOUND', `No stored run with id ${id} in this workspace`, { runId: id });
}

/** A run with its inputs and its result's JSON (inflated when stored deflated). */
export function getRun(db: SqliteDb, id: number): RunRowWithResult {
  const raw = db.prepare<[number], RawRun & { inputs_json: string; result: Buffer }>(`SELECT ${RUN_COLUMNS}, inputs_json, result FROM runs WHERE id = ?`).get(id);
  if (!raw) throw notFound(id);
  const bytes = raw.result_encoding === 'deflate' ? inflateSync(raw.result) : raw.result;
  if (bytes.length !== raw.result_bytes) throw new Error(`stored run ${id}: its result is ${bytes.length} bytes, ${raw.result_bytes} were stored`);
  return { ...toRow(raw), inputsJson: raw.inputs_json, resultJson: bytes.toString('utf8') };
}

/** A new name is the analyst's: shown as typed in every language (its generated code is dropped). */
export function renameRun(db: SqliteDb, id: number, name: string): RunRow {
  const result = db.prepare('UPDATE runs SET name = ?, name_coded_json = NULL WHERE id = ?').run(cleanName(name, id), id);
  if (result.changes === 0) throw notFound(id);
  const raw = db.prepare<[number], RawRun>(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`).get(id);
  if (!raw) throw notFound(id);
  return toRow(raw);
}

export function deleteRun(db: SqliteDb, id: number): void {
  const result = db.prepare('DELETE FROM runs WHERE id = ?').run(id);
  if (result.changes === 0) throw notFound(id);
}
