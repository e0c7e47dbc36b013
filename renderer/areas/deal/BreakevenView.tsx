import type { BreakevenResult, BreakevenRow } from '../../../service/api/contract.ts';
import { formatPct, formatSeconds } from '../../app/format.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { useT } from '../../app/i18n.tsx';

/** A breakeven stress in its unit: "1.234×" (default multiplier) or "3.250% CDR"; "≥" when never reached in the range tried. */
export function stressOf(by: BreakevenResult['by'], row: BreakevenRow): string {
  if (row.status === 'lossWithoutStress') return 'loses at 0';
  const value = by === 'cdr' ? `${formatPct(row.stress, 3)} CDR` : `${row.stress.toFixed(3)}×`;
  return row.status === 'beyondRange' ? `≥ ${value}` : value;
}

const STATUS = { found: 'found', lossWithoutStress: 'loses without stress', beyondRange: 'never loses in the range tried' } as const;

/** Each note's breakeven stress and the pool's cumulative default and net loss at it; `seconds` is the job's compute time. */
export function BreakevenView({ result, seconds, stale }: { result: BreakevenResult; seconds: number; stale: boolean }) {
  const t = useT();
  const columns: readonly Column<BreakevenRow>[] = [
    { key: 'name', header: t('deal.note'), render: (r) => r.name },
    { key: 'test', header: t('deal.test'), render: (r) => (r.interest === 'timely' ? t('deal.timelyInterest') : t('deal.ultimatePayment')) },
    { key: 'stress', header: result.by === 'cdr' ? t('deal.breakevenCdrAnnual') : t('deal.breakevenDefaultMultiplier'), render: (r) => stressOf(result.by, r), align: 'right' },
    { key: 'status', header: t('deal.status'), render: (r) => STATUS[r.status] },
    { key: 'cdr', header: t('deal.poolCumDefaultRate'), render: (r) => formatPct(r.cumulativeDefaultRate), align: 'right' },
    { key: 'cnl', header: t('deal.poolCumNetLoss'), render: (r) => formatPct(r.cumulativeNetLossRate), align: 'right' },
  ];
  return (
    <section className={stale ? 'breakevens stale' : 'breakevens'} aria-labelledby="breakeven-heading" data-testid="breakevens">
      <h2 id="breakeven-heading">{t('deal.breakevens')}</h2>
      <p className="muted small">
        {t('deal.theLargestStressAt')}
        {result.interest === 'bySeniority' ? t('deal.timelyForTheSenior') : t('deal.forEveryNote', { interest: result.interest })}
        {t('common.bracketClose')} — {result.by === 'cdr' ? t('deal.aConstantCdrReplacing') : t('deal.aMultipleOfThe')}
        {t('deal.bisectionTo')}{' '}
        {result.by === 'cdr' ? t('deal.percentagePoint', { toFixed: (result.tolerance * 100).toFixed(3) }) : t('deal.ofTheMultiplier', { tolerance: formatPct(result.tolerance, 1) })}
        {t('deal.runsIn', { runs: result.runs, seconds: formatSeconds(seconds) })}
      </p>
      <div className="table-scroll" role="region" aria-label={t('deal.breakevenTable')} tabIndex={0}>
        <DataTable columns={columns} rows={result.rows} rowKey={(r) => r.id} testId="breakeven-table" />
      </div>
    </section>
  );
}
