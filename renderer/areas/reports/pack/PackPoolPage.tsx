import type { StratRow, StratTable } from '../../../../service/api/contract.ts';
import { formatCount, formatPct } from '../../../app/format.ts';
import { formatMoney } from '../../deal/model.ts';

const months = (x: number | null): string => (x === null ? '—' : x.toFixed(1));

/** A bucket's (or the total's) line of a strat table. */
function row(r: StratRow | StratTable['total'], key: string) {
  return (
    <tr key={key} className={key === 'total' ? 'pack-total' : undefined}>
      <td>{r.label}</td>
      <td className="num">{formatCount(r.count)}</td>
      <td className="num">{formatMoney(r.balance)}</td>
      <td className="num">{formatPct(r.share, 1)}</td>
      <td className="num">{formatPct(r.wac)}</td>
      <td className="num">{months(r.wam)}</td>
      <td className="num">{months(r.wala)}</td>
    </tr>
  );
}

/** One stratification, compact for paper: bucket, loans, balance and its share, WAC, WAM and WALA, with the total. */
function PackStrat({ table }: { table: StratTable }) {
  return (
    <table className="pack-table pack-strat" data-testid="pack-strat">
      <caption>{table.label}</caption>
      <thead>
        <tr>
          <th>Bucket</th>
          <th className="num">Loans</th>
          <th className="num">Current balance</th>
          <th className="num">Balance %</th>
          <th className="num">WAC (annual)</th>
          <th className="num">WAM (mo)</th>
          <th className="num">WALA (mo)</th>
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => row(r, r.key))}
        {row(table.total, 'total')}
      </tbody>
    </table>
  );
}

/** The pool's page(s): the tape's stratification by every dimension (the Pool screen's figures, default buckets), three tables across. */
export function PackPoolPage({ dealName, poolName, strats }: { dealName: string; poolName: string; strats: readonly StratTable[] }) {
  return (
    <section className="pack-page" data-testid="pack-pool" aria-label="Pool stratification">
      <header className="pack-page-header">
        <span>{dealName}</span>
        <span>Pool: {poolName}</span>
      </header>
      <h2>The pool at cutoff: stratifications</h2>
      <p className="muted small">Balances are current principal at cutoff (deal currency); WAC, WAM and WALA are balance-weighted; default buckets of the Pool screen.</p>
      <div className="pack-strats">
        {strats.map((table) => (
          <PackStrat key={table.dimension} table={table} />
        ))}
      </div>
    </section>
  );
}
