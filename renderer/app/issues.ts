import { ApiCallError } from '../api/client.ts';
import { sayApiError, type CodedText } from './coded.ts';

/**
 * One problem of a file the analyst wrote (assumption set, deal), at the JSON path of the value at
 * fault; a rule's problem also carries its code and params (sayCoded says it in the user's language).
 */
export interface FileIssue extends CodedText {
  readonly path: string;
  readonly message: string;
}

/** The code and params of a listed problem, when the service gave them. */
function codeOf(issue: { code?: unknown; params?: unknown }): Pick<CodedText, 'code' | 'params'> {
  if (typeof issue.code !== 'string') return {};
  const params = typeof issue.params === 'object' && issue.params !== null ? (issue.params as Record<string, unknown>) : {};
  return { code: issue.code, params };
}

/**
 * The problems a BAD_REQUEST about a file lists: the service reports every file check alike, each
 * problem with its JSON path in `details.issues` (service/files/file-issues.ts). Anything else is one
 * problem: the error's message, at `details.path` or the file's root.
 */
function fileIssues(error: ApiCallError): FileIssue[] {
  const details = error.error.details ?? {};
  const listed = Array.isArray(details['issues']) ? (details['issues'] as unknown[]) : [];
  const issues = listed.flatMap((issue): FileIssue[] => {
    if (typeof issue !== 'object' || issue === null) return [];
    const { path, message, code, params } = issue as { path?: unknown; message?: unknown; code?: unknown; params?: unknown };
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message, ...codeOf({ code, params }) }] : [];
  });
  if (issues.length > 0) return issues;
  return [{ path: typeof details['path'] === 'string' ? details['path'] : '$', message: sayApiError(error.error) }];
}

/** Where the service's check of a file stands. */
export type FileCheckState<C> =
  | { readonly status: 'checking' }
  | { readonly status: 'valid'; readonly check: C }
  | { readonly status: 'invalid'; readonly issues: readonly FileIssue[] }
  /** The check itself could not run (no workspace, service down): say so, judge nothing. */
  | { readonly status: 'unavailable'; readonly message: string };

export const CHECKING: FileCheckState<never> = { status: 'checking' };

/** A check call's answer as a state: a BAD_REQUEST lists the file's problems; any other failure means the check could not run. */
export function fileCheck<C>(call: Promise<C>): Promise<FileCheckState<C>> {
  return call.then(
    (check): FileCheckState<C> => ({ status: 'valid', check }),
    (error: unknown): FileCheckState<C> =>
      error instanceof ApiCallError && error.error.code === 'BAD_REQUEST'
        ? { status: 'invalid', issues: fileIssues(error) }
        : { status: 'unavailable', message: error instanceof Error ? error.message : String(error) },
  );
}
