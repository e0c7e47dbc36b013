import type { ApiCallError } from '../api/client.ts';

/** One problem of a file the analyst wrote (assumption set, deal), at the JSON path of the value at fault. */
export interface FileIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * The problems a BAD_REQUEST about a file lists: the service reports every file check alike, each
 * problem with its JSON path in `details.issues` (service/file-issues.ts). Anything else is one
 * problem: the error's message, at `details.path` or the file's root.
 */
export function fileIssues(error: ApiCallError): FileIssue[] {
  const details = error.error.details ?? {};
  const listed = Array.isArray(details['issues']) ? (details['issues'] as unknown[]) : [];
  const issues = listed.flatMap((issue): FileIssue[] => {
    if (typeof issue !== 'object' || issue === null) return [];
    const { path, message } = issue as { path?: unknown; message?: unknown };
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
  if (issues.length > 0) return issues;
  return [{ path: typeof details['path'] === 'string' ? details['path'] : '$', message: error.error.message }];
}
