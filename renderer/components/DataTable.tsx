import { useMemo, useState, type ReactNode } from 'react';
import { Pager } from './Pager.tsx';

export interface Column<Row> {
  readonly key: string;
  readonly header: string;
  readonly render: (row: Row) => ReactNode;
  /** Sort value; a column without one is not sortable. */
  readonly sortValue?: (row: Row) => number | string | null;
  readonly align?: 'left' | 'right';
  /** What the column holds and how it is computed, shown on hover. */
  readonly title?: string;
}

/**
 * A table with click-to-sort headers (ascending, descending, original order), an optional footer
 * row, and optional pages (sorting orders every row, then the page shows its slice).
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  footer,
  testId,
  caption,
  pageSize,
}: {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  footer?: Row;
  testId?: string;
  caption?: string;
  /** Rows per page; all rows on one page when absent. */
  pageSize?: number;
}) {
  const [offset, setOffset] = useState(0);
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 } | null>(null);
  const sorted = useMemo(() => {
    const column = sort ? columns.find((c) => c.key === sort.key) : undefined;
    if (!sort || !column?.sortValue) return rows;
    const value = column.sortValue;
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * sort.dir;
    });
  }, [rows, sort, columns]);

  const start = pageSize && offset < rows.length ? offset : 0;
  const shown = pageSize ? sorted.slice(start, start + pageSize) : sorted;

  function toggle(key: string): void {
    setOffset(0);
    setSort((current) => (current?.key !== key ? { key, dir: 1 } : current.dir === 1 ? { key, dir: -1 } : null));
  }

  const table = (
    <table className="data-table" data-testid={testId}>
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} title={c.title} className={c.align === 'right' ? 'num' : undefined} aria-sort={sort?.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : undefined}>
              {c.sortValue ? (
                <button type="button" className="sort-button" onClick={() => toggle(c.key)}>
                  {c.header}
                  <span aria-hidden="true">{sort?.key === c.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
                </button>
              ) : (
                c.header
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {shown.map((row, i) => (
          <tr key={rowKey(row, start + i)}>
            {columns.map((c) => (
              <td key={c.key} className={c.align === 'right' ? 'num' : undefined}>
                {c.render(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {footer ? (
        <tfoot>
          <tr>
            {columns.map((c) => (
              <td key={c.key} className={c.align === 'right' ? 'num' : undefined}>
                {c.render(footer)}
              </td>
            ))}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
  if (!pageSize || rows.length <= pageSize) return table;
  return (
    <>
      {table}
      <Pager offset={start} pageSize={pageSize} total={rows.length} onOffset={setOffset} />
    </>
  );
}
