import { useEffect, useState } from 'react';
import type { DealCheck, DealTemplate } from '../../../service/contract.ts';
import { ApiCallError } from '../../api/client.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { fileIssues, type FileIssue } from '../../app/issues.ts';

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

export type DealCheckState =
  | { readonly status: 'checking' }
  | { readonly status: 'valid'; readonly check: DealCheck }
  | { readonly status: 'invalid'; readonly issues: readonly FileIssue[] }
  | { readonly status: 'unavailable'; readonly message: string };

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
            ? { status: 'invalid', issues: fileIssues(error) }
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
