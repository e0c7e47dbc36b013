import type { GridResult, ScenarioRunRow, ScenarioSetRunResult } from '../../../service/api/contract.ts';
import { formatPct, formatSeconds } from '../../app/format.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { formatMoney, type DealCurrency } from '../deal/model.ts';
import { DENOMINATOR_LABELS } from '../compare/table.ts';
import { useT } from '../../app/i18n.tsx';

const years = (x: number | null): string => (x === null ? '—' : `${x.toFixed(2)} y`);

/** A stored scenario set: per note its WAL, yield, loss and shortfall under each scenario (and breakeven when solved); then the pool's figures; amounts in its deal's currency. */
export function StoredScenarioSetView({ result, seconds, currency }: { result: ScenarioSetRunResult; seconds: number; currency: DealCurrency }) {
  const t = useT();
  const notes = result.scenarios[0]?.tranches ?? [];
  const hasBreakevens = result.scenarios.some((s) => s.breakeven !== undefined);
  const columns: readonly Column<ScenarioRunRow>[] = [
    { key: 'name', header: t('runs.scenario'), render: (s) => s.name },
    ...notes.flatMap((note, i): Column<ScenarioRunRow>[] => [
      { key: `${note.id}-wal`, header: t('runs.wal', { name: note.name, walBasis: note.walBasis }), render: (s) => years(s.tranches[i]?.walYears ?? null), align: 'right' },
      {
        key: `${note.id}-yield`,
        header: t('runs.yieldParAnnEff', { name: note.name }),
        render: (s) => formatPct(s.tranches[i]?.irr ?? s.tranches[i]?.yieldAtParAnnualEffective ?? null),
        align: 'right',
      },
      { key: `${note.id}-loss`, header: t('runs.loss', { name: note.name }), render: (s) => formatPct(s.tranches[i]?.lossRate ?? null), align: 'right' },
      { key: `${note.id}-short`, header: t('runs.interestShortfall', { name: note.name }), render: (s) => formatMoney(s.tranches[i]?.interestShortfall ?? 0, currency), align: 'right' },
      ...(hasBreakevens
        ? [
            {
              key: `${note.id}-be`,
              header: t('runs.breakeven', { name: note.name }),
              render: (s: ScenarioRunRow) => {
                const row = s.breakeven?.rows.find((r) => r.id === note.id);
                if (!s.breakeven || !row) return '—';
                if (row.status === 'lossWithoutStress') return t('runs.losesAtZero');
                return `${row.status === 'beyondRange' ? '≥ ' : ''}${s.breakeven.by === 'cdr' ? `${formatPct(row.stress)} CDR` : `${row.stress.toFixed(3)}×`} ${row.interest}`;
              },
              align: 'right' as const,
            },
          ]
        : []),
    ]),
    {
      key: 'cdr',
      header: t('runs.cumDefaultRate', { cumulativeRatioDenominator: t(DENOMINATOR_LABELS[result.cumulativeRatioDenominator]) }),
      render: (s) => formatPct(s.cumulativeDefaultRate),
      align: 'right',
    },
    { key: 'cnl', header: t('runs.netLossOfCutoff'), render: (s) => formatPct(s.cumulativeNetLossRate), align: 'right' },
    { key: 'reserve', header: t('runs.reserveDraws'), render: (s) => formatMoney(s.reserveDraws, currency), align: 'right' },
  ];
  return (
    <section aria-labelledby="stored-scenarios-heading" data-testid="stored-scenarios">
      <h2 id="stored-scenarios-heading">{t('runs.scenarioSet', { setName: result.setName })}</h2>
      <p className="muted small">
        {t('runs.onPoolBalanceDeal', {
          dealName: result.dealName,
          poolName: result.poolName,
          poolBalance: formatMoney(result.poolBalance, currency),
          length: result.scenarios.length,
          seconds: formatSeconds(seconds),
        })}
      </p>
      <div className="table-scroll" role="region" aria-label={t('runs.scenarioTable')} tabIndex={0}>
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
  const t = useT();
  const rows: GridRow[] = grid.rows.values.map((value, index) => ({ value, index }));
  return (
    <section aria-labelledby="stored-grid-heading" data-testid="stored-grid">
      <h2 id="stored-grid-heading">{t('runs.grid', { parameter: grid.rows.parameter, parameter2: grid.columns.parameter })}</h2>
      <p className="muted small">
        {t('runs.onCellsInEach', {
          dealName: grid.dealName,
          poolName: grid.poolName,
          value: grid.rows.values.length * grid.columns.values.length,
          seconds: formatSeconds(seconds),
          parameter: grid.rows.parameter,
          parameter2: grid.columns.parameter,
        })}
      </p>
      {grid.notes.map((note, n) => {
        const frontier = grid.frontier[n];
        const columns: readonly Column<GridRow>[] = [
          { key: 'row', header: `${grid.rows.parameter} ↓ / ${grid.columns.parameter} →`, render: (r) => String(r.value) },
          ...grid.columns.values.map((c, j) => ({ key: `c${j}`, header: String(c), render: (r: GridRow) => formatPct(grid.cells[r.index]?.[j]?.notes[n]?.lossRate ?? null), align: 'right' as const })),
          { key: 'principal', header: t('runs.principalLostFrom'), render: (r) => String(frontier?.principalLoss[r.index] ?? '—'), align: 'right' },
          { key: 'timely', header: t('runs.timelyInterestMissedFrom'), render: (r) => String(frontier?.timelyInterest[r.index] ?? '—'), align: 'right' },
        ];
        return (
          <div key={note.id} className="table-scroll" role="region" aria-label={t('runs.lossGrid', { name: note.name })} tabIndex={0}>
            <h3>{t('runs.loss2', { name: note.name, coupon: note.coupon })}</h3>
            <DataTable columns={columns} rows={rows} rowKey={(r) => String(r.index)} testId={`stored-grid-${note.id}`} />
          </div>
        );
      })}
    </section>
  );
}
