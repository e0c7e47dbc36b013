import { useSyncExternalStore } from 'react';
import { reportError, useApp } from '../../../app/context.tsx';
import { useQuery } from '../../../app/query.ts';
import { hrefFor } from '../../../app/router.ts';
import { PackComparison } from './PackComparison.tsx';
import { PackCover } from './PackCover.tsx';
import { PackMonteCarloPage } from './PackMonteCarloPage.tsx';
import { PackPoolPage } from './PackPoolPage.tsx';
import { PackScenarioPage } from './PackScenarioPage.tsx';
import { packRunIds } from './pack-route.ts';

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/**
 * The investor review pack's print view (docs/reports.md): a cover, the tape's strats, one page per scenario, a
 * comparison page, a page per stored Monte Carlo run — no app chrome, charts drawn at a fixed size for A4 landscape. In the browser
 * the Print button prints it (or saves it as PDF); Electron prints the same page to PDF in a
 * hidden window once `data-pack-ready` is set.
 */
export function PackView() {
  const { api, workspace } = useApp();
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const runIds = packRunIds(hash);
  const pack = useQuery(workspace && runIds ? () => api.call('report.pack', { runIds }) : null, [api, workspace, hash], {
    onError: (error) => reportError('Cannot build the investor pack', error),
  });
  const data = pack.data;
  return (
    <div className="pack" data-pack-ready={data !== null && !pack.loading ? 'true' : undefined}>
      <nav className="pack-toolbar" aria-label="Investor pack">
        <a href={hrefFor('reports')}>← Reports</a>
        <button type="button" className="primary" disabled={data === null} onClick={() => window.print()}>
          Print…
        </button>
        <span className="muted small">A4 landscape: choose “Save as PDF” as the printer for a PDF.</span>
      </nav>
      {runIds === null ? (
        <p className="pack-message">The pack’s address names no runs: open it from Reports, or add ?runs=1,2 with stored run numbers.</p>
      ) : pack.error !== null ? (
        <p className="pack-message" role="alert">
          Cannot build the investor pack: {pack.error instanceof Error ? pack.error.message : 'the service did not answer'}
        </p>
      ) : data === null ? (
        <p className="pack-message muted">Loading runs {runIds.map((id) => `#${id}`).join(', ')}…</p>
      ) : (
        <>
          <PackCover pack={data} />
          {data.strats === null ? null : <PackPoolPage dealName={data.dealName} poolName={data.poolName} strats={data.strats} />}
          {data.scenarios.map((scenario, k) => (
            <PackScenarioPage key={`${scenario.runId ?? 'set'}:${k}`} dealName={data.dealName} scenario={scenario} index={k} />
          ))}
          <PackComparison pack={data} />
          {data.monteCarlo.map((mc) => (
            <PackMonteCarloPage key={mc.runId} dealName={data.dealName} mc={mc} />
          ))}
        </>
      )}
    </div>
  );
}
