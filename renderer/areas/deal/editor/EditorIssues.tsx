import type { FileIssue } from '../../../app/issues.ts';
import { isRecord, type DealDraft, type Json } from './draft.ts';
import { pathsUp, placeOf, saidAt, whereText } from './field-labels.ts';
import { kindOfPath, plainMessage } from './messages.ts';
import { useT } from '../../../app/i18n.tsx';

/** Unfolds what hides an element (a folded section, the folded editor), then scrolls to it and puts the keyboard in it, or in its first input. */
function reveal(element: HTMLElement): void {
  for (let folded = element.closest('details:not([open])'); folded !== null; folded = folded.closest('details:not([open])')) (folded as HTMLDetailsElement).open = true;
  const input = element.matches('input, select, textarea') ? element : (element.querySelector<HTMLElement>('input, select, textarea') ?? element);
  input.scrollIntoView({ block: 'center' });
  input.focus();
}

/**
 * Opens the field a problem is about: its control (which carries the problem's JSON path), else the
 * nearest control or item above it (a key the editor has no field for: the note it is in), else its section.
 */
function openField(path: string, draft: DealDraft, section: string | null): void {
  for (const at of pathsUp(path, draft)) {
    const quoted = CSS.escape(at);
    const found = document.querySelector<HTMLElement>(`[data-testid="deal-editor"] [data-path="${quoted}"], [data-testid="deal-editor"] [data-item-path="${quoted}"]`);
    if (found) return reveal(found);
  }
  const part = section === null ? null : document.querySelector<HTMLElement>(`[data-testid="deal-editor"] [data-testid="${section}"]`);
  if (part) reveal(part);
}

/**
 * The deal's problems above the editor, each said where it is on the form ("Note Class B — Coupon rate:
 * …") and opening its field; the JSON path follows in small type. Run stays off until there are none.
 */
export function EditorIssues({ issues, deal }: { issues: readonly FileIssue[]; deal: unknown }) {
  const t = useT();
  const draft: DealDraft = isRecord(deal as Json) ? (deal as DealDraft) : {};
  return (
    <div className="result-box bad" role="alert" data-testid="deal-issues">
      <strong>
        {t('deal.editor.theDealHas')} {t('deal.editor.problems', { length: issues.length })}
        {t('deal.editor.runStaysOffUntil')} {issues.length === 1 ? t('deal.editor.itIs') : t('deal.editor.theyAre')} {t('deal.editor.fixedInTheEditor')}
      </strong>
      <ul className="problem-list">
        {issues.map((issue) => {
          const place = placeOf(issue.path, draft, t);
          const said = saidAt(whereText(place, t), plainMessage(issue, kindOfPath(issue.path)), t);
          return (
            <li key={`${issue.path} ${issue.message}`}>
              {place.section === null ? (
                <span>{said}</span>
              ) : (
                <button type="button" className="link-button" onClick={() => openField(issue.path, draft, place.section)}>
                  {said}
                </button>
              )}{' '}
              <span className="issue-path" title={t('deal.issue.pathTitle')}>
                {issue.path}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Beside Run: why it is off. */
export function RunBlocked({ problems }: { problems: number }) {
  const t = useT();
  return (
    <p className="error-text small run-panel-note" data-testid="run-blocked">
      {t('deal.editor.runIsOffThe')} {t('deal.editor.problems2', { problems })}
      {t('deal.editor.shownBelowAndAt')} {problems === 1 ? t('deal.editor.itsField') : t('deal.editor.theirFields')} {t('deal.editor.inTheStructureEditor')}
    </p>
  );
}
