import { useActivity, useApp } from '../app/context.tsx';
import { useT } from '../app/i18n.tsx';

/** Bottom bar: what the app is doing now (calls in flight) and which build and transport it is. */
export function StatusBar() {
  const { api, version, workspace } = useApp();
  const activity = useActivity(api);
  const t = useT();
  return (
    <footer className="status-bar">
      <span className="activity" data-testid="activity" aria-live="polite">
        {activity.length > 0 ? (
          <>
            <span className="spinner" aria-hidden="true" /> {t('status.working', { calls: activity.map((a) => a.label).join(', ') })}
          </>
        ) : (
          t('status.ready')
        )}
      </span>
      <span className="status-spacer" />
      {workspace ? <span>{t('status.schema', { version: workspace.schemaVersion })}</span> : null}
      {version ? (
        <>
          <span>SQLite {version.sqlite}</span>
          <span>{version.electron ? `Electron ${version.electron}` : `Node ${version.node}`}</span>
          <span>{api.transport.kind === 'electron' ? t('status.desktop') : t('status.browser')}</span>
        </>
      ) : null}
    </footer>
  );
}
