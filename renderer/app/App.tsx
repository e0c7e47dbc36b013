import { AREAS, hrefFor, useRoute, type AreaId } from './router.ts';
import { useApp } from './context.tsx';
import { LanguageSwitch, useT } from './i18n.tsx';
import { Notifications } from '../components/Notifications.tsx';
import { StatusBar } from '../components/StatusBar.tsx';
import { WorkspaceArea } from '../areas/WorkspaceArea.tsx';
import { TapesArea } from '../areas/tapes/TapesArea.tsx';
import { PoolArea } from '../areas/pool/PoolArea.tsx';
import { AssumptionsArea } from '../areas/assumptions/AssumptionsArea.tsx';
import { ResultsArea } from '../areas/results/ResultsArea.tsx';
import { DealArea } from '../areas/deal/DealArea.tsx';
import { RunsArea } from '../areas/runs/RunsArea.tsx';
import { CompareArea } from '../areas/compare/CompareArea.tsx';
import { ReportsArea } from '../areas/reports/ReportsArea.tsx';

function Area({ id }: { id: AreaId }) {
  if (id === 'workspace') return <WorkspaceArea />;
  if (id === 'tapes') return <TapesArea />;
  if (id === 'pool') return <PoolArea />;
  if (id === 'assumptions') return <AssumptionsArea />;
  if (id === 'deal') return <DealArea />;
  if (id === 'results') return <ResultsArea />;
  if (id === 'runs') return <RunsArea />;
  if (id === 'compare') return <CompareArea />;
  if (id === 'reports') return <ReportsArea />;
  // Every area of router.ts has its screen: a new area fails to compile here until it has one.
  const unbuilt: never = id;
  return unbuilt;
}

/** The frame every area plugs into: title bar with workspace and version, navigation, status bar. */
export function App() {
  const route = useRoute();
  const { version, workspace, workspaceError } = useApp();
  const t = useT();
  return (
    <div className="app">
      <header className="title-bar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ABS
          </span>
          <span className="brand-name">{t('app.productName')}</span>
          <span className="version" data-testid="app-version">
            {version ? `v${version.version}` : '…'}
          </span>
        </div>
        <a className="workspace-path" href={hrefFor('workspace')} title={t('app.workspaceTitle')}>
          <span className="label">{t('app.workspace')}</span>
          <span className="mono" data-testid="workspace-path">
            {workspace?.path ?? (workspaceError ? t('app.noWorkspace') : '…')}
          </span>
        </a>
        <LanguageSwitch />
      </header>
      <nav className="side-nav" aria-label={t('app.areas')}>
        {AREAS.map((area) => (
          <a key={area.id} href={hrefFor(area.id)} className={area.id === route ? 'active' : undefined} aria-current={area.id === route ? 'page' : undefined} title={t(`nav.${area.id}.summary`)}>
            {t(`nav.${area.id}`)}
          </a>
        ))}
      </nav>
      <main className="content">
        <Area id={route} />
      </main>
      <StatusBar />
      <Notifications />
    </div>
  );
}
