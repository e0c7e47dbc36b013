import { useEffect, useState } from 'react';
import type { DealCheck, DealTemplate } from '../../../service/contract.ts';
import { ApiCallError } from '../../api/client.ts';
import { reportError, useApp } from '../../app/context.tsx';

/** The shipped templates never change while the app runs: loaded once. */
let templatesCache: readonly DealTemplate[] | null = null;

export function useDealTemplates(): readonly DealTemplate[] | null {
  const { api } = useApp();
  const [templates, setTemplates] = useState(templatesCache);
  useEffect(() => {
    if (templatesCache) return undefined;
    let live = true;
    api.call('deal.templates', {}).then(
      (list) => {
        templatesCache = list;
        if (live) setTemplates(list);
      },
      (error: unknown) => reportError('Cannot load the deal templates', error),
    );
    return () => {
      live = false;
    };
  }, [api]);
  return templates;
}

export interface DealIssue {
  readonly path: string;
  readonly rule: string;
}

export type DealCheckState =
  | { readonly status: 'checking' }
  | { readonly status: 'valid'; readonly check: DealCheck }
  | { readonly status: 'invalid'; readonly issues: readonly DealIssue[] }
  | { readonly status: 'unavailable'; readonly message: string };

/** The problems a BAD_REQUEST names (details.issues), else its one message at the file's root. */
function issuesOf(error: ApiCallError): readonly DealIssue[] {
  const raw = error.error.details?.['issues'];
  const issues = Array.isArray(raw)
    ? raw.flatMap((i: unknown) => {
        if (typeof i !== 'object' || i === null) return [];
        const { path, rule } = i as { path?: unknown; rule?: unknown };
        return typeof path === 'string' && typeof rule === 'string' ? [{ path, rule }] : [];
      })
    : [];
  return issues.length > 0 ? issues : [{ path: '$', rule: error.error.message }];
}

/** deal.validate of the deal shown, again whenever it changes ('checking' until the answer for this deal is in). */
export function useDealCheck(deal: unknown): DealCheckState {
  const { api } = useApp();
  const [answer, setAnswer] = useState<{ readonly deal: unknown; readonly state: DealCheckState } | null>(null);
  useEffect(() => {
    if (deal === undefined) return undefined;
    let live = true;
    api.call('deal.validate', { deal }).then(
      (check) => {
        if (live) setAnswer({ deal, state: { status: 'valid', check } });
      },
      (error: unknown) => {
        if (!live) return;
        const state: DealCheckState =
          error instanceof ApiCallError && error.error.code === 'BAD_REQUEST'
            ? { status: 'invalid', issues: issuesOf(error) }
            : { status: 'unavailable', message: error instanceof Error ? error.message : String(error) };
        setAnswer({ deal, state });
      },
    );
    return () => {
      live = false;
    };
  }, [api, deal]);
  return answer !== null && answer.deal === deal ? answer.state : { status: 'checking' };
}
