import { AREAS, hrefFor, useRoute, useSubRoute, type AreaId } from './router.ts';
import { useApp } from './context.tsx';
import { useT } from './i18n.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Notifications } from '../components/Notifications.tsx';
import { StatusBar } from '../components/StatusBar.tsx';
import { lazy, Suspense } from 'react';

// Each area is its own chunk, loaded when first opened: the first screen (Tapes) does not load the
// charts (recharts) and editors of the others — less than half of the app's JavaScript (test/e2e/bundle-split.test.ts).
const WorkspaceArea = lazy(async () => ({ default: (await import('../areas/WorkspaceArea.tsx')).WorkspaceArea }));
const TapesArea = lazy(async () => ({ default: (await import('../areas/tapes/TapesArea.tsx')).TapesArea }));
const PoolArea = lazy(async () => ({ default: (await import('../areas/pool/PoolArea.tsx')).PoolArea }));
const AssumptionsArea = lazy(async () => ({ default: (await import('../areas/assumptions/AssumptionsArea.tsx')).AssumptionsArea }));
const ResultsArea = lazy(async () => ({ default: (await import('../areas/results/ResultsArea.tsx')).ResultsArea }));
const DealArea = lazy(async () => ({ default: (await import('../areas/deal/DealArea.tsx')).DealArea }));
const RunsArea = lazy(async () => ({ default: (await import('../areas/runs/RunsArea.tsx')).RunsArea }));
const CompareArea = lazy(async () => ({ default: (await import('../areas/compare/CompareArea.tsx')).CompareArea }));
const ReportsArea = lazy(async () => ({ default: (await import('../areas/reports/ReportsArea.tsx')).ReportsArea }));
import { PACK_SUB_ROUTE } from '../areas/reports/pack/pack-route.ts';
const PackView = lazy(async () => ({ default: (await import('../areas/reports/pack/PackView.tsx')).PackView }));

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
  const sub = useSubRoute();
  const { version, workspace, workspaceError, workspaceOpenings } = useApp();
  const t = useT();
  // The investor pack is a document to print: its pages alone, without the app's frame.
  if (route === 'reports' && sub === PACK_SUB_ROUTE)
    return (
      <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
        <PackView />
      </Suspense>
    );
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
        <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
          {/* A screen's own state (ticked runs, an opened run, a rename under way) was the old workspace's: another one draws it anew. */}
          <Area key={workspaceOpenings} id={route} />
        </Suspense>
      </main>
      <StatusBar />
      <Notifications />
    </div>
  );
}
