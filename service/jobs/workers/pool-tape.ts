import Database from 'better-sqlite3';
import type { ProjectionMode } from '../../api/contract.ts';
import { repLineInput, tapeInput, type ProjectionInput } from '../../runs/projection.ts';

/** Where a pool call's pool comes from: a tape in a workspace, or (null) the deal's own lines. */
export interface PoolTapeSource {
  readonly workspacePath: string | null;
  readonly tapeId: number | null;
  readonly mode: ProjectionMode;
}

/**
 * A pool thread's read of its call's tape (read-only, from the workspace the service has open), as
 * loans or grouped into representative lines by the call's mode; null for a deal on its own lines.
 */
export function loadPoolTape(source: PoolTapeSource): ProjectionInput | null {
  if (source.tapeId === null || source.workspacePath === null) return null;
  const db = new Database(source.workspacePath, { readonly: true, fileMustExist: true, timeout: 2_000 });
  try {
    const input = tapeInput(db, source.tapeId);
    return source.mode === 'repline' ? repLineInput(input) : input;
  } finally {
    db.close();
  }
}
