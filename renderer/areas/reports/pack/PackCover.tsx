import type { InvestorPack } from '../../../../service/api/contract.ts';
import { formatDateTime } from '../../../app/format.ts';
import { formatMoney } from '../../deal/model.ts';
import { scenarioTitle } from './pack-model.ts';

/** Page 1: what the pack presents and how to reproduce it — deal, pool, dates, scenarios with their runs' input hashes, engine. */
export function PackCover({ pack }: { pack: InvestorPack }) {
  return (
    <section className="pack-page pack-cover" data-testid="pack-cover">
      <p className="pack-kicker">Investor review pack</p>
      <h1>{pack.dealName}</h1>
      <dl className="pack-facts">
        <dt>Pool</dt>
        <dd>
          {pack.poolName || 'the deal file’s own pool'} · cutoff balance {formatMoney(pack.poolBalance)} (deal currency)
        </dd>
        <dt>Cutoff date</dt>
        <dd>{pack.cutoffDate}</dd>
        <dt>Closing date</dt>
        <dd>{pack.closingDate}</dd>
        <dt>Legal final maturity</dt>
        <dd>{pack.legalFinalMaturity}</dd>
        <dt>Scenarios</dt>
        <dd>{pack.scenarios.length}</dd>
        <dt>Engine</dt>
        <dd>
          version {pack.engine.version} · sources SHA-256 <span className="mono">{pack.engine.sourcesSha256}</span>
        </dd>
        <dt>Generated</dt>
        <dd>
          {formatDateTime(pack.generatedAt)} (local time; {pack.generatedAt} UTC)
        </dd>
      </dl>
      <table className="pack-table" data-testid="pack-runs">
        <thead>
          <tr>
            <th>Scenario</th>
            <th>Stored run</th>
            <th>Input hash (SHA-256 of the run’s inputs and engine)</th>
            <th>Breakevens</th>
          </tr>
        </thead>
        <tbody>
          {pack.scenarios.map((s, k) => (
            <tr key={`${s.runId ?? 'set'}:${k}`}>
              <td>{scenarioTitle(s)}</td>
              <td>{s.runId === null ? 'not stored' : `#${s.runId}`}</td>
              <td className="mono">{s.inputHash ?? '—'}</td>
              <td>{s.breakevens === null ? 'not run' : 'included'}</td>
            </tr>
          ))}
          {pack.monteCarlo.map((mc) => (
            <tr key={`mc:${mc.runId}`}>
              <td>Monte Carlo: {mc.name}</td>
              <td>#{mc.runId}</td>
              <td className="mono">{mc.inputHash}</td>
              <td>—</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Every figure in this pack is read from the stored runs above (report.pack), the same figures as the Excel tranche report of these runs. Money is in the deal currency, rates are per annum
        unless stated, dates are payment dates.
      </p>
    </section>
  );
}
