import { useState } from 'react';
import type { CallCase, DealTablesResult } from '../../../service/api/contract.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { useT } from '../../app/i18n.tsx';

type ClassTable = DealTablesResult['cases'][number]['tables'][number];

/** One class's decrement table as a prospectus prints it: dates down, speeds across, then WAL, window and expected final. */
function ClassGrid({ table, result, caseLabel }: { table: ClassTable; result: DealTablesResult; caseLabel: string }) {
  const t = useT();
  const note = result.notes.find((n) => n.id === table.noteId);
  const label = `${note?.name ?? table.noteId} — ${caseLabel}`;
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="data-table prospectus-table" data-testid={`prospectus-table-${table.noteId}-${caseLabel.replaceAll(' ', '-')}`}>
        <caption>{t('deal.percentOfInitialNote', { label })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('deal.paymentDate')}</th>
            {result.speeds.map((speed) => (
              <th key={speed} scope="col" className="num">
                {speed}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.dates.map((date, i) => (
            <tr key={date}>
              <th scope="row">{i === 0 ? t('deal.closing', { date }) : date}</th>
              {(table.cells[i] ?? []).map((cell, k) => (
                <td key={k} className="num">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
          <tr className="total-row">
            <th scope="row">{t('deal.walYearsFromClosing', { walBasis: result.walBasis })}</th>
            {table.columns.map((c) => (
              <td key={c.label} className="num">
                {c.walPrinted}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('deal.principalWindow')}</th>
            {table.columns.map((c) => (
              <td key={c.label} className="num">
                {c.principalWindow ? `${c.principalWindow.first.slice(0, 7)} – ${c.principalWindow.last.slice(0, 7)}` : '—'}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('deal.expectedFinalPayment')}</th>
            {table.columns.map((c) => (
              <td key={c.label} className="num">
                {c.expectedFinalPaymentDate ?? '—'}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/**
 * Prospectus tables (service deal.tables): for the chosen speeds (vector notation, e.g. "0,0.5,1,1.3
 * ABS"), to call and to maturity, each class's decrement table, WAL, principal window and expected
 * final payment date, computed on the deal file's own pool and scenario.
 */
export function ProspectusTablesView({ deal }: { deal: unknown }) {
  const t = useT();
  const { api } = useApp();
  const [speeds, setSpeeds] = useState('0,0.5,1,1.3,1.5,1.8 ABS');
  const [call, setCall] = useState<CallCase>('both');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DealTablesResult | null>(null);

  async function compute(): Promise<void> {
    setBusy(true);
    try {
      setResult(await api.call('deal.tables', { deal, speeds, call }));
    } catch (error) {
      reportError(t('deal.cannotComputeTheProspectus'), error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="prospectus-tables" aria-labelledby="prospectus-tables-heading" data-testid="prospectus-tables">
      <h2 id="prospectus-tables-heading">{t('deal.prospectusTables')}</h2>
      <p className="muted small">
        {t('deal.percentOfEachClass')} <code>{t('deal.docsProspectusTablesMd')}</code>.
      </p>
      <div className="button-row">
        <label>
          {t('deal.speeds')} <input type="text" value={speeds} onChange={(e) => setSpeeds(e.target.value)} aria-label={t('deal.speedsVectorNotation')} size={32} />
        </label>
        <label>
          {t('deal.call')}{' '}
          <select value={call} onChange={(e) => setCall(e.target.value as CallCase)} aria-label={t('deal.callCase')}>
            <option value="both">{t('deal.toCallAndTo')}</option>
            <option value="call">{t('deal.toCall')}</option>
            <option value="noCall">{t('deal.toMaturity')}</option>
          </select>
        </label>
        <button type="button" onClick={() => void compute()} disabled={busy || speeds.trim() === ''}>
          {t('deal.computeTables')}
        </button>
      </div>
      {result
        ? result.cases.map(({ callCase, tables }) =>
            tables.map((table) => <ClassGrid key={`${callCase}-${table.noteId}`} table={table} result={result} caseLabel={callCase === 'toCall' ? 'to call' : 'to maturity'} />),
          )
        : null}
    </section>
  );
}
