import type { GridResult } from '../../../service/api/contract.ts';
import { formatPct } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import type { MessageKey } from '../../app/i18n.tsx';
import { frontierColumns, GRID_PARAMETER_LABELS, heatColor, heatTextColor, LOSS_SCALE, shareOf, walScale, type HeatScale } from './heatmap.ts';

type Figure = 'loss' | 'wal';

const FIGURE_TITLES: Readonly<Record<Figure, MessageKey>> = { loss: 'heat.loss', wal: 'heat.wal' };

function valueOf(grid: GridResult, note: number, i: number, j: number, figure: Figure): number | null {
  const cell = grid.cells[i]?.[j]?.notes[note];
  if (!cell) return null;
  return figure === 'loss' ? cell.lossRate : cell.walYears;
}

/** A cell's text: a loss as the Deal screen's grid, the Excel report and the pack write it (formatPct, 2 decimals), a WAL in years to 2 decimals. */
const textOf = (value: number | null, figure: Figure): string => (value === null ? '—' : figure === 'loss' ? formatPct(value) : value.toFixed(2));

/** The colour scale: a bar from its low end to its high end, both written with their unit, and the frontier's marks. */
function ScaleLegend({ figure, scale }: { figure: Figure; scale: HeatScale }) {
  const t = useT();
  const low = figure === 'loss' ? formatPct(scale.min, 0) : t('heat.years', { value: scale.min.toFixed(2) });
  const high = figure === 'loss' ? formatPct(scale.max, 0) : t('heat.years', { value: scale.max.toFixed(2) });
  return (
    <div className="heat-legend small" data-testid="heat-legend">
      <span>{low}</span>
      <span className="heat-legend-bar" style={{ background: `linear-gradient(to right, ${heatColor(0, figure)}, ${heatColor(1, figure)})` }} aria-hidden="true" />
      <span>{high}</span>
      <span className="heat-legend-marks">
        <span className="frontier-swatch frontier-principal" aria-hidden="true" /> {t('heat.principalMark')}
        <span className="frontier-swatch frontier-timely" aria-hidden="true" /> {t('heat.timelyMark')}
      </span>
    </div>
  );
}

/** One note's heatmap of one figure over the grid's two parameters: a table, each cell its value on its colour, the breakeven frontier outlined. */
function Heatmap({ grid, note, figure }: { grid: GridResult; note: number; figure: Figure }) {
  const t = useT();
  const meta = grid.notes[note];
  if (!meta) return null;
  const scale = figure === 'loss' ? LOSS_SCALE : walScale(grid, note);
  const rowLabel = t(GRID_PARAMETER_LABELS[grid.rows.parameter]);
  const columnLabel = t(GRID_PARAMETER_LABELS[grid.columns.parameter]);
  return (
    <figure className="heatmap" data-testid={`heatmap-${figure}-${meta.id}`}>
      <figcaption>
        <h4>
          {meta.name}: {t(FIGURE_TITLES[figure])}
        </h4>
        <ScaleLegend figure={figure} scale={scale} />
      </figcaption>
      <div className="table-scroll" role="region" aria-label={t('heat.region', { name: meta.name, figure: t(FIGURE_TITLES[figure]) })} tabIndex={0}>
        <table className="heat-table">
          <thead>
            <tr>
              <th scope="col" className="heat-corner">
                {rowLabel} ↓ / {columnLabel} →
              </th>
              {grid.columns.values.map((c) => (
                <th key={c} scope="col" className="num">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.values.map((r, i) => {
              const frontier = frontierColumns(grid, note, i);
              return (
                <tr key={r}>
                  <th scope="row" className="num">
                    {r}
                  </th>
                  {grid.columns.values.map((c, j) => {
                    const value = valueOf(grid, note, i, j, figure);
                    const share = value === null ? 0 : shareOf(value, scale);
                    const marks = [j === frontier.principal ? 'frontier-principal' : '', j === frontier.timely ? 'frontier-timely' : ''].filter(Boolean);
                    const said = [j === frontier.principal ? t('heat.principalHere') : '', j === frontier.timely ? t('heat.timelyHere') : ''].filter(Boolean).join('; ');
                    return (
                      <td
                        key={c}
                        className={['num', 'heat-cell', ...marks].join(' ')}
                        style={{ background: heatColor(share, figure), color: heatTextColor(share) }}
                        title={`${t('heat.cellTitle', { rowLabel, row: r, columnLabel, column: c, value: textOf(value, figure) })}${said ? ` — ${said}` : ''}`}
                        data-frontier={marks.join(' ') || undefined}
                      >
                        {textOf(value, figure)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** A stored grid: for each note its loss and WAL heatmaps over the two parameters, with the breakeven frontier marked. */
export function GridHeatmaps({ grid, title }: { grid: GridResult; title: string }) {
  const t = useT();
  return (
    <section className="panel grid-heatmaps" aria-label={title} data-testid="grid-heatmaps">
      <h3>{title}</h3>
      <p className="muted small">
        {t('heat.caption', {
          deal: grid.dealName,
          pool: grid.poolName,
          rows: t(GRID_PARAMETER_LABELS[grid.rows.parameter]),
          columns: t(GRID_PARAMETER_LABELS[grid.columns.parameter]),
          basis: grid.notes[0]?.walBasis ?? 'ACT/365',
        })}
      </p>
      {grid.notes.map((note, n) => (
        <div key={note.id} className="heatmap-pair">
          <Heatmap grid={grid} note={n} figure="loss" />
          <Heatmap grid={grid} note={n} figure="wal" />
        </div>
      ))}
    </section>
  );
}
