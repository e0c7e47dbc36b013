import { messageTable, type CodedMessage } from '../../engine/index.ts';
import { isSqliteBusy } from '../../data/workspace.ts';

/**
 * Why a finished run could not be kept in the run store (its results are complete and shown): by
 * code, so the screen says it in the chosen language (RunStoreNote.codedWarning beside `warning`).
 * A reason other than a busy workspace (a full disk, a closed workspace) is passed on as SQLite wrote it.
 */
export const RUN_STORE_WARNINGS = messageTable('runStore', {
  notStoredBusy: () => 'The run was not stored in the workspace (the workspace was busy: an import or another program was writing to it for more than 5 s); its results below are complete',
  notStored: (p: { reason: string }) => `The run was not stored in the workspace (${p.reason}); its results below are complete`,
});

/** The warning for a store that failed with `error`. */
export function notStoredWarning(error: unknown): CodedMessage {
  if (isSqliteBusy(error)) return RUN_STORE_WARNINGS.say('notStoredBusy');
  return RUN_STORE_WARNINGS.say('notStored', { reason: error instanceof Error ? error.message : String(error) });
}
