import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../data/errors.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../data/migrations/index.ts';
import { readScheduleFile } from '../../../data/schedule/read.ts';
import { deleteSchedule, getSchedule, getScheduleRows, listSchedules, saveSchedule } from '../../../data/schedule/store.ts';
import { openWorkspace, type Workspace } from '../../../data/workspace.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';
import { useTempDir } from '../../helpers/tmp.ts';

const tempDir = useTempDir();
const HX5 = join(REPO_ROOT, 'test', 'fixtures', 'schedules', 'hx5-2017-collection-schedule.csv');
const AT = new Date('2026-12-07T00:00:00Z');

/** Everything the workspace holds about schedules, to compare before and after a failed import. */
const snapshot = (ws: Workspace): unknown => [ws.db.prepare('SELECT * FROM schedules ORDER BY id').all(), ws.db.prepare('SELECT * FROM schedule_rows ORDER BY schedule_id, period').all()];

describe('migration 006 and the schedule store', () => {
  it('adds the schedule tables to a version-5 workspace after a backup', () => {
    const file = join(tempDir(), 'old.sqlite');
    openWorkspace(file, { migrations: MIGRATIONS.slice(0, 5) }).close();
    const ws = openWorkspace(file);
    try {
      expect(ws.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(ws.backupPath).not.toBeNull();
      const tables = ws.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'schedule%' ORDER BY name").pluck().all();
      expect(tables).toEqual(['schedule_rows', 'schedules']);
    } finally {
      ws.close();
    }
  });

  it('stores the 和享 2017-5 schedule, lists it and gives its rows back in yuan', async () => {
    const ws = openWorkspace(join(tempDir(), 'ws.sqlite'));
    try {
      const read = await readScheduleFile(HX5, { unit: '万元' });
      const record = saveSchedule(ws.db, read, { name: '和享2017-5', cutoffDate: '2017-10-01', at: AT });
      expect(record).toMatchObject({ name: '和享2017-5', unit: '万元', format: 'csv', periods: 23, openingBalance: 15_061_203_600, cutoffDate: '2017-10-01', importedAt: AT.toISOString() });
      expect(listSchedules(ws.db).map((s) => s.name)).toEqual(['和享2017-5']);
      expect(getScheduleRows(ws.db, record.id)).toEqual(read.rows);
      expect(getSchedule(ws.db, String(record.id)).name).toBe('和享2017-5');
      deleteSchedule(ws.db, '和享2017-5');
      expect(ws.db.prepare('SELECT count(*) FROM schedule_rows').pluck().get()).toBe(0);
      expect(() => getSchedule(ws.db, '和享2017-5')).toThrow(/No schedule named/);
    } finally {
      ws.close();
    }
  });

  it('a failed import leaves the database exactly as it was: a name in use, or a row the database refuses', async () => {
    const ws = openWorkspace(join(tempDir(), 'ws.sqlite'));
    try {
      const read = await readScheduleFile(HX5, { unit: '万元' });
      saveSchedule(ws.db, read, { name: 'hx5', at: AT });
      const before = snapshot(ws);
      expect(() => saveSchedule(ws.db, read, { name: 'hx5' })).toThrow(UserError);
      // Row 3 of 23 breaks the table's CHECK (amount ≥ 0) after rows 1–2 and the schedule row were written.
      const broken = { ...read, rows: read.rows.map((row, k) => (k === 2 ? { ...row, interest: -1 } : row)) };
      expect(() => saveSchedule(ws.db, broken, { name: 'other' })).toThrow(/CHECK constraint/);
      expect(snapshot(ws)).toEqual(before);
    } finally {
      ws.close();
    }
  });
});
