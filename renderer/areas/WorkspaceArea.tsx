import { useState, type FormEvent } from 'react';
import { reportError, useApp } from '../app/context.tsx';

const WORKSPACE_FILTERS = [{ name: 'ABS workspace', extensions: ['sqlite', 'db'] }];

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** The workspace file: where it is, its schema, and opening or creating another one. */
export function WorkspaceArea() {
  const { api, version, workspace, workspaceError } = useApp();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const desktop = api.transport.desktop;
  // Over the browser transport the service opens workspaces only in this folder (app.version says which).
  const folder = version?.workspacesFolder ?? null;

  async function open(target: string, create: boolean): Promise<void> {
    setBusy(true);
    try {
      await api.call('workspace.open', { path: target, create });
      setPath('');
    } catch (error) {
      reportError('Cannot open workspace', error);
    } finally {
      setBusy(false);
    }
  }

  async function choose(create: boolean): Promise<void> {
    if (!desktop) return;
    const target = create
      ? await desktop.chooseSaveFile({ title: 'New workspace', defaultName: 'workspace.sqlite', filters: WORKSPACE_FILTERS })
      : await desktop.chooseOpenFile({ title: 'Open workspace', filters: WORKSPACE_FILTERS });
    if (target) await open(target, create);
  }

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (path.trim()) void open(path.trim(), true);
  }

  return (
    <section className="area">
      <header className="area-header">
        <h1>Workspace</h1>
        <p className="muted">One SQLite file holds a deal team's tapes, assumptions, deals and runs.</p>
      </header>
      {workspace ? (
        <dl className="facts" data-testid="workspace-facts">
          <dt>File</dt>
          <dd className="mono">{workspace.path}</dd>
          <dt>Schema</dt>
          <dd>
            version {workspace.schemaVersion} (this app reads up to {workspace.latestSchemaVersion})
          </dd>
          <dt>Created</dt>
          <dd>{workspace.createdAt ? new Date(workspace.createdAt).toLocaleString() : 'unknown'}</dd>
          <dt>Size</dt>
          <dd>{formatBytes(workspace.sizeBytes)}</dd>
          <dt>Journal</dt>
          <dd>{workspace.journalMode.toUpperCase()}</dd>
          {workspace.backupPath ? (
            <>
              <dt>Backup before upgrade</dt>
              <dd className="mono">{workspace.backupPath}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p className="error-text">{workspaceError ?? 'No workspace is open.'}</p>
      )}
      <h2>Open another workspace</h2>
      {desktop ? (
        <div className="button-row">
          <button type="button" disabled={busy} onClick={() => void choose(false)}>
            Open workspace…
          </button>
          <button type="button" disabled={busy} onClick={() => void choose(true)}>
            New workspace…
          </button>
        </div>
      ) : (
        <form className="inline-form" onSubmit={submit}>
          {folder ? (
            <p className="muted" data-testid="workspaces-folder">
              Workspaces are kept in <span className="mono">{folder}</span>: in the browser a workspace opens, or is created, only there.
            </p>
          ) : null}
          <label htmlFor="workspace-path">{folder ? 'File name in that folder (opened, or created if it does not exist)' : 'Path on this computer (opened, or created if it does not exist)'}</label>
          <div className="button-row">
            <input
              id="workspace-path"
              className="mono"
              value={path}
              placeholder={folder ? '2026-cash-loan.sqlite' : '/home/analyst/deals/2026-cash-loan.sqlite'}
              onChange={(event) => setPath(event.target.value)}
              spellCheck={false}
            />
            <button type="submit" disabled={busy || path.trim() === ''}>
              Open
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
