import { UserError } from '../../../data/errors.ts';
import { readScheduleFile } from '../../../data/schedule/read.ts';
import { deleteSchedule, getSchedule, getScheduleRows, listSchedules, saveSchedule, type ScheduleRecord } from '../../../data/schedule/store.ts';
import { parseEncodingName } from '../../../data/tape/encoding.ts';
import type { ResponseOf, ScheduleImportRequest } from '../contract.ts';
import type { ServiceContext } from '../context.ts';

/**
 * Reads the schedule file in full (every problem named by file, row and column), then stores it in
 * one transaction: nothing is written unless the whole file reads.
 */
export async function scheduleImport(params: ScheduleImportRequest, service: ServiceContext): Promise<ScheduleRecord> {
  const workspace = service.requireWorkspace();
  const { path, fileName } = service.resolveSource(params.source);
  const encoding = params.encoding === undefined ? undefined : parseEncodingName(params.encoding);
  if (encoding === null) throw new UserError('BAD_REQUEST', `Unknown encoding "${params.encoding ?? ''}" (use utf-8, utf-8-bom, gbk, gb18030 or utf-16le)`, { encoding: params.encoding });
  const read = await readScheduleFile(path, { fileName, ...(params.unit ? { unit: params.unit } : {}), ...(params.sheet ? { sheet: params.sheet } : {}), ...(encoding ? { encoding } : {}) });
  return await service.writes.run(() => saveSchedule(workspace.db, read, { name: params.name, ...(params.cutoffDate ? { cutoffDate: params.cutoffDate } : {}) }));
}

export function scheduleList(_params: Record<string, never>, service: ServiceContext): readonly ScheduleRecord[] {
  return listSchedules(service.requireWorkspace().db);
}

export function scheduleGet(params: { name: string }, service: ServiceContext): ResponseOf<'schedule.get'> {
  const db = service.requireWorkspace().db;
  const schedule = getSchedule(db, params.name);
  return { schedule, rows: getScheduleRows(db, schedule.id) };
}

export async function scheduleDelete(params: { name: string }, service: ServiceContext): Promise<{ deleted: string }> {
  const db = service.requireWorkspace().db;
  await service.writes.run(() => deleteSchedule(db, params.name));
  return { deleted: params.name };
}
