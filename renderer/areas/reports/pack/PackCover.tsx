import type { InvestorPack } from '../../../../service/api/contract.ts';
import { formatDateTime } from '../../../app/format.ts';
import { formatMoney } from '../../deal/model.ts';
import { scenarioTitle } from './pack-model.ts';
import { translate, useT } from '../../../app/i18n.tsx';
import { runName } from '../../../app/run-name.ts';

/**
 * A grid's or a Monte Carlo's row name: a name the run store generated already says what kind of
 * run it is ("Grid defaultMult × …", "Monte Carlo 1000 paths …"), so it stands alone; a name the
 * analyst typed gets the kind in front ("Sensitivity grid: my stress").
 */
function kindNamed(run: InvestorPack['grids'][number] | InvestorPack['monteCarlo'][number], kind: 'pack.gridName' | 'pack.monteCarloName'): string {
  return run.nameCoded ? runName(run) : translate(kind, { name: runName(run) });
}

/** Page 1: what the pack presents and how to reproduce it — deal, pool, dates, the stored runs of every page (scenarios, sensitivity grids, Monte Carlo) with their input hashes, engine. */
export function PackCover({ pack }: { pack: InvestorPack }) {
  const t = useT();
  return (
    <section className="pack-page pack-cover" data-testid="pack-cover">
      <p className="pack-kicker">{t('pack.kicker')}</p>
      <h1>{pack.dealName}</h1>
      <dl className="pack-facts">
        <dt>{t('pack.pool')}</dt>
        <dd>{t('pack.poolLine', { pool: pack.poolName || t('pack.dealFilePool'), balance: formatMoney(pack.poolBalance, pack.currency) })}</dd>
        <dt>{t('pack.cutoffDate')}</dt>
        <dd>{pack.cutoffDate}</dd>
        <dt>{t('pack.closingDate')}</dt>
        <dd>{pack.closingDate}</dd>
        <dt>{t('pack.legalFinalMaturity')}</dt>
        <dd>{pack.legalFinalMaturity}</dd>
        <dt>{t('pack.scenarios')}</dt>
        <dd>{pack.scenarios.length}</dd>
        <dt>{t('pack.engine')}</dt>
        <dd>
          {t('pack.engineVersion', { version: pack.engine.version })} <span className="mono">{pack.engine.sourcesSha256}</span>
        </dd>
        <dt>{t('pack.generated')}</dt>
        <dd>{t('pack.generatedAt', { local: formatDateTime(pack.generatedAt), utc: pack.generatedAt })}</dd>
      </dl>
      <table className="pack-table" data-testid="pack-runs">
        <thead>
          <tr>
            <th>{t('pack.scenario')}</th>
            <th>{t('pack.storedRun')}</th>
            <th>{t('pack.inputHash')}</th>
            <th>{t('deal.breakevens')}</th>
          </tr>
        </thead>
        <tbody>
          {pack.scenarios.map((s, k) => (
            <tr key={`${s.runId ?? 'set'}:${k}`}>
              <td>{scenarioTitle(s)}</td>
              <td>{s.runId === null ? t('pack.notStored') : `#${s.runId}`}</td>
              <td className="mono">{s.inputHash ?? '—'}</td>
              <td>{s.breakevens === null ? t('pack.notRun') : t('pack.included')}</td>
            </tr>
          ))}
          {pack.grids.map((grid) => (
            <tr key={`grid:${grid.runId}`}>
              <td>{kindNamed(grid, 'pack.gridName')}</td>
              <td>#{grid.runId}</td>
              <td className="mono">{grid.inputHash}</td>
              <td>—</td>
            </tr>
          ))}
          {pack.monteCarlo.map((mc) => (
            <tr key={`mc:${mc.runId}`}>
              <td>{kindNamed(mc, 'pack.monteCarloName')}</td>
              <td>#{mc.runId}</td>
              <td className="mono">{mc.inputHash}</td>
              <td>—</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('pack.coverNote')}</p>
    </section>
  );
}
