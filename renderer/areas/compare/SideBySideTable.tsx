import type { ScenarioSetRunResult } from '../../../service/api/contract.ts';
import { differenceFromBase } from './differences.ts';
import type { CompareRow } from './table.ts';
import { useT } from '../../app/i18n.tsx';

/**
 * The figures side by side, one column per scenario or stored run; a cell that differs from the
 * first column's (the base) is shaded and says by how much (its title, and the table's note).
 */
export function SideBySideTable({ run, rows, label, testId = 'compare-table' }: { run: ScenarioSetRunResult; rows: readonly CompareRow[]; label: string; testId?: string }) {
  const t = useT();
  const base = run.scenarios[0]?.name ?? '';
  return (
    <>
      <p className="muted small compare-diff-note">
        <span className="diff-swatch" aria-hidden="true" /> {t('sideBySide.shaded')} <strong>{base}</strong> {t('sideBySide.hover')}
      </p>
      <div className="table-scroll compare-scroll" role="region" aria-label={label} tabIndex={0}>
        <table className="data-table compare-table" data-testid={testId}>
          <thead>
            <tr>
              <th>{t('compare.note')}</th>
              <th>{t('compare.figureUnitConvention')}</th>
              {run.scenarios.map((s) => (
                <th key={s.name} className="num" title={s.description ?? undefined}>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const first = row.subject !== rows[i - 1]?.subject;
              return (
                <tr key={row.key} className={first ? 'group-start' : undefined} data-key={row.key}>
                  <td>{first ? row.subject : ''}</td>
                  <td className="compare-figure">{row.figure}</td>
                  {row.cells.map((cell, k) => {
                    const difference = differenceFromBase(row, k);
                    return (
                      <td
                        key={run.scenarios[k]?.name ?? k}
                        className={difference === null ? 'num' : 'num differs'}
                        title={difference === null ? undefined : t('sideBySide.differs', { base, difference })}
                        data-difference={difference ?? undefined}
                      >
                        {cell.text}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
