import { useActivity, useApp } from '../app/context.tsx';
import { useSyncExternalStore } from 'react';
import { useT } from '../app/i18n.tsx';
import { jobs } from '../app/jobs.ts';
import { sayCoded } from '../app/coded.ts';

/** Bottom bar: what the app is doing now (calls in flight, jobs running by their titles) and which build and transport it is. */
export function StatusBar() {
  const { api, version, workspace } = useApp();
  const activity = useActivity(api);
  const t = useT();
  const running = [...useSyncExternalStore(jobs.subscribe, jobs.get).values()].filter((job) => job.state === 'running');
  return (
    <footer className="status-bar">
      <span className="activity" data-testid="activity" aria-live="polite">
        {activity.length > 0 ? (
          <>
            <span className="spinner" aria-hidden="true" /> {t('status.working', { calls: activity.map((a) => a.label).join(', ') })}
          </>
        ) : running.length > 0 ? null : (
          t('status.ready') // not "ready" while a job runs
        )}
      </span>
      {running.length > 0 ? (
        <span className="running-jobs" data-testid="running-jobs">
          {t('status.jobs', { jobs: running.map((job) => sayCoded(job.titleCoded)).join(' · ') })}
        </span>
      ) : null}
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
