import type { FileIssue } from '../../../app/issues.ts';
import { kindOfPath, plainMessage } from './messages.ts';
import { useT } from '../../../app/i18n.tsx';

/** Puts the keyboard in the field a problem is about (its input carries the problem's JSON path). */
function focusField(path: string): void {
  const field = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
  const input = field?.matches('input, select') ? field : field?.querySelector<HTMLElement>('input, select');
  input?.scrollIntoView({ block: 'center' });
  input?.focus();
}

/** The deal's problems above the editor, in plain words; each opens its field. Run stays off until there are none. */
export function EditorIssues({ issues }: { issues: readonly FileIssue[] }) {
  const t = useT();
  return (
    <div className="result-box bad" role="alert" data-testid="deal-issues">
      <strong>
        {t('deal.editor.theDealHas')} {issues.length === 1 ? t('deal.editor.n1Problem') : t('deal.editor.problems', { length: issues.length })}
        {t('deal.editor.runStaysOffUntil')} {issues.length === 1 ? t('deal.editor.itIs') : t('deal.editor.theyAre')} {t('deal.editor.fixedInTheEditor')}
      </strong>
      <ul className="problem-list">
        {issues.map((issue) => (
          <li key={`${issue.path} ${issue.message}`}>
            <button type="button" className="link-button" onClick={() => focusField(issue.path)}>
              {plainMessage(issue, kindOfPath(issue.path))}
            </button>{' '}
            <span className="issue-path">{issue.path}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Beside Run: why it is off. */
export function RunBlocked({ problems }: { problems: number }) {
  const t = useT();
  return (
    <p className="error-text small run-panel-note" data-testid="run-blocked">
      {t('deal.editor.runIsOffThe')} {problems === 1 ? t('deal.editor.aProblem') : t('deal.editor.problems2', { problems })}
      {t('deal.editor.shownBelowAndAt')} {problems === 1 ? t('deal.editor.itsField') : t('deal.editor.theirFields')} {t('deal.editor.inTheStructureEditor')}
    </p>
  );
}
