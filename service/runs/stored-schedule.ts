import { getSchedule, getScheduleRows } from '../../data/schedule/store.ts';
import type { ServiceContext } from '../api/context.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A request whose deal file names a stored schedule (`schedulePool.schedule`, no rows) with the
 * schedule's rows read from the open workspace, so that the deal runs (and is stored, hashed and
 * reported) with the rows it ran on. Any other request is returned as it came; without an open
 * workspace the deal file's reader says what is missing.
 */
export function withStoredSchedule<T>(params: T, service: Pick<ServiceContext, 'workspace'>): T {
  if (!isRecord(params) || !isRecord(params.deal)) return params;
  const pool = params.deal.schedulePool;
  if (!isRecord(pool) || typeof pool.schedule !== 'string' || pool.rows !== undefined || service.workspace === null) return params;
  const db = service.workspace.db;
  const stored = getSchedule(db, pool.schedule);
  const { schedule: _name, ...rest } = pool;
  const schedulePool = { name: stored.name, ...(stored.cutoffDate !== null ? { cutoffDate: stored.cutoffDate } : {}), ...rest, rows: getScheduleRows(db, stored.id) };
  return { ...params, deal: { ...params.deal, schedulePool } };
}
