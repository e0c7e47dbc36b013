import type { GridResult, ScenarioRunRow, ScenarioSetRunResult } from '../../../service/api/contract.ts';
import { formatPct, formatSeconds } from '../../app/format.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { formatMoney } from '../deal/model.ts';

const years = (x: number | null): string => (x === null ? '—' : `${x.toFixed(2)} y`);

/** A stored scenario set: per note its WAL, yield, loss and shortfall under each scenario (and breakeven when solved); then the pool's figures. */
export function StoredScenarioSetView({ result, seconds }: { result: ScenarioSetRunResult; seconds: number }) {
  const notes = result.scenarios[0]?.tranches ?? [];
  const hasBreakevens = result.scenarios.some((s) => s.breakeven !== undefined);
  const columns: readonly Column<ScenarioRunRow>[] = [
    { key: 'name', header: 'Scenario', render: (s) => s.name },
    ...notes.flatMap((note, i): Column<ScenarioRunRow>[] => [
      { key: `${note.id}-wal`, header: `${note.name} WAL (${note.walBasis})`, render: (s) => years(s.tranches[i]?.walYears ?? null), align: 'right' },
      {
        key: `${note.id}-yield`,
        header: `${note.name} yield @par (ann. eff.; IRR: residual)`,
        render: (s) => formatPct(s.tranches[i]?.irr ?? s.tranches[i]?.yieldAtParAnnualEffective ?? null),
        align: 'right',
      },
      { key: `${note.id}-loss`, header: `${note.name} loss %`, render: (s) => formatPct(s.tranches[i]?.lossRate ?? null), align: 'right' },
      { key: `${note.id}-short`, header: `${note.name} interest shortfall`, render: (s) => formatMoney(s.tranches[i]?.interestShortfall ?? 0), align: 'right' },
      ...(hasBreakevens
        ? [
            {
              key: `${note.id}-be`,
              header: `${note.name} breakeven`,
              render: (s: ScenarioRunRow) => {
                const row = s.breakeven?.rows.find((r) => r.id === note.id);
                if (!s.breakeven || !row) return '—';
                if (row.status === 'lossWithoutStress') return 'loses at 0';
                return `${row.status === 'beyondRange' ? '≥ ' : ''}${s.breakeven.by === 'cdr' ? `${formatPct(row.stress)} CDR` : `${row.stress.toFixed(3)}×`} ${row.interest}`;
              },
              align: 'right' as const,
            },
          ]
        : []),
    ]),
    { key: 'cdr', header: `Cum. default rate (÷ ${result.cumulativeRatioDenominator})`, render: (s) => formatPct(s.cumulativeDefaultRate), align: 'right' },
    { key: 'cnl', header: 'Net loss % of cutoff pool', render: (s) => formatPct(s.cumulativeNetLossRate), align: 'right' },
    { key: 'reserve', header: 'Reserve draws', render: (s) => formatMoney(s.reserveDraws), align: 'right' },
  ];
  return (
    <section aria-labelledby="stored-scenarios-heading" data-testid="stored-scenarios">
      <h2 id="stored-scenarios-heading">Scenario set {result.setName}</h2>
      <p className="muted small">
        {result.dealName} on {result.poolName} · pool balance {formatMoney(result.poolBalance)} (deal currency) · {result.scenarios.length} scenarios in {formatSeconds(seconds)}. Loss % = write-down ÷
        original balance; yield at par at closing, annual effective on ACT/365; interest shortfall = interest unpaid at the end (deal currency).
      </p>
      <div className="table-scroll" role="region" aria-label="Scenario table" tabIndex={0}>
        <DataTable columns={columns} rows={result.scenarios} rowKey={(s) => s.name} testId="stored-scenarios-table" />
      </div>
    </section>
  );
}

interface GridRow {
  readonly value: number;
  readonly index: number;
}

/** A stored grid: per note the loss % of each cell (rows × columns), and its frontier. */
export function StoredGridView({ grid, seconds }: { grid: GridResult; seconds: number }) {
  const rows: GridRow[] = grid.rows.values.map((value, index) => ({ value, index }));
  return (
    <section aria-labelledby="stored-grid-heading" data-testid="stored-grid">
      <h2 id="stored-grid-heading">
        Grid {grid.rows.parameter} × {grid.columns.parameter}
      </h2>
      <p className="muted small">
        {grid.dealName} on {grid.poolName} · {grid.rows.values.length * grid.columns.values.length} cells in {formatSeconds(seconds)}. Each cell: loss % of the note’s original balance (write-down).
        Frontier: for each {grid.rows.parameter}, the smallest {grid.columns.parameter} at which the note loses principal / first ends a period with interest unpaid (— nowhere on the row).
      </p>
      {grid.notes.map((note, n) => {
        const frontier = grid.frontier[n];
        const columns: readonly Column<GridRow>[] = [
          { key: 'row', header: `${grid.rows.parameter} ↓ / ${grid.columns.parameter} →`, render: (r) => String(r.value) },
          ...grid.columns.values.map((c, j) => ({ key: `c${j}`, header: String(c), render: (r: GridRow) => formatPct(grid.cells[r.index]?.[j]?.notes[n]?.lossRate ?? null), align: 'right' as const })),
          { key: 'principal', header: 'Principal lost from', render: (r) => String(frontier?.principalLoss[r.index] ?? '—'), align: 'right' },
          { key: 'timely', header: 'Timely interest missed from', render: (r) => String(frontier?.timelyInterest[r.index] ?? '—'), align: 'right' },
        ];
        return (
          <div key={note.id} className="table-scroll" role="region" aria-label={`${note.name} loss grid`} tabIndex={0}>
            <h3>
              {note.name} ({note.coupon}) — loss %
            </h3>
            <DataTable columns={columns} rows={rows} rowKey={(r) => String(r.index)} testId={`stored-grid-${note.id}`} />
          </div>
        );
      })}
    </section>
  );
}
