import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TapeRecord } from '../../service/api/contract.ts';
import { importReportOf } from '../../service/jobs/job-manager.ts';
import { Service } from '../../service/service.ts';
import { openWorkspace } from '../../data/workspace.ts';
import { sayCodedIn, type MessageLanguage } from '../../messages/all.ts';
import { insertTapeStoredBeforeNoteCodes, NOTES_BEFORE_NOTE_CODES, OVERRUN_TAPE } from '../helpers/legacy-tape.ts';
import { useTempDir } from '../helpers/tmp.ts';

/**
 * A saved tape's import notes come back from the workspace by code (`noteCodes` beside the English
 * `notes` in tapes.mapping_json), so the Tapes screen says them in its reader's language as the
 * import result does; a tape stored before codes keeps its English notes in every language.
 */

const tempDir = useTempDir();
let service: Service | null = null;

afterEach(async () => {
  await service?.close();
  service = null;
});

async function openService(file: string): Promise<Service> {
  service = new Service({ transport: 'test' });
  const opened = await service.call('workspace.open', { path: file });
  if (!opened.ok) throw new Error(opened.error.message);
  return service;
}

async function tapes(svc: Service): Promise<readonly TapeRecord[]> {
  const listed = await svc.call('tape.list', {});
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value;
}

/** What the Tapes screen shows for a tape's notes (renderer/areas/tapes/TapeNotes.tsx): by code when stored so, else the stored English. */
const notesIn = (language: MessageLanguage, tape: TapeRecord | undefined): string[] => (tape?.codedNotes ? tape.codedNotes.map((note) => sayCodedIn(language, note)) : [...(tape?.notes ?? [])]);

describe('a saved tape’s notes in the reader’s language', () => {
  it('imports a tape file into a workspace file and reads its notes back in English and Chinese; an older tape’s English notes still show', async () => {
    const file = join(tempDir(), 'ws.sqlite');
    // A workspace holding a tape stored before notes were kept by code.
    const older = openWorkspace(file);
    const olderId = insertTapeStoredBeforeNoteCodes(older.db, 'Stored before note codes');
    older.close();

    const tapeFile = join(tempDir(), 'overrun.csv');
    writeFileSync(tapeFile, `${OVERRUN_TAPE}\n`);
    const svc = await openService(file);
    const job = await svc.call('tape.import', { source: { kind: 'path', path: tapeFile }, mode: 'reject', cutoffDate: '2026-09-30', allowDuplicate: true });
    if (!job.ok) throw new Error(job.error.message);
    const report = importReportOf(await svc.jobs.wait(job.value.id));
    expect(report).toMatchObject({ status: 'imported', rowsImported: 2 });
    const newId = report?.tapeId ?? -1;
    await svc.close();

    // Read back from the file by a new service, as after a restart.
    const reopened = await openService(file);
    const listed = await tapes(reopened);
    const saved = listed.find((t) => t.id === newId);
    const stored = listed.find((t) => t.id === olderId);
    expect(saved?.codedNotes?.map((n) => n.code)).toEqual([
      'tapeNote.noAmortization',
      'tapeNote.noDaysPastDue',
      'tapeNote.noOverdue',
      'tapeNote.termOverrunOne',
      'tapeNote.termOverrunRestructuredOne',
    ]);
    expect(saved?.codedNotes?.map((n) => n.message)).toEqual(report?.notes);
    // The same file, the same notes as the build before codes stored (its English is unchanged).
    expect(saved?.notes).toEqual(NOTES_BEFORE_NOTE_CODES);
    // In English from the catalogue: the words the command line prints.
    expect(notesIn('en', saved)).toEqual(NOTES_BEFORE_NOTE_CODES);
    expect(notesIn('zh-CN', saved)).toEqual([
      '没有还款方式列：每笔贷款都按等额本息处理。',
      '没有逾期天数列：每笔贷款都按正常处理——逾期分布为未知，而非零。',
      '没有逾期本金列和逾期利息列：逾期总额为未知，而非零。',
      '1 笔未标记重组的贷款账龄 + 剩余期数超过总期数一个月以上（行号（账龄 + 剩余期数 > 总期数，单位为月；账龄为放款日至初始起算日 2026-09-30 的月数）：2 (6 + 3 > 3)）：可能是展期、放款日期或总期数有误，或资产清单错误。已按原值导入；请核查，它影响该笔贷款的摊还及资产池的加权平均剩余期限和加权平均账龄。',
      '1 笔标记为重组的贷款账龄 + 剩余期数超过总期数一个月以上（行号：3 (12 + 6 > 12)）：展期后属正常情况；已按原值导入。',
    ]);
    // tape.get answers the same.
    const got = await reopened.call('tape.get', { id: newId });
    expect(got.ok && got.value.codedNotes).toEqual(saved?.codedNotes);

    // The tape stored before: its English notes, in either language.
    expect(stored?.codedNotes).toBeUndefined();
    expect(notesIn('en', stored)).toEqual(NOTES_BEFORE_NOTE_CODES);
    expect(notesIn('zh-CN', stored)).toEqual(NOTES_BEFORE_NOTE_CODES);
  });
});
