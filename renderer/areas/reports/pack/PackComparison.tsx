import { useMemo } from 'react';
import type { InvestorPack } from '../../../../service/api/contract.ts';
import { compareRows } from '../../compare/table.ts';
import { packAsSet, scenarioTitle } from './pack-model.ts';

/** The last page: every scenario side by side — the Compare screen's table of the same figures. */
export function PackComparison({ pack }: { pack: InvestorPack }) {
  const rows = useMemo(() => compareRows(packAsSet(pack)), [pack]);
  return (
    <section className="pack-page" data-testid="pack-comparison" aria-label="Scenario comparison">
      <header className="pack-page-header">
        <span>{pack.dealName}</span>
        <span>Scenario comparison</span>
      </header>
      <h2>Scenarios side by side</h2>
      <table className="pack-table pack-comparison">
        <thead>
          <tr>
            <th>Note</th>
            <th>Figure</th>
            {pack.scenarios.map((s, k) => (
              <th key={`${s.runId ?? 'set'}:${k}`} className="num">
                {scenarioTitle(s)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>{row.subject}</td>
              <td>{row.figure}</td>
              {row.cells.map((cell, k) => (
                <td key={k} className="num">
                  {cell.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
