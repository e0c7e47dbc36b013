import type { ScheduleRow } from '../../engine/index.ts';
import { UserError } from '../errors.ts';
import type { SqliteDb } from '../workspace.ts';
import type { ScheduleColumn, ScheduleUnit } from './columns.ts';
import type { ScheduleFileRead } from './read.ts';

/** A stored collection schedule (its rows are read with getScheduleRows). */
export interface ScheduleRecord {
  readonly id: number;
  readonly name: string;
  readonly sourceFile: string;
  readonly sha256: string;
  readonly format: 'csv' | 'xlsx';
  readonly sheet: string | null;
  readonly unit: ScheduleUnit;
  readonly cutoffDate: string | null;
  readonly importedAt: string;
  readonly columns: readonly { readonly header: string; readonly column: ScheduleColumn }[];
  readonly periods: number;
  readonly openingBalance: number;
}

interface Row {
  id: number;
  name: string;
  source_file: string;
  source_sha256: string;
  format: 'csv' | 'xlsx';
  sheet: string | null;
  unit: ScheduleUnit;
  cutoff_date: string | null;
  imported_at: string;
  columns_json: string;
  periods: number;
  opening_balance: number | null;
}

const SELECT = `SELECT s.*, (SELECT count(*) FROM schedule_rows r WHERE r.schedule_id = s.id) AS periods,
  (SELECT r.opening_balance FROM schedule_rows r WHERE r.schedule_id = s.id AND r.period = 1) AS opening_balance FROM schedules s`;

const recordOf = (row: Row): ScheduleRecord => ({
  id: row.id,
  name: row.name,
  sourceFile: row.source_file,
  sha256: row.source_sha256,
  format: row.format,
  sheet: row.sheet,
  unit: row.unit,
  cutoffDate: row.cutoff_date,
  importedAt: row.imported_at,
  columns: JSON.parse(row.columns_json) as ScheduleRecord['columns'],
  periods: row.periods,
  openingBalance: row.opening_balance ?? 0,
});

/**
 * Stores a read schedule under `name` in one transaction: a name in use, or any row the database
 * refuses, leaves the workspace exactly as it was.
 */
export function saveSchedule(db: SqliteDb, read: ScheduleFileRead, options: { name: string; cutoffDate?: string; at?: Date }): ScheduleRecord {
  const name = options.name.trim();
  if (name === '' || name.length > 200) throw new UserError('BAD_REQUEST', 'A schedule needs a name of 1–200 characters', { field: 'name' });
  const exists = db.prepare<[string], { id: number }>('SELECT id FROM schedules WHERE name = ?').get(name);
  if (exists) throw new UserError('BAD_REQUEST', `A schedule named "${name}" is already in the workspace: delete it or choose another name`, { field: 'name', name });
  const insert = db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare('INSERT INTO schedules (name, source_file, source_sha256, format, sheet, unit, cutoff_date, imported_at, columns_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(name, read.file, read.sha256, read.format, read.sheet, read.unit, options.cutoffDate ?? null, (options.at ?? new Date()).toISOString(), JSON.stringify(read.columns));
    const row = db.prepare(
      'INSERT INTO schedule_rows (schedule_id, period, period_end, opening_balance, scheduled_principal, interest, prepayment, defaults, recoveries, delinquent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    read.rows.forEach((r, k) =>
      row.run(lastInsertRowid, k + 1, r.periodEnd, r.openingBalance, r.scheduledPrincipal, r.interest, r.prepayment ?? null, r.defaults ?? null, r.recoveries ?? null, r.delinquent ?? null),
    );
    return Number(lastInsertRowid);
  });
  return getSchedule(db, String(insert()));
}

export function listSchedules(db: SqliteDb): ScheduleRecord[] {
  return db.prepare<[], Row>(`${SELECT} ORDER BY s.name`).all().map(recordOf);
}

/** A schedule by name, or by id given as digits. */
export function getSchedule(db: SqliteDb, nameOrId: string): ScheduleRecord {
  const byId = /^\d+$/.test(nameOrId) ? db.prepare<[number], Row>(`${SELECT} WHERE s.id = ?`).get(Number(nameOrId)) : undefined;
  const row = byId ?? db.prepare<[string], Row>(`${SELECT} WHERE s.name = ?`).get(nameOrId);
  if (row === undefined) throw new UserError('NOT_FOUND', `No schedule named "${nameOrId}" in the workspace`, { name: nameOrId });
  return recordOf(row);
}

interface RowRow {
  period_end: string;
  opening_balance: number;
  scheduled_principal: number;
  interest: number;
  prepayment: number | null;
  defaults: number | null;
  recoveries: number | null;
  delinquent: number | null;
}

/** The schedule's rows in period order, in yuan, as a deal file's schedulePool.rows takes them. */
export function getScheduleRows(db: SqliteDb, id: number): ScheduleRow[] {
  return db
    .prepare<[number], RowRow>(
      'SELECT period_end, opening_balance, scheduled_principal, interest, prepayment, defaults, recoveries, delinquent FROM schedule_rows WHERE schedule_id = ? ORDER BY period',
    )
    .all(id)
    .map((r) => ({
      periodEnd: r.period_end,
      openingBalance: r.opening_balance,
      scheduledPrincipal: r.scheduled_principal,
      interest: r.interest,
      ...(r.prepayment !== null ? { prepayment: r.prepayment } : {}),
      ...(r.defaults !== null ? { defaults: r.defaults } : {}),
      ...(r.recoveries !== null ? { recoveries: r.recoveries } : {}),
      ...(r.delinquent !== null ? { delinquent: r.delinquent } : {}),
    }));
}

export function deleteSchedule(db: SqliteDb, nameOrId: string): void {
  const { id } = getSchedule(db, nameOrId);
  db.prepare('DELETE FROM schedules WHERE id = ?').run(id);
}
