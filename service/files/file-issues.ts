import type { z } from 'zod';
import { UserError } from '../../data/errors.ts';

/**
 * The problems of a file a user wrote (assumption, pool and deal files): each at the JSON path of
 * the value at fault. Every file check reports them the same way — a BAD_REQUEST whose message
 * names the kind of file, the first problem's path and what is wrong, and whose details carry that
 * `path` and every problem in `issues` — so one reader serves the screens and the CLI.
 */
export interface FileIssue {
  readonly path: string;
  readonly message: string;
}

/** ['lines', 3, 'rate'] → "$.lines[3].rate". */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`), '$');
}

export function schemaIssues(error: z.ZodError): FileIssue[] {
  return error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
}

/** `Deal $.notes[0].originalBalance: must be … (and 2 more problems)`. */
export function fileError(kind: string, issues: readonly FileIssue[], details: Record<string, unknown> = {}): UserError {
  const first = issues[0] ?? { path: '$', message: 'invalid' };
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new UserError('BAD_REQUEST', `${kind} ${first.path}: ${first.message}${more}`, { ...details, path: first.path, issues });
}
