import { useLayoutEffect, useSyncExternalStore } from 'react';
import { reportError, useApp } from '../../../app/context.tsx';
import { translate, useLanguage, useT } from '../../../app/i18n.tsx';
import { showLanguageFor } from '../../../app/language.ts';
import { useQuery } from '../../../app/query.ts';
import { hrefFor } from '../../../app/router.ts';
import { PackComparison } from './PackComparison.tsx';
import { PackCover } from './PackCover.tsx';
import { PackGridPage } from './PackGridPage.tsx';
import { PackMonteCarloPage } from './PackMonteCarloPage.tsx';
import { PackPoolPage } from './PackPoolPage.tsx';
import { PackScenarioPage } from './PackScenarioPage.tsx';
import { showPageFooter } from './page-footer.ts';
import { packLanguage, packRunIds } from './pack-route.ts';

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/**
 * The investor review pack's print view (docs/reports.md): a cover, the tape's strats, one page per scenario, a
 * comparison page, a page per stored Monte Carlo run — no app chrome, charts drawn at a fixed size for A4 landscape. In the browser
 * the Print button prints it (or saves it as PDF); Electron prints the same page to PDF in a
 * hidden window once `data-pack-ready` is set. The address's `lang` writes it in English or
 * Chinese (the UI's language without one): every page, chart legend and axis in that language.
 */
export function PackView() {
  const t = useT();
  const { api, workspace } = useApp();
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const shown = useLanguage();
  const language = packLanguage(hash) ?? shown;
  // The pages' shared parts (charts, tranche columns, the comparison's figures) read the shown language: show the pack's while it is open.
  // Chinese may still be loading (its own chunk): the pages wait for `shown === language` below.
  useLayoutEffect(() => showLanguageFor(language, (error) => reportError(translate('app.languageNotLoaded'), error)), [language]);
  // The printed pages' footer in the pack's language (page-footer.ts); styles.css sets its look.
  const footer = t('pack.pageOf');
  useLayoutEffect(() => showPageFooter(footer), [footer]);
  const runIds = packRunIds(hash);
  const pack = useQuery(workspace && runIds ? () => api.call('report.pack', { runIds, language }) : null, [api, workspace, hash, language], {
    onError: (error) => reportError(translate('pack.cannotBuild'), error),
  });
  const data = pack.data;
  const ready = data !== null && !pack.loading && shown === language;
  return (
    <div className="pack" lang={language} data-pack-ready={ready ? 'true' : undefined}>
      <nav className="pack-toolbar" aria-label={t('pack.investorPack')}>
        <a href={hrefFor('reports')}>{t('pack.backToReports')}</a>
        <button type="button" className="primary" disabled={data === null} onClick={() => window.print()}>
          {t('pack.print')}
        </button>
        <span className="muted small">{t('pack.printHint')}</span>
      </nav>
      {runIds === null ? (
        <p className="pack-message">{t('pack.noRuns')}</p>
      ) : pack.error !== null ? (
        <p className="pack-message" role="alert">
          {t('pack.cannotBuildBecause', { message: pack.error instanceof Error ? pack.error.message : t('pack.noAnswer') })}
        </p>
      ) : data === null || shown !== language ? (
        <p className="pack-message muted">{t('pack.loadingRuns', { runs: runIds.map((id) => `#${id}`).join(', ') })}</p>
      ) : (
        <>
          <PackCover pack={data} />
          {data.strats === null ? null : <PackPoolPage dealName={data.dealName} poolName={data.poolName} strats={data.strats} currency={data.currency} />}
          {data.scenarios.map((scenario, k) => (
            <PackScenarioPage key={`${scenario.runId ?? 'set'}:${k}`} dealName={data.dealName} scenario={scenario} index={k} currency={data.currency} />
          ))}
          <PackComparison pack={data} />
          {data.grids.map((grid) => (
            <PackGridPage key={grid.runId} dealName={data.dealName} grid={grid} />
          ))}
          {data.monteCarlo.map((mc) => (
            <PackMonteCarloPage key={mc.runId} dealName={data.dealName} mc={mc} currency={data.currency} />
          ))}
        </>
      )}
    </div>
  );
}
