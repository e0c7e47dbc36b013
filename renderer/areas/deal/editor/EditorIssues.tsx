import type { FileIssue } from '../../../app/issues.ts';
import { kindOfPath, plainMessage } from './messages.ts';

/** Puts the keyboard in the field a problem is about (its input carries the problem's JSON path). */
function focusField(path: string): void {
  const field = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
  const input = field?.matches('input, select') ? field : field?.querySelector<HTMLElement>('input, select');
  input?.scrollIntoView({ block: 'center' });
  input?.focus();
}

/** The deal's problems above the editor, in plain words; each opens its field. Run stays off until there are none. */
export function EditorIssues({ issues }: { issues: readonly FileIssue[] }) {
  return (
    <div className="result-box bad" role="alert" data-testid="deal-issues">
      <strong>
        The deal has {issues.length === 1 ? '1 problem' : `${issues.length} problems`}: Run stays off until {issues.length === 1 ? 'it is' : 'they are'} fixed in the editor below.
      </strong>
      <ul className="problem-list">
        {issues.map((issue) => (
          <li key={`${issue.path} ${issue.message}`}>
            <button type="button" className="link-button" onClick={() => focusField(issue.path)}>
              {plainMessage(issue.message, kindOfPath(issue.path))}
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
  return (
    <p className="error-text small run-panel-note" data-testid="run-blocked">
      Run is off: the deal has {problems === 1 ? 'a problem' : `${problems} problems`}, shown below and at {problems === 1 ? 'its field' : 'their fields'} in the structure editor.
    </p>
  );
}
