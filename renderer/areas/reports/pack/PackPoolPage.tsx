import type { StratRow, StratTable } from '../../../../service/api/contract.ts';
import { formatCount, formatPct } from '../../../app/format.ts';
import { formatMoney, type DealCurrency } from '../../deal/model.ts';
import { useT, type Translate } from '../../../app/i18n.tsx';
import { dimensionLabel } from '../../pool/dimension-label.ts';

const months = (x: number | null): string => (x === null ? '—' : x.toFixed(1));

/** A bucket's (or the total's) line of a strat table. */
function row(t: Translate, r: StratRow | StratTable['total'], key: string, currency: DealCurrency) {
  return (
    <tr key={key} className={key === 'total' ? 'pack-total' : undefined}>
      <td>{key === 'total' ? t('pool.total') : r.label}</td>
      <td className="num">{formatCount(r.count)}</td>
      <td className="num">{formatMoney(r.balance, currency)}</td>
      <td className="num">{formatPct(r.share, 1)}</td>
      <td className="num">{formatPct(r.wac)}</td>
      <td className="num">{months(r.wam)}</td>
      <td className="num">{months(r.wala)}</td>
    </tr>
  );
}

/** One stratification, compact for paper: bucket, loans, balance and its share, WAC, WAM and WALA, with the total. */
function PackStrat({ table, currency }: { table: StratTable; currency: DealCurrency }) {
  const t = useT();
  return (
    <table className="pack-table pack-strat" data-testid="pack-strat">
      <caption>{dimensionLabel(t, table.dimension, table.label)}</caption>
      <thead>
        <tr>
          <th>{t('pool.bucket')}</th>
          <th className="num">{t('pool.loans')}</th>
          <th className="num">{t('pool.currentBalance')}</th>
          <th className="num">{t('pool.balance')}</th>
          <th className="num">{t('pool.wacAnnual')}</th>
          <th className="num">{t('pack.wamMo')}</th>
          <th className="num">{t('pack.walaMo')}</th>
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => row(t, r, r.key, currency))}
        {row(t, table.total, 'total', currency)}
      </tbody>
    </table>
  );
}

/** The pool's page(s): the tape's stratification by every dimension (the Pool screen's figures, default buckets), three tables across; balances in the deal's currency, the pool's. */
export function PackPoolPage({ dealName, poolName, strats, currency }: { dealName: string; poolName: string; strats: readonly StratTable[]; currency: DealCurrency }) {
  const t = useT();
  return (
    <section className="pack-page" data-testid="pack-pool" aria-label={t('pack.poolStratification')}>
      <header className="pack-page-header">
        <span>{dealName}</span>
        <span>{t('pack.poolHeader', { name: poolName })}</span>
      </header>
      <h2>{t('pack.poolAtCutoff')}</h2>
      <p className="muted small">{t('pack.poolNote')}</p>
      <div className="pack-strats">
        {strats.map((table) => (
          <PackStrat key={table.dimension} table={table} currency={currency} />
        ))}
      </div>
    </section>
  );
}
