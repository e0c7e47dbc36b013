import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../data/migrations/index.ts';
import { COMPRESS_ABOVE_BYTES, deleteRun, getRun, insertRun, listRuns, type NewRun } from '../../data/runs/store.ts';
import { openWorkspace } from '../../data/workspace.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();

const run = (inputHash: string, resultJson: string, createdAt = '2026-12-01T00:00:00.000Z'): NewRun => ({
  kind: 'deal',
  name: 'Deal on tape',
  nameCoded: null,
  createdAt,
  inputHash,
  inputsJson: '{"kind":"deal"}',
  tapeId: null,
  engineVersion: '0.1.0',
  engineSourcesSha256: 'e'.repeat(64),
  seconds: 0.25,
  figures: [{ label: 'A WAL (y, ACT/365)', value: 1.5, unit: 'years' }],
  resultJson,
});

describe('migration 004: runs', () => {
  it('upgrades a version-3 workspace through the backup path and keeps its tapes and assumption sets', () => {
    const file = join(tempDir(), 'v3.sqlite');
    const v3 = openWorkspace(file, { migrations: MIGRATIONS.slice(0, 3) });
    v3.db.prepare('INSERT INTO assumption_sets (name, json, updated_at) VALUES (?, ?, ?)').run('base', '{"months":12}', '2026-11-01T00:00:00Z');
    v3.close();
    const ws = openWorkspace(file, { now: () => new Date('2026-12-06T10:00:00Z') });
    try {
      expect(ws.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(ws.backupPath).toBe(`${file}.v3-20261206T100000.bak`);
      const backup = new Database(ws.backupPath ?? '', { readonly: true });
      expect(backup.pragma('user_version', { simple: true })).toBe(3);
      expect(backup.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'runs'").pluck().get()).toBe(0);
      backup.close();
      expect(ws.db.prepare('SELECT name FROM assumption_sets').pluck().all()).toEqual(['base']);
      expect(listRuns(ws.db)).toEqual([]);
    } finally {
      ws.close();
    }
  });

  it('refuses a kind that is not a lower-case word, and a second row for one input hash', () => {
    const ws = openWorkspace(join(tempDir(), 'ws.sqlite'));
    try {
      expect(() => insertRun(ws.db, { ...run('a'.repeat(64), '{}'), kind: 'Deal run' })).toThrow(/CHECK constraint failed/);
      expect(listRuns(ws.db)).toEqual([]);
      const first = insertRun(ws.db, run('a'.repeat(64), '{"x":1}'));
      // An identical run stored meanwhile (two windows ran it at once): the first row is kept.
      const second = insertRun(ws.db, { ...run('a'.repeat(64), '{"x":2}'), name: 'other' });
      expect(second).toEqual(first);
      expect(getRun(ws.db, first.id).resultJson).toBe('{"x":1}');
    } finally {
      ws.close();
    }
  });

  it(`deflates a result above ${COMPRESS_ABOVE_BYTES} bytes, reads it back identical, lists newest first and never reuses a deleted run's id`, () => {
    const ws = openWorkspace(join(tempDir(), 'ws.sqlite'));
    try {
      const small = `{"v":"${'x'.repeat(COMPRESS_ABOVE_BYTES - 8)}"}`; // exactly the threshold: stored as is
      const large = `{"v":"${'y'.repeat(COMPRESS_ABOVE_BYTES)}"}`;
      expect(Buffer.byteLength(small)).toBe(COMPRESS_ABOVE_BYTES);
      const a = insertRun(ws.db, run('a'.repeat(64), small, '2026-12-01T00:00:00.000Z'));
      const b = insertRun(ws.db, run('b'.repeat(64), large, '2026-12-02T00:00:00.000Z'));
      expect([a.compressed, b.compressed]).toEqual([false, true]);
      const storedBytes = Number(ws.db.prepare('SELECT length(result) FROM runs WHERE id = ?').pluck().get(b.id));
      expect(storedBytes).toBeLessThan(2000);
      expect(getRun(ws.db, b.id).resultJson).toBe(large);
      expect(listRuns(ws.db).map((r) => r.id)).toEqual([b.id, a.id]);
      deleteRun(ws.db, b.id);
      const c = insertRun(ws.db, run('c'.repeat(64), '{}'));
      expect(c.id).toBe(b.id + 1);
    } finally {
      ws.close();
    }
  });
});
