import type { CodedMessage } from '../engine/messages.ts';

/**
 * A failure the user can act on (a bad file, a wrong path, a newer workspace). It crosses
 * every transport as data — `{code, message, details}` — and the CLI exits 1 on it.
 * Anything else that escapes is an internal error (exit 2).
 */
const USER_ERROR_CODES = [
  'BAD_REQUEST',
  'NOT_FOUND',
  'NO_WORKSPACE',
  'WORKSPACE_NOT_SQLITE',
  'WORKSPACE_NOT_OURS',
  'WORKSPACE_TOO_NEW',
  'WORKSPACE_BUSY',
  'WORKSPACE_READ_ONLY',
  'PATH_NOT_ALLOWED',
  'BAD_FILE',
  'BAD_MAPPING',
  'DUPLICATE_TAPE',
  'CANCELLED',
  /** A tape states no cutoff (no data-date column, or a blank one) and none was given: ask for it. */
  'CUTOFF_REQUIRED',
] as const;

export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

export class UserError extends Error {
  readonly code: UserErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: UserErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    this.details = details;
  }
}

/**
 * A UserError whose message is a coded message (engine/messages.ts): the English stays its
 * `message` (the CLI's, the log's); `details.messageCode` and `details.messageParams` let a screen
 * say it in its language.
 */
export function codedError(code: UserErrorCode, coded: CodedMessage, details: Record<string, unknown> = {}): UserError {
  return new UserError(code, coded.message, { ...details, messageCode: coded.code, messageParams: coded.params });
}
