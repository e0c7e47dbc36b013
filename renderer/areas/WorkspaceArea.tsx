import { useState, type FormEvent } from 'react';
import { useApp } from '../app/context.tsx';
import { formatBytes, formatDateTime } from '../app/format.ts';
import { useT } from '../app/i18n.tsx';
import { chooseWorkspace, mayLeaveWorkspace, openWorkspaceAt } from '../app/workspace-open.ts';

/** The workspace file: where it is, its schema, and opening or creating another one. */
export function WorkspaceArea() {
  const t = useT();
  const { api, version, workspace, workspaceError } = useApp();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const desktop = api.transport.desktop;
  // Over the browser transport the service opens workspaces only in this folder (app.version says which).
  const folder = version?.workspacesFolder ?? null;

  // Edits of a set saved here go with this workspace (app/workspace-scope.ts): each way out asks
  // before they do (app/workspace-open.ts), as the desktop menu's New / Open do.
  async function whileBusy(work: () => Promise<boolean>): Promise<boolean> {
    setBusy(true);
    try {
      return await work();
    } finally {
      setBusy(false);
    }
  }

  function choose(create: boolean): void {
    if (desktop) void whileBusy(() => chooseWorkspace(api, desktop, create));
  }

  async function openTyped(target: string): Promise<void> {
    if (!mayLeaveWorkspace()) return;
    if (await whileBusy(() => openWorkspaceAt(api, target, true))) setPath('');
  }

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (path.trim()) void openTyped(path.trim());
  }

  return (
    <section className="area">
      <header className="area-header">
        <h1>{t('workspace.workspace')}</h1>
        <p className="muted">{t('workspace.oneSqliteFileHolds')}</p>
      </header>
      {workspace ? (
        <dl className="facts" data-testid="workspace-facts">
          <dt>{t('workspace.file')}</dt>
          <dd className="mono">{workspace.path}</dd>
          <dt>{t('workspace.schema')}</dt>
          <dd>{t('workspace.versionThisAppReads', { schemaVersion: workspace.schemaVersion, latestSchemaVersion: workspace.latestSchemaVersion })}</dd>
          <dt>{t('workspace.created')}</dt>
          <dd>{workspace.createdAt ? formatDateTime(workspace.createdAt) : t('workspace.unknown')}</dd>
          <dt>{t('workspace.size')}</dt>
          <dd>{formatBytes(workspace.sizeBytes)}</dd>
          <dt>{t('workspace.journal')}</dt>
          <dd>{workspace.journalMode.toUpperCase()}</dd>
          {workspace.backupPath ? (
            <>
              <dt>{t('workspace.backupBeforeUpgrade')}</dt>
              <dd className="mono">{workspace.backupPath}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p className="error-text">{workspaceError ?? t('workspace.noWorkspaceIsOpen')}</p>
      )}
      <h2>{t('workspace.openAnotherWorkspace')}</h2>
      {desktop ? (
        <div className="button-row">
          <button type="button" disabled={busy} onClick={() => choose(false)}>
            {t('workspace.openWorkspace2')}
          </button>
          <button type="button" disabled={busy} onClick={() => choose(true)}>
            {t('workspace.newWorkspace2')}
          </button>
        </div>
      ) : (
        <form className="inline-form" onSubmit={submit}>
          {folder ? (
            <p className="muted" data-testid="workspaces-folder">
              {t('workspace.workspacesAreKeptIn')} <span className="mono">{folder}</span>
              {t('workspace.inTheBrowserA')}
            </p>
          ) : null}
          <label htmlFor="workspace-path">{folder ? t('workspace.fileNameInThat') : t('workspace.pathOnThisComputer')}</label>
          <div className="button-row">
            <input
              id="workspace-path"
              className="mono"
              value={path}
              placeholder={folder ? t('workspace.n2026CashLoanSqlite') : t('workspace.homeAnalystDeals2026')}
              onChange={(event) => setPath(event.target.value)}
              spellCheck={false}
            />
            <button type="submit" disabled={busy || path.trim() === ''}>
              {t('workspace.open')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
