import type { RunStoreNote } from '../service/api/contract.ts';

/** "Served from the run store (run #3 of 2026-12-06 23:10 UTC)" or "Stored as run #4": what the store did with a job's run. */
export function storedNoteText(what: string, note: RunStoreNote | undefined): string | null {
  if (note === undefined || note.runId === null) return null;
  const when = note.createdAt === null ? '' : ` of ${note.createdAt.slice(0, 16).replace('T', ' ')} UTC`;
  return note.fromStore ? `${what}: served from the run store (run #${note.runId}${when}); not computed again` : `${what}: stored as run #${note.runId} (abs runs show ${note.runId})`;
}
