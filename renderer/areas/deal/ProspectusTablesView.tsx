import { useState } from 'react';
import type { CallCase, DealTablesResult } from '../../../service/api/contract.ts';
import { reportError, useApp } from '../../app/context.tsx';

type ClassTable = DealTablesResult['cases'][number]['tables'][number];

/** One class's decrement table as a prospectus prints it: dates down, speeds across, then WAL, window and expected final. */
function ClassGrid({ table, result, caseLabel }: { table: ClassTable; result: DealTablesResult; caseLabel: string }) {
  const note = result.notes.find((n) => n.id === table.noteId);
  const label = `${note?.name ?? table.noteId} — ${caseLabel}`;
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="data-table prospectus-table" data-testid={`prospectus-table-${table.noteId}-${caseLabel.replaceAll(' ', '-')}`}>
        <caption>{label}: percent of initial note principal outstanding</caption>
        <thead>
          <tr>
            <th scope="col">Payment date</th>
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
              <th scope="row">{i === 0 ? `Closing ${date}` : date}</th>
              {(table.cells[i] ?? []).map((cell, k) => (
                <td key={k} className="num">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
          <tr className="total-row">
            <th scope="row">WAL (years, {result.walBasis} from closing)</th>
            {table.columns.map((c) => (
              <td key={c.label} className="num">
                {c.walPrinted}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Principal window</th>
            {table.columns.map((c) => (
              <td key={c.label} className="num">
                {c.principalWindow ? `${c.principalWindow.first.slice(0, 7)} – ${c.principalWindow.last.slice(0, 7)}` : '—'}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Expected final payment</th>
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
      reportError('Cannot compute the prospectus tables', error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="prospectus-tables" aria-labelledby="prospectus-tables-heading" data-testid="prospectus-tables">
      <h2 id="prospectus-tables-heading">Prospectus tables</h2>
      <p className="muted small">
        Percent of each class’s initial principal outstanding after each payment date, rounded as prospectuses print them, with the WAL, principal window and expected final payment — one run of the
        deal’s own pool and scenario per speed (replacing its prepayment curve), to call (its clean-up call exercised) and to maturity. Conventions: <code>docs/prospectus-tables.md</code>.
      </p>
      <div className="button-row">
        <label>
          Speeds <input type="text" value={speeds} onChange={(e) => setSpeeds(e.target.value)} aria-label="Speeds (vector notation)" size={32} />
        </label>
        <label>
          Call{' '}
          <select value={call} onChange={(e) => setCall(e.target.value as CallCase)} aria-label="Call case">
            <option value="both">to call and to maturity</option>
            <option value="call">to call</option>
            <option value="noCall">to maturity</option>
          </select>
        </label>
        <button type="button" onClick={() => void compute()} disabled={busy || speeds.trim() === ''}>
          Compute tables
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
