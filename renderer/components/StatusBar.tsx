import { useActivity, useApp } from '../app/context.tsx';

/** Bottom bar: what the app is doing now (calls in flight) and which build and transport it is. */
export function StatusBar() {
  const { api, version, workspace } = useApp();
  const activity = useActivity(api);
  return (
    <footer className="status-bar">
      <span className="activity" data-testid="activity" aria-live="polite">
        {activity.length > 0 ? (
          <>
            <span className="spinner" aria-hidden="true" /> Working: {activity.map((a) => a.label).join(', ')}
          </>
        ) : (
          'Ready'
        )}
      </span>
      <span className="status-spacer" />
      {workspace ? <span>Schema v{workspace.schemaVersion}</span> : null}
      {version ? (
        <>
          <span>SQLite {version.sqlite}</span>
          <span>{version.electron ? `Electron ${version.electron}` : `Node ${version.node}`}</span>
          <span>{api.transport.kind === 'electron' ? 'Desktop' : 'Browser (local HTTP)'}</span>
        </>
      ) : null}
    </footer>
  );
}
