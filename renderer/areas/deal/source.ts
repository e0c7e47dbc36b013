import type { DealCheck, DealTemplate, FileDraft } from '../../../service/api/contract.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { CHECKING, fileCheck, type FileCheckState } from '../../app/issues.ts';
import { useQuery } from '../../app/query.ts';
import { useT } from '../../app/i18n.tsx';

/** The shipped templates never change while the app runs: loaded once. */
let templatesCache: readonly DealTemplate[] | null = null;

function remember(templates: readonly DealTemplate[]): readonly DealTemplate[] {
  templatesCache = templates;
  return templates;
}

export function useDealTemplates(): readonly DealTemplate[] | null {
  const t = useT();
  const { api } = useApp();
  const templates = useQuery(templatesCache ? null : () => api.call('deal.templates', {}).then(remember), [api], {
    onError: (error) => reportError(t('deal.cannotLoadTheDeal'), error),
  });
  return templatesCache ?? templates.data;
}

export type DealCheckState = FileCheckState<DealCheck>;

/** deal.validate of the deal shown, again whenever it changes ('checking' until the answer for this deal is in); a valid answer carries the deal as read. */
export function useDealCheck(deal: FileDraft): DealCheckState {
  const { api } = useApp();
  const check = useQuery(deal === undefined ? null : () => fileCheck(api.call('deal.validate', { deal })), [api, deal]);
  return check.data ?? CHECKING;
}
