import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../data/migrations/index.ts';
import { getRun, insertRun, listRuns, renameRun, type NewRun } from '../../data/runs/store.ts';
import { openWorkspace } from '../../data/workspace.ts';
import { useTempDir } from '../helpers/tmp.ts';

/**
 * Migration 007: a stored run's generated name by code beside its English name. Runs stored before
 * it keep their English name (no code); a run stored after it keeps its code until the analyst
 * renames it; the column refuses what is not a code with params.
 */

const tempDir = useTempDir();

const coded = {
  code: 'runName.deal',
  params: { deal: 'Auto 2027-1', pool: { code: 'runName.ownPool', params: {}, message: 'its own pool' }, scenario: 'base' },
  message: 'Auto 2027-1 on its own pool — base',
};

const run = (inputHash: string, nameCoded: NewRun['nameCoded']): NewRun => ({
  kind: 'deal',
  name: nameCoded?.message ?? 'My run',
  nameCoded,
  createdAt: '2026-12-07T00:00:00.000Z',
  inputHash,
  inputsJson: '{"kind":"deal"}',
  tapeId: null,
  engineVersion: '0.1.0',
  engineSourcesSha256: 'e'.repeat(64),
  seconds: 0.5,
  figures: [],
  resultJson: '{}',
});

describe('migration 007: run name codes', () => {
  it('upgrades a version-6 workspace after a backup; its stored runs keep their English names, without a code', () => {
    const file = join(tempDir(), 'v6.sqlite');
    const v6 = openWorkspace(file, { migrations: MIGRATIONS.slice(0, 6) });
    // A run as version 6 stored it (its columns only).
    v6.db
      .prepare(
        `INSERT INTO runs (kind, name, created_at, input_hash, inputs_json, tape_id, engine_version, engine_sources_sha256, seconds, figures_json, result_encoding, result_bytes, result)
         VALUES ('deal', 'Auto on its own pool — deal’s scenario', '2026-12-01T00:00:00Z', ?, '{}', NULL, '0.1.0', ?, 1, '[]', 'json', 2, CAST('{}' AS BLOB))`,
      )
      .run('a'.repeat(64), 'e'.repeat(64));
    v6.close();
    const ws = openWorkspace(file, { now: () => new Date('2026-12-07T06:00:00Z') });
    try {
      expect(ws.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(ws.backupPath).toBe(`${file}.v6-20261207T060000.bak`);
      const backup = new Database(ws.backupPath ?? '', { readonly: true });
      expect(backup.pragma('user_version', { simple: true })).toBe(6);
      expect(backup.prepare("SELECT count(*) FROM pragma_table_info('runs') WHERE name = 'name_coded_json'").pluck().get()).toBe(0);
      backup.close();
      const [old] = listRuns(ws.db);
      expect(old).toMatchObject({ name: 'Auto on its own pool — deal’s scenario', nameCoded: null });
      expect(getRun(ws.db, old?.id ?? 0).resultJson).toBe('{}');
    } finally {
      ws.close();
    }
  });

  it('stores a generated name’s code and params (nested pieces too) with the English as its message; a typed name has none', () => {
    const ws = openWorkspace(join(tempDir(), 'ws.sqlite'));
    try {
      const generated = insertRun(ws.db, run('a'.repeat(64), coded));
      const typed = insertRun(ws.db, run('b'.repeat(64), null));
      expect(generated.nameCoded).toEqual(coded);
      expect(getRun(ws.db, generated.id).nameCoded).toEqual(coded);
      expect(JSON.parse(String(ws.db.prepare('SELECT name_coded_json FROM runs WHERE id = ?').pluck().get(generated.id)))).toEqual({ code: coded.code, params: coded.params });
      expect(typed).toMatchObject({ name: 'My run', nameCoded: null });
    } finally {
      ws.close();
    }
  });

  it('a rename makes the name the analyst’s: the code is dropped, the new name kept as typed', () => {
    const ws = openWorkspace(join(tempDir(), 'ws.sqlite'));
    try {
      const { id } = insertRun(ws.db, run('a'.repeat(64), coded));
      expect(renameRun(ws.db, id, '  压力情景 A  ')).toMatchObject({ name: '压力情景 A', nameCoded: null });
      expect(listRuns(ws.db)[0]).toMatchObject({ name: '压力情景 A', nameCoded: null });
    } finally {
      ws.close();
    }
  });

  it('refuses a code column that is not a code with params, leaving the run as it was', () => {
    const ws = openWorkspace(join(tempDir(), 'ws.sqlite'));
    try {
      const { id } = insertRun(ws.db, run('a'.repeat(64), coded));
      const set = ws.db.prepare('UPDATE runs SET name_coded_json = ? WHERE id = ?');
      expect(() => set.run('not json', id)).toThrow(/CHECK constraint failed/);
      expect(() => set.run('{"code":7,"params":{}}', id)).toThrow(/CHECK constraint failed/);
      expect(() => set.run('{"code":"runName.deal","params":[]}', id)).toThrow(/CHECK constraint failed/);
      expect(getRun(ws.db, id).nameCoded).toEqual(coded);
    } finally {
      ws.close();
    }
  });
});
