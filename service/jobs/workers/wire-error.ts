import { UserError } from '../../../data/errors.ts';

/** An error as it crosses a thread boundary: user errors keep their code and details; anything else is INTERNAL. */
export interface WireError {
  readonly code: string;
  readonly message: string;
  readonly details: Record<string, unknown>;
  readonly user: boolean;
  /** SQLite's error code (SQLITE_BUSY…) of an internal error, so the service can still tell a busy workspace. */
  readonly sqliteCode?: string;
}

export function toWireError(error: unknown): WireError {
  const user = error instanceof UserError;
  const code = (error as { code?: unknown } | null)?.code;
  return {
    code: user ? error.code : 'INTERNAL',
    message: error instanceof Error ? error.message : String(error),
    details: user ? { ...error.details } : {},
    user,
    ...(!user && typeof code === 'string' && code.startsWith('SQLITE_') ? { sqliteCode: code } : {}),
  };
}

export function fromWireError(error: WireError): Error {
  if (error.user) return new UserError(error.code as UserError['code'], error.message, error.details);
  return error.sqliteCode === undefined ? new Error(error.message) : Object.assign(new Error(error.message), { code: error.sqliteCode });
}
