import type { BreakevenResult, BreakevenRow } from '../../../service/api/contract.ts';
import { formatPct, formatSeconds } from '../../app/format.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';

/** A breakeven stress in its unit: "1.234×" (default multiplier) or "3.250% CDR"; "≥" when never reached in the range tried. */
export function stressOf(by: BreakevenResult['by'], row: BreakevenRow): string {
  if (row.status === 'lossWithoutStress') return 'loses at 0';
  const value = by === 'cdr' ? `${formatPct(row.stress, 3)} CDR` : `${row.stress.toFixed(3)}×`;
  return row.status === 'beyondRange' ? `≥ ${value}` : value;
}

const STATUS = { found: 'found', lossWithoutStress: 'loses without stress', beyondRange: 'never loses in the range tried' } as const;

/** Each note's breakeven stress and the pool's cumulative default and net loss at it; `seconds` is the job's compute time. */
export function BreakevenView({ result, seconds, stale }: { result: BreakevenResult; seconds: number; stale: boolean }) {
  const columns: readonly Column<BreakevenRow>[] = [
    { key: 'name', header: 'Note', render: (r) => r.name },
    { key: 'test', header: 'Test', render: (r) => (r.interest === 'timely' ? 'timely interest' : 'ultimate payment') },
    { key: 'stress', header: result.by === 'cdr' ? 'Breakeven CDR (annual)' : 'Breakeven default multiplier', render: (r) => stressOf(result.by, r), align: 'right' },
    { key: 'status', header: 'Status', render: (r) => STATUS[r.status] },
    { key: 'cdr', header: 'Pool cum. default rate at it', render: (r) => formatPct(r.cumulativeDefaultRate), align: 'right' },
    { key: 'cnl', header: 'Pool cum. net loss at it (% of cutoff)', render: (r) => formatPct(r.cumulativeNetLossRate), align: 'right' },
  ];
  return (
    <section className={stale ? 'breakevens stale' : 'breakevens'} aria-labelledby="breakeven-heading" data-testid="breakevens">
      <h2 id="breakeven-heading">Breakevens</h2>
      <p className="muted small">
        The largest stress at which each note with a coupon still passes its test — timely interest: every coupon paid on its date (no interest shortfall in any period) and all principal by the end;
        ultimate payment: all principal and interest by the end (
        {result.interest === 'bySeniority' ? 'timely for the senior class, seniority 1, ultimate for the others' : `${result.interest} for every note`}) —{' '}
        {result.by === 'cdr' ? 'a constant CDR replacing the scenario’s default curves' : 'a multiple of the scenario’s default curve (and roll into 1–30 DPD)'}; bisection to{' '}
        {result.by === 'cdr' ? `${(result.tolerance * 100).toFixed(3)} percentage point` : `${formatPct(result.tolerance, 1)} of the multiplier`}. {result.runs} runs in {formatSeconds(seconds)}.
      </p>
      <div className="table-scroll" role="region" aria-label="Breakeven table" tabIndex={0}>
        <DataTable columns={columns} rows={result.rows} rowKey={(r) => r.id} testId="breakeven-table" />
      </div>
    </section>
  );
}
