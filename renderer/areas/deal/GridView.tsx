import type { GridFrontier, GridNoteCell, GridResult, RunStoreNote } from '../../../service/api/contract.ts';
import { formatPct, formatSeconds } from '../../app/format.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { StoreNote } from '../runs/StoreNote.tsx';
import { useT } from '../../app/i18n.tsx';
import { couponInTitle } from './coupon-label.ts';

interface GridRow {
  readonly value: number;
  readonly index: number;
}

const formatYears = (x: number | null): string => (x === null ? '—' : x.toFixed(2));

const PRINCIPAL_MARK = '■';
const TIMELY_MARK = '◆';

/** One note's table of one figure: a row per row value, a column per column value, the frontier's cells marked. */
function NoteTable({ grid, n, figure }: { grid: GridResult; n: number; figure: 'loss' | 'wal' }) {
  const t = useT();
  const note = grid.notes[n];
  const frontier: GridFrontier | undefined = grid.frontier[n];
  if (note === undefined) return null;
  const rows: GridRow[] = grid.rows.values.map((value, index) => ({ value, index }));
  const shown = (cell: GridNoteCell | undefined): string => (figure === 'loss' ? formatPct(cell?.lossRate ?? null) : formatYears(cell?.walYears ?? null));
  const cellOf = (r: GridRow, j: number, c: number) => {
    const principal = frontier?.principalLoss[r.index] === c;
    const timely = frontier?.timelyInterest[r.index] === c;
    const marks = `${principal ? PRINCIPAL_MARK : ''}${timely ? TIMELY_MARK : ''}`;
    const text = shown(grid.cells[r.index]?.[j]?.notes[n]);
    if (marks === '') return text;
    const title = [principal ? t('grid.firstPrincipalLoss') : '', timely ? t('grid.firstTimelyMiss') : ''].filter(Boolean).join('; ');
    return (
      <span className="grid-frontier" title={title} data-frontier={[principal ? 'principal' : '', timely ? 'timely' : ''].filter(Boolean).join(' ')}>
        {marks} {text}
      </span>
    );
  };
  const columns: readonly Column<GridRow>[] = [
    { key: 'row', header: `${grid.rows.parameter} ↓ / ${grid.columns.parameter} →`, render: (r) => String(r.value) },
    ...grid.columns.values.map((c, j) => ({ key: `c${j}`, header: String(c), render: (r: GridRow) => cellOf(r, j, c), align: 'right' as const })),
  ];
  const what = figure === 'loss' ? t('grid.lossWhat') : t('grid.walWhat', { basis: note.walBasis });
  return (
    <div className="table-scroll" role="region" aria-label={figure === 'loss' ? t('grid.lossGrid', { name: note.name }) : t('grid.walGrid', { name: note.name })} tabIndex={0}>
      <h4>{t('grid.noteTitle', { name: note.name, coupon: couponInTitle(note.coupon), what })}</h4>
      <DataTable columns={columns} rows={rows} rowKey={(r) => String(r.index)} testId={`grid-${figure}-${note.id}`} />
    </div>
  );
}

/**
 * A grid's result on the Deal screen: per note, a table of loss % and one of WAL over the two
 * parameters, each marking the frontier — on each row, the cell of the smallest column value where
 * the note first loses principal (■) and first misses timely interest (◆) (docs/sweeps.md).
 */
export function GridView({ grid, seconds, stored, stale }: { grid: GridResult; seconds: number; stored: RunStoreNote | undefined; stale: boolean }) {
  const t = useT();
  const cells = grid.rows.values.length * grid.columns.values.length;
  return (
    <section className={stale ? 'grid-result stale' : 'grid-result'} aria-labelledby="grid-result-heading" data-testid="grid-result">
      <h3 id="grid-result-heading">{t('grid.heading', { rows: grid.rows.parameter, columns: grid.columns.parameter })}</h3>
      <p className="muted small" data-testid="grid-caption">
        {t('grid.caption', {
          deal: grid.dealName,
          pool: grid.poolName,
          cells,
          seconds: formatSeconds(seconds),
          principalMark: PRINCIPAL_MARK,
          timelyMark: TIMELY_MARK,
          column: grid.columns.parameter,
        })}
      </p>
      <StoreNote stored={stored} />
      {grid.notes.map((note, n) => (
        <div key={note.id} className="grid-note">
          <NoteTable grid={grid} n={n} figure="loss" />
          <NoteTable grid={grid} n={n} figure="wal" />
        </div>
      ))}
    </section>
  );
}
