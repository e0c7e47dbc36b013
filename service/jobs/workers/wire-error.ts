import { UserError } from '../../../data/errors.ts';

/** An error as it crosses a thread boundary: user errors keep their code and details; anything else is INTERNAL. */
export interface WireError {
  readonly code: string;
  readonly message: string;
  readonly details: Record<string, unknown>;
  readonly user: boolean;
}

export function toWireError(error: unknown): WireError {
  const user = error instanceof UserError;
  return {
    code: user ? error.code : 'INTERNAL',
    message: error instanceof Error ? error.message : String(error),
    details: user ? { ...error.details } : {},
    user,
  };
}

export function fromWireError(error: WireError): Error {
  return error.user ? new UserError(error.code as UserError['code'], error.message, error.details) : new Error(error.message);
}
