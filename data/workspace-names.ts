import { basename } from 'node:path';
import { messageTable } from '../engine/messages.ts';
import { codedError } from './errors.ts';

/**
 * SQLite keeps a database's journal beside it in a file named after it: `FILE-wal` and `FILE-shm`
 * in WAL mode (every workspace), `FILE-journal` in rollback mode (https://sqlite.org/tempfiles.html).
 * When FILE opens, SQLite reads FILE-wal as FILE's journal, whatever that file holds: a workspace
 * created under such a name is destroyed the next time FILE opens (and FILE's journal with it).
 */
const SIDE_FILE = /-(wal|shm|journal)$/i;

/** What a new workspace is called: the extensions the desktop dialogs offer. */
const WORKSPACE_EXTENSION = /\.(sqlite|db)$/i;

/** Why a workspace path is refused by its name alone (engine/messages.ts); the catalogues say it in each language. */
export const WORKSPACE_NAME_MESSAGES = messageTable('workspaceName', {
  sideFile: (p: { file: string; workspace: string; path: string }) =>
    `${p.file} cannot be a workspace: it is the file where SQLite keeps the journal of the workspace ${p.workspace}, and a workspace under this name would be taken for that journal and destroyed (${p.path}); choose a name ending in .sqlite`,
  newNeedsExtension: (p: { file: string; suggestion: string; path: string }) =>
    `${p.file} cannot be a new workspace: a workspace file's name ends in .sqlite or .db, such as ${p.suggestion} (${p.path})`,
});

/**
 * Refuses, before any byte is written, a workspace path named like another database's SQLite side
 * file (any case: case-insensitive file systems treat `-WAL` as `-wal`), and a workspace about to
 * be created whose name does not end in .sqlite or .db. An existing file of another name is left
 * to the content checks (data/workspace.ts): it opens when it is a workspace.
 */
export function checkWorkspaceName(file: string, options: { readonly creating: boolean }): void {
  const name = basename(file);
  const side = SIDE_FILE.exec(name);
  if (side) {
    const workspace = name.slice(0, side.index);
    throw codedError('PATH_NOT_ALLOWED', WORKSPACE_NAME_MESSAGES.say('sideFile', { file: name, workspace, path: file }), { path: file, sideFileOf: workspace });
  }
  if (options.creating && !WORKSPACE_EXTENSION.test(name)) {
    const suggestion = `${name.replace(/\.[^.]*$/, '') || 'workspace'}.sqlite`;
    throw codedError('PATH_NOT_ALLOWED', WORKSPACE_NAME_MESSAGES.say('newNeedsExtension', { file: name, suggestion, path: file }), { path: file });
  }
}
