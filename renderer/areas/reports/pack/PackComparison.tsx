import { useMemo } from 'react';
import type { InvestorPack } from '../../../../service/api/contract.ts';
import { compareRows, oneCurrency } from '../../compare/table.ts';
import { packAsSet, scenarioTitle } from './pack-model.ts';
import { useT } from '../../../app/i18n.tsx';

/** The last page: every scenario side by side — the Compare screen's table of the same figures. */
export function PackComparison({ pack }: { pack: InvestorPack }) {
  const t = useT();
  const rows = useMemo(() => {
    const set = packAsSet(pack);
    // One deal (report.pack refuses runs of different deals): every column in its currency.
    return compareRows(set, t, oneCurrency(set, pack.currency));
  }, [pack, t]);
  return (
    <section className="pack-page" data-testid="pack-comparison" aria-label={t('pack.comparison')}>
      <header className="pack-page-header">
        <span>{pack.dealName}</span>
        <span>{t('pack.comparison')}</span>
      </header>
      <h2>{t('compare.scenariosSideBySide')}</h2>
      <table className="pack-table pack-comparison">
        <thead>
          <tr>
            <th>{t('compare.note')}</th>
            <th>{t('pack.figure')}</th>
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
